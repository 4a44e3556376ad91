/**
 * Signal scores (Score Companies by Signals, Score Contacts by Signals): V3's
 * `POST /v3/{companies|contacts}/signal-score` rates each entity 0–1 by its active buying
 * signals. This file holds what the two steps need beyond the bulk machine (src/zapier/bulk.ts):
 * the readers of a row into the one V3 item it is sent as, the key under which rows collapse
 * into one, the wire mapping of one batch of up to 100, the output record with its fields and
 * sample, the help text and the contract.
 *
 * Each result is scored (status matched), NOT_FOUND (not_found) or NO_SCORE (no_score: Lusha
 * resolved the entity but its scoring engine has nothing for it). Lusha bills 1 credit per scored
 * row and never for NOT_FOUND / NO_SCORE; while the action is not on the account's pricebook the
 * endpoint is free. A batch's credits are its `billing.creditsCharged`, never a count of rows.
 */
import { companyIdentifierFields } from '../companies/fields';
import { COMPANY_LABELS } from '../companies/lookup';
import { creditsChargedBy, outcomesByReference } from '../lusha/billing';
import type { LushaClient, V3ContactItem, V3SignalScoreCompanyItem } from '../lusha/client';
import type { V3CompanySignalScore, V3ContactSignalScore } from '../lusha/schemas';
import { personIdentifierFields } from '../people/fields';
import { type PersonLookup, readPersonLookup } from '../people/lookup';
import type { BatchAnswer, RowOutcome } from '../shared/outcome';
import { type Checked, ProblemList, readDomain, readEmail, readLushaId, readText } from '../shared/readers';
import { domainOf, firstText, formatCount, uniqueTexts } from '../shared/values';
import {
  BATCH_SIZE,
  bulkContractErrors,
  bulkRowsInputFields,
  bulkSample,
  MAX_ROWS,
  type BulkReporting,
} from '../zapier/bulk';
import type { OperationContract } from '../zapier/contract';
import type { OutputField, PlainInputField } from '../zapier/fields';
import { COMPANY_SIGNAL_TYPE_NAMES, CONTACT_SIGNAL_TYPES, signalTypeName } from './catalog';

/** How the score steps report their rows: matched is "scored"; no_score is theirs alone. */
export const SCORE_REPORTING: BulkReporting = {
  statuses: ['matched', 'not_found', 'no_score', 'invalid_input', 'error'],
  matchedLabel: 'Scored',
};

// ------------------------------------------------------------------ a row, read into its V3 item

/** A company as V3 scores it: exactly one identifier. */
export type CompanyToScore = { id: string } | { domain: string } | { email: string } | { name: string };

/** A contact as V3 scores it: a Lusha ID, a LinkedIn URL, an email, or a name with a company. */
export type ContactToScore = Omit<V3ContactItem, 'clientReferenceId'>;

/** The label of a company row's email (the person fields' label for the same value). */
const COMPANY_EMAIL_LABEL = 'Email';

/**
 * Reads a company row: every value given must be well formed (a malformed one is a problem even
 * when another identifier would do), and V3 takes one identifier per company, so the most precise
 * one given is kept: Lusha Company ID, then Company Domain, then Email (Lusha uses only its
 * domain), then Company Name.
 */
export function readCompanyToScore(input: Record<string, unknown>): Checked<CompanyToScore> {
  const problems = new ProblemList();
  const id = problems.take(readLushaId(input.company_id, COMPANY_LABELS.company_id));
  const domain = problems.take(readDomain(input.domain, COMPANY_LABELS.domain));
  const email = problems.take(readEmail(input.email, COMPANY_EMAIL_LABEL));
  const name = problems.take(readText(input.name, COMPANY_LABELS.name));
  const item: CompanyToScore | undefined = id
    ? { id }
    : domain
      ? { domain }
      : email
        ? { email }
        : name
          ? { name }
          : undefined;
  if (!item && problems.count === 0) {
    problems.add(
      `Nothing identifies the company: fill in ${COMPANY_LABELS.company_id}, ${COMPANY_LABELS.domain}, ` +
        `${COMPANY_EMAIL_LABEL} or ${COMPANY_LABELS.name}`,
    );
  }
  return problems.result(item as CompanyToScore);
}

/**
 * Reads a contact row as Bulk Enrich People does (src/people/lookup.ts), then keeps the most
 * precise identifier, in the order V3 lists them: Lusha Person ID, then LinkedIn Profile URL,
 * then Email, then First Name + Last Name with the Company Name and/or Company Domain given.
 */
export function readContactToScore(input: Record<string, unknown>): Checked<ContactToScore> {
  const read = readPersonLookup(input);
  return read.ok ? { ok: true, value: contactToScore(read.value) } : read;
}

