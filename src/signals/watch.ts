/**
 * The input fields the four signal operations share (New Contact Signal, New Company Signal,
 * Get Contact Signals, Get Company Signals), and the readers that turn what a Zap builder
 * typed into a checked watch list — before any Lusha call, with every problem listed at once.
 *
 * A watch list is Lusha IDs (sent to `POST /v3/{contacts|companies}/signals`) plus rows of
 * identifiers (found first with `POST /v3/{contacts|companies}/search`, each row under its own
 * reference; see ./resolve.ts). Entries naming the same contact or company twice are watched
 * once. At most MAX_WATCHED entries.
 */
import {
  type Checked,
  isBlank,
  ProblemList,
  quote,
  readDomain,
  readEmail,
  readLinkedinProfileUrl,
  readList,
  readLushaIdList,
  readText,
} from '../shared/readers';
import { readInteger } from '../shared/options';
import { uniqueBy } from '../lusha/batch';
import { COMPANY_SIGNAL_TYPES, CONTACT_SIGNAL_TYPES, HIRING_DEPARTMENTS, NEWS_EVENT_TYPES } from './catalog';
import { checkEveryField as intervalField, readCheckInterval } from './polling';
import { RESOLVED_ID_DAYS } from './resolve';

/** Contacts or companies one step may watch (Lusha takes 100 per call: at most 5 calls a check). */
export const MAX_WATCHED = 500;
export const DEFAULT_LOOKBACK_DAYS = 30;
export const MAX_LOOKBACK_DAYS = 180;

const NEWS_SIGNAL_TYPES = Object.keys(COMPANY_SIGNAL_TYPES).filter((type) => type.endsWith('News'));

// ---------------------------------------------------------------- the watch list, read

export interface IdEntry {
  /** Digits (normalised: the cache keys of 1.x Zaps are built from them) or V3's encoded form. */
  id: string;
  /** The entry as the builder gave it, shown on each signal as "Watch List Entry". */
  label: string;
}

export interface IdentifierEntry<S> {
  /** Our reference for the entry in a search: its row number. */
  ref: string;
  label: string;
  search: S;
}

/**
 * A contact to find by identifiers. The names are V2's snake_case ones on purpose: a trigger's
 * cache key hashes them (watchConfig), and an upgraded Zap must find its last check.
 */
export interface ContactSearch {
  email?: string;
  social_link?: string;
  full_name?: string;
  companies?: Array<{ name?: string; domain?: string; is_current: boolean }>;
}

export interface CompanySearch {
  domain?: string;
  name?: string;
}

export interface CompanySignalFilters {
  include: { newsEventTypes?: string[]; hiringByDepartments?: string[] };
}

export interface SignalWatch<S> {
  ids: IdEntry[];
  identifiers: Array<IdentifierEntry<S>>;
  /** Signal types as sent: deduplicated, and just `allSignals` when that is among them. */
  types: string[];
  lookbackDays: number;
  filters?: CompanySignalFilters;
  /** Polling triggers only: the least time between two checks of Lusha. */
  intervalSeconds: number;
}

export type ContactWatch = SignalWatch<ContactSearch>;
export type CompanyWatch = SignalWatch<CompanySearch>;

/**
 * The watch configuration in a canonical form (order-free, deduplicated) that names the
 * same configuration identically across polls: the trigger's cache key hashes it.
 */
export function watchConfig(watch: SignalWatch<unknown>): unknown {
  const sorted = (values: string[]) => [...values].sort();
  return {
    ids: sorted(watch.ids.map((entry) => String(entry.id))),
    identifiers: sorted(watch.identifiers.map((entry) => JSON.stringify(entry.search))),
    types: sorted(watch.types),
    lookbackDays: watch.lookbackDays,
    filters: watch.filters ?? null,
  };
}

/** A list of Lusha IDs (person or company), each checked (digits that fit a number, or V3's encoded form). */
function readIdList(value: unknown, fieldLabel: string, problems: ProblemList): IdEntry[] {
  const ids = problems.takeAll(readLushaIdList(value, fieldLabel, { asNumbers: true })) ?? [];
  const entries = ids.map((id) => ({ id, label: id }));
  return uniqueBy(entries, (entry) => entry.id).unique;
}

