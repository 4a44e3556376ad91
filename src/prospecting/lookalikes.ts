/**
 * Find Lookalike Contacts / Companies on Lusha V3 (`POST /v3/contacts/lookalike`,
 * `POST /v3/companies/lookalike`): contacts or companies like 5 to 100 seeds given by what a
 * Zap has, with exclusions given the same way, a limit (1 to 100) and the session id of an
 * earlier run (today's Request ID) to get more for the same seeds without repeats.
 *
 * Seeds and exclusions are read into identifiers here (one per line item, or per entry of
 * the 1.x list fields), counted and checked before any call. V3 takes companies only by
 * domain or LinkedIn URL: those given by Lusha ID or name are first looked up with one
 * `POST /v3/companies/search` (billed per company found), and a step that paid for that
 * look-up returns what it has even when the lookalike call then fails.
 *
 * Credits are what Lusha billed (`billing.creditsCharged`), summed over the step's calls.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import {
  readDomain,
  readEmail,
  readLinkedinCompanyUrl,
  readLinkedinProfileUrl,
  readLushaId,
  readLushaIdList,
  readText,
  isBlank,
  type Parsed,
} from '../shared/readers';
import { readInteger } from '../shared/options';
import { domainOf, socialUrl } from '../shared/values';
import { byClientReference, creditsChargedBy } from '../lusha/billing';
import type { LushaClient, V3CompanyIdentifiers, V3CompanyItem, V3ContactIdentifiers } from '../lusha/client';
import { LushaError, LushaValidationError, appendSentence } from '../lusha/errors';
import type { Company, Contact } from '../lusha/schemas';
import { CREDITS_CHARGED_FIELD, CREDITS_NOTE_FIELD, type OutputField, type PlainInputField } from '../zapier/fields';
import type { ErrorNote } from '../zapier/contract';
import { haltOnInputProblems } from '../zapier/input-problems';
import { companyOutputFields, companySample, toCompanyRecord } from '../companies/record';
import { personOutputFields, personSample, toPersonRecord } from '../people/record';
import { counted } from './reveal';

/** V3 finds lookalikes of 5 to 100 seeds (unique identifiers, counted across every kind). */
export const MIN_SEEDS = 5;
export const MAX_SEEDS = 100;
/** Each exclusion list of V3 holds at most 100 entries. */
export const MAX_EXCLUSIONS_PER_LIST = 100;
/** V3 returns 1 to 100 per call; the step keeps its 1.x default. */
export const MAX_LIMIT = 100;
export const DEFAULT_LIMIT = 10;
/** Companies given by Lusha ID or name are looked up in one Search Companies call, which takes 100. */
export const MAX_COMPANY_LOOKUPS = 100;

type What = 'contact' | 'company';
const plural = (what: What) => (what === 'contact' ? 'contacts' : 'companies');
const Plural = (what: What) => (what === 'contact' ? 'Contacts' : 'Companies');

const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// ------------------------------------------------------------------ identifiers

/** A contact as V3 takes it, with where the step read it ("Seed Contacts, row 2"). */
type ContactIdentifier =
  | { at: string; kind: 'ids'; value: string }
  | { at: string; kind: 'emails'; value: string }
  | { at: string; kind: 'linkedinUrls'; value: string }
  | {
      at: string;
      kind: 'contacts';
      value: { firstName: string; lastName: string; companyDomain?: string; companyName?: string };
    };

/** A company as the step read it: by domain or LinkedIn URL (V3 takes those), or by Lusha ID or name (looked up). */
type CompanyIdentifier =
  { at: string; kind: 'domains' | 'linkedinUrls'; value: string } | { at: string; kind: 'id' | 'name'; value: string };

const identityOf = (i: { kind: string; value: unknown }) =>
  `${i.kind}:${typeof i.value === 'string' ? i.value.toLowerCase() : JSON.stringify(i.value).toLowerCase()}`;

function unique<T extends { kind: string; value: unknown }>(items: readonly T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => !seen.has(identityOf(i)) && seen.add(identityOf(i)) !== undefined);
}

/** The rows of a line-item group (a single object or a mapped value becomes one row). */
function rowsOf(value: unknown): Record<string, unknown>[] {
  const rows = Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value];
  return rows.map((row) => (row !== null && typeof row === 'object' ? (row as Record<string, unknown>) : {}));
}

const isEmptyRow = (row: Record<string, unknown>) => Object.values(row).every(isBlank);

