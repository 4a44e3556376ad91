/**
 * The input fields of the website-visit operations (Find Website Visitors, New Website Visitor
 * Company) and the readers that turn what a Zap builder typed into a checked query, before any
 * Lusha call and with every problem of the step listed at once.
 *
 * Lusha's rules (POST /v3/companies/website-visits): at least one domain, each set up for
 * tracking in the Lusha dashboard (only Lusha knows which: an untracked one fails the whole
 * request, and the error map says where to set it up); a date range of at most 3 months; a
 * score of 1–100; ISO 3166-1 alpha-2 country codes; pages of 1 to 150 companies.
 */
import { readInteger } from '../shared/options';
import { type Checked, ProblemList, quote, readChoice, readDate, readDomain, readList } from '../shared/readers';
import { checkEveryField, readCheckInterval } from '../signals/polling';
import type { PlainInputField } from '../zapier/fields';

/** Domains one step may ask about (a Lusha account tracks a few sites; each is checked by Lusha). */
export const MAX_TRACKED_DOMAINS = 25;
/** Lusha's page size limit, and the most one step returns (at most 4 requests of 150). */
export const PAGE_SIZE = 150;
export const MAX_RESULTS = { default: 50, max: 500 } as const;
/** Lusha's longest date range: 3 calendar months. */
export const MAX_RANGE_MONTHS = 3;
/** The create's window when no date is given: the last 30 days, up to today. */
export const DEFAULT_RANGE_DAYS = 30;
/** The trigger's look-back: how far back each check reads visits. */
export const DEFAULT_LOOKBACK_DAYS = 30;
export const MAX_LOOKBACK_DAYS = 90;

export const SCORE_BANDS = ['hot', 'warm', 'cold'] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number];

/** The orders Lusha sorts visitors by, each highest (or most recent) first. */
export const SORT_FIELDS = {
  score: 'Visit Score (Highest First)',
  lastVisit: 'Last Visit (Most Recent First)',
  totalSessions: 'Sessions (Most First)',
  uniqueVisitors: 'Unique Visitors (Most First)',
  daysVisited: 'Days Visited (Most First)',
  highIntentPageviews: 'High-Intent Pageviews (Most First)',
  avgSessionMinutes: 'Average Session Length (Longest First)',
} as const;
export type SortField = keyof typeof SORT_FIELDS;
const DEFAULT_SORT: SortField = 'score';

const DAY_MS = 86_400_000;

// ---------------------------------------------------------------- dates

/** The UTC calendar day of `time`, YYYY-MM-DD. */
export function utcDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** The day `days` days before `day` (YYYY-MM-DD). */
export function daysBefore(day: string, days: number): string {
  return utcDay(Date.parse(`${day}T00:00:00Z`) - days * DAY_MS);
}

/**
 * The earliest start Lusha accepts for a range ending on `end`: the same day of the month 3
 * months before (clamped to that month's length: 3 months before May 31 is February 28 or 29).
 */
export function earliestStart(end: string): string {
  const date = new Date(`${end}T00:00:00Z`);
  const target = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - MAX_RANGE_MONTHS, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return utcDay(Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), Math.min(date.getUTCDate(), lastDay)));
}

// ---------------------------------------------------------------- the query, read

export interface VisitFilters {
  scoreBands?: ScoreBand[];
  minScore?: number;
  countries?: string[];
  excludeCountries?: string[];
}

export interface VisitsQuery {
  domains: string[];
  startDate: string;
  endDate: string;
  filters: VisitFilters;
  sortBy: SortField;
  maxResults: number;
}

export interface VisitorWatch {
  domains: string[];
  filters: VisitFilters;
  lookbackDays: number;
  intervalSeconds: number;
}

function readDomains(value: unknown, problems: ProblemList): string[] {
  const entries = problems.take(readList(value, 'Tracked Domains')) ?? [];
  const domains: string[] = [];
  entries.forEach((entry, index) => {
    const domain = problems.take(readDomain(entry, `Tracked Domains, entry ${index + 1}:`));
    if (domain !== undefined && !domains.includes(domain)) domains.push(domain);
  });
  if (entries.length === 0 && problems.count === 0) {
    problems.add('Tracked Domains is empty: add your website domain as set up for tracking in Lusha (e.g. acme.com)');
  }
  if (domains.length > MAX_TRACKED_DOMAINS) {
    problems.add(`Tracked Domains has ${domains.length} domains; at most ${MAX_TRACKED_DOMAINS} per step`);
  }
  return domains;
}

function readBands(value: unknown, problems: ProblemList): ScoreBand[] | undefined {
  const bands: ScoreBand[] = [];
  for (const text of problems.take(readList(value, 'Score Bands')) ?? []) {
    const band = problems.take(readChoice(text, 'Score Bands:', SCORE_BANDS));
    if (band && !bands.includes(band)) bands.push(band);
  }
  return bands.length > 0 ? bands : undefined;
}