/** Line-item rows: an array of objects (or one object); fully blank rows are not entries. */
function readRows<S>(
  value: unknown,
  fieldLabel: string,
  problems: ProblemList,
  readRow: (
    row: Record<string, unknown>,
    problems: ProblemList,
    prefix: string,
  ) => { label: string; search: S } | undefined,
): Array<IdentifierEntry<S>> {
  if (value === undefined || value === null || value === '') return [];
  const rows = Array.isArray(value) ? value : [value];
  const entries: Array<IdentifierEntry<S>> = [];
  rows.forEach((row, index) => {
    const prefix = `Row ${index + 1}: `;
    if (row === null || typeof row !== 'object' || Array.isArray(row)) {
      problems.add(`${prefix}${fieldLabel} must be a row of fields, not ${quote(row)}`);
      return;
    }
    if (Object.values(row as Record<string, unknown>).every(isBlank)) return;
    const entry = readRow(row as Record<string, unknown>, problems, prefix);
    if (entry) entries.push({ ref: String(index + 1), ...entry });
  });
  return uniqueBy(entries, (entry) => JSON.stringify(entry.search)).unique;
}

function readContactRow(row: Record<string, unknown>, problems: ProblemList, prefix: string) {
  const before = problems.count;
  const email = problems.take(readEmail(row.email, 'Email'), prefix);
  const linkedin = problems.take(readLinkedinProfileUrl(row.linkedin_url, 'LinkedIn Profile URL'), prefix);
  const fullName = problems.take(readText(row.full_name, 'Full Name'), prefix);
  const companyName = problems.take(readText(row.company_name, 'Company Name'), prefix);
  const companyDomain = problems.take(readDomain(row.company_domain, 'Company Domain'), prefix);
  if (problems.count > before) return undefined;
  // Lusha V3 finds a first and a last name within a company given by its name or its domain.
  const company =
    companyName || companyDomain
      ? { ...(companyName && { name: companyName }), ...(companyDomain && { domain: companyDomain }), is_current: true }
      : undefined;
  const fullNameParts = fullName?.split(/\s+/).filter(Boolean).length ?? 0;
  if (!email && !linkedin) {
    if (fullName && !company) {
      problems.add(`${prefix}Full Name ${quote(fullName)} needs a Company Name or a Company Domain to be found`);
      return undefined;
    }
    if (fullName && fullNameParts < 2) {
      problems.add(`${prefix}Full Name ${quote(fullName)} needs a first and a last name to be found`);
      return undefined;
    }
    if (!fullName) {
      problems.add(
        `${prefix}add an Email, a LinkedIn Profile URL, or a Full Name with its Company Name or Company Domain`,
      );
      return undefined;
    }
  }
  const search: ContactSearch = {};
  if (email) search.email = email;
  if (linkedin) search.social_link = linkedin;
  if (fullName && company && fullNameParts >= 2) {
    search.full_name = fullName;
    search.companies = [company];
  }
  const label = email ?? linkedin ?? `${fullName} (${companyName ?? companyDomain})`;
  return { label, search };
}

function readCompanyRow(row: Record<string, unknown>, problems: ProblemList, prefix: string) {
  const before = problems.count;
  const domain = problems.take(readDomain(row.domain, 'Domain'), prefix);
  const name = problems.take(readText(row.name, 'Company Name'), prefix);
  if (problems.count > before) return undefined;
  if (!domain && !name) {
    problems.add(`${prefix}add a Domain or a Company Name`);
    return undefined;
  }
  const search: CompanySearch = { ...(domain && { domain }), ...(name && { name }) };
  return { label: domain ?? (name as string), search };
}

/** Values from a fixed vocabulary, matched without case and returned in Lusha's spelling. */
function readChoices(
  value: unknown,
  fieldLabel: string,
  allowed: readonly string[],
  describe: (text: string) => string,
  problems: ProblemList,
): string[] {
  const byLower = new Map(allowed.map((choice) => [choice.toLowerCase(), choice]));
  const chosen: string[] = [];
  for (const text of problems.take(readList(value, fieldLabel)) ?? []) {
    const match = byLower.get(text.toLowerCase());
    if (match) {
      if (!chosen.includes(match)) chosen.push(match);
    } else {
      problems.add(`${fieldLabel}: ${describe(text)}`);
    }
  }
  return chosen;
}

function readSignalTypes(
  value: unknown,
  catalog: Readonly<Record<string, string>>,
  noun: string,
  problems: ProblemList,
): string[] {
  const allowed = Object.keys(catalog);
  const types = readChoices(
    value,
    'Signal Types',
    allowed,
    (text) => `${quote(text)} is not a ${noun} signal type (choose from: ${allowed.join(', ')})`,
    problems,
  );
  if (types.length === 0 && problems.problems.every((problem) => !problem.startsWith('Signal Types'))) {
    problems.add(`Signal Types: choose at least one ${noun} signal type`);
  }
  // "All signals" already includes every other type: asking for both would cost more for nothing.
  return types.includes('allSignals') ? ['allSignals'] : types;
}

