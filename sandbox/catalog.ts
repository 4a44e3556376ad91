/**
 * Static reference lists the sandbox draws from: Lusha's filter vocabularies (departments,
 * seniorities, signal types, news event types) as documented, plus invented-but-plausible
 * geography, industries, codes, technologies and names used to generate the dataset.
 */

export const DEPARTMENTS = [
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
export type Department = (typeof DEPARTMENTS)[number];

/** Lusha's seniority filter list (id, label), highest first. */
export const SENIORITIES = [
  { id: 10, name: 'Founder' },
  { id: 9, name: 'C-Suite' },
  { id: 8, name: 'VP' },
  { id: 7, name: 'Partner' },
  { id: 6, name: 'Director' },
  { id: 5, name: 'Manager' },
  { id: 4, name: 'Senior' },
  { id: 3, name: 'Entry' },
  { id: 2, name: 'Intern' },
  { id: 1, name: 'Other' },
] as const;

export const EXISTING_DATA_POINTS = ['phone', 'work_email', 'mobile_phone', 'direct_phone'] as const;

export const CONTACT_SIGNAL_TYPES = ['promotion', 'companyChange'] as const;
export type ContactSignalType = (typeof CONTACT_SIGNAL_TYPES)[number];

export const HEADCOUNT_SIGNAL_TYPES = [
  'headcountIncrease1m',
  'headcountDecrease1m',
  'headcountIncrease3m',
  'headcountDecrease3m',
  'headcountIncrease6m',
  'headcountDecrease6m',
  'headcountIncrease12m',
  'headcountDecrease12m',
] as const;

export const NEWS_SIGNAL_TYPES = [
  'riskNews',
  'commercialActivityNews',
  'corporateStrategyNews',
  'financialEventsNews',
  'peopleNews',
  'marketIntelligenceNews',
  'productActivityNews',
] as const;
export type NewsSignalType = (typeof NEWS_SIGNAL_TYPES)[number];

/** Company signal types in the order Lusha's Signal Options endpoint lists them. */
export const COMPANY_SIGNAL_TYPES = [
  'websiteTrafficIncrease',
  'websiteTrafficDecrease',
  'itSpendIncrease',
  'itSpendDecrease',
  ...HEADCOUNT_SIGNAL_TYPES,
  'surgeInHiring',
  'surgeInHiringByDepartment',
  'surgeInHiringByLocation',
  ...NEWS_SIGNAL_TYPES,
] as const;
export type CompanySignalType = (typeof COMPANY_SIGNAL_TYPES)[number];

/** News categories and the event types each one covers (Signal Options description). */
export const NEWS_EVENTS: Record<NewsSignalType, readonly string[]> = {
  commercialActivityNews: ['Partnership', 'New Customer', 'New Vendor'],
  corporateStrategyNews: [
    'M&A',
    'Facilities Expansion',
    'New Location',
    'Facility Closure',
    'Asset Sale',
    'Lawsuit Filed',
  ],
  financialEventsNews: ['Funding Round', 'Asset Investment', 'Strategic Investment', 'IPO'],
  marketIntelligenceNews: ['Event Participation', 'Recognition', 'Competitor Activity'],
  peopleNews: [
    'Executive Hire',
    'Executive Departure',
    'Executive Promotion',
    'Headcount Increase',
    'Headcount Decrease',
  ],
  productActivityNews: ['Product Launch', 'Product Development', 'Product Integration'],
  riskNews: ['Security Issue', 'Lawsuit Faced'],
};

export const NEWS_EVENT_TYPES: readonly string[] = Object.values(NEWS_EVENTS)
  .flat()
  .sort((a, b) => a.localeCompare(b));

export interface City {
  city: string;
  state: string | null;
  stateCode: string | null;
  lat: number;
  lon: number;
}
export interface Country {
  name: string;
  code: string;
  continent: string;
  grouping: 'na' | 'emea' | 'apac' | 'latam';
  eu: boolean;
  dial: string;
  tld: string;
  cities: readonly City[];
}

const c = (city: string, state: string | null, stateCode: string | null, lat: number, lon: number): City => ({
  city,
  state,
  stateCode,
  lat,
  lon,
});

/** One country row, its fields in `Country`'s order. */
const country = (
  name: string,
  code: string,
  continent: string,
  grouping: Country['grouping'],
  eu: boolean,
  dial: string,
  tld: string,
  cities: readonly City[],
): Country => ({ name, code, continent, grouping, eu, dial, tld, cities });

export const COUNTRIES: readonly Country[] = [
  country('United States', 'US', 'North America', 'na', false, '1', 'com', [
    c('New York', 'New York', 'NY', 40.7128, -74.006),
    c('San Francisco', 'California', 'CA', 37.7749, -122.4194),
    c('Los Angeles', 'California', 'CA', 34.0522, -118.2437),
    c('Boston', 'Massachusetts', 'MA', 42.3584, -71.0598),
    c('Austin', 'Texas', 'TX', 30.2672, -97.7431),
    c('Chicago', 'Illinois', 'IL', 41.8781, -87.6298),
    c('Seattle', 'Washington', 'WA', 47.6062, -122.3321),
    c('Atlanta', 'Georgia', 'GA', 33.749, -84.388),
    c('Denver', 'Colorado', 'CO', 39.7392, -104.9903),
    c('Miami', 'Florida', 'FL', 25.7617, -80.1918),
  ]),
  country('Canada', 'CA', 'North America', 'na', false, '1', 'ca', [
    c('Toronto', 'Ontario', 'ON', 43.6532, -79.3832),
    c('Vancouver', 'British Columbia', 'BC', 49.2827, -123.1207),
    c('Montreal', 'Quebec', 'QC', 45.5017, -73.5673),
  ]),
  country('United Kingdom', 'GB', 'Europe', 'emea', false, '44', 'co.uk', [
    c('London', 'England', 'ENG', 51.5074, -0.1278),
    c('Manchester', 'England', 'ENG', 53.4808, -2.2426),
    c('Edinburgh', 'Scotland', 'SCT', 55.9533, -3.1883),
  ]),
  country('Germany', 'DE', 'Europe', 'emea', true, '49', 'de', [
    c('Berlin', 'Berlin', 'BE', 52.52, 13.405),
    c('Munich', 'Bavaria', 'BY', 48.1351, 11.582),
    c('Hamburg', 'Hamburg', 'HH', 53.5511, 9.9937),
    c('Frankfurt', 'Hesse', 'HE', 50.1109, 8.6821),
  ]),
  country('France', 'FR', 'Europe', 'emea', true, '33', 'fr', [
    c('Paris', 'Île-de-France', 'IDF', 48.8566, 2.3522),
    c('Lyon', 'Auvergne-Rhône-Alpes', 'ARA', 45.764, 4.8357),
  ]),
  country('Netherlands', 'NL', 'Europe', 'emea', true, '31', 'nl', [
    c('Amsterdam', 'North Holland', 'NH', 52.3676, 4.9041),
    c('Rotterdam', 'South Holland', 'ZH', 51.9244, 4.4777),
  ]),
  country('Ireland', 'IE', 'Europe', 'emea', true, '353', 'ie', [c('Dublin', 'Leinster', 'L', 53.3498, -6.2603)]),
  country('Spain', 'ES', 'Europe', 'emea', true, '34', 'es', [
    c('Madrid', 'Madrid', 'MD', 40.4168, -3.7038),
    c('Barcelona', 'Catalonia', 'CT', 41.3874, 2.1686),
  ]),
  country('Italy', 'IT', 'Europe', 'emea', true, '39', 'it', [
    c('Milan', 'Lombardy', '25', 45.4642, 9.19),
    c('Rome', 'Lazio', '62', 41.9028, 12.4964),
  ]),
  country('Sweden', 'SE', 'Europe', 'emea', true, '46', 'se', [
    c('Stockholm', 'Stockholm County', 'AB', 59.3293, 18.0686),
  ]),
  country('Poland', 'PL', 'Europe', 'emea', true, '48', 'pl', [
    c('Warsaw', 'Masovian', 'MZ', 52.2297, 21.0122),
    c('Krakow', 'Lesser Poland', 'MA', 50.0647, 19.945),
  ]),
  country('Israel', 'IL', 'Asia', 'emea', false, '972', 'co.il', [
    c('Tel Aviv', 'Tel Aviv District', 'TA', 32.0853, 34.7818),
    c('Jerusalem', 'Jerusalem District', 'JM', 31.7683, 35.2137),
  ]),
  country('India', 'IN', 'Asia', 'apac', false, '91', 'in', [
    c('Bangalore', 'Karnataka', 'KA', 12.9716, 77.5946),
    c('Mumbai', 'Maharashtra', 'MH', 19.076, 72.8777),
  ]),
  country('Australia', 'AU', 'Oceania', 'apac', false, '61', 'com.au', [
    c('Sydney', 'New South Wales', 'NSW', -33.8688, 151.2093),
    c('Melbourne', 'Victoria', 'VIC', -37.8136, 144.9631),
  ]),
  country('Singapore', 'SG', 'Asia', 'apac', false, '65', 'sg', [c('Singapore', null, null, 1.3521, 103.8198)]),
  country('Japan', 'JP', 'Asia', 'apac', false, '81', 'jp', [c('Tokyo', 'Tokyo', '13', 35.6762, 139.6503)]),
  country('Brazil', 'BR', 'South America', 'latam', false, '55', 'com.br', [
    c('São Paulo', 'São Paulo', 'SP', -23.5505, -46.6333),
  ]),
  country('Mexico', 'MX', 'North America', 'latam', false, '52', 'mx', [
    c('Mexico City', 'Mexico City', 'CMX', 19.4326, -99.1332),
  ]),
];

/** Relative weights for where companies are headquartered. */
export const COUNTRY_WEIGHTS: Record<string, number> = {
  US: 40,
  CA: 5,
  GB: 9,
  DE: 7,
  FR: 5,
  NL: 4,
  IE: 3,
  ES: 3,
  IT: 3,
  SE: 2,
  PL: 2,
  IL: 4,
  IN: 4,
  AU: 3,
  SG: 2,
  JP: 1,
  BR: 2,
  MX: 1,
};

export interface SubIndustry {
  id: number;
  name: string;
  sic: readonly [string, string];
  naics: readonly [string, string];
}
export interface Industry {
  id: number;
  name: string;
  suffixes: readonly string[];
  subs: readonly SubIndustry[];
}

const s = (id: number, name: string, sic: [string, string], naics: [string, string]): SubIndustry => ({
  id,
  name,
  sic,
  naics,
});

/** One main industry row, its fields in `Industry`'s order. */
const industry = (id: number, name: string, suffixes: readonly string[], subs: readonly SubIndustry[]): Industry => ({
  id,
  name,
  suffixes,
  subs,
});

export const INDUSTRIES: readonly Industry[] = [
  industry(
    1,
    'Technology, Information & Media',
    ['Labs', 'Software', 'Systems', 'Technologies', 'AI', 'Cloud', 'Data'],
    [
      s(101, 'Software Development', ['7372', 'Prepackaged Software'], ['511210', 'Software Publishers']),
      s(
        102,
        'IT Services & IT Consulting',
        ['7371', 'Computer Programming Services'],
        ['541511', 'Custom Computer Programming Services'],
      ),
      s(
        103,
        'Computer & Network Security',
        ['7373', 'Computer Integrated Systems Design'],
        ['541512', 'Computer Systems Design Services'],
      ),
      s(
        104,
        'E-Commerce & Marketplace',
        ['5961', 'Catalog and Mail-Order Houses'],
        ['454110', 'Electronic Shopping and Mail-Order Houses'],
      ),
      s(
        105,
        'Internet Publishing',
        ['7375', 'Information Retrieval Services'],
        ['519130', 'Internet Publishing and Broadcasting and Web Search Portals'],
      ),
      s(
        106,
        'Telecommunications',
        ['4813', 'Telephone Communications, Except Radiotelephone'],
        ['517311', 'Wired Telecommunications Carriers'],
      ),
    ],
  ),
  industry(
    2,
    'Financial Services',
    ['Capital', 'Financial', 'Bank', 'Insurance', 'Partners', 'Pay'],
    [
      s(201, 'Banking', ['6021', 'National Commercial Banks'], ['522110', 'Commercial Banking']),
      s(202, 'Insurance', ['6311', 'Life Insurance'], ['524113', 'Direct Life Insurance Carriers']),
      s(203, 'Investment Management', ['6282', 'Investment Advice'], ['523920', 'Portfolio Management']),
      s(
        204,
        'Capital Markets',
        ['6211', 'Security Brokers, Dealers, and Flotation Companies'],
        ['523110', 'Investment Banking and Securities Dealing'],
      ),
      s(
        205,
        'Venture Capital & Private Equity Principals',
        ['6799', 'Investors, Not Elsewhere Classified'],
        ['523910', 'Miscellaneous Intermediation'],
      ),
    ],
  ),
  industry(
    3,
    'Hospitals & Health Care',
    ['Health', 'Medical', 'Therapeutics', 'Care', 'Bio', 'Clinics'],
    [
      s(
        301,
        'Hospitals',
        ['8062', 'General Medical and Surgical Hospitals'],
        ['622110', 'General Medical and Surgical Hospitals'],
      ),
      s(
        302,
        'Medical Practices',
        ['8011', 'Offices and Clinics of Doctors of Medicine'],
        ['621111', 'Offices of Physicians (except Mental Health Specialists)'],
      ),
      s(
        303,
        'Pharmaceutical Manufacturing',
        ['2834', 'Pharmaceutical Preparations'],
        ['325412', 'Pharmaceutical Preparation Manufacturing'],
      ),
      s(
        304,
        'Biotechnology Research',
        ['8731', 'Commercial Physical and Biological Research'],
        ['541714', 'Research and Development in Biotechnology (except Nanobiotechnology)'],
      ),
      s(
        305,
        'Mental Health Care',
        ['8093', 'Specialty Outpatient Facilities, Not Elsewhere Classified'],
        ['621420', 'Outpatient Mental Health and Substance Abuse Centers'],
      ),
    ],
  ),
  industry(
    4,
    'Manufacturing',
    ['Industries', 'Manufacturing', 'Robotics', 'Components', 'Materials'],
    [
      s(
        401,
        'Industrial Machinery Manufacturing',
        ['3559', 'Special Industry Machinery, Not Elsewhere Classified'],
        ['333249', 'Other Industrial Machinery Manufacturing'],
      ),
      s(
        402,
        'Motor Vehicle Manufacturing',
        ['3711', 'Motor Vehicles and Passenger Car Bodies'],
        ['336111', 'Automobile Manufacturing'],
      ),
      s(
        403,
        'Semiconductor Manufacturing',
        ['3674', 'Semiconductors and Related Devices'],
        ['334413', 'Semiconductor and Related Device Manufacturing'],
      ),
      s(
        404,
        'Food and Beverage Manufacturing',
        ['2086', 'Bottled and Canned Soft Drinks and Carbonated Waters'],
        ['312111', 'Soft Drink Manufacturing'],
      ),
      s(
        405,
        'Medical Equipment Manufacturing',
        ['3841', 'Surgical and Medical Instruments and Apparatus'],
        ['339112', 'Surgical and Medical Instrument Manufacturing'],
      ),
    ],
  ),
  industry(
    5,
    'Retail',
    ['Retail', 'Stores', 'Market', 'Outfitters', 'Goods'],
    [
      s(501, 'Retail Apparel and Fashion', ['5621', "Women's Clothing Stores"], ['448120', "Women's Clothing Stores"]),
      s(
        502,
        'Retail Groceries',
        ['5411', 'Grocery Stores'],
        ['445110', 'Supermarkets and Other Grocery (except Convenience) Stores'],
      ),
      s(
        503,
        'Online and Mail Order Retail',
        ['5961', 'Catalog and Mail-Order Houses'],
        ['454110', 'Electronic Shopping and Mail-Order Houses'],
      ),
      s(504, 'Retail Luxury Goods and Jewelry', ['5944', 'Jewelry Stores'], ['448310', 'Jewelry Stores']),
    ],
  ),
  industry(
    6,
    'Professional Services',
    ['Consulting', 'Advisors', 'Group', 'Partners', 'Agency', 'Associates'],
    [
      s(
        601,
        'Business Consulting and Services',
        ['8742', 'Management Consulting Services'],
        ['541611', 'Administrative Management and General Management Consulting Services'],
      ),
      s(602, 'Legal Services', ['8111', 'Legal Services'], ['541110', 'Offices of Lawyers']),
      s(
        603,
        'Accounting',
        ['8721', 'Accounting, Auditing, and Bookkeeping Services'],
        ['541211', 'Offices of Certified Public Accountants'],
      ),
      s(604, 'Advertising Services', ['7311', 'Advertising Agencies'], ['541810', 'Advertising Agencies']),
      s(605, 'Staffing and Recruiting', ['7361', 'Employment Agencies'], ['561311', 'Employment Placement Agencies']),
    ],
  ),
  industry(
    7,
    'Education',
    ['Learning', 'Academy', 'Education', 'Institute'],
    [
      s(
        701,
        'Higher Education',
        ['8221', 'Colleges, Universities, and Professional Schools'],
        ['611310', 'Colleges, Universities, and Professional Schools'],
      ),
      s(
        702,
        'E-Learning Providers',
        ['8299', 'Schools and Educational Services, Not Elsewhere Classified'],
        ['611710', 'Educational Support Services'],
      ),
      s(
        703,
        'Primary and Secondary Education',
        ['8211', 'Elementary and Secondary Schools'],
        ['611110', 'Elementary and Secondary Schools'],
      ),
    ],
  ),
  industry(
    8,
    'Transportation, Logistics, Supply Chain and Storage',
    ['Logistics', 'Freight', 'Transport', 'Shipping'],
    [
      s(
        801,
        'Truck Transportation',
        ['4213', 'Trucking, Except Local'],
        ['484121', 'General Freight Trucking, Long-Distance, Truckload'],
      ),
      s(
        802,
        'Freight and Package Transportation',
        ['4215', 'Courier Services, Except by Air'],
        ['492110', 'Couriers and Express Delivery Services'],
      ),
      s(
        803,
        'Warehousing and Storage',
        ['4225', 'General Warehousing and Storage'],
        ['493110', 'General Warehousing and Storage'],
      ),
      s(
        804,
        'Airlines and Aviation',
        ['4512', 'Air Transportation, Scheduled'],
        ['481111', 'Scheduled Passenger Air Transportation'],
      ),
    ],
  ),
  industry(
    9,
    'Real Estate and Equipment Rental Services',
    ['Properties', 'Realty', 'Estates', 'Homes'],
    [
      s(
        901,
        'Real Estate',
        ['6531', 'Real Estate Agents and Managers'],
        ['531210', 'Offices of Real Estate Agents and Brokers'],
      ),
      s(
        902,
        'Leasing Residential Real Estate',
        ['6513', 'Operators of Apartment Buildings'],
        ['531110', 'Lessors of Residential Buildings and Dwellings'],
      ),
      s(
        903,
        'Leasing Non-residential Real Estate',
        ['6512', 'Operators of Nonresidential Buildings'],
        ['531120', 'Lessors of Nonresidential Buildings (except Miniwarehouses)'],
      ),
    ],
  ),
  industry(
    10,
    'Construction',
    ['Construction', 'Builders', 'Engineering', 'Contractors'],
    [
      s(
        1001,
        'Building Construction',
        ['1542', 'General Contractors-Nonresidential Buildings, Other than Industrial Buildings and Warehouses'],
        ['236220', 'Commercial and Institutional Building Construction'],
      ),
      s(
        1002,
        'Civil Engineering',
        ['1611', 'Highway and Street Construction, Except Elevated Highways'],
        ['237310', 'Highway, Street, and Bridge Construction'],
      ),
      s(
        1003,
        'Specialty Trade Contractors',
        ['1731', 'Electrical Work'],
        ['238210', 'Electrical Contractors and Other Wiring Installation Contractors'],
      ),
    ],
  ),
  industry(
    11,
    'Utilities',
    ['Energy', 'Power', 'Utilities', 'Renewables'],
    [
      s(
        1101,
        'Electric Power Generation',
        ['4911', 'Electric Services'],
        ['221118', 'Other Electric Power Generation'],
      ),
      s(
        1102,
        'Solar Electric Power Generation',
        ['4911', 'Electric Services'],
        ['221114', 'Solar Electric Power Generation'],
      ),
      s(
        1103,
        'Water Supply and Irrigation Systems',
        ['4941', 'Water Supply'],
        ['221310', 'Water Supply and Irrigation Systems'],
      ),
    ],
  ),
  industry(
    12,
    'Hospitality',
    ['Hotels', 'Hospitality', 'Kitchen', 'Travel', 'Resorts'],
    [
      s(
        1201,
        'Hotels and Motels',
        ['7011', 'Hotels and Motels'],
        ['721110', 'Hotels (except Casino Hotels) and Motels'],
      ),
      s(1202, 'Restaurants', ['5812', 'Eating Places'], ['722511', 'Full-Service Restaurants']),
      s(1203, 'Travel Arrangements', ['4724', 'Travel Agencies'], ['561510', 'Travel Agencies']),
    ],
  ),
  industry(
    13,
    'Entertainment Providers',
    ['Entertainment', 'Studios', 'Media', 'Sports'],
    [
      s(
        1301,
        'Spectator Sports',
        ['7941', 'Professional Sports Clubs and Promoters'],
        ['711211', 'Sports Teams and Clubs'],
      ),
      s(1302, 'Museums, Historical Sites, and Zoos', ['8412', 'Museums and Art Galleries'], ['712110', 'Museums']),
      s(
        1303,
        'Gambling Facilities and Casinos',
        ['7999', 'Amusement and Recreation Services, Not Elsewhere Classified'],
        ['713210', 'Casinos (except Casino Hotels)'],
      ),
    ],
  ),
];

export const INDUSTRY_WEIGHTS: Record<number, number> = {
  1: 30,
  2: 10,
  3: 10,
  4: 9,
  5: 7,
  6: 9,
  7: 4,
  8: 5,
  9: 4,
  10: 4,
  11: 3,
  12: 3,
  13: 2,
};

/** Two-digit NAICS sectors (returned by the NAICS filter list alongside the detailed codes). */
export const NAICS_SECTORS: readonly (readonly [string, string])[] = [
  ['22', 'Utilities'],
  ['23', 'Construction'],
  ['31', 'Manufacturing'],
  ['32', 'Manufacturing'],
  ['33', 'Manufacturing'],
  ['44', 'Retail Trade'],
  ['45', 'Retail Trade'],
  ['48', 'Transportation and Warehousing'],
  ['49', 'Transportation and Warehousing'],
  ['51', 'Information'],
  ['52', 'Finance and Insurance'],
  ['53', 'Real Estate and Rental and Leasing'],
  ['54', 'Professional, Scientific, and Technical Services'],
  ['56', 'Administrative and Support and Waste Management and Remediation Services'],
  ['61', 'Educational Services'],
  ['62', 'Health Care and Social Assistance'],
  ['71', 'Arts, Entertainment, and Recreation'],
  ['72', 'Accommodation and Food Services'],
];

/** One entry of the SIC or NAICS filter list. */
export interface IndustryCode {
  code: string;
  label: string;
}

/** Code-label pairs as a filter list, by code (a code given twice keeps its last label). */
function byCode(pairs: readonly (readonly [string, string])[]): readonly IndustryCode[] {
  return [...new Map(pairs)].sort(([a], [b]) => a.localeCompare(b)).map(([code, label]) => ({ code, label }));
}

/** The SIC codes of every sub-industry (the SIC filter list). */
export const SIC_CODES = byCode(INDUSTRIES.flatMap((i) => i.subs.map((sub) => sub.sic)));
/** The NAICS sectors and the detailed NAICS codes of every sub-industry (the NAICS filter list). */
export const NAICS_CODES = byCode([...NAICS_SECTORS, ...INDUSTRIES.flatMap((i) => i.subs.map((sub) => sub.naics))]);

export const SIZE_RANGES = [
  { min: 1, max: 10 },
  { min: 11, max: 50 },
  { min: 51, max: 200 },
  { min: 201, max: 500 },
  { min: 501, max: 1000 },
  { min: 1001, max: 5000 },
  { min: 5001, max: 10000 },
  { min: 10001, max: 100000 },
] as const;

export const REVENUE_RANGES = [
  { min: 1, max: 1000000 },
  { min: 1000001, max: 10000000 },
  { min: 10000001, max: 50000000 },
  { min: 50000001, max: 100000000 },
  { min: 100000001, max: 250000000 },
  { min: 250000001, max: 500000000 },
  { min: 500000001, max: 1000000000 },
  { min: 1000000001, max: 10000000000 },
] as const;

export const TECHNOLOGIES = [
  'Salesforce',
  'HubSpot',
  'Marketo',
  'Pardot',
  'Google Analytics',
  'Google Tag Manager',
  'Amazon Web Services',
  'Microsoft Azure',
  'Google Cloud Platform',
  'Snowflake',
  'Databricks',
  'Kubernetes',
  'Docker',
  'Terraform',
  'React',
  'Angular',
  'Vue.js',
  'Node.js',
  'Python',
  'Java',
  'Go',
  'PostgreSQL',
  'MySQL',
  'MongoDB',
  'Redis',
  'Elasticsearch',
  'Apache Kafka',
  'Datadog',
  'New Relic',
  'Sentry',
  'PagerDuty',
  'Okta',
  'Auth0',
  'Zendesk',
  'Intercom',
  'Slack',
  'Microsoft Teams',
  'Zoom',
  'Jira',
  'Confluence',
  'GitHub',
  'GitLab',
  'Stripe',
  'Shopify',
  'Magento',
  'WordPress',
  'Cloudflare',
  'Akamai',
  'Twilio',
  'SendGrid',
  'Mailchimp',
  'Segment',
  'Mixpanel',
  'Amplitude',
  'Tableau',
  'Looker',
  'Microsoft Power BI',
  'SAP',
  'Oracle NetSuite',
  'Workday',
  'ServiceNow',
  'Gong',
  'Outreach',
  'Salesloft',
  'RSS',
  'Microsoft 365',
  'Google Workspace',
  'Adobe Experience Manager',
] as const;

export const INTENT_TOPICS = [
  'Accounting',
  'Android',
  'Business Intelligence',
  'Cloud Security',
  'CRM',
  'Customer Data Platform',
  'Customer Experience',
  'Cybersecurity',
  'Data Privacy',
  'Data Warehousing',
  'DevOps',
  'Digital Sales',
  'E-commerce Platforms',
  'Employee Engagement',
  'Endpoint Security',
  'ERP',
  'Expense Management',
  'Generative AI',
  'Identity Management',
  'Kubernetes',
  'Machine Learning',
  'Marketing Automation',
  'Payroll Software',
  'Project Management',
  'Remote Sales',
  'Sales Intelligence',
  'Supply Chain Management',
  'Talent Acquisition',
  'Video Conferencing',
  'Zero Trust',
] as const;

export const NAME_PREFIXES = [
  'North',
  'Blue',
  'Bright',
  'Silver',
  'Iron',
  'Clear',
  'Swift',
  'Red',
  'Green',
  'Summit',
  'Harbor',
  'Pine',
  'Stone',
  'Cedar',
  'Quantum',
  'Nova',
  'Atlas',
  'Apex',
  'Vertex',
  'Lumen',
  'Orbit',
  'Crest',
  'Maple',
  'Falcon',
  'Beacon',
  'Granite',
  'River',
  'Cobalt',
  'Aurora',
  'Meridian',
  'Polar',
  'Amber',
  'Sage',
  'Ember',
  'Tidal',
] as const;
export const NAME_CORES = [
  'wave',
  'field',
  'path',
  'point',
  'bridge',
  'forge',
  'line',
  'works',
  'stack',
  'gate',
  'wind',
  'light',
  'peak',
  'sphere',
  'loop',
  'rock',
  'view',
  'mark',
  'scale',
  'signal',
  'vale',
  'haven',
  'craft',
  'grid',
] as const;

export const FIRST_NAMES = [
  'James',
  'Mary',
  'Robert',
  'Patricia',
  'John',
  'Jennifer',
  'Michael',
  'Linda',
  'David',
  'Elizabeth',
  'William',
  'Barbara',
  'Richard',
  'Susan',
  'Joseph',
  'Jessica',
  'Thomas',
  'Sarah',
  'Daniel',
  'Karen',
  'Matthew',
  'Nancy',
  'Anthony',
  'Lisa',
  'Mark',
  'Sandra',
  'Steven',
  'Ashley',
  'Andrew',
  'Emily',
  'Joshua',
  'Michelle',
  'Kevin',
  'Amanda',
  'Brian',
  'Melissa',
  'Ryan',
  'Laura',
  'Jacob',
  'Rebecca',
  'Noah',
  'Olivia',
  'Liam',
  'Emma',
  'Lucas',
  'Sofia',
  'Mateo',
  'Valentina',
  'Hugo',
  'Chloé',
  'Léa',
  'Louis',
  'Lukas',
  'Hannah',
  'Felix',
  'Anna',
  'Jonas',
  'Lena',
  'Marco',
  'Giulia',
  'Alessandro',
  'Chiara',
  'Javier',
  'Lucía',
  'Pablo',
  'Carmen',
  'Sven',
  'Astrid',
  'Piotr',
  'Katarzyna',
  'Siobhán',
  'Cian',
  'Noa',
  'Yael',
  'Omer',
  'Tamar',
  'Priya',
  'Arjun',
  'Ananya',
  'Rohan',
  'Wei',
  'Mei',
  'Hiroshi',
  'Yuki',
  'Kenji',
  'Aiko',
  'Chen',
  'Ji-woo',
  'Thiago',
  'Camila',
  'Diego',
  'Isabela',
  'Amara',
  'Kwame',
  'Fatima',
  'Omar',
  'Layla',
  'Ahmed',
  'Zara',
  'Ethan',
] as const;

export const LAST_NAMES = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Rodriguez',
  'Martinez',
  'Hernandez',
  'Lopez',
  'Gonzalez',
  'Wilson',
  'Anderson',
  'Thomas',
  'Taylor',
  'Moore',
  'Jackson',
  'Martin',
  'Lee',
  'Perez',
  'Thompson',
  'White',
  'Harris',
  'Sanchez',
  'Clark',
  'Ramirez',
  'Lewis',
  'Robinson',
  'Walker',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Torres',
  'Nguyen',
  'Hill',
  'Flores',
  'Green',
  'Adams',
  'Nelson',
  'Baker',
  'Hall',
  'Rivera',
  'Campbell',
  'Mitchell',
  'Carter',
  'Roberts',
  'Müller',
  'Schmidt',
  'Schneider',
  'Fischer',
  'Weber',
  'Dubois',
  'Laurent',
  'Moreau',
  'Rossi',
  'Russo',
  'Bianchi',
  'Fernández',
  'García',
  'Ruiz',
  'Jansen',
  'de Vries',
  'Bakker',
  'Andersson',
  'Johansson',
  'Nowak',
  'Kowalski',
  "O'Brien",
  'Murphy',
  'Kelly',
  'Cohen',
  'Levi',
  'Mizrahi',
  'Patel',
  'Sharma',
  'Gupta',
  'Iyer',
  'Wang',
  'Li',
  'Zhang',
  'Tanaka',
  'Sato',
  'Suzuki',
  'Kim',
  'Park',
  'Silva',
  'Santos',
  'Oliveira',
  'Okafor',
  'Mensah',
  'Haddad',
  'Khan',
  'Ali',
  'Novak',
  'Horvat',
  'Popescu',
] as const;

