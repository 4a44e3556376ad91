/**
 * Find Buying Group on Lusha V3 (`POST /v3/contacts/buying-group`): for up to 25 companies,
 * given by domain or Lusha company ID, the contacts Lusha's model labels decision maker,
 * potential champion or end user, each with a 0–1 score, as previews (no emails or phones:
 * those are revealed by Enrich Prospected Contacts, a separate step).
 *
 * The companies are read from the line items and the plain list, checked and deduplicated
 * before any call (every problem at once). One request asks for all of them; Lusha pages the
 * contacts of the whole answer (100 per request, the most it allows), so a larger answer takes
 * further requests, each started only when the time left fits the slowest so far. Lusha bills
 * every request for the contacts it returns (`buyingGroupContact`): once one answered, the step
 * returns what it has, whatever happens to the next; a request whose answer was lost after it
 * reached Lusha is never sent again, and the output says it may have been charged.
 *
 * Credits are what Lusha billed (`billing.creditsCharged`), summed over the requests.
 */
import { byClientReference, creditsChargedBy, onlyResult } from '../lusha/billing';
import type { LushaClient, V3BuyingGroupBody, V3BuyingGroupCompanyItem, V3Persona } from '../lusha/client';
import { appendSentence, LushaOutcomeUnknownError } from '../lusha/errors';
import type { Contact, V3BuyingGroupAnswer, V3BuyingGroupCompany, V3BuyingGroupContact } from '../lusha/schemas';
import { TimeBudget } from '../lusha/time-budget';
import { readInteger } from '../shared/options';
import {
  type Checked,
  isBlank,
  ProblemList,
  quote,
  readDomain,
  readList,
  isEncodedLushaId,
  readLushaId,
  readText,
} from '../shared/readers';
import { domainOf, firstText, formatCount, titleCase, uniqueTexts } from '../shared/values';
import type { ErrorNote } from '../zapier/contract';
import { entryFailureReason } from '../zapier/errors';
import { CREDITS_CHARGED_FIELD, CREDITS_NOTE_FIELD, type OutputField, type PlainInputField } from '../zapier/fields';
import { lineItemsField, toLineItem, type LineItemValue } from '../zapier/line-items';
import { prefixedCompanyField } from '../companies/record';
import { personOutputFields, toPersonRecord } from '../people/record';
import { counted } from './reveal';

/** V3 takes 1 to 25 companies per request. */
export const MAX_COMPANIES = 25;
/** V3's own default per company; the step asks for fewer unless told otherwise. */
export const MAX_CONTACTS_PER_COMPANY = 60;
export const DEFAULT_CONTACTS_PER_COMPANY = 10;
/** Contacts per request: V3's largest page (10 to 100), so the fewest requests. */
export const PAGE_SIZE = 100;
/** 25 companies × 60 contacts fit in 15 requests. */
const MAX_PAGES = Math.ceil((MAX_COMPANIES * MAX_CONTACTS_PER_COMPANY) / PAGE_SIZE);
/** Keep this much of the run's time in hand after the last request (ms). */
const TIME_MARGIN_MS = 1500;

type LineItem = Record<string, LineItemValue>;

// ------------------------------------------------------------------ personas

export const PERSONAS: ReadonlyArray<{ value: V3Persona; label: string; means: string }> = [
  { value: 'decision_maker', label: 'Decision Maker', means: 'has budget or sign-off authority' },
  { value: 'potential_champion', label: 'Potential Champion', means: 'a likely internal advocate for the purchase' },
  { value: 'end_user', label: 'End User', means: 'a likely day-to-day user of the product' },
];

/** "decision_maker" → "Decision Maker"; a role Lusha adds later is title-cased, not lost. */
const personaLabel = (role: string) => PERSONAS.find((p) => p.value === role)?.label ?? titleCase(role);

// ------------------------------------------------------------------ the input fields

export const LABELS = {
  companies: 'Companies',
  reference: 'Your Reference',
  domain: 'Company Domain',
  company_id: 'Lusha Company ID',
  company_list: 'Company Domains or IDs',
  personas: 'Personas',
  contacts_per_company: 'Contacts Per Company',
} as const;

/** What revealing the contacts found costs, and how: a separate step, never this one. */
export const REVEAL_LATER =
  'This step never reveals emails or phone numbers: to get them, map its Contact IDs into an Enrich Prospected ' +
  'Contacts step, which costs more credits (Lusha charges per revealed email or phone number, nothing for data ' +
  'your account revealed before; each contact line says what Lusha lists for it).';