/** Zapier wants every child key of an action unique: the exclusion groups' children carry this prefix. */
const EXCLUDE_PREFIX = 'exclude_';

/** Reads `parsed` into `problems` under `at`; the value, or undefined. */
function take<T>(parsed: Parsed<T>, problems: string[]): T | undefined {
  if (parsed.ok) return parsed.value;
  problems.push(parsed.problem);
  return undefined;
}

/**
 * One contact row: its Person ID, else its email, else its LinkedIn URL, else its first and
 * last name with the company's domain or name. Every value given is checked.
 */
function readContactRow(
  row: Record<string, unknown>,
  at: string,
  problems: string[],
  prefix: string,
): ContactIdentifier | undefined {
  const before = problems.length;
  const value = (key: string) => row[prefix + key];
  const id = take(readLushaId(value('person_id'), `${at}: Person ID`), problems);
  // V3 finds a contact by its own id: the Company ID of a 1.x row is checked, then not sent.
  take(readLushaId(value('company_id'), `${at}: Company ID`), problems);
  const email = take(readEmail(value('email'), `${at}: Email`), problems);
  const linkedin = take(readLinkedinProfileUrl(value('linkedin_url'), `${at}: LinkedIn URL`), problems);
  const firstName = take(readText(value('first_name'), `${at}: First Name`), problems);
  const lastName = take(readText(value('last_name'), `${at}: Last Name`), problems);
  const companyDomain = take(readDomain(value('company_domain'), `${at}: Company Domain`), problems);
  const companyName = take(readText(value('company_name'), `${at}: Company Name`), problems);
  if (problems.length > before) return undefined;
  if (id) return { at, kind: 'ids', value: id };
  if (email) return { at, kind: 'emails', value: email };
  if (linkedin) return { at, kind: 'linkedinUrls', value: linkedin };
  if (firstName || lastName || companyDomain || companyName) {
    const missing = [
      ...(firstName ? [] : ['First Name']),
      ...(lastName ? [] : ['Last Name']),
      ...(companyDomain || companyName ? [] : ['Company Domain or Company Name']),
    ];
    if (missing.length === 0 && firstName && lastName) {
      return {
        at,
        kind: 'contacts',
        value: {
          firstName,
          lastName,
          ...(companyDomain ? { companyDomain } : {}),
          ...(companyName && !companyDomain ? { companyName } : {}),
        },
      };
    }
    problems.push(`${at}: a contact by name needs ${missing.join(' and ')} too`);
    return undefined;
  }
  problems.push(
    `${at}: give the contact's Person ID, Email, LinkedIn URL, or First and Last Name with its Company Domain or Name` +
      (isBlank(value('company_id')) ? '' : ' (a Company ID alone is not a contact)'),
  );
  return undefined;
}

/** One company row: its domain, else its LinkedIn URL, else its Lusha ID, else its name. */
function readCompanyRow(
  row: Record<string, unknown>,
  at: string,
  problems: string[],
  prefix: string,
): CompanyIdentifier | undefined {
  const before = problems.length;
  const value = (key: string) => row[prefix + key];
  const domain = take(readDomain(value('domain'), `${at}: Domain`), problems);
  const linkedin = take(readLinkedinCompanyUrl(value('linkedin_url'), `${at}: LinkedIn URL`), problems);
  const id = take(readLushaId(value('company_id'), `${at}: Company ID`), problems);
  const name = take(readText(value('name'), `${at}: Company Name`), problems);
  if (problems.length > before) return undefined;
  if (domain) return { at, kind: 'domains', value: domain };
  if (linkedin) return { at, kind: 'linkedinUrls', value: linkedin };
  if (id) return { at, kind: 'id', value: id };
  if (name) return { at, kind: 'name', value: name };
  problems.push(`${at}: give the company's Domain, LinkedIn URL, Company ID or Company Name`);
  return undefined;
}

/** The rows of a line-item group; an exclusion group's children carry `prefix` ("exclude_email"). */
function readRows<I>(
  value: unknown,
  label: string,
  readRow: (row: Record<string, unknown>, at: string, problems: string[], prefix: string) => I | undefined,
  problems: string[],
  prefix = '',
): I[] {
  const out: I[] = [];
  rowsOf(value).forEach((row, index) => {
    if (isEmptyRow(row)) return;
    const item = readRow(row, `${label}, row ${index + 1}`, problems, prefix);
    if (item) out.push(item);
  });
  return out;
}