export interface TitleSet {
  area: string;
  ic: string;
  chief: string;
  manager?: string;
}
export const DEPARTMENT_TITLES: Record<Department, TitleSet> = {
  'Business Development': {
    area: 'Business Development',
    ic: 'Business Development Representative',
    chief: 'Chief Business Officer',
  },
  Consulting: { area: 'Consulting', ic: 'Consultant', chief: 'Chief Strategy Officer', manager: 'Engagement Manager' },
  'Customer Service': { area: 'Customer Success', ic: 'Customer Support Specialist', chief: 'Chief Customer Officer' },
  'Engineering & Technical': { area: 'Engineering', ic: 'Software Engineer', chief: 'Chief Technology Officer' },
  Finance: { area: 'Finance', ic: 'Financial Analyst', chief: 'Chief Financial Officer' },
  'General Management': {
    area: 'Strategy',
    ic: 'Business Analyst',
    chief: 'Chief Executive Officer',
    manager: 'General Manager',
  },
  'Health Care & Medical': { area: 'Clinical Operations', ic: 'Registered Nurse', chief: 'Chief Medical Officer' },
  'Human Resources': { area: 'People', ic: 'HR Specialist', chief: 'Chief People Officer', manager: 'HR Manager' },
  'Information Technology': { area: 'IT', ic: 'Systems Administrator', chief: 'Chief Information Officer' },
  Legal: { area: 'Legal', ic: 'Legal Counsel', chief: 'General Counsel' },
  Marketing: { area: 'Marketing', ic: 'Marketing Specialist', chief: 'Chief Marketing Officer' },
  Operations: { area: 'Operations', ic: 'Operations Analyst', chief: 'Chief Operating Officer' },
  Other: { area: 'Administration', ic: 'Administrative Assistant', chief: 'Chief of Staff', manager: 'Office Manager' },
  Product: { area: 'Product', ic: 'Product Analyst', chief: 'Chief Product Officer', manager: 'Product Manager' },
  'Research & Analytics': { area: 'Data & Analytics', ic: 'Data Analyst', chief: 'Chief Data Officer' },
  Sales: { area: 'Sales', ic: 'Account Executive', chief: 'Chief Revenue Officer', manager: 'Sales Manager' },
};