export const buyingGroupInputFields: PlainInputField[] = [
  {
    key: 'about',
    type: 'copy',
    helpText:
      `Give up to ${MAX_COMPANIES} companies, as rows below (each with its ${LABELS.domain} or its ` +
      `${LABELS.company_id}, and optionally ${LABELS.reference}) or as a mapped list, or both. Lusha returns the ` +
      'people its model picks as their buying group: **Decision Makers** (budget or sign-off authority), **Potential ' +
      'Champions** (likely internal advocates) and **End Users** (likely day-to-day users), best match first, each ' +
      `with a score from 0 to 1. **Costs credits:** Lusha charges 1 credit for each contact it returns. ` +
      `${REVEAL_LATER} To act on each decision maker, loop over the Contacts (Looping by Zapier) and filter on ` +
      'Primary Persona, or loop over Decision Maker Contact IDs.',
  },
  {
    key: 'companies',
    label: LABELS.companies,
    required: false,
    // No help text: Zapier does not allow one on a field with children (the note above says what a row holds).
    children: [
      {
        key: 'reference',
        label: LABELS.reference,
        type: 'string',
        required: false,
        helpText:
          'Optional: your own ID for this company (a CRM record ID, a sheet row...). It comes back on the ' +
          "company's line and on each of its contacts, so you can match them to your records. Not sent to Lusha.",
      },
      {
        key: 'domain',
        label: LABELS.domain,
        type: 'string',
        required: false,
        helpText: "The company's website domain, e.g. northwind-analytics.com (a URL or an email address works too).",
      },
      {
        key: 'company_id',
        label: LABELS.company_id,
        type: 'string',
        required: false,
        helpText:
          "Lusha's ID for the company, as an earlier Lusha step outputs it (e.g. 33222678). Used instead of the " +
          'domain when a row has both.',
      },
    ],
  },
  {
    key: 'company_list',
    label: LABELS.company_list,
    type: 'string',
    list: true,
    required: false,
    helpText:
      'Or map a list: each entry a company domain (acme.com) or a Lusha Company ID. Added to the Companies rows; ' +
      `up to ${MAX_COMPANIES} different companies in all. A company given twice is asked for (and charged) once.`,
  },
  {
    key: 'personas',
    label: LABELS.personas,
    type: 'string',
    list: true,
    required: false,
    choices: PERSONAS.map(({ value, label }) => ({ value, label, sample: value })),
    helpText:
      'Which members of the buying group to return: ' +
      PERSONAS.map((p) => `${p.label} (${p.means})`).join(', ') +
      '. Leave empty for all three. Only the contacts returned are charged, so fewer personas cost less.',
  },
  {
    key: 'contacts_per_company',
    label: LABELS.contacts_per_company,
    type: 'integer',
    required: false,
    default: String(DEFAULT_CONTACTS_PER_COMPANY),
    helpText:
      `The most contacts to return per company, best match first: 1 to ${MAX_CONTACTS_PER_COMPANY} (default ` +
      `${DEFAULT_CONTACTS_PER_COMPANY}). **Costs credits:** each contact returned costs 1 credit, so ` +
      `${MAX_COMPANIES} companies at ${DEFAULT_CONTACTS_PER_COMPANY} cost up to ` +
      `${formatCount(MAX_COMPANIES * DEFAULT_CONTACTS_PER_COMPANY)} credits, and at ${MAX_CONTACTS_PER_COMPANY} ` +
      `up to ${formatCount(MAX_COMPANIES * MAX_CONTACTS_PER_COMPANY)}. Credits Charged says what Lusha billed.`,
  },
];

// ------------------------------------------------------------------ reading the input

/** A company as sent: by domain or by Lusha company ID, with what the builder gave for it. */
interface Target {
  kind: 'domain' | 'id';
  value: string;
  /** The builder's references for it, in order (a company given twice keeps each). */
  references: string[];
  /** How many times the step was given it. */
  given: number;
  /** Our `clientReferenceId` for it: "1" to "25", in order. */
  ref: string;
}

export interface BuyingGroupRequest {
  targets: Target[];
  /** Left out: all three. */
  personas?: V3Persona[];
  contactsLimit: number;
}

type Identified = { kind: 'domain' | 'id'; value: string; reference?: string };