function readIdList<I>(value: unknown, label: string, make: (id: string, at: string) => I, problems: string[]): I[] {
  const ids = readLushaIdList(value, label);
  if (!ids.ok) {
    problems.push(...ids.problems);
    return [];
  }
  return ids.value.map((id, index) => make(id, `${label}, entry ${index + 1}`));
}

// ------------------------------------------------------------------ the input fields

const seedCount = (what: What) =>
  `Lusha V3 needs at least ${MIN_SEEDS} different seed ${plural(what)} (at most ${MAX_SEEDS}), one per row`;

/** Children of a seed or exclusion group: exclusion keys carry EXCLUDE_PREFIX (Zapier wants child keys unique). */
const prefixed = (purpose: 'seed' | 'exclude', fields: PlainInputField[]): PlainInputField[] =>
  purpose === 'seed' ? fields : fields.map((f) => ({ ...f, key: EXCLUDE_PREFIX + f.key }));

export function contactIdentifierChildren(purpose: 'seed' | 'exclude'): PlainInputField[] {
  const whose = purpose === 'seed' ? 'A contact to find lookalikes of' : 'A contact never to return';
  const count = purpose === 'seed' ? ` ${seedCount('contact')}.` : '';
  return prefixed(purpose, [
    {
      key: 'email',
      label: 'Email',
      type: 'string',
      required: false,
      helpText: `${whose}, by email address (e.g. ada@acme.com).${count}`,
    },
    {
      key: 'linkedin_url',
      label: 'LinkedIn URL',
      type: 'string',
      required: false,
      helpText: `${whose}, by LinkedIn profile URL (https://www.linkedin.com/in/...).`,
    },
    {
      key: 'first_name',
      label: 'First Name',
      type: 'string',
      required: false,
      helpText: 'With Last Name and the company.',
    },
    {
      key: 'last_name',
      label: 'Last Name',
      type: 'string',
      required: false,
      helpText: 'With First Name and the company.',
    },
    {
      key: 'company_domain',
      label: 'Company Domain',
      type: 'string',
      required: false,
      helpText: "The contact's company domain (e.g. acme.com), for a contact given by name.",
    },
    {
      key: 'company_name',
      label: 'Company Name',
      type: 'string',
      required: false,
      helpText: "The contact's company name, for a contact given by name without a domain.",
    },
    ...(purpose === 'exclude'
      ? [
          {
            key: 'person_id',
            label: 'Person ID',
            type: 'string' as const,
            required: false,
            helpText: `${whose}, by Lusha Person ID.`,
          },
        ]
      : []),
  ]);
}

export function companyIdentifierChildren(purpose: 'seed' | 'exclude'): PlainInputField[] {
  const whose = purpose === 'seed' ? 'A company to find lookalikes of' : 'A company never to return';
  const count = purpose === 'seed' ? ` ${seedCount('company')}, Seed Company IDs included.` : '';
  const lookedUp =
    '**Costs credits:** V3 finds lookalikes only from domains and LinkedIn URLs, so a company given by ' +
    "Lusha ID or name is first looked up with Lusha's Search Companies, charged per company found " +
    "(Lusha's `api_search` price). Domains and LinkedIn URLs need no look-up.";
  return prefixed(purpose, [
    {
      key: 'domain',
      label: 'Domain',
      type: 'string',
      required: false,
      helpText: `${whose}, by domain (e.g. acme.com).${count}`,
    },
    {
      key: 'linkedin_url',
      label: 'LinkedIn URL',
      type: 'string',
      required: false,
      helpText: `${whose}, by LinkedIn company page (https://www.linkedin.com/company/...).`,
    },
    {
      key: 'company_id',
      label: 'Company ID',
      type: 'string',
      required: false,
      helpText: `${whose}, by Lusha Company ID (as output by Find Company). ${lookedUp}`,
    },
    {
      key: 'name',
      label: 'Company Name',
      type: 'string',
      required: false,
      helpText: `${whose}, by name. ${lookedUp}`,
    },
  ]);
}

const excludeLabel = (what: What) => (what === 'contact' ? 'Exclude Person IDs' : 'Exclude Company IDs');

const billedPer = (what: What) => {
  const action = what === 'contact' ? 'lookalikeContact' : 'lookalikeCompany';
  return `Lusha V3 charges for each ${what} it returns (its \`${action}\` price)`;
};