export function titleFor(dept: Department, seniorityId: number): string {
  const t = DEPARTMENT_TITLES[dept];
  switch (seniorityId) {
    case 10:
      return dept === 'General Management' ? 'Founder & CEO' : `Co-Founder & ${t.chief}`;
    case 9:
      return t.chief;
    case 8:
      return `VP of ${t.area}`;
    case 7:
      return `Partner, ${t.area}`;
    case 6:
      return `Director of ${t.area}`;
    case 5:
      return t.manager ?? `${t.area} Manager`;
    case 4:
      return `Senior ${t.ic}`;
    case 3:
      return t.ic;
    case 2:
      return `${t.area} Intern`;
    default:
      return `${t.area} Associate`;
  }
}

export const FUNDING_ROUND_TYPES = [
  'Seed Round',
  'Series A',
  'Series B',
  'Series C',
  'Series D',
  'Private Equity Round',
  'Debt Financing',
] as const;

export const SPECIALITIES: Record<number, readonly string[]> = {
  1: ['saas', 'cloud computing', 'data analytics', 'machine learning', 'cybersecurity', 'api platform', 'devops'],
  2: ['wealth management', 'payments', 'risk management', 'lending', 'insurance', 'asset management'],
  3: ['patient care', 'clinical research', 'telehealth', 'diagnostics', 'drug discovery'],
  4: ['lean manufacturing', 'automation', 'supply chain', 'quality assurance', 'industrial design'],
  5: ['omnichannel retail', 'e-commerce', 'merchandising', 'customer loyalty'],
  6: ['management consulting', 'digital transformation', 'recruiting', 'brand strategy', 'audit'],
  7: ['online learning', 'curriculum design', 'edtech', 'student success'],
  8: ['last-mile delivery', 'freight forwarding', 'warehousing', 'fleet management'],
  9: ['property management', 'commercial leasing', 'residential sales'],
  10: ['general contracting', 'infrastructure', 'project management', 'sustainable building'],
  11: ['renewable energy', 'grid modernization', 'energy storage', 'water treatment'],
  12: ['guest experience', 'event hosting', 'food service', 'travel planning'],
  13: ['live events', 'fan engagement', 'content production', 'ticketing'],
};
