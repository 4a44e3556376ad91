/**
 * Request schemas of the V3 prospecting and lookalike endpoints, as a small declarative
 * validator: every key of `V3ContactFilterCriteria`, `V3CompanyFilterCriteria`,
 * `V3CompanyProspectingFilters`, `V3ContactsOnCompanySearchFilters` and `V3Location`
 * (operations `prospectingContacts`, `prospectingCompanies`), with their types, enums and
 * bounds. Unknown keys and bad values are collected as class-validator style messages naming
 * the full path (`filters.contacts.include.seniorityIds`), so one 400 lists every problem.
 */
import { COMPANY_SIGNAL_TYPES, CONTACT_SIGNAL_TYPES } from '../catalog';
import { isValidYmd } from '../dates';
import { type Errors, isInt, isObj, isStr } from '../validate';

export type Spec =
  | { t: 'str'; maxLength?: number }
  | { t: 'strs'; email?: boolean; maxItems?: number }
  | { t: 'ints'; maxItems?: number }
  | { t: 'int'; min?: number; max?: number }
  | { t: 'bool' }
  | { t: 'date' }
  | { t: 'enum'; values: readonly string[] }
  | { t: 'enums'; values: readonly string[] }
  | { t: 'obj'; fields: Fields; required?: readonly string[] }
  | { t: 'objs'; fields: Fields; required?: readonly string[]; maxItems?: number };

export type Fields = Readonly<Record<string, Spec>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function isEmail(v: unknown): v is string {
  return isStr(v) && EMAIL.test(v.trim());
}

/** Validate `v` against `spec`; adds a message per problem. Returns whether `v` is valid. */
export function check(v: unknown, spec: Spec, path: string, errs: Errors): boolean {
  const before = errs.list.length;
  switch (spec.t) {
    case 'str':
      if (!isStr(v)) errs.add(`${path} must be a string`);
      else if (spec.maxLength !== undefined && v.length > spec.maxLength) {
        errs.add(`${path} must be shorter than or equal to ${spec.maxLength} characters`);
      }
      break;
    case 'strs':
      if (!Array.isArray(v)) errs.add(`${path} must be an array`);
      else {
        if (!v.every(isStr)) errs.add(`each value in ${path} must be a string`);
        else if (spec.email && !v.every(isEmail)) errs.add(`each value in ${path} must be an email`);
        if (spec.maxItems !== undefined && v.length > spec.maxItems) {
          errs.add(`${path} must contain no more than ${spec.maxItems} elements`);
        }
      }
      break;
    case 'ints':
      if (!Array.isArray(v)) errs.add(`${path} must be an array`);
      else {
        if (!v.every(isInt)) errs.add(`each value in ${path} must be an integer number`);
        if (spec.maxItems !== undefined && v.length > spec.maxItems) {
          errs.add(`${path} must contain no more than ${spec.maxItems} elements`);
        }
      }
      break;
    case 'int':
      if (!isInt(v)) errs.add(`${path} must be an integer number`);
      else if (spec.min !== undefined && v < spec.min) errs.add(`${path} must not be less than ${spec.min}`);
      else if (spec.max !== undefined && v > spec.max) errs.add(`${path} must not be greater than ${spec.max}`);
      break;
    case 'bool':
      if (typeof v !== 'boolean') errs.add(`${path} must be a boolean value`);
      break;
    case 'date':
      if (!isValidYmd(v)) errs.add(`${path} must be a valid ISO 8601 date string (YYYY-MM-DD)`);
      break;
    case 'enum':
      if (!isStr(v) || !spec.values.includes(v)) {
        errs.add(`${path} must be one of the following values: ${spec.values.join(', ')}`);
      }
      break;
    case 'enums':
      if (!Array.isArray(v)) errs.add(`${path} must be an array`);
      else if (!v.every((x) => isStr(x) && spec.values.includes(x))) {
        errs.add(`each value in ${path} must be one of the following values: ${spec.values.join(', ')}`);
      }
      break;
    case 'obj':
      checkObject(v, spec.fields, spec.required ?? [], path, errs);
      break;
    case 'objs':
      if (!Array.isArray(v)) errs.add(`${path} must be an array`);
      else {
        v.forEach((item, i) => checkObject(item, spec.fields, spec.required ?? [], `${path}[${i}]`, errs));
        if (spec.maxItems !== undefined && v.length > spec.maxItems) {
          errs.add(`${path} must contain no more than ${spec.maxItems} elements`);
        }
      }
      break;
  }
  return errs.list.length === before;
}