/** One line item: its Lusha Company ID, else its domain; every value given is checked. */
function readRow(row: unknown, at: string, problems: ProblemList): Identified | undefined {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) {
    problems.add(`${at}: must be a row of fields (${LABELS.domain}, ${LABELS.company_id}), not ${quote(row)}`);
    return undefined;
  }
  const fields = row as Record<string, unknown>;
  if (Object.values(fields).every(isBlank)) return undefined;
  const before = problems.count;
  const reference = problems.take(readText(fields.reference, `${at}: ${LABELS.reference}`));
  const domain = problems.take(readDomain(fields.domain, `${at}: ${LABELS.domain}`));
  const id = problems.take(readLushaId(fields.company_id, `${at}: ${LABELS.company_id}`));
  if (problems.count > before) return undefined;
  const ref = reference === undefined ? {} : { reference };
  if (id !== undefined) return { kind: 'id', value: id, ...ref };
  if (domain !== undefined) return { kind: 'domain', value: domain, ...ref };
  problems.add(
    `${at}: give the company's ${LABELS.domain} or ${LABELS.company_id}` +
      (reference === undefined ? '' : ` (${LABELS.reference} alone does not identify one)`),
  );
  return undefined;
}

/** One entry of the plain list: digits or an encoded id are a Lusha Company ID, anything else a domain. */
function readListEntry(entry: string, at: string, problems: ProblemList): Identified | undefined {
  if (/^\d+$/.test(entry) || isEncodedLushaId(entry)) {
    const id = problems.take(readLushaId(entry, at));
    return id === undefined ? undefined : { kind: 'id', value: id };
  }
  const domain = readDomain(entry, at);
  if (domain.ok && domain.value !== undefined) return { kind: 'domain', value: domain.value };
  problems.add(
    `${at}: ${quote(entry)} is neither a company domain (like acme.com) nor a Lusha Company ID (digits, or an ID ` +
      'as Lusha outputs it)',
  );
  return undefined;
}

/** The rows of the line items (one object, or a mapped value, is one row). */
const rowsOf = (value: unknown): unknown[] =>
  Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value];

function readPersonas(value: unknown, problems: ProblemList): V3Persona[] | undefined {
  const list = problems.take(readList(value, LABELS.personas));
  if (list === undefined) return undefined;
  const chosen = new Set<V3Persona>();
  for (const entry of list) {
    const wanted = entry.toLowerCase().replace(/[\s-]+/g, '_');
    const persona = PERSONAS.find((p) => p.value === wanted);
    if (persona) chosen.add(persona.value);
    else {
      problems.add(
        `${LABELS.personas}: ${quote(entry)} is not a persona (choose ${PERSONAS.map((p) => p.label).join(', ')})`,
      );
    }
  }
  // None or all three: V3 returns all three when `personas` is left out.
  if (chosen.size === 0 || chosen.size === PERSONAS.length) return undefined;
  return PERSONAS.filter((p) => chosen.has(p.value)).map((p) => p.value);
}

/** The whole input: the companies (each once), the personas and the contacts per company, or every problem. */
export function readBuyingGroupInput(inputData: Record<string, unknown>): Checked<BuyingGroupRequest> {
  const problems = new ProblemList();
  const identified: Identified[] = [];
  rowsOf(inputData.companies).forEach((row, index) => {
    const company = readRow(row, `${LABELS.companies}, row ${index + 1}`, problems);
    if (company) identified.push(company);
  });
  const list = problems.take(readList(inputData.company_list, LABELS.company_list));
  (list ?? []).forEach((entry, index) => {
    const company = readListEntry(entry, `${LABELS.company_list}, entry ${index + 1}`, problems);
    if (company) identified.push(company);
  });
  const companyProblems = problems.count;

  const targets = new Map<string, Target>();
  for (const company of identified) {
    const key = `${company.kind}:${company.value}`;
    const target = targets.get(key) ?? {
      kind: company.kind,
      value: company.value,
      references: [],
      given: 0,
      ref: String(targets.size + 1),
    };
    target.given += 1;
    if (company.reference !== undefined && !target.references.includes(company.reference)) {
      target.references.push(company.reference);
    }
    targets.set(key, target);
  }
  if (targets.size > MAX_COMPANIES) {
    problems.add(
      `At most ${MAX_COMPANIES} different companies per step (got ${formatCount(targets.size)}): Lusha finds the ` +
        `buying groups of ${MAX_COMPANIES} companies at a time; split the others across more steps`,
    );
  }
  if (targets.size === 0 && companyProblems === 0) {
    problems.add(
      `No company given: fill in a ${LABELS.domain} or ${LABELS.company_id} in ${LABELS.companies}, or map ` +
        LABELS.company_list,
    );
  }
  const personas = readPersonas(inputData.personas, problems);
  const limit = problems.take(
    readInteger(inputData.contacts_per_company, LABELS.contacts_per_company, 1, MAX_CONTACTS_PER_COMPANY),
  );
  return problems.result({
    targets: [...targets.values()],
    ...(personas ? { personas } : {}),
    contactsLimit: limit ?? DEFAULT_CONTACTS_PER_COMPANY,
  });
}