/** ISO 3166-1 alpha-2 codes, upper case, each once. */
function readCountries(value: unknown, label: string, problems: ProblemList): string[] | undefined {
  const codes: string[] = [];
  for (const text of problems.take(readList(value, label)) ?? []) {
    const code = text.toUpperCase();
    if (!/^[A-Z]{2}$/.test(code)) {
      problems.add(`${label}: ${quote(text)} is not a two-letter country code (ISO 3166-1, e.g. US, GB, DE)`);
    } else if (!codes.includes(code)) codes.push(code);
  }
  return codes.length > 0 ? codes : undefined;
}

function readFilters(input: Record<string, unknown>, problems: ProblemList): VisitFilters {
  const scoreBands = readBands(input.score_bands, problems);
  const minScore = problems.take(readInteger(input.min_score, 'Minimum Score', 1, 100));
  const countries = readCountries(input.visitor_countries, 'Visitor Countries', problems);
  const excludeCountries = readCountries(input.exclude_visitor_countries, 'Exclude Visitor Countries', problems);
  const both = (countries ?? []).filter((code) => excludeCountries?.includes(code));
  if (both.length > 0) {
    problems.add(`${both.join(', ')} is in both Visitor Countries and Exclude Visitor Countries: keep it in one`);
  }
  return {
    ...(scoreBands && { scoreBands }),
    ...(minScore !== undefined && { minScore }),
    ...(countries && { countries }),
    ...(excludeCountries && { excludeCountries }),
  };
}

/** The create's date range: the given dates, or the last 30 days, checked against Lusha's 3 months. */
function readRange(input: Record<string, unknown>, today: string, problems: ProblemList) {
  const before = problems.count;
  const start = problems.take(readDate(input.start_date, 'Start Date'));
  const end = problems.take(readDate(input.end_date, 'End Date'));
  const endDate = end ?? today;
  const startDate = start ?? daysBefore(endDate, DEFAULT_RANGE_DAYS);
  // A date that is no date is the problem; the range is judged once both dates are dates.
  if (problems.count > before) return { startDate, endDate };
  if (start !== undefined && startDate > endDate) {
    problems.add(
      end === undefined
        ? `Start Date ${startDate} is after today (${today} UTC, the End Date when none is given)`
        : `Start Date ${startDate} is after End Date ${endDate}: swap them`,
    );
  } else if (startDate < earliestStart(endDate)) {
    problems.add(
      `The dates span more than ${MAX_RANGE_MONTHS} months (${startDate} to ${endDate}), Lusha's limit: for that ` +
        `End Date, the earliest Start Date is ${earliestStart(endDate)}`,
    );
  }
  return { startDate, endDate };
}

/** Reads and checks Find Website Visitors' input: the query, or every problem found. */
export function readVisitsQuery(input: Record<string, unknown>, now: number = Date.now()): Checked<VisitsQuery> {
  const problems = new ProblemList();
  const domains = readDomains(input.tracked_domains, problems);
  const { startDate, endDate } = readRange(input, utcDay(now), problems);
  const filters = readFilters(input, problems);
  const sortBy = problems.take(readChoice(input.sort_by, 'Sort By', Object.keys(SORT_FIELDS) as SortField[]));
  const maxResults = problems.take(readInteger(input.max_results, 'Maximum Results', 1, MAX_RESULTS.max));
  return problems.result({
    domains,
    startDate,
    endDate,
    filters,
    sortBy: sortBy ?? DEFAULT_SORT,
    maxResults: maxResults ?? MAX_RESULTS.default,
  });
}

/** Reads and checks New Website Visitor Company's input: the watch, or every problem found. */
export function readVisitorWatch(input: Record<string, unknown>): Checked<VisitorWatch> {
  const problems = new ProblemList();
  const domains = readDomains(input.tracked_domains, problems);
  const filters = readFilters(input, problems);
  const lookbackDays =
    problems.take(readInteger(input.lookback_days, 'Look Back (Days)', 1, MAX_LOOKBACK_DAYS)) ?? DEFAULT_LOOKBACK_DAYS;
  const intervalSeconds = readCheckInterval(input.check_every, lookbackDays, problems, 'visit');
  return problems.result({ domains, filters, lookbackDays, intervalSeconds });
}

/**
 * The watch in a canonical form (order-free), naming the same configuration identically across
 * polls: the trigger's cache key hashes it (not the interval, so changing it keeps the last check).
 */
export function visitorWatchConfig(watch: VisitorWatch): unknown {
  const sorted = (values: readonly string[] | undefined) => (values ? [...values].sort() : null);
  return {
    domains: sorted(watch.domains),
    scoreBands: sorted(watch.filters.scoreBands),
    minScore: watch.filters.minScore ?? null,
    countries: sorted(watch.filters.countries),
    excludeCountries: sorted(watch.filters.excludeCountries),
    lookbackDays: watch.lookbackDays,
  };
}