/** The exclusions and options of both steps. */
export function lookalikeOptionFields(what: What): PlainInputField[] {
  return [
    {
      key: 'exclusions',
      label: `Exclude ${Plural(what)}`,
      required: false,
      children: what === 'contact' ? contactIdentifierChildren('exclude') : companyIdentifierChildren('exclude'),
    },
    {
      key: 'exclude_ids',
      label: excludeLabel(what),
      type: 'string',
      list: true,
      required: false,
      helpText:
        `Lusha ${what === 'contact' ? 'person' : 'company'} IDs never to return (e.g. ${plural(what)} already in ` +
        `your CRM), at most ${MAX_EXCLUSIONS_PER_LIST}.` +
        (what === 'company'
          ? " **Costs credits:** V3 excludes companies by domain, so these are looked up first with Lusha's Search " +
            "Companies (charged per company found, Lusha's `api_search` price)."
          : ''),
    },
    {
      key: 'limit',
      label: 'Number of Recommendations',
      type: 'integer',
      required: false,
      helpText:
        `How many ${plural(what)} to get, 1 to ${MAX_LIMIT} (default ${DEFAULT_LIMIT}). **Costs credits:** ` +
        `${billedPer(what)}; this caps it.`,
    },
    {
      key: 'request_id',
      label: 'Request ID (for More)',
      type: 'string',
      required: false,
      helpText:
        `To get more ${plural(what)} for the same seeds without repeats, map the Request ID output by an earlier ` +
        `Find Lookalike ${Plural(what)} step (Lusha's session id; Lusha keeps it 30 days after its last use), and ` +
        'give the same seeds again: Lusha V3 needs the seeds on every call.',
    },
  ];
}

// ------------------------------------------------------------------ reading the step

interface Read<I> {
  seeds: I[];
  exclusions: I[];
  limit: number;
  sessionId?: string;
}

function readStep<I extends { kind: string; value: unknown; at: string }>(
  inputData: Record<string, unknown>,
  what: What,
  readSeedsAndExclusions: (
    input: Record<string, unknown>,
    seedProblems: string[],
    exclusionProblems: string[],
  ) => { seeds: I[]; exclusions: I[] },
  lists: readonly string[],
): { read: Read<I>; problems: string[] } {
  const problems: string[] = [];
  const exclusionProblems: string[] = [];
  const { seeds: allSeeds, exclusions: allExclusions } = readSeedsAndExclusions(inputData, problems, exclusionProblems);
  const badSeeds = problems.length;
  problems.push(...exclusionProblems);
  const seeds = unique(allSeeds);
  const exclusions = unique(allExclusions);
  if (seeds.length < MIN_SEEDS) {
    const got = [
      ...(allSeeds.length > seeds.length ? [`${allSeeds.length} given`] : []),
      ...(badSeeds > 0 ? ['not counting the seeds with problems above'] : []),
    ];
    problems.push(
      `Lusha V3 needs at least ${MIN_SEEDS} different seed ${plural(what)} to find lookalikes (got ` +
        `${seeds.length}${got.length > 0 ? `, ${got.join(', ')}` : ''}): add ${MIN_SEEDS - seeds.length} more`,
    );
  }
  if (seeds.length > MAX_SEEDS) {
    problems.push(`At most ${MAX_SEEDS} seed ${plural(what)} per step (got ${seeds.length}): Lusha V3 takes no more`);
  }
  for (const list of lists) {
    const n = exclusions.filter((e) => e.kind === list).length;
    if (n > MAX_EXCLUSIONS_PER_LIST) {
      problems.push(
        `At most ${MAX_EXCLUSIONS_PER_LIST} excluded ${plural(what)} by ${listWords(list)} per step (got ${n})`,
      );
    }
  }
  const limit = readInteger(inputData.limit, 'Number of Recommendations', 1, MAX_LIMIT);
  if (!limit.ok) problems.push(limit.problem);
  const session = readText(inputData.request_id, 'Request ID (for More)');
  if (!session.ok) problems.push(session.problem);
  else if (session.value && !SESSION_ID.test(session.value)) {
    problems.push(
      `Request ID (for More) "${session.value}" is not a Lusha V3 session id (expected one like ` +
        '58adaa77-7a6e-4c9b-8c2d-820a6538e613, as output by an earlier run): map it from an earlier run, or clear it',
    );
  }
  return {
    read: {
      seeds,
      exclusions,
      limit: (limit.ok ? limit.value : undefined) ?? DEFAULT_LIMIT,
      ...(session.ok && session.value ? { sessionId: session.value.toLowerCase() } : {}),
    },
    problems,
  };
}