/** The request body (pagination apart): each company under our reference, by its ID or its domain. */
export function buyingGroupBody(request: BuyingGroupRequest): Omit<V3BuyingGroupBody, 'pagination'> {
  const companies = request.targets.map((t): V3BuyingGroupCompanyItem => ({
    clientReferenceId: t.ref,
    [t.kind]: t.value,
  }));
  return {
    companies,
    ...(request.personas ? { personas: request.personas } : {}),
    contactsLimit: request.contactsLimit,
  };
}

// ------------------------------------------------------------------ the requests

type Answer = Awaited<ReturnType<LushaClient['getBuyingGroup']>>;

/** Why the requests stopped: every contact is in, time ran short, or a later request failed. */
type Stop =
  { reason: 'complete' } | { reason: 'time'; page: number } | { reason: 'failed'; page: number; error: unknown };

const contactsOn = (answer: Answer) => answer.results.reduce((sum, r) => sum + (r.contacts?.length ?? 0), 0);

/**
 * Every page of the answer, from page 0, while Lusha says there are more: a next request is
 * started only when the time left fits the slowest so far with a margin. The first request's
 * failure fails the step (nothing was returned to lose); a later one's keeps the pages already
 * answered, and billed, and is never sent again.
 */
export async function fetchBuyingGroupPages(
  lusha: LushaClient,
  body: Omit<V3BuyingGroupBody, 'pagination'>,
): Promise<{ answers: Answer[]; stop: Stop }> {
  const budget = new TimeBudget(() => lusha.timeLeft(), { reserveMs: TIME_MARGIN_MS });
  const answers: Answer[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    if (page > 0 && !budget.fits()) return { answers, stop: { reason: 'time', page } };
    let answer: Answer;
    try {
      answer = await budget.time(() => lusha.getBuyingGroup({ ...body, pagination: { page, size: PAGE_SIZE } }));
    } catch (error) {
      if (page === 0) throw error;
      return { answers, stop: { reason: 'failed', page, error } };
    }
    answers.push(answer);
    const got = contactsOn(answer);
    const total = answer.pagination?.total;
    const more = typeof total === 'number' ? (page + 1) * PAGE_SIZE < total : got >= PAGE_SIZE;
    if (!more || got === 0) break;
  }
  return { answers, stop: { reason: 'complete' } };
}

// ------------------------------------------------------------------ the output

export type BuyingGroupOutput = {
  requestId: string | null;
  companiesRequested: number;
  companiesFound: number;
  companiesNotFound: number;
  contactsReturned: number;
  totalContacts: number;
  contactsNotFetched: number;
  complete: boolean;
  pagesFetched: number;
  decisionMakerCount: number;
  potentialChampionCount: number;
  endUserCount: number;
  contactIds: string | null;
  decisionMakerIds: string | null;
  potentialChampionIds: string | null;
  endUserIds: string | null;
  note: string;
  creditsCharged: number;
  creditsNote: string;
  contacts: LineItem[];
  companies: LineItem[];
};

export type CompanyStatus = 'found' | 'incomplete' | 'not_found' | 'error';

const PERSONA_COUNT_KEYS: Record<V3Persona, 'decisionMakerCount' | 'potentialChampionCount' | 'endUserCount'> = {
  decision_maker: 'decisionMakerCount',
  potential_champion: 'potentialChampionCount',
  end_user: 'endUserCount',
};

const joinedOrNull = (values: readonly string[]) => (values.length > 0 ? values.join(', ') : null);

/** Whether the preview says Lusha holds `point` ("emails", "phones"): from `has`, else `canReveal`; null if neither. */
function holds(contact: V3BuyingGroupContact, point: string): boolean | null {
  if (contact.has) return contact.has.includes(point);
  if (contact.canReveal) return contact.canReveal.some((item) => item.field === point);
  return null;
}

/** What Lusha lists for revealing `field` of this contact (0 when the account revealed it before), or null. */
function revealCredits(contact: V3BuyingGroupContact, field: 'emails' | 'phones'): number | null {
  const credits = contact.canReveal?.find((item) => item.field === field)?.credits;
  return typeof credits === 'number' ? credits : null;
}

