/**
 * A person lookup on the wire: the identifiers and options as Lusha's V3 contact endpoints
 * read them (`POST /v3/contacts/search-and-enrich`, one item for Find Person, up to 100 for a
 * batch; `POST /v3/contacts/signals` when Find Person asks for signals), and Lusha's answer
 * for each lookup as an outcome: matched (with the person record), not found, or an error.
 * "Not found" is decided here only.
 *
 * Credits are what Lusha's `billing.creditsCharged` says for the request. V3 bills a request
 * as a whole (the search per started block of results, each revealed email or phone), so a
 * row of a batch carries no credits of its own: the batch does (`BatchAnswer`).
 */
import type { LushaClient, V3ContactItem, V3ContactReveal, V3ContactsSearchAndEnrichBody } from '../lusha/client';
import { LushaError, LushaOutcomeUnknownError } from '../lusha/errors';
import type { V3ContactPreview, V3ContactResult } from '../lusha/schemas';
import {
  byClientReference,
  costOf,
  onlyResult,
  outcomesByReference,
  creditsChargedBy,
  type CreditBudget,
  type Pricing,
} from '../lusha/billing';
import type { BatchAnswer, LookupOutcome, RowOutcome } from '../shared/outcome';
import { firstText } from '../shared/values';
import type { PersonLookup, PersonLookupOptions } from './lookup';
import { toPersonRecord, type PersonRecord } from './record';
import { noSignalSummary, toContactSignalSummary, type ContactSignalSummary } from './signal-summary';

// ------------------------------------------------------------------ to Lusha's wire format

const hasFullName = (lookup: PersonLookup): lookup is PersonLookup & { firstName: string; lastName: string } =>
  lookup.firstName !== undefined && lookup.lastName !== undefined;

/** One contact of a V3 search, under the connector's own reference. Names are sent only as a pair. */
export function contactItem(clientReferenceId: string, lookup: PersonLookup): V3ContactItem {
  return {
    clientReferenceId,
    ...(lookup.personId ? { id: lookup.personId } : {}),
    ...(lookup.email ? { email: lookup.email } : {}),
    ...(lookup.linkedinUrl ? { linkedinUrl: lookup.linkedinUrl } : {}),
    ...(hasFullName(lookup) ? { firstName: lookup.firstName, lastName: lookup.lastName } : {}),
    ...(lookup.companyName ? { companyName: lookup.companyName } : {}),
    ...(lookup.companyDomain ? { companyDomain: lookup.companyDomain } : {}),
  };
}

/** Data to Reveal as V3's `reveal`: emails, phones, or both. */
const REVEAL: Record<PersonLookupOptions['reveal'], V3ContactReveal[]> = {
  both: ['emails', 'phones'],
  emails: ['emails'],
  phones: ['phones'],
};

/**
 * The body of a search-and-enrich request. Refresh Job Info has no V3 counterpart (V3 always
 * answers with the latest job it has), so it is not sent.
 */
export function searchAndEnrichBody(
  items: V3ContactItem[],
  options: Pick<PersonLookupOptions, 'reveal' | 'partialProfile'>,
): V3ContactsSearchAndEnrichBody {
  return {
    contacts: items,
    reveal: REVEAL[options.reveal],
    ...(options.partialProfile ? { options: { includePartialProfiles: true } } : {}),
  };
}

// ------------------------------------------------------------------ from Lusha's answer

/**
 * One contact result: an error NOT_FOUND → not found; another error (compliance, a failed
 * enrichment) → an error naming Lusha's words; otherwise → matched. `charged` says whether
 * Lusha charged the request this result came in (V3 bills successful results).
 */
function contactOutcome(result: V3ContactResult | undefined, charged: boolean): LookupOutcome<PersonRecord> {
  const error = result?.error;
  if (!result || error?.code === 'NOT_FOUND') return { status: 'not_found', creditsCharged: 0 };
  if (error) {
    const said = firstText(error.message, error.code) ?? 'no details';
    return { status: 'error', reason: `Lusha could not look up this person: ${said}.`, creditsCharged: 0 };
  }
  return { status: 'matched', record: toPersonRecord(result, { creditCharged: charged }), creditsCharged: 0 };
}

// ------------------------------------------------------------------ the calls

/** What Find Person returns for a match: the person and a summary of the signals asked for. */
export type FoundPerson = PersonRecord & ContactSignalSummary;