const LIST_WORDS: Record<string, string> = {
  ids: 'Lusha ID',
  emails: 'email',
  linkedinUrls: 'LinkedIn URL',
  contacts: 'name',
  domains: 'domain',
};
const listWords = (list: string) => LIST_WORDS[list] ?? list;

function readContactInput(input: Record<string, unknown>, seedProblems: string[], problems: string[]) {
  const seeds = readRows(input.seeds, 'Seed Contacts', readContactRow, seedProblems);
  const exclusions = [
    ...readRows(input.exclusions, 'Exclude Contacts', readContactRow, problems, EXCLUDE_PREFIX),
    ...readIdList(
      input.exclude_ids,
      excludeLabel('contact'),
      (value, at): ContactIdentifier => ({ at, kind: 'ids', value }),
      problems,
    ),
  ];
  return { seeds, exclusions };
}

function readCompanyInput(input: Record<string, unknown>, seedProblems: string[], problems: string[]) {
  const seeds = [
    ...readIdList(
      input.company_ids,
      'Seed Company IDs',
      (value, at): CompanyIdentifier => ({ at, kind: 'id', value }),
      seedProblems,
    ),
    ...readRows(input.seeds, 'Seed Companies', readCompanyRow, seedProblems),
  ];
  const exclusions = [
    ...readRows(input.exclusions, 'Exclude Companies', readCompanyRow, problems, EXCLUDE_PREFIX),
    ...readIdList(
      input.exclude_ids,
      excludeLabel('company'),
      (value, at): CompanyIdentifier => ({ at, kind: 'id', value }),
      problems,
    ),
  ];
  return { seeds, exclusions };
}

// ------------------------------------------------------------------ wire bodies

function contactBatch(items: readonly ContactIdentifier[]): V3ContactIdentifiers {
  const batch: V3ContactIdentifiers = {};
  for (const item of items) {
    if (item.kind === 'contacts') (batch.contacts ??= []).push(item.value);
    else (batch[item.kind] ??= []).push(item.value);
  }
  return batch;
}

type ResolvedCompany = { at: string; kind: 'domains' | 'linkedinUrls'; value: string };

function companyBatch(items: readonly ResolvedCompany[]): V3CompanyIdentifiers {
  const batch: V3CompanyIdentifiers = {};
  for (const item of items) (batch[item.kind] ??= []).push(item.value);
  return batch;
}

const isEmptyBatch = (batch: object) => Object.keys(batch).length === 0;

// ------------------------------------------------------------------ records

const pick = (fields: readonly OutputField[], keys: readonly string[]): OutputField[] =>
  keys.map((key) => {
    const field = fields.find((f) => f.key === key);
    if (!field) throw new Error(`no output field "${key}"`);
    return field;
  });

const CONTACT_KEYS = [
  'id',
  'fullName',
  'jobTitle',
  'companyId',
  'companyName',
  // new with V3
  'firstName',
  'lastName',
  'seniority',
  'departments',
  'linkedinUrl',
  'companyDomain',
  'city',
  'state',
  'country',
] as const;

const COMPANY_KEYS = [
  'id',
  'name',
  'domain',
  'description',
  // new with V3
  'industry',
  'linkedinUrl',
  'city',
  'state',
  'country',
] as const;

export type LookalikeContactLine = Record<(typeof CONTACT_KEYS)[number], string | null>;
export type LookalikeCompanyLine = Record<(typeof COMPANY_KEYS)[number] | 'employeeCount', string | number | null>;

const joined = (value: unknown): string | null => {
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : null;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
};

/** A V3 lookalike contact (a preview) as a line item: the person record's keys. */
export function toLookalikeContactLine(result: Contact): LookalikeContactLine {
  const record = toPersonRecord(result) as unknown as Record<string, unknown>;
  return Object.fromEntries(CONTACT_KEYS.map((key) => [key, joined(record[key])])) as LookalikeContactLine;
}

/** A V3 lookalike company as a line item: the company record's keys, and V3's exact head count. */
export function toLookalikeCompanyLine(result: Company): LookalikeCompanyLine {
  const record = toCompanyRecord(result) as unknown as Record<string, unknown>;
  const line = Object.fromEntries(COMPANY_KEYS.map((key) => [key, joined(record[key])])) as LookalikeCompanyLine;
  const exact = result.employeeCount?.exact;
  line.employeeCount = typeof exact === 'number' ? exact : null;
  return line;
}