/** One contact of the buying group as a flat line item. */
function toContactLine(contact: V3BuyingGroupContact, companyReference: string | null): LineItem {
  const person = toPersonRecord(contact as Contact);
  const roles = uniqueTexts(contact.roles ?? []);
  const emails = revealCredits(contact, 'emails');
  const phones = revealCredits(contact, 'phones');
  return toLineItem({
    id: person.id,
    firstName: person.firstName,
    lastName: person.lastName,
    fullName: person.fullName,
    jobTitle: person.jobTitle,
    seniority: person.seniority,
    departments: person.departments,
    companyId: person.companyId,
    companyName: person.companyName,
    companyDomain: person.companyDomain,
    city: person.city,
    state: person.state,
    country: person.country,
    linkedinUrl: person.linkedinUrl,
    personas: joinedOrNull(roles.map(personaLabel)),
    primaryPersona: roles[0] ? personaLabel(roles[0]) : null,
    score: typeof contact.score === 'number' ? contact.score : null,
    hasEmail: holds(contact, 'emails'),
    hasPhone: holds(contact, 'phones'),
    emailRevealCredits: emails,
    phoneRevealCredits: phones,
    revealCredits: emails === null && phones === null ? null : (emails ?? 0) + (phones ?? 0),
    companyReference,
  });
}

/** What was asked for, in words: "acme.com", "Lusha Company ID 33222678". */
const asked = (t: Target) => (t.kind === 'domain' ? t.value : `${LABELS.company_id} ${t.value}`);

/** What `stop` means for the contacts not fetched, in plain words (null when every contact is in). */
function stopWords(stop: Stop, fetched: number, total: number, secrets: readonly string[]): string | null {
  const missing = Math.max(0, total - fetched);
  switch (stop.reason) {
    case 'complete':
      // Lusha's total counts more than its pages held (or more than 15 pages of 100).
      return missing > 0 ? `Lusha counted ${counted(missing, 'more contact')} in its answer than it returned.` : null;
    case 'time':
      return (
        `Stopped to stay within Zapier's time limit: ${counted(missing, 'more contact')} of Lusha's answer were ` +
        'not fetched, and not charged. Lower Contacts Per Company, or split the companies across steps.'
      );
    case 'failed': {
      const from = stop.page * PAGE_SIZE + 1;
      const to = Math.min(total, from + PAGE_SIZE - 1);
      const which = `The request for contacts ${formatCount(from)}–${formatCount(to)} of ${formatCount(total)}`;
      if (stop.error instanceof LushaOutcomeUnknownError) {
        return (
          `${which} lost its answer: ${entryFailureReason(stop.error, secrets, '')} Up to ` +
          `${counted(to - from + 1, 'contact')} may have been charged for it, not counted in Credits Charged; ` +
          `${counted(missing, 'contact')} of Lusha's answer are not in this output.`
        );
      }
      const again = 'Run the step again later to get them (contacts returned again are charged again).';
      return `${which} failed, so ${counted(missing, 'contact')} were not fetched: ${entryFailureReason(
        stop.error,
        secrets,
        again,
      )}`;
    }
  }
}

