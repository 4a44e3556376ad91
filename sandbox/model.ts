/** The sandbox's internal records. Exposed read-only through `sandbox.data` for tests. */
import type { CompanySignalType, ContactSignalType } from './catalog';

export interface SandboxLocation {
  country: string;
  countryIso2: string;
  continent: string;
  countryGrouping: string;
  state: string | null;
  stateCode: string | null;
  city: string;
  /** [longitude, latitude], as Lusha's `location_coordinates`. */
  coordinates: [number, number];
  isEu: boolean;
}

export interface SandboxFundingRound {
  roundType: string;
  roundAmount: number;
  currency: string;
  /** YYYY-MM-DD */
  roundDate: string;
}

export interface SandboxCompany {
  id: number;
  name: string;
  alternativeName: string;
  domain: string;
  fqdn: string;
  website: string;
  description: string;
  founded: number;
  size: { min: number; max: number };
  employeesInLinkedin: number;
  revenueRange: [number, number] | null;
  mainIndustry: string;
  mainIndustryId: number;
  subIndustry: string;
  subIndustryId: number;
  sic: { code: string; label: string }[];
  naics: { code: string; label: string }[];
  technologies: string[];
  specialities: string[];
  funding: { rounds: SandboxFundingRound[]; isIpo: boolean } | null;
  intentTopics: { topicName: string; topicScore: number; topicTrend: string }[];
  location: SandboxLocation & { street: string; postalCode: string; rawLocation: string };
  companyLocations: SandboxLocation[];
  linkedinUrl: string;
  crunchbaseUrl: string | null;
  logoUrl: string;
  linkedinFollowers: number;
  companyType: string;
  popularityTier: number;
}

export interface SandboxEmail {
  email: string;
  emailType: 'work' | 'private';
  emailConfidence: string;
  updateDate: string;
}

export interface SandboxPhone {
  number: string;
  phoneType: 'mobile' | 'direct' | 'phone';
  doNotCall: boolean;
  updateDate: string;
}

export interface SandboxPreviousJob {
  companyId: number | null;
  companyName: string;
  domain: string;
  title: string;
  departments: string[];
}

export interface SandboxPerson {
  personId: number;
  firstName: string;
  lastName: string;
  fullName: string;
  companyId: number;
  jobTitle: string;
  seniorityId: number;
  seniority: string;
  departments: string[];
  emails: SandboxEmail[];
  phones: SandboxPhone[];
  location: SandboxLocation;
  linkedinUrl: string | null;
  xUrl: string | null;
  jobStartDate: string;
  previousJob: SandboxPreviousJob | null;
  updateDate: string;
  linkedinFollowersCount: number;
  linkedinConnectionsCount: number;
  skills: string[];
}

/** A contact signal as Lusha returns it (no id of its own). */
export interface ContactSignalRecord {
  type: ContactSignalType;
  personId: number;
  signalDate: string;
  currentCompanyId: number;
  currentCompanyName: string;
  currentDomain: string;
  currentTitle: string;
  currentDepartments: string;
  currentSeniorityLabel: string;
  previousCompanyName: string;
  previousDomain: string;
}

/** A company signal: `date` is `signalDate`, or `articlePublishedDate` for the news families. */
export interface CompanySignalRecord {
  type: CompanySignalType;
  signalId: string;
  companyId: number;
  date: string;
  fields: Record<string, string | number | null>;
}