export const lookalikeContactLineFields: OutputField[] = pick(personOutputFields, CONTACT_KEYS).map(
  ({ key, label, type }) => ({ key, label, type: type === 'boolean' ? type : ('string' as const) }),
);

export const lookalikeCompanyLineFields: OutputField[] = [
  ...pick(companyOutputFields, COMPANY_KEYS).map(({ key, label }) => ({ key, label, type: 'string' as const })),
  { key: 'employeeCount', label: 'Employees (Exact)', type: 'integer' },
];

export const lookalikeContactLineSample: LookalikeContactLine = {
  id: personSample.id,
  fullName: personSample.fullName,
  jobTitle: personSample.jobTitle,
  companyId: personSample.companyId,
  companyName: personSample.companyName,
  firstName: personSample.firstName,
  lastName: personSample.lastName,
  seniority: personSample.seniority,
  departments: joined(personSample.departments),
  linkedinUrl: personSample.linkedinUrl,
  companyDomain: personSample.companyDomain,
  city: personSample.city,
  state: personSample.state,
  country: personSample.country,
};

export const lookalikeCompanyLineSample: LookalikeCompanyLine = {
  id: companySample.id,
  name: companySample.name,
  domain: companySample.domain,
  description: companySample.description,
  industry: companySample.industry,
  linkedinUrl: companySample.linkedinUrl,
  city: companySample.city,
  state: companySample.state,
  country: companySample.country,
  employeeCount: 240,
};

// ------------------------------------------------------------------ the run

export interface LookalikeOutput<R> {
  requestId: string | null;
  count: number;
  creditsCharged: number;
  creditsNote: string;
  hasMore: boolean;
  seedsNote: string | null;
  lines: R[];
}

/** A `dedupeSessionId` Lusha no longer knows (410, DEDUPE_SESSION_INVALID) in the builder's words. */
function explainSessionError(error: unknown, sessionId: string | undefined, what: What): unknown {
  if (!sessionId || !(error instanceof LushaError) || error.status !== 410) return error;
  return new LushaValidationError(
    appendSentence(
      error.message,
      `Request ID (for More) "${sessionId}" is not a session Lusha knows any more: sessions end 30 days after ` +
        `their last use and belong to one API key and to Find Lookalike ${Plural(what)}. Clear Request ID (for ` +
        'More) to start a fresh run from the seeds (it may return some already returned before).',
    ),
    error.endpoint,
    error.status,
    error.lushaMessage,
  );
}

function creditsNote(what: What, count: number, creditsCharged: number, forSession: boolean): string {
  if (count === 0) {
    return (
      `No ${plural(what)} to recommend${forSession ? ' beyond those already returned for this Request ID' : ''}: ` +
      `${counted(creditsCharged, 'credit')} charged.`
    );
  }
  const found = counted(count, `recommended ${what}`, `recommended ${plural(what)}`);
  return (
    `${found}: Lusha charged ${counted(creditsCharged, 'credit')}. Map this step's Request ID (with the same seeds) ` +
    'into another run to get more.'
  );
}

/** Find Lookalike Contacts: one `POST /v3/contacts/lookalike`. */
export async function runContactLookalikes(
  step: string,
  lusha: LushaClient,
  z: ZObject,
  bundle: Bundle,
): Promise<LookalikeOutput<LookalikeContactLine>> {
  const inputData = (bundle.inputData ?? {}) as Record<string, unknown>;
  const lists = ['ids', 'emails', 'linkedinUrls', 'contacts'];
  const { read, problems } = readStep<ContactIdentifier>(inputData, 'contact', readContactInput, lists);
  haltOnInputProblems(z, step, problems);

  const exclude = contactBatch(read.exclusions);
  let answer;
  try {
    answer = await lusha.findContactLookalikes({
      seeds: contactBatch(read.seeds),
      ...(isEmptyBatch(exclude) ? {} : { exclude }),
      limit: read.limit,
      ...(read.sessionId ? { dedupeSessionId: read.sessionId } : {}),
    });
  } catch (error) {
    throw explainSessionError(error, read.sessionId, 'contact');
  }
  const lines = answer.results.map(toLookalikeContactLine);
  const credits = creditsChargedBy(answer);
  return {
    requestId: answer.dedupeSessionId ?? read.sessionId ?? null,
    count: lines.length,
    creditsCharged: credits,
    creditsNote: creditsNote('contact', lines.length, credits, Boolean(read.sessionId)),
    hasMore: answer.meta?.hasMore ?? false,
    seedsNote: null,
    lines,
  };
}