function contactToScore(lookup: PersonLookup): ContactToScore {
  if (lookup.personId) return { id: lookup.personId };
  if (lookup.linkedinUrl) return { linkedinUrl: lookup.linkedinUrl };
  if (lookup.email) return { email: lookup.email };
  return {
    firstName: lookup.firstName,
    lastName: lookup.lastName,
    ...(lookup.companyName ? { companyName: lookup.companyName } : {}),
    ...(lookup.companyDomain ? { companyDomain: lookup.companyDomain } : {}),
  };
}

/**
 * The key under which company rows are scored, and charged, once: the identifier sent, names
 * without case. Lusha resolves an email by its domain alone, so an email counts as its domain.
 */
export function companyScoreKey(item: CompanyToScore): string {
  if ('id' in item) return JSON.stringify(['id', item.id]);
  if ('domain' in item) return JSON.stringify(['domain', item.domain]);
  if ('email' in item) return JSON.stringify(['domain', domainOf(item.email.split('@').pop()) ?? item.email]);
  return JSON.stringify(['name', item.name.toLowerCase()]);
}

/** The key under which contact rows are scored, and charged, once: the identifier sent, without case. */
export function contactScoreKey(item: ContactToScore): string {
  return JSON.stringify(Object.entries(item).map(([key, value]) => [key, String(value).toLowerCase()]));
}

// ------------------------------------------------------------------ the output record

/** What every score record holds: the score and the active signal types, as Lusha's keys and by name. */
export interface SignalScoreFields {
  /** 0 to 1; null on a row Lusha did not score. */
  signalScore: number | null;
  noActiveSignals: boolean | null;
  signalTypes: string[];
  signalTypeNames: string[];
}

export interface CompanyScoreRecord extends SignalScoreFields {
  id: string | null;
  name: string | null;
  domain: string | null;
}

export interface ContactScoreRecord extends SignalScoreFields {
  id: string | null;
  fullName: string | null;
  companyId: string | null;
  companyName: string | null;
  companyDomain: string | null;
}

type ScoreResult = V3CompanySignalScore | V3ContactSignalScore;

function scoreFieldsOf(result: ScoreResult, names: Readonly<Record<string, string>>): SignalScoreFields {
  const types = uniqueTexts(result.signalTypes ?? []);
  return {
    signalScore: typeof result.signalScore === 'number' ? result.signalScore : null,
    noActiveSignals: result.noActiveSignals ?? null,
    signalTypes: types,
    signalTypeNames: types.map((type) => signalTypeName(names, type)),
  };
}

export function toCompanyScoreRecord(result: V3CompanySignalScore): CompanyScoreRecord {
  return {
    ...scoreFieldsOf(result, COMPANY_SIGNAL_TYPE_NAMES),
    id: firstText(result.id),
    name: firstText(result.name),
    domain: domainOf(result.domain),
  };
}

export function toContactScoreRecord(result: V3ContactSignalScore): ContactScoreRecord {
  return {
    ...scoreFieldsOf(result, CONTACT_SIGNAL_TYPES),
    id: firstText(result.id),
    fullName: firstText(result.fullName),
    companyId: firstText(result.company?.id),
    companyName: firstText(result.company?.name),
    companyDomain: domainOf(result.company?.domain),
  };
}

export const emptyCompanyScoreRecord: CompanyScoreRecord = toCompanyScoreRecord({});
export const emptyContactScoreRecord: ContactScoreRecord = toContactScoreRecord({});

const scoreOutputFields: OutputField[] = [
  { key: 'signalScore', label: 'Signal Score (0 to 1)', type: 'number' },
  { key: 'noActiveSignals', label: 'No Active Signals', type: 'boolean' },
  { key: 'signalTypeNames', label: 'Active Signal Types', type: 'string', list: true },
  { key: 'signalTypes', label: 'Active Signal Types (Lusha Keys)', type: 'string', list: true },
];

export const companyScoreOutputFields: OutputField[] = [
  ...scoreOutputFields,
  { key: 'id', label: 'Lusha Company ID', type: 'string' },
  { key: 'name', label: 'Company Name', type: 'string' },
  { key: 'domain', label: 'Company Domain', type: 'string' },
];

export const contactScoreOutputFields: OutputField[] = [
  ...scoreOutputFields,
  { key: 'id', label: 'Lusha Person ID', type: 'string' },
  { key: 'fullName', label: 'Full Name', type: 'string' },
  { key: 'companyId', label: 'Lusha Company ID', type: 'string' },
  { key: 'companyName', label: 'Company Name', type: 'string' },
  { key: 'companyDomain', label: 'Company Domain', type: 'string' },
];

// ------------------------------------------------------------------ one batch on the wire