/**
 * The signals of a found person (POST /v3/contacts/signals). The person is already paid for,
 * so a failure here does not throw the person away: it comes back with the reason.
 */
async function signalsOf(
  lusha: LushaClient,
  personId: string,
  options: PersonLookupOptions,
): Promise<{ summary: ContactSignalSummary; creditsCharged: number }> {
  try {
    const answer = await lusha.getContactSignalsById({
      ids: [personId],
      signalTypes: options.signals,
      ...(options.signalsStartDate ? { startDate: options.signalsStartDate } : {}),
    });
    const found = answer.results.find((r) => firstText(r.id) === personId);
    const summary = toContactSignalSummary(found ?? {});
    return { summary, creditsCharged: creditsChargedBy(answer) };
  } catch (error) {
    if (!(error instanceof LushaError)) throw error;
    return {
      summary: { ...noSignalSummary, signalsNote: `The signals could not be read: ${error.message}` },
      creditsCharged: 0,
    };
  }
}

/**
 * One person, by POST /v3/contacts/search-and-enrich with one item: matched, not found (a miss
 * costs nothing) or an error; then, when signals are asked for, the person's signals.
 */
export async function findPerson(
  lusha: LushaClient,
  lookup: PersonLookup,
  options: PersonLookupOptions,
): Promise<LookupOutcome<FoundPerson>> {
  const answer = await lusha.searchAndEnrichContacts(searchAndEnrichBody([contactItem('1', lookup)], options));
  const credits = creditsChargedBy(answer);
  const outcome = contactOutcome(byClientReference(answer.results).get('1') ?? onlyResult(answer.results), credits > 0);
  if (outcome.status !== 'matched') return { ...outcome, creditsCharged: credits };
  const personId = outcome.record.id;
  if (options.signals.length === 0 || !personId) {
    return { status: 'matched', record: { ...outcome.record, ...noSignalSummary }, creditsCharged: credits };
  }
  const signals = await signalsOf(lusha, personId, options);
  return {
    status: 'matched',
    record: { ...outcome.record, ...signals.summary },
    creditsCharged: credits + signals.creditsCharged,
  };
}

/**
 * One batch of at most 100 people, by POST /v3/contacts/search-and-enrich: the outcome of each
 * lookup by the reference it was sent under, and what Lusha charged for the batch.
 */
export async function enrichPeopleBatch(
  lusha: LushaClient,
  batch: ReadonlyArray<{ id: string; lookup: PersonLookup }>,
  options: PersonLookupOptions,
): Promise<BatchAnswer<PersonRecord>> {
  const answer = await lusha.searchAndEnrichContacts(
    searchAndEnrichBody(
      batch.map(({ id, lookup }) => contactItem(id, lookup)),
      options,
    ),
  );
  const credits = creditsChargedBy(answer);
  // a missing one is an error row
  const outcomes = outcomesByReference(batch, answer.results, (result) => contactOutcome(result, credits > 0));
  return { outcomes, creditsCharged: credits };
}

// ------------------------------------------------------------------ within Maximum Credits

/** A search result Lusha found, with what revealing the kinds asked for would cost (its `canReveal`). */
interface Candidate {
  id: string;
  personId: string;
  preview: V3ContactPreview;
  cost: number;
}

const revealCost = (preview: V3ContactPreview, reveal: readonly V3ContactReveal[]) =>
  (preview.canReveal ?? [])
    .filter((item) => reveal.includes(item.field as V3ContactReveal))
    .reduce((sum, item) => sum + (item.credits ?? 0), 0);

/** Every row of a batch with the same outcome. */
const allRows = <R>(batch: ReadonlyArray<{ id: string }>, outcome: RowOutcome<R>) =>
  new Map(batch.map(({ id }) => [id, outcome]));

/**
 * One batch of at most 100 people within what is left of the step's Maximum Credits: a
 * search (POST /v3/contacts/search, billed for the search only) tells what revealing each
 * person found would cost (`canReveal`: 0 for what the account revealed before), then the
 * cheapest are revealed while the budget covers them (POST /v3/contacts/enrich, without the
 * account's third-party waterfall, whose cost no search shows). The others come back as
 * not_revealed with what they would cost. The batch is not searched at all unless the most
 * its search can cost fits in the budget.
 */