/** An object with known fields only; `required` fields must be present. */
export function checkObject(
  v: unknown,
  fields: Fields,
  required: readonly string[],
  path: string,
  errs: Errors,
): boolean {
  const before = errs.list.length;
  if (!isObj(v)) {
    errs.add(`${path} must be an object`);
    return false;
  }
  const at = path === '' ? '' : `${path}.`;
  for (const k of Object.keys(v)) {
    if (!(k in fields)) errs.add(`property ${at}${k} should not exist`);
  }
  for (const k of required) if (v[k] === undefined) errs.add(`${at}${k} is required`);
  for (const [k, spec] of Object.entries(fields)) {
    if (v[k] !== undefined) check(v[k], spec, `${at}${k}`, errs);
  }
  return errs.list.length === before;
}

// ------------------------------------------------------------------ shared pieces

const strs: Spec = { t: 'strs' };
const ints: Spec = { t: 'ints' };
const date: Spec = { t: 'date' };
const orAnd = { t: 'enum', values: ['or', 'and'] } as const;

/** `V3Location`. */
export const LOCATION_FIELDS: Fields = {
  city: { t: 'str' },
  state: { t: 'str' },
  country: { t: 'str' },
  continent: { t: 'str' },
  countryGrouping: { t: 'str' },
  region: { t: 'str' },
  countryIso2: { t: 'str' },
};
const locations: Spec = { t: 'objs', fields: LOCATION_FIELDS };

/** `V3Range`. */
const ranges: Spec = { t: 'objs', fields: { min: { t: 'int', min: 0 }, max: { t: 'int' } } };
const yearRanges: Spec = { t: 'objs', fields: { min: { t: 'int' }, max: { t: 'int' } } };
const geographicDetails: Spec = {
  t: 'objs',
  fields: { country: { t: 'str' }, zipcode: { t: 'str' }, distance: { t: 'int' } },
};
const zipcodes: Spec = { t: 'objs', fields: { countryIso2: { t: 'str' }, zipcode: { t: 'str' } } };

export const CONTACT_SIGNAL_NAMES: readonly string[] = ['allSignals', ...CONTACT_SIGNAL_TYPES];
/** `V3CompanySignalsDto.types`: the dataset's types plus `allSignals` and `linkedinActivityIntent`. */
export const COMPANY_SIGNAL_NAMES: readonly string[] = [
  'allSignals',
  'linkedinActivityIntent',
  ...COMPANY_SIGNAL_TYPES,
];

export const BUSINESS_MODELS = ['B2B', 'B2C', 'B2G'] as const;
export const COMPANY_TYPES = [
  'Government',
  'Private Company',
  'Public Company',
  'Educational',
  'Non Profit',
  'Self Employed',
] as const;
export const FUNDING_COVERAGE = ['last_funding', 'any_round', 'total_funds', 'last_round'] as const;
export const FUNDING_ROUNDS = [
  'pre_seed',
  'seed',
  'series_a',
  'series_b',
  'series_c',
  'series_d',
  'series_e',
  'series_f',
  'series_g',
  'series_h',
  'other',
] as const;
export const FUNDING_NAMES = [
  'angel',
  'venture',
  'private_equity',
  'crowdfunding',
  'grant',
  'debt_financing',
  'other',
] as const;

const coverage = { t: 'enum', values: FUNDING_COVERAGE } as const;

/** `V3CompanyFilterCriteria.funding`. */
const funding: Spec = {
  t: 'obj',
  fields: {
    isIpo: { t: 'bool' },
    ranges: { t: 'objs', fields: { coverage, min: { t: 'int' }, max: { t: 'int' } } },
    date: { t: 'obj', fields: { coverage, date } },
    rounds: { t: 'objs', fields: { coverage, round: { t: 'enum', values: FUNDING_ROUNDS } } },
    names: { t: 'objs', fields: { coverage, name: { t: 'enum', values: FUNDING_NAMES } } },
    investors: strs,
    types: strs,
  },
};

// ------------------------------------------------------------------ contact criteria

/** Filters the spec marks "Refinement-only — must be paired with a base filter". */
export const CONTACT_REFINEMENTS = ['jobChangedAfterDate', 'jobChangedLastViewDate', 'education', 'score'] as const;