/** What a signal-score call answers: a result per item sent, under its reference, and the bill. */
interface ScoreAnswer<T> {
  results: T[];
  billing?: { creditsCharged?: number | null } | null;
}

/** A NO_SCORE row's reason: Lusha resolved the entity, but has no score for it, and charged nothing. */
const noScoreReason = (noun: string) =>
  `Lusha found this ${noun} but has no signal score for it (its scoring engine returned nothing). No credit was ` +
  'charged for this row.';

/** One result: NOT_FOUND → not found; NO_SCORE → no_score, with who it is; another error → error; else scored. */
function scoreOutcome<T extends ScoreResult, R>(result: T, noun: string, toRecord: (r: T) => R): RowOutcome<R> {
  const error = result.error;
  if (error?.code === 'NOT_FOUND') return { status: 'not_found', creditsCharged: 0 };
  if (error?.code === 'NO_SCORE') {
    return { status: 'no_score', reason: noScoreReason(noun), record: toRecord(result), creditsCharged: 0 };
  }
  if (error) {
    const said = firstText(error.message, error.code) ?? 'no details';
    return { status: 'error', reason: `Lusha could not score this ${noun}: ${said}.`, creditsCharged: 0 };
  }
  return { status: 'matched', record: toRecord(result), creditsCharged: 0 };
}

/** The outcome of each item of a batch by the reference it was sent under (one missing from the answer is left out). */
function batchAnswer<T extends ScoreResult, R>(
  answer: ScoreAnswer<T>,
  batch: ReadonlyArray<{ id: string }>,
  noun: string,
  toRecord: (r: T) => R,
): BatchAnswer<R> {
  const outcomes = outcomesByReference(batch, answer.results, (result) => scoreOutcome(result, noun, toRecord));
  return { outcomes, creditsCharged: creditsChargedBy(answer) };
}

/** One batch of at most 100 companies, each under the machine's reference, by POST /v3/companies/signal-score. */
export async function scoreCompaniesBatch(
  lusha: LushaClient,
  batch: ReadonlyArray<{ id: string; lookup: CompanyToScore }>,
): Promise<BatchAnswer<CompanyScoreRecord>> {
  const companies: V3SignalScoreCompanyItem[] = batch.map(({ id, lookup }) => ({ clientReferenceId: id, ...lookup }));
  const answer = await lusha.getCompanySignalScores({ companies });
  return batchAnswer(answer, batch, 'company', toCompanyScoreRecord);
}

/** One batch of at most 100 contacts, each under the machine's reference, by POST /v3/contacts/signal-score. */
export async function scoreContactsBatch(
  lusha: LushaClient,
  batch: ReadonlyArray<{ id: string; lookup: ContactToScore }>,
): Promise<BatchAnswer<ContactScoreRecord>> {
  const contacts: V3ContactItem[] = batch.map(({ id, lookup }) => ({ clientReferenceId: id, ...lookup }));
  const answer = await lusha.getContactSignalScores({ contacts });
  return batchAnswer(answer, batch, 'contact', toContactScoreRecord);
}

// ------------------------------------------------------------------ the steps' fields, help and samples

type Kind = 'company' | 'contact';

const COMPANY_EMAIL_FIELD: PlainInputField = {
  key: 'email',
  label: COMPANY_EMAIL_LABEL,
  type: 'string',
  helpText:
    'An email address at the company, e.g. maya@northwind-analytics.com: Lusha finds the company by its domain ' +
    'alone.',
};

/** What Lusha charges for a run, in the builder's words (the Billing notes of the signal-score endpoints). */
function costNote(kind: Kind): string {
  const noun = kind === 'company' ? 'company' : 'contact';
  return (
    `Lusha charges 1 credit per ${noun} it scores (a score of 0 included) and nothing for one it cannot find ` +
    "(not_found) or has no score for (no_score). While signal scores are not yet on your account's pricebook " +
    '(limited availability), Lusha charges nothing at all. Credits Charged says what Lusha billed.'
  );
}

const ROUTING_NOTE =
  '**Signal Score** runs from 0 (no active signals) to 1. To route on it (for example, 0.5 or more → notify ' +
  'sales), loop over the rows with Looping by Zapier and add a Filter on Signal Score, or map one row at a time.';