function readLookbackDays(value: unknown, problems: ProblemList): number {
  return problems.take(readInteger(value, 'Look Back (Days)', 1, MAX_LOOKBACK_DAYS)) ?? DEFAULT_LOOKBACK_DAYS;
}

function checkWatchSize(watch: SignalWatch<unknown>, noun: string, problems: ProblemList): void {
  const count = watch.ids.length + watch.identifiers.length;
  if (count === 0 && problems.count === 0) {
    problems.add(`Add at least one ${noun} to watch: a Lusha ID or a row of identifiers`);
  }
  if (count > MAX_WATCHED) {
    problems.add(
      `The watch list has ${count} ${noun === 'company' ? 'companies' : 'contacts'}; one step can watch at most ` +
        `${MAX_WATCHED}`,
    );
  }
}

export interface ReadOptions {
  /** Polling triggers read the check interval too. */
  polling: boolean;
}

/** Reads and checks the contact watch list and options: the watch, or every problem found. */
export function readContactWatch(input: Record<string, unknown>, options: ReadOptions): Checked<ContactWatch> {
  const problems = new ProblemList();
  const ids = readIdList(input.person_ids, 'Lusha Person IDs', problems);
  const identifiers = readRows(input.contacts, 'Contacts', problems, readContactRow);
  const types = readSignalTypes(input.signal_types, CONTACT_SIGNAL_TYPES, 'contact', problems);
  const lookbackDays = readLookbackDays(input.lookback_days, problems);
  const intervalSeconds = options.polling ? readCheckInterval(input.check_every, lookbackDays, problems, 'signal') : 0;
  const watch: ContactWatch = { ids, identifiers, types, lookbackDays, intervalSeconds };
  checkWatchSize(watch, 'contact', problems);
  return problems.result(watch);
}

/** Reads and checks the company watch list, options and filters: the watch, or every problem found. */
export function readCompanyWatch(input: Record<string, unknown>, options: ReadOptions): Checked<CompanyWatch> {
  const problems = new ProblemList();
  const ids = readIdList(input.company_ids, 'Lusha Company IDs', problems);
  const identifiers = readRows(input.companies, 'Companies', problems, readCompanyRow);
  const types = readSignalTypes(input.signal_types, COMPANY_SIGNAL_TYPES, 'company', problems);
  const newsEventTypes = readChoices(
    input.news_event_types,
    'News Event Types',
    NEWS_EVENT_TYPES,
    (text) => `${quote(text)} is not a news event type Lusha knows (pick one from the list)`,
    problems,
  );
  const hiringByDepartments = readChoices(
    input.hiring_departments,
    'Hiring Departments',
    HIRING_DEPARTMENTS,
    (text) => `${quote(text)} is not a department Lusha knows (pick one from the list)`,
    problems,
  );
  const all = types.includes('allSignals');
  if (newsEventTypes.length > 0 && !all && !types.some((type) => NEWS_SIGNAL_TYPES.includes(type))) {
    problems.add('News Event Types only narrow news signals: add a News signal type, or clear this filter');
  }
  if (hiringByDepartments.length > 0 && !all && !types.includes('surgeInHiringByDepartment')) {
    problems.add(
      'Hiring Departments only narrow "Surge in Hiring by Department" signals: add that type, or clear this filter',
    );
  }
  const lookbackDays = readLookbackDays(input.lookback_days, problems);
  const intervalSeconds = options.polling ? readCheckInterval(input.check_every, lookbackDays, problems, 'signal') : 0;
  const include = {
    ...(newsEventTypes.length > 0 && { newsEventTypes }),
    ...(hiringByDepartments.length > 0 && { hiringByDepartments }),
  };
  const watch: CompanyWatch = {
    ids,
    identifiers,
    types,
    lookbackDays,
    intervalSeconds,
    ...(Object.keys(include).length > 0 && { filters: { include } }),
  };
  checkWatchSize(watch, 'company', problems);
  return problems.result(watch);
}

// ---------------------------------------------------------------- the fields

const SIGNAL_CREDITS_HELP =
  'Lusha charges credits per matched signal (each type that has signals for a watched entry), on every check or ' +
  'run: pick only the types you need.';

