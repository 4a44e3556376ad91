/**
 * The one catalogue of Lusha's signal vocabulary: the contact and company signal types with
 * the names a Zap builder sees, and the values of the company signal filters (news event
 * types, hiring departments). Every signal field, reader, dropdown and record takes its
 * values from here, and so does the person lookup's Signal Types option.
 */

/** The contact signal types Lusha documents: what a person lookup or a contact watch may ask for. */
export type ContactSignalType = 'allSignals' | 'promotion' | 'companyChange';

/** Contact signal types Lusha documents, with the names shown to a Zap builder. */
export const CONTACT_SIGNAL_TYPES: Readonly<Record<ContactSignalType, string>> = {
  allSignals: 'All Contact Signals',
  promotion: 'Promotion',
  companyChange: 'Company Change (Job Change)',
};

const HEADCOUNT_PERIODS: Array<[string, string]> = [
  ['1m', '1 Month'],
  ['3m', '3 Months'],
  ['6m', '6 Months'],
  ['12m', '12 Months'],
];

/** Company signal types Lusha documents, with the names shown to a Zap builder. */
export const COMPANY_SIGNAL_TYPES: Readonly<Record<string, string>> = {
  allSignals: 'All Company Signals',
  ...Object.fromEntries(
    HEADCOUNT_PERIODS.flatMap(([suffix, period]) => [
      [`headcountIncrease${suffix}`, `Headcount Increase (${period})`],
      [`headcountDecrease${suffix}`, `Headcount Decrease (${period})`],
    ]),
  ),
  surgeInHiring: 'Surge in Hiring',
  surgeInHiringByDepartment: 'Surge in Hiring by Department',
  surgeInHiringByLocation: 'Surge in Hiring by Location',
  websiteTrafficIncrease: 'Website Traffic Increase',
  websiteTrafficDecrease: 'Website Traffic Decrease',
  itSpendIncrease: 'IT Spend Increase',
  itSpendDecrease: 'IT Spend Decrease',
  riskNews: 'News: Risk',
  commercialActivityNews: 'News: Commercial Activity',
  corporateStrategyNews: 'News: Corporate Strategy',
  financialEventsNews: 'News: Financial Events',
  marketIntelligenceNews: 'News: Market Intelligence',
  peopleNews: 'News: People',
  productActivityNews: 'News: Product Activity',
};

/**
 * The names of every company signal type Lusha may report, including those no step asks for by
 * name: V3's signal scores list a company's active types, LinkedIn activity intent among them.
 */
export const COMPANY_SIGNAL_TYPE_NAMES: Readonly<Record<string, string>> = {
  ...COMPANY_SIGNAL_TYPES,
  linkedinActivityIntent: 'LinkedIn Activity Intent',
};

/** "surgeInHiring" → "Surge In Hiring", for a type Lusha adds before the connector knows it. */
function humanize(type: string): string {
  const words = type.replace(/([a-z])([A-Z0-9])/g, '$1 $2').split(/\s+/);
  return words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(' ');
}

export const signalTypeName = (names: Readonly<Record<string, string>>, type: string): string =>
  names[type] ?? humanize(type);

export const CONTACT_SIGNAL_TYPE_KEYS = Object.keys(CONTACT_SIGNAL_TYPES) as ContactSignalType[];

/** News event types Lusha documents for the company news filter. */
export const NEWS_EVENT_TYPES = [
  'Asset Investment',
  'Asset Sale',
  'Competitor Activity',
  'Event Participation',
  'Executive Departure',
  'Executive Hire',
  'Executive Promotion',
  'Facilities Expansion',
  'Facility Closure',
  'Funding Round',
  'Headcount Decrease',
  'Headcount Increase',
  'IPO',
  'Lawsuit Faced',
  'Lawsuit Filed',
  'M&A',
  'New Customer',
  'New Location',
  'New Vendor',
  'Partnership',
  'Product Development',
  'Product Integration',
  'Product Launch',
  'Recognition',
  'Security Issue',
  'Strategic Investment',
] as const;

/** Departments Lusha documents for the hiring-surge-by-department filter. */
export const HIRING_DEPARTMENTS = [
  'Business Development',
  'Consulting',
  'Customer Service',
  'Engineering & Technical',
  'Finance',
  'General Management',
  'Health Care & Medical',
  'Human Resources',
  'Information Technology',
  'Legal',
  'Marketing',
  'Operations',
  'Other',
  'Product',
  'Research & Analytics',
  'Sales',
] as const;