export async function enrichPeopleWithinBudget(
  lusha: LushaClient,
  batch: ReadonlyArray<{ id: string; lookup: PersonLookup }>,
  options: PersonLookupOptions,
  budget: CreditBudget,
  pricing: Pricing,
): Promise<BatchAnswer<PersonRecord>> {
  if (!budget.isKnown) {
    const reason =
      "Not sent: an earlier request's answer was lost, so what this run spent is unknown and more could exceed " +
      'Maximum Credits. Check your Lusha usage, then run these rows again.';
    return { outcomes: allRows(batch, { status: 'error', reason, creditsCharged: 0 }), creditsCharged: 0 };
  }
  // Lusha bills the search per started block of results; without a listed price, 1 credit per result at most.
  const searchAtMost = costOf(pricing.api_search, batch.length, 1);
  if (!budget.covers(searchAtMost)) {
    const reason =
      `Not looked up: searching these ${batch.length} rows may cost up to ${searchAtMost} credits, more than the ` +
      `${Math.max(0, budget.left)} left of Maximum Credits.`;
    return { outcomes: allRows(batch, { status: 'not_revealed', reason, creditsCharged: 0 }), creditsCharged: 0 };
  }

  const { reveal, options: searchOptions } = searchAndEnrichBody([], options);
  let search;
  try {
    search = await lusha.searchContacts({
      contacts: batch.map(({ id, lookup }) => contactItem(id, lookup)),
      ...(searchOptions ? { options: searchOptions } : {}),
    });
  } catch (error) {
    if (error instanceof LushaOutcomeUnknownError) budget.lose();
    throw error;
  }
  const searchCredits = creditsChargedBy(search);
  budget.spend(searchCredits);

  const outcomes = new Map<string, RowOutcome<PersonRecord>>();
  const candidates: Candidate[] = [];
  const previews = byClientReference(search.results);
  for (const { id } of batch) {
    const preview = previews.get(id);
    if (!preview) continue; // an error row, said by the bulk machine
    const personId = firstText(preview.id);
    const outcome = contactOutcome(preview, false);
    if (outcome.status !== 'matched' || !personId) outcomes.set(id, outcome);
    else candidates.push({ id, personId, preview, cost: revealCost(preview, reveal ?? []) });
  }

  // The cheapest first (a tie keeps the rows' order), while the budget covers them.
  const chosen: Candidate[] = [];
  let planned = 0;
  for (const candidate of [...candidates].sort((a, b) => a.cost - b.cost)) {
    if (budget.covers(planned + candidate.cost)) {
      chosen.push(candidate);
      planned += candidate.cost;
    } else {
      outcomes.set(candidate.id, {
        status: 'not_revealed',
        reason:
          `Found, not revealed: revealing it would cost ${candidate.cost} credits, more than the ` +
          `${Math.max(0, budget.left - planned)} left of Maximum Credits.`,
        record: toPersonRecord(candidate.preview, { creditCharged: false }),
        creditsCharged: 0,
      });
    }
  }
  if (chosen.length === 0) return { outcomes, creditsCharged: searchCredits };

  let enriched;
  try {
    enriched = await lusha.enrichContacts({ ids: chosen.map((c) => c.personId), reveal, waterfallEnabled: false });
  } catch (error) {
    if (!(error instanceof LushaError)) throw error;
    // The search is paid for: its rows come back, the unrevealed ones with the reason.
    const possiblyCharged = error instanceof LushaOutcomeUnknownError;
    if (possiblyCharged) budget.lose();
    for (const c of chosen) {
      outcomes.set(c.id, {
        status: 'error',
        reason: `Not revealed: ${error.message}`,
        creditsCharged: 0,
        possiblyCharged,
      });
    }
    return { outcomes, creditsCharged: searchCredits };
  }
  const revealCredits = creditsChargedBy(enriched);
  budget.spend(revealCredits);
  const byId = new Map(enriched.results.map((r) => [firstText(r.id) ?? '', r]));
  for (const c of chosen) {
    const result = byId.get(c.personId);
    outcomes.set(
      c.id,
      result
        ? contactOutcome(result, c.cost > 0)
        : { status: 'error', reason: "Lusha's answer did not include this person: run it again.", creditsCharged: 0 },
    );
  }
  return { outcomes, creditsCharged: searchCredits + revealCredits };
}