/** The step's output from Lusha's answers: every company once, each contact once, the totals and the notes. */
export function buyingGroupOutput(
  request: BuyingGroupRequest,
  answers: readonly Answer[],
  stop: Stop,
  secrets: readonly string[],
): BuyingGroupOutput {
  const pages = answers.map((answer) => byClientReference(answer.results));
  const single = request.targets.length === 1;
  const fetched = answers.reduce((sum, answer) => sum + contactsOn(answer), 0);
  const total = Math.max(fetched, ...answers.map((a) => a.pagination?.total ?? 0));
  const cut = stopWords(stop, fetched, total, secrets);

  const contacts: LineItem[] = [];
  const seen = new Set<string>();
  const byPersona: Record<V3Persona, string[]> = { decision_maker: [], potential_champion: [], end_user: [] };
  const companies = request.targets.map((target) => {
    const rows = answers
      .map((answer, i) => pages[i]?.get(target.ref) ?? (single ? onlyResult(answer.results) : undefined))
      .filter((row): row is V3BuyingGroupCompany => row !== undefined);
    const first = rows[0];
    const reference = joinedOrNull(target.references);
    const counts = { decisionMakerCount: 0, potentialChampionCount: 0, endUserCount: 0 };
    let returned = 0;
    let withheld = 0;
    let company: Contact['company'] = null;
    for (const contact of rows.flatMap((row) => row.contacts ?? [])) {
      const id = firstText(contact.id);
      if (contact.error) withheld += 1;
      if (contact.error || (id !== null && seen.has(id))) continue;
      if (id !== null) seen.add(id);
      const line = toContactLine(contact, reference);
      contacts.push(line);
      returned += 1;
      company ??= contact.company ?? null;
      for (const role of uniqueTexts(contact.roles ?? [])) {
        const key = PERSONA_COUNT_KEYS[role as V3Persona];
        if (!key) continue;
        counts[key] += 1;
        if (id !== null) byPersona[role as V3Persona].push(id);
      }
    }
    let status: CompanyStatus;
    let reason: string | null;
    if (!first) {
      status = 'error';
      reason =
        'Lusha sent no result for this company. Lusha answers each company once: it may be the same company as ' +
        'another one of this step, given by another domain or by its ID.';
    } else if (first.error) {
      const said = firstText(first.error.message, first.error.code);
      status = first.error.code === 'NOT_FOUND' ? 'not_found' : 'error';
      reason =
        status === 'not_found'
          ? `Lusha found no company for ${asked(target)}${said ? ` (${said})` : ''}: nothing charged for it.`
          : `Lusha returned no contacts for this company${said ? `: ${said}` : ''}.`;
    } else if (cut && returned < request.contactsLimit) {
      status = 'incomplete';
      reason = `May have more contacts: ${cut}`;
    } else {
      status = 'found';
      reason = returned === 0 ? 'Lusha found the company but no contacts for the personas asked for.' : null;
    }
    if (withheld > 0) {
      const also = `Lusha withheld ${counted(withheld, 'contact')} of this company (returned with an error).`;
      reason = reason ? appendSentence(reason, also) : also;
    }
    return toLineItem({
      reference,
      requested: target.value,
      requestedAs: target.kind === 'domain' ? LABELS.domain : LABELS.company_id,
      companyId:
        firstText(first?.companyId, company?.id) ?? (status === 'found' && target.kind === 'id' ? target.value : null),
      companyName: firstText(company?.name),
      companyDomain:
        domainOf(company?.domain, company?.fqdn) ??
        (status === 'found' && target.kind === 'domain' ? target.value : null),
      status,
      reason,
      contactsReturned: returned,
      ...counts,
    });
  });

  const found = companies.filter((c) => c.status === 'found' || c.status === 'incomplete').length;
  const notFound = request.targets.filter((_t, i) => companies[i]?.status === 'not_found');
  const credits = answers.reduce((sum, answer) => sum + creditsChargedBy(answer), 0);
  const ids = contacts.map((c) => c.id).filter((id): id is string => typeof id === 'string');
  const repeated = request.targets.filter((t) => t.given > 1);
  const note = [
    `Found ${counted(contacts.length, 'contact')} at ${formatCount(found)} of ` +
      `${counted(request.targets.length, 'company', 'companies')}.`,
    ...(notFound.length > 0 ? [`Not found: ${notFound.map(asked).join(', ')}.`] : []),
    ...(cut ? [cut] : []),
    ...(repeated.length > 0
      ? [`Given more than once, asked for once: ${repeated.map((t) => `${asked(t)} (${t.given} times)`).join(', ')}.`]
      : []),
  ].join(' ');
  return {
    requestId: firstText(answers[0]?.requestId),
    companiesRequested: request.targets.length,
    companiesFound: found,
    companiesNotFound: companies.length - found,
    contactsReturned: contacts.length,
    totalContacts: total,
    contactsNotFetched: Math.max(0, total - fetched),
    complete: cut === null,
    pagesFetched: answers.length,
    decisionMakerCount: byPersona.decision_maker.length,
    potentialChampionCount: byPersona.potential_champion.length,
    endUserCount: byPersona.end_user.length,
    contactIds: joinedOrNull(ids),
    decisionMakerIds: joinedOrNull(byPersona.decision_maker),
    potentialChampionIds: joinedOrNull(byPersona.potential_champion),
    endUserIds: joinedOrNull(byPersona.end_user),
    note,
    creditsCharged: credits,
    creditsNote: creditsNote(contacts, answers.length, credits, stop, total - fetched),
    contacts,
    companies,
  };
}

function creditsNote(contacts: LineItem[], requests: number, credits: number, stop: Stop, missing: number): string {
  const lost =
    stop.reason === 'failed' && stop.error instanceof LushaOutcomeUnknownError
      ? ` One more request's answer was lost after it reached Lusha: it may have been charged too, for up to ` +
        `${counted(Math.min(PAGE_SIZE, missing), 'contact')} (check your Lusha usage).`
      : '';
  const billed =
    `Lusha charged ${counted(credits, 'credit')} for ${counted(contacts.length, 'contact')} returned in ` +
    `${counted(requests, 'request')} (billed per contact returned).${lost}`;
  if (contacts.length === 0) return billed;
  const listed = contacts.reduce((sum, c) => sum + (typeof c.revealCredits === 'number' ? c.revealCredits : 0), 0);
  return (
    `${billed} Emails and phones are not revealed: map Contact IDs into Enrich Prospected Contacts to reveal them ` +
    `(Lusha lists ${counted(listed, 'credit')} for all of them).`
  );
}