/** What the look-up of companies given by Lusha ID or name found: each as a domain or LinkedIn URL, or why not. */
interface Lookup {
  resolved: Map<string, ResolvedCompany>;
  missed: string[];
  credits: number;
}

async function lookUpCompanies(lusha: LushaClient, items: readonly CompanyIdentifier[]): Promise<Lookup> {
  const toFind = unique(items.filter((i) => i.kind === 'id' || i.kind === 'name'));
  const lookup: Lookup = { resolved: new Map(), missed: [], credits: 0 };
  if (toFind.length === 0) return lookup;
  const companies: V3CompanyItem[] = toFind.map((item, index) => ({
    clientReferenceId: String(index + 1),
    ...(item.kind === 'id' ? { id: item.value } : { name: item.value }),
  }));
  const answer = await lusha.searchCompanies({ companies });
  lookup.credits = creditsChargedBy(answer);
  const found = byClientReference(answer.results);
  toFind.forEach((item, index) => {
    const result = found.get(String(index + 1));
    const domain = result && !result.error ? domainOf(result.domain, result.fqdn) : null;
    const linkedin = result && !result.error ? socialUrl(result.socialLinks?.linkedin ?? result.linkedin) : null;
    const words = item.kind === 'id' ? `Company ID ${item.value}` : `"${item.value}"`;
    if (domain) lookup.resolved.set(identityOf(item), { at: item.at, kind: 'domains', value: domain });
    else if (linkedin) lookup.resolved.set(identityOf(item), { at: item.at, kind: 'linkedinUrls', value: linkedin });
    else if (result?.error?.code && result.error.code !== 'NOT_FOUND') {
      lookup.missed.push(`${item.at} (${words}): ${result.error.message ?? result.error.code}`);
    } else if (result && !result.error) {
      lookup.missed.push(`${item.at} (${words}): Lusha has no domain or LinkedIn page for it`);
    } else lookup.missed.push(`${item.at} (${words}): Lusha found no such company`);
  });
  return lookup;
}

function resolveAll(items: readonly CompanyIdentifier[], lookup: Lookup): ResolvedCompany[] {
  return unique(
    items.flatMap((item): ResolvedCompany[] => {
      if (item.kind === 'domains' || item.kind === 'linkedinUrls') return [{ ...item, kind: item.kind }];
      const found = lookup.resolved.get(identityOf(item));
      return found ? [found] : [];
    }),
  );
}

/**
 * Find Lookalike Companies: the companies given by Lusha ID or name looked up (one
 * `POST /v3/companies/search`, only when there are any), then one `POST /v3/companies/lookalike`.
 * Once the look-up was paid, the step returns what it has, with the reason, whatever happens next.
 */
export async function runCompanyLookalikes(
  step: string,
  lusha: LushaClient,
  z: ZObject,
  bundle: Bundle,
): Promise<LookalikeOutput<LookalikeCompanyLine>> {
  const inputData = (bundle.inputData ?? {}) as Record<string, unknown>;
  const { read, problems } = readStep<CompanyIdentifier>(inputData, 'company', readCompanyInput, [
    'domains',
    'linkedinUrls',
  ]);
  const lookups = unique([...read.seeds, ...read.exclusions].filter((i) => i.kind === 'id' || i.kind === 'name'));
  if (lookups.length > MAX_COMPANY_LOOKUPS) {
    problems.push(
      `At most ${MAX_COMPANY_LOOKUPS} companies by Lusha ID or name (seeds and exclusions together) per step (got ` +
        `${lookups.length}): give the others by domain or LinkedIn URL`,
    );
  }
  haltOnInputProblems(z, step, problems);

  const lookup = await lookUpCompanies(lusha, lookups);
  const seeds = resolveAll(read.seeds, lookup);
  const exclude = companyBatch(resolveAll(read.exclusions, lookup));
  const missedNote =
    lookup.missed.length > 0 ? `Left out, not found as a domain or LinkedIn page: ${lookup.missed.join('; ')}.` : null;
  const partial = (reason: string): LookalikeOutput<LookalikeCompanyLine> => ({
    requestId: read.sessionId ?? null,
    count: 0,
    creditsCharged: lookup.credits,
    creditsNote:
      `${reason} Lusha charged ${counted(lookup.credits, 'credit')} for looking up the companies given by Lusha ID ` +
      'or name; no lookalikes were charged.',
    hasMore: false,
    seedsNote: missedNote,
    lines: [],
  });
  if (seeds.length < MIN_SEEDS) {
    return partial(
      `No lookalikes asked for: only ${seeds.length} of the seed companies could be given to Lusha V3 as a domain ` +
        `or LinkedIn page, and it needs at least ${MIN_SEEDS}. Add seeds (by domain or LinkedIn URL needs no look-up).`,
    );
  }
  const lookedUp = lookups.length > 0;
  let answer;
  try {
    answer = await lusha.findCompanyLookalikes({
      seeds: companyBatch(seeds),
      ...(isEmptyBatch(exclude) ? {} : { exclude }),
      limit: read.limit,
      ...(read.sessionId ? { dedupeSessionId: read.sessionId } : {}),
    });
  } catch (error) {
    const explained = explainSessionError(error, read.sessionId, 'company');
    if (!lookedUp) throw explained;
    const message = explained instanceof Error ? explained.message : String(explained);
    return partial(`The lookalike call failed: ${message}`);
  }
  const lines = answer.results.map(toLookalikeCompanyLine);
  const lookalikeCredits = creditsChargedBy(answer);
  const credits = lookup.credits + lookalikeCredits;
  const note = creditsNote('company', lines.length, lookalikeCredits, Boolean(read.sessionId));
  return {
    requestId: answer.dedupeSessionId ?? read.sessionId ?? null,
    count: lines.length,
    creditsCharged: credits,
    creditsNote: lookedUp
      ? `${note} Looking up the companies given by Lusha ID or name cost ${counted(lookup.credits, 'credit')} more ` +
        `(${counted(credits, 'credit')} in all).`
      : note,
    hasMore: answer.meta?.hasMore ?? false,
    seedsNote: missedNote,
    lines,
  };
}