/** `V3ContactFilterCriteria` (filters.contacts.include / exclude of prospectingContacts). */
export const CONTACT_CRITERIA: Fields = {
  names: strs,
  jobTitles: strs,
  jobTitlesExactMatch: strs,
  normalizedJobTitles: strs,
  searchText: { t: 'str', maxLength: 200 },
  countries: strs,
  locations,
  seniorityIds: ints,
  departments: strs,
  linkedinUrls: strs,
  existingDataPoints: strs,
  signals: {
    t: 'obj',
    fields: { types: { t: 'enums', values: CONTACT_SIGNAL_NAMES }, startDate: date },
    required: ['types'],
  },
  emails: { t: 'strs', email: true },
  previousEmails: { t: 'strs', email: true },
  previousJobTitle: strs,
  skills: strs,
  certifications: strs,
  awards: strs,
  ids: strs,
  existingDataPointsCondition: orAnd,
  jobChangedAfterDate: date,
  jobChangedLastViewDate: date,
  education: {
    t: 'obj',
    fields: {
      degrees: strs,
      fieldsOfStudy: strs,
      schools: strs,
      startYearGte: { t: 'int' },
      graduationYearLte: { t: 'int' },
    },
  },
  score: {
    t: 'obj',
    fields: { minScore: { t: 'int', min: 0, max: 100 }, maxScore: { t: 'int', min: 0, max: 100 } },
  },
  geographicDetails,
};

/** `V3ContactsOnCompanySearchFilters` (filters.contacts of prospectingCompanies). */
export const CONTACT_ON_COMPANY_CRITERIA: Fields = {
  jobTitles: strs,
  departments: strs,
  seniorityIds: ints,
  skills: strs,
  locations,
  existingDataPoints: strs,
};

// ------------------------------------------------------------------ company criteria

const COMPANY_COMMON: Fields = {
  names: strs,
  domains: strs,
  ids: strs,
  locations,
  sizes: ranges,
  revenues: ranges,
  technologies: strs,
  technologiesCondition: orAnd,
  mainIndustriesIds: ints,
  subIndustriesIds: ints,
  intentTopics: strs,
  intentTopicsCondition: orAnd,
  intentMinScore: { t: 'int', min: 1, max: 100 },
  intentMaxScore: { t: 'int', min: 1, max: 100 },
  intentTopicsOperator: { t: 'enum', values: ['or', 'and', 'any', 'all'] },
  topicCountThreshold: ranges,
  sicCodes: strs,
  naicsCodes: strs,
  foundedYear: yearRanges,
  businessModel: { t: 'enums', values: BUSINESS_MODELS },
  companyType: { t: 'enums', values: COMPANY_TYPES },
  linkedinUrls: strs,
  keywords: strs,
  specialities: strs,
  exactSpecialities: strs,
  exactKeywords: strs,
  keywordsSearchFields: strs,
  previousCompanyDomains: strs,
  previousCompanyNames: strs,
  geographicDetails,
  locationsZipcodes: zipcodes,
  headquarterZipcodes: zipcodes,
};

/** `V3CompanyFilterCriteria` (filters.companies.include / exclude of prospectingContacts). */
export const COMPANY_CRITERIA: Fields = { ...COMPANY_COMMON, industriesLabels: strs, funding };

/** `V3CompanyProspectingFilters` (filters.companies.include / exclude of prospectingCompanies). */
export const COMPANY_PROSPECTING_CRITERIA: Fields = {
  ...COMPANY_COMMON,
  searchText: { t: 'str', maxLength: 200 },
  signals: {
    t: 'obj',
    required: ['types'],
    fields: {
      types: { t: 'enums', values: COMPANY_SIGNAL_NAMES },
      startDate: date,
      filterByLocation: { t: 'objs', fields: { country: { t: 'str' }, state: { t: 'str' }, startDate: date } },
      filterByDepartment: {
        t: 'objs',
        fields: { department: { t: 'str' }, startDate: date },
        required: ['department'],
      },
      filterByIntentCategory: strs,
    },
  },
};

/** The company filter's intent keys: the topics and the keys that qualify them. */
export const INTENT_KEYS = [
  'intentTopics',
  'intentTopicsCondition',
  'intentTopicsOperator',
  'intentMinScore',
  'intentMaxScore',
  'topicCountThreshold',
] as const;

/** Company keys that `filters.contacts` cannot be combined with (prospectingCompanies `filters`). */
export const NOT_WITH_CONTACT_FILTERS = [
  'searchText',
  'signals',
  ...INTENT_KEYS,
  'technologies',
  'technologiesCondition',
] as const;

// ------------------------------------------------------------------ pagination

/** `V3PaginationRequest`: both fields are listed as required. */
export const PAGINATION_FIELDS: Fields = {
  page: { t: 'int', min: 0, max: 1000 },
  size: { t: 'int', min: 10, max: 100 },
};