/** The whole run of Find Buying Group: read and check the input (no call), then the requests, then the output. */
// ------------------------------------------------------------------ output fields and sample

const personLabel = (key: string) => personOutputFields.find((f) => f.key === key)?.label ?? titleCase(key);
const personText = (key: string): OutputField => ({ key, label: personLabel(key), type: 'string' });

export const buyingGroupContactFields: OutputField[] = [
  { key: 'id', label: 'Lusha Contact ID', type: 'string' },
  ...['firstName', 'lastName', 'fullName', 'jobTitle', 'seniority', 'departments'].map(personText),
  ...['companyId', 'companyName', 'companyDomain', 'city', 'state', 'country', 'linkedinUrl'].map(personText),
  { key: 'personas', label: 'Personas', type: 'string' },
  { key: 'primaryPersona', label: 'Primary Persona', type: 'string' },
  { key: 'score', label: 'Persona Score (0–1)', type: 'number' },
  { key: 'hasEmail', label: 'Lusha Has Email', type: 'boolean' },
  { key: 'hasPhone', label: 'Lusha Has Phone', type: 'boolean' },
  { key: 'emailRevealCredits', label: 'Credits to Reveal Emails', type: 'integer' },
  { key: 'phoneRevealCredits', label: 'Credits to Reveal Phones', type: 'integer' },
  { key: 'revealCredits', label: 'Credits to Reveal Emails and Phones', type: 'integer' },
  { key: 'companyReference', label: 'Company Reference', type: 'string' },
];

export const buyingGroupCompanyFields: OutputField[] = [
  { key: 'reference', label: LABELS.reference, type: 'string' },
  { key: 'requested', label: 'Company Asked For', type: 'string' },
  { key: 'requestedAs', label: 'Asked For By', type: 'string' },
  ...(['id', 'name', 'domain'] as const).map(prefixedCompanyField),
  { key: 'status', label: 'Status', type: 'string' },
  { key: 'reason', label: 'Reason', type: 'string' },
  { key: 'contactsReturned', label: 'Contacts Returned', type: 'integer' },
  { key: 'decisionMakerCount', label: 'Decision Makers', type: 'integer' },
  { key: 'potentialChampionCount', label: 'Potential Champions', type: 'integer' },
  { key: 'endUserCount', label: 'End Users', type: 'integer' },
];

export const buyingGroupOutputFields: OutputField[] = [
  { key: 'requestId', label: 'Request ID', type: 'string' },
  { key: 'companiesRequested', label: 'Companies Asked For', type: 'integer' },
  { key: 'companiesFound', label: 'Companies Found', type: 'integer' },
  { key: 'companiesNotFound', label: 'Companies Not Found', type: 'integer' },
  { key: 'contactsReturned', label: 'Contacts Returned', type: 'integer' },
  { key: 'totalContacts', label: "Contacts in Lusha's Answer", type: 'integer' },
  { key: 'contactsNotFetched', label: 'Contacts Not Fetched', type: 'integer' },
  { key: 'complete', label: 'All Contacts Fetched', type: 'boolean' },
  { key: 'pagesFetched', label: 'Requests Made', type: 'integer' },
  { key: 'decisionMakerCount', label: 'Decision Makers', type: 'integer' },
  { key: 'potentialChampionCount', label: 'Potential Champions', type: 'integer' },
  { key: 'endUserCount', label: 'End Users', type: 'integer' },
  { key: 'contactIds', label: 'Contact IDs', type: 'string' },
  { key: 'decisionMakerIds', label: 'Decision Maker Contact IDs', type: 'string' },
  { key: 'potentialChampionIds', label: 'Potential Champion Contact IDs', type: 'string' },
  { key: 'endUserIds', label: 'End User Contact IDs', type: 'string' },
  { key: 'note', label: 'Note', type: 'string' },
  CREDITS_CHARGED_FIELD,
  CREDITS_NOTE_FIELD,
  lineItemsField('contacts', 'Contacts', buyingGroupContactFields),
  lineItemsField('companies', 'Companies', buyingGroupCompanyFields),
];

/**
 * A sample answer as V3 sends it: two contacts at one company, a second company not found.
 * Written in its parsed form (not parsed at load: the app's cold start stays free of zod work).
 */