// ------------------------------------------------------------------ the summary fields and contract texts

/** The summary of a sample run: one recommendation, one credit (the operation adds the line item). */
export function lookalikeSummarySample(what: What, requestId: string) {
  return {
    requestId,
    count: 1,
    creditsCharged: 1,
    creditsNote: creditsNote(what, 1, 1, false),
    hasMore: true,
    seedsNote: null,
  };
}

export function lookalikeSummaryFields(what: What): OutputField[] {
  return [
    { key: 'requestId', label: 'Request ID', type: 'string' },
    { key: 'count', label: what === 'contact' ? 'Contacts Returned' : 'Companies Returned', type: 'integer' },
    CREDITS_CHARGED_FIELD,
    CREDITS_NOTE_FIELD,
    { key: 'hasMore', label: 'More Available', type: 'boolean' },
    { key: 'seedsNote', label: 'Seeds Note', type: 'string' },
  ];
}

/** The operation's output: the summary, and the line items under the 1.x key (`contacts` or `companies`). */
export function lookalikeStepOutput<R>(what: What, { lines, ...summary }: LookalikeOutput<R>) {
  return { ...summary, [plural(what)]: lines };
}

/** What each Find Lookalike step costs, in its contract's words. */
export function lookalikeCredits(what: What): string {
  const base =
    `${billedPer(what)} and states the charge (billing.creditsCharged, output as Credits Charged); ` +
    'Number of Recommendations caps it. An input refused before any call costs nothing.';
  return what === 'contact'
    ? base
    : `${base} Seeds or exclusions given by Lusha ID or name are first looked up with one Search Companies call, ` +
        "charged per company found (Lusha's api_search price) and added to Credits Charged; once it is paid, the " +
        'step returns what it has even if too few seeds remain or the lookalike call fails: no companies, the ' +
        'look-up in Credits Charged, and why in Credits Note and Seeds Note.';
}

/** The input errors of a step, and the error both steps document for a session Lusha no longer knows. */
export function lookalikeErrors(what: What): ErrorNote[] {
  return [
    {
      when:
        `Fewer than ${MIN_SEEDS} or more than ${MAX_SEEDS} different seeds, a row that identifies no ${what}, a ` +
        `malformed value, more than ${MAX_EXCLUSIONS_PER_LIST} exclusions of one kind, a limit outside 1–` +
        `${MAX_LIMIT}, or a Request ID that is not a V3 session id`,
      error: 'HaltedError',
      action: 'Fix what the message lists (every problem at once, with the seed counts); nothing was called.',
    },
    {
      when: 'Lusha no longer knows the Request ID (DEDUPE_SESSION_INVALID: expired after 30 days, or another key)',
      error: 'HaltedError',
      action: 'Clear Request ID (for More) to start a fresh run from the same seeds.',
    },
  ];
}