/** What finding an entry by its identifiers costs under V3 (./resolve.ts). */
const RESOLVE_CREDITS_HELP =
  "Lusha first finds these by its Search, billed per block of results found (Lusha's example price: 1 credit " +
  `per 25 found; an entry not found costs nothing). The IDs found are kept ${RESOLVED_ID_DAYS} days for this ` +
  'connection, so the search is paid about once a month, not on every check; Lusha IDs skip it.';

const lookbackField = (options: ReadOptions) => ({
  key: 'lookback_days',
  label: 'Look Back (Days)',
  type: 'integer' as const,
  default: String(DEFAULT_LOOKBACK_DAYS),
  helpText:
    `Only signals dated within this many days are returned (1 to ${MAX_LOOKBACK_DAYS}; default ` +
    `${DEFAULT_LOOKBACK_DAYS}).` +
    (options.polling
      ? ' It must be at least a day longer than the check interval, so no signal falls between two checks.'
      : ''),
});

const checkEveryField = intervalField(
  'Every check of Lusha costs credits. Zapier polls every few minutes; between two checks this trigger makes no ' +
    'Lusha call and costs nothing. Signals change at most daily, so "Once a Day" is usually right.',
);

export function contactWatchFields(options: ReadOptions) {
  return [
    {
      key: 'person_ids',
      label: 'Lusha Person IDs',
      type: 'string' as const,
      list: true,
      helpText:
        'Contacts to watch, by their Lusha person ID ' +
        '(digits, e.g. 4183886134, as returned by a Lusha enrichment step); no search is needed for these. ' +
        `Together with the contacts below, at most ${MAX_WATCHED}.`,
    },
    {
      key: 'contacts',
      label: 'Contacts by Email, LinkedIn or Name',
      children: [
        {
          key: 'email',
          label: 'Email',
          type: 'string' as const,
          helpText:
            'Contacts to watch when you have no Lusha ID, one row each: an email, a LinkedIn profile URL, ' +
            `or a full name with the company name or domain. ${RESOLVE_CREDITS_HELP}`,
        },
        { key: 'linkedin_url', label: 'LinkedIn Profile URL', type: 'string' as const },
        {
          key: 'full_name',
          label: 'Full Name',
          type: 'string' as const,
          helpText: 'First and last name; needs the Company Name or the Company Domain.',
        },
        { key: 'company_name', label: 'Company Name', type: 'string' as const },
        { key: 'company_domain', label: 'Company Domain', type: 'string' as const },
      ],
    },
    {
      key: 'signal_types',
      label: 'Signal Types',
      type: 'string' as const,
      list: true,
      required: true,
      dynamic: 'contact_signal_types.id.name',
      helpText: `What to watch for: a promotion, or a move to another company (job change). ${SIGNAL_CREDITS_HELP}`,
    },
    lookbackField(options),
    ...(options.polling ? [checkEveryField] : []),
  ];
}

export function companyWatchFields(options: ReadOptions) {
  return [
    {
      key: 'company_ids',
      label: 'Lusha Company IDs',
      type: 'string' as const,
      list: true,
      helpText:
        `Companies to watch, by their Lusha company ID (as a Lusha step outputs it). Together with the companies ` +
        `below, at most ${MAX_WATCHED}.`,
    },
    {
      key: 'companies',
      label: 'Companies by Domain or Name',
      children: [
        {
          key: 'domain',
          label: 'Domain',
          type: 'string' as const,
          helpText:
            'Companies to watch when you have no Lusha ID, one row each: the domain (e.g. acme.com; a website URL ' +
            `or an email works too) or the company name. ${RESOLVE_CREDITS_HELP}`,
        },
        { key: 'name', label: 'Company Name', type: 'string' as const },
      ],
    },
    {
      key: 'signal_types',
      label: 'Signal Types',
      type: 'string' as const,
      list: true,
      required: true,
      dynamic: 'company_signal_types.id.name',
      helpText:
        `What to watch for: headcount changes, hiring surges, website traffic, IT spend, or news ("All Company ` +
        `Signals" is every type listed here). ${SIGNAL_CREDITS_HELP}`,
    },
    {
      key: 'news_event_types',
      label: 'News Event Types',
      type: 'string' as const,
      list: true,
      dynamic: 'company_news_event_types.id.name',
      helpText: 'Optional: only news about these events (e.g. Funding Round). Applies to the News signal types.',
    },
    {
      key: 'hiring_departments',
      label: 'Hiring Departments',
      type: 'string' as const,
      list: true,
      dynamic: 'company_hiring_departments.id.name',
      helpText: 'Optional: only hiring surges in these departments. Applies to "Surge in Hiring by Department".',
    },
    lookbackField(options),
    ...(options.polling ? [checkEveryField] : []),
  ];
}