/** The trigger's window on `today`: the look-back, never past Lusha's 3 months. */
export function lookbackWindow(lookbackDays: number, now: number): { startDate: string; endDate: string } {
  const endDate = utcDay(now);
  const start = daysBefore(endDate, lookbackDays);
  const earliest = earliestStart(endDate);
  return { startDate: start < earliest ? earliest : start, endDate };
}

// ---------------------------------------------------------------- the fields

const CREDITS_HELP =
  "Lusha's API reference gives no price for Website Visits (a beta endpoint): its example answer charges 0 " +
  'credits.';

const trackedDomainsField: PlainInputField = {
  key: 'tracked_domains',
  label: 'Tracked Domains',
  type: 'string',
  list: true,
  required: true,
  helpText:
    'Your websites, as set up for visitor tracking in your Lusha dashboard (e.g. acme.com; a URL works too), up to ' +
    `${MAX_TRACKED_DOMAINS}. Every one must be tracked by Lusha for your account: Lusha refuses the whole request ` +
    'if one is not, and the step says so.',
};

const filterFields: PlainInputField[] = [
  {
    key: 'score_bands',
    label: 'Score Bands',
    type: 'string',
    list: true,
    required: false,
    choices: [
      { value: 'hot', label: 'Hot', sample: 'hot' },
      { value: 'warm', label: 'Warm', sample: 'warm' },
      { value: 'cold', label: 'Cold', sample: 'cold' },
    ],
    helpText:
      "Only companies in these bands of Lusha's visit score (Lusha's own grading of how engaged the visits " +
      'were). Leave empty for every band.',
  },
  {
    key: 'min_score',
    label: 'Minimum Score',
    type: 'integer',
    required: false,
    helpText: 'Only companies whose visit score is at least this (1 to 100). Leave empty for any score.',
  },
  {
    key: 'visitor_countries',
    label: 'Visitor Countries',
    type: 'string',
    list: true,
    required: false,
    helpText: 'Only companies whose main visitor country is one of these, as two-letter codes (e.g. US, GB, DE).',
  },
  {
    key: 'exclude_visitor_countries',
    label: 'Exclude Visitor Countries',
    type: 'string',
    list: true,
    required: false,
    helpText: 'Leave out companies whose main visitor country is one of these (two-letter codes, e.g. CN).',
  },
];

/** Find Website Visitors' fields. */
export const findVisitorsFields: PlainInputField[] = [
  trackedDomainsField,
  {
    key: 'start_date',
    label: 'Start Date',
    type: 'datetime',
    required: false,
    helpText:
      `First day of visits (YYYY-MM-DD). Default: ${DEFAULT_RANGE_DAYS} days before the End Date. Lusha allows at ` +
      `most ${MAX_RANGE_MONTHS} months between Start Date and End Date.`,
  },
  {
    key: 'end_date',
    label: 'End Date',
    type: 'datetime',
    required: false,
    helpText: 'Last day of visits (YYYY-MM-DD). Default: today (UTC).',
  },
  ...filterFields,
  {
    key: 'sort_by',
    label: 'Sort By',
    type: 'string',
    required: false,
    default: DEFAULT_SORT,
    choices: Object.entries(SORT_FIELDS).map(([value, label]) => ({ value, label, sample: value })),
    helpText: 'Which companies come first (and are returned when there are more than Maximum Results).',
  },
  {
    key: 'max_results',
    label: 'Maximum Results',
    type: 'integer',
    required: false,
    default: String(MAX_RESULTS.default),
    helpText:
      `Return up to this many companies (1 to ${MAX_RESULTS.max}; default ${MAX_RESULTS.default}). Lusha sends ` +
      `${PAGE_SIZE} per request, so ${MAX_RESULTS.max} take 4 requests; the step stops early, and says so, if ` +
      `Zapier's time limit would be reached. ${CREDITS_HELP} Credits Charged reports what Lusha billed.`,
  },
];

/** New Website Visitor Company's fields. */
export const visitorWatchFields: PlainInputField[] = [
  trackedDomainsField,
  ...filterFields,
  {
    key: 'lookback_days',
    label: 'Look Back (Days)',
    type: 'integer',
    required: false,
    default: String(DEFAULT_LOOKBACK_DAYS),
    helpText:
      `Each check reads the visits of this many days up to today (1 to ${MAX_LOOKBACK_DAYS}; default ` +
      `${DEFAULT_LOOKBACK_DAYS}): the scores and counts are over these days. Lusha reads at most ` +
      `${MAX_RANGE_MONTHS} months, which is 89 days on a few days of the year. It must be at least a day longer ` +
      'than the check interval, so no visit falls between two checks.',
  },
  checkEveryField(
    'How often this trigger asks Lusha for new visits. Zapier polls every few minutes; between two checks this ' +
      `trigger makes no Lusha call, so whatever Lusha bills for a check is paid at most once per interval. ` +
      CREDITS_HELP,
  ),
];