const SAMPLE_ANSWER: V3BuyingGroupAnswer = {
  requestId: '951d46da-24f9-4608-84bf-5e70a10bf851',
  results: [
    {
      clientReferenceId: '1',
      companyId: '33222678',
      contacts: [
        {
          id: '4183886134',
          firstName: 'Maya',
          lastName: 'Goldberg',
          jobTitle: { title: 'VP of Sales', departments: ['Sales'], seniority: 'Vice President' },
          company: { id: '33222678', name: 'Northwind Analytics', domain: 'www.northwind-analytics.com' },
          location: { country: 'United States', state: 'Massachusetts', city: 'Boston' },
          socialLinks: { linkedin: 'https://www.linkedin.com/in/maya-goldberg' },
          has: ['firstName', 'lastName', 'jobTitle', 'company', 'location', 'socialLinks', 'emails', 'phones'],
          canReveal: [
            { field: 'emails', credits: 1 },
            { field: 'phones', credits: 5 },
          ],
          roles: ['decision_maker'],
          score: 0.9312,
        },
        {
          id: '4183886201',
          firstName: 'Daniel',
          lastName: 'Okafor',
          jobTitle: { title: 'Director of Revenue Operations', departments: ['Operations'], seniority: 'Director' },
          company: { id: '33222678', name: 'Northwind Analytics', domain: 'www.northwind-analytics.com' },
          location: { country: 'United States', state: 'Massachusetts', city: 'Cambridge' },
          socialLinks: { linkedin: 'https://www.linkedin.com/in/daniel-okafor' },
          has: ['firstName', 'lastName', 'jobTitle', 'company', 'location', 'socialLinks', 'emails'],
          canReveal: [{ field: 'emails', credits: 1 }],
          roles: ['potential_champion'],
          score: 0.8741,
        },
      ],
    },
    { clientReferenceId: '2', error: { code: 'NOT_FOUND', message: 'Company not found' } },
  ],
  pagination: { page: 0, size: PAGE_SIZE, total: 2 },
  billing: { creditsCharged: 2, resultsReturned: 2 },
};

export const buyingGroupSample: BuyingGroupOutput = buyingGroupOutput(
  {
    targets: [
      { kind: 'domain', value: 'northwind-analytics.com', references: ['crm-0012'], given: 1, ref: '1' },
      { kind: 'domain', value: 'contoso-robotics.example', references: ['crm-0013'], given: 1, ref: '2' },
    ],
    contactsLimit: DEFAULT_CONTACTS_PER_COMPANY,
  },
  [SAMPLE_ANSWER],
  { reason: 'complete' },
  [],
);

// ------------------------------------------------------------------ contract texts

export const BUYING_GROUP_CREDITS =
  "Lusha charges per contact returned (buyingGroupContact; 1 credit per contact in Lusha's example), nothing for " +
  'a company it does not find. So a run costs at most Contacts Per Company × the companies: ' +
  `${formatCount(MAX_COMPANIES * DEFAULT_CONTACTS_PER_COMPANY)} credits for ${MAX_COMPANIES} companies at the ` +
  `default ${DEFAULT_CONTACTS_PER_COMPANY}, ${formatCount(MAX_COMPANIES * MAX_CONTACTS_PER_COMPANY)} at ` +
  `${MAX_CONTACTS_PER_COMPANY}. Lusha returns up to ${PAGE_SIZE} contacts per request; a larger answer takes ` +
  "further requests (each billed for its own contacts), started only while Zapier's time allows. creditsCharged " +
  'is the sum of billing.creditsCharged over the requests. Revealing emails and phones is a separate step ' +
  '(Enrich Prospected Contacts, billed per revealed email or phone).';

export const BUYING_GROUP_ERRORS: ErrorNote[] = [
  {
    when:
      `No company, more than ${MAX_COMPANIES} different companies, a malformed domain or Lusha Company ID, a row ` +
      `with neither, an unknown persona, or Contacts Per Company outside 1–${MAX_CONTACTS_PER_COMPANY}`,
    error: 'HaltedError',
    action: 'Fix what the message lists (every problem at once, with row and entry numbers); nothing was sent.',
  },
  {
    when: 'The Lusha plan does not include the Buying Group API (403)',
    error: 'Error',
    action: 'Ask your Lusha admin to add the Buying Group API to the plan.',
  },
  {
    when: 'A later request of a large answer fails or loses its answer (rate limit, timeout, Lusha unavailable...)',
    error: 'ThrottledError',
    action:
      'Nothing fails: the contacts already returned (and billed) come back, the companies they may miss are marked ' +
      'incomplete, and Note says why. A lost answer is never sent again; Note and Credits Note say it may have ' +
      'been charged. Only a failure of the first request fails the step, with the mapped error.',
  },
];