/** The input of a score step: the note on how the list works, then the line items. */
export function scoreInputFields(kind: Kind): PlainInputField[] {
  const rowsNote = `A scored row has Status matched. The rows go to Lusha ${BATCH_SIZE} per request.`;
  const rows =
    kind === 'company'
      ? bulkRowsInputFields({
          rowsLabel: 'Companies',
          identifierFields: [...companyIdentifierFields, COMPANY_EMAIL_FIELD],
          eachRowNeeds:
            'a Lusha Company ID, a Company Domain, an Email at the company or a Company Name. Lusha takes one ' +
            'identifier per company, so when a row has several, only the most precise is sent, in that order (an ' +
            'email counts as its domain: two emails at one domain are one company)',
          lineItemNote: rowsNote,
          reporting: SCORE_REPORTING,
        })
      : bulkRowsInputFields({
          rowsLabel: 'Contacts',
          identifierFields: personIdentifierFields,
          eachRowNeeds:
            'a Lusha Person ID, a LinkedIn Profile URL, an Email, or First Name + Last Name + Company Name or ' +
            'Domain. Lusha takes one way of identifying each contact, so when a row has several, only the most ' +
            'precise is sent, in that order (a name is sent with the company name and domain given)',
          lineItemNote: rowsNote,
          reporting: SCORE_REPORTING,
        });
  // What it costs and how to route on the score, in a note of its own (Zapier caps a help text at 1,000 characters).
  const [about, ...fields] = rows;
  return [
    about!,
    { key: 'credits_and_routing', type: 'copy', helpText: `${costNote(kind)} ${ROUTING_NOTE}` },
    ...fields,
  ];
}

const companyScoreSample: CompanyScoreRecord = {
  signalScore: 0.42,
  noActiveSignals: false,
  signalTypeNames: ['Surge in Hiring', 'Website Traffic Increase'],
  signalTypes: ['surgeInHiring', 'websiteTrafficIncrease'],
  id: '33222678',
  name: 'Northwind Analytics',
  domain: 'northwind-analytics.com',
};

const contactScoreSample: ContactScoreRecord = {
  signalScore: 0.3,
  noActiveSignals: false,
  signalTypeNames: ['Promotion'],
  signalTypes: ['promotion'],
  id: '4183886134',
  fullName: 'Maya Goldberg',
  companyId: '33222678',
  companyName: 'Northwind Analytics',
  companyDomain: 'northwind-analytics.com',
};

/** A score step's sample: scored, not found, a duplicate, invalid input, and found but not scored. */
export function scoreSample(kind: 'company'): ReturnType<typeof bulkSample<CompanyScoreRecord>>;
export function scoreSample(kind: 'contact'): ReturnType<typeof bulkSample<ContactScoreRecord>>;
export function scoreSample(kind: Kind) {
  return kind === 'company'
    ? bulkSample(
        companyScoreSample,
        emptyCompanyScoreRecord,
        'Company Domain "northwind" is not a domain (expected something like acme.com)',
        {
          reporting: SCORE_REPORTING,
          noScore: {
            record: {
              ...emptyCompanyScoreRecord,
              id: '41877305',
              name: 'Harbor & Pine Bakery',
              domain: 'harborpine.com',
            },
            reason: noScoreReason('company'),
          },
        },
      )
    : bulkSample(
        contactScoreSample,
        emptyContactScoreRecord,
        'Email "maya@" is not a valid email address (expected something like name@company.com)',
        {
          reporting: SCORE_REPORTING,
          noScore: {
            record: {
              ...emptyContactScoreRecord,
              id: '4190021377',
              fullName: 'Daniel Okafor',
              companyId: '33222678',
              companyName: 'Northwind Analytics',
              companyDomain: 'northwind-analytics.com',
            },
            reason: noScoreReason('contact'),
          },
        },
      );
}

// ------------------------------------------------------------------ the contract

/** The contract of a score step. */
export function scoreContract(kind: Kind): OperationContract {
  const entities = kind === 'company' ? 'companies' : 'contacts';
  const identityOutage =
    kind === 'contact'
      ? ' When Lusha cannot resolve identities at all, it answers 502: that request is not sent again (Lusha may ' +
        'have processed it), and its rows come back with status error, May Have Been Charged and a reason; run ' +
        'them again later.'
      : '';
  return {
    endpoints: [`POST /v3/${entities}/signal-score`],
    credits:
      `What Lusha bills, reported in Credits Charged: 1 credit per ${kind} scored (a score of 0 included), in ` +
      `requests of up to ${BATCH_SIZE} ${entities} (${formatCount(MAX_ROWS)} rows at most per run). Rows not ` +
      'found (NOT_FOUND) or without a score (NO_SCORE) are never charged, nor are rows with invalid input; rows ' +
      "with the same identifier are sent, and charged, once. While the action is not on the account's pricebook " +
      `(limited availability), the endpoint is free and Credits Charged is 0.${identityOutage}`,
    sinceV3: [`New in 2.0.0: V3's signal score has no V2 counterpart.`],
    errors: [
      ...bulkContractErrors('scored'),
      {
        when: 'The Lusha plan does not include Signals (403)',
        error: 'Error',
        action: 'Ask your Lusha admin to add Signals.',
      },
    ],
  };
}
