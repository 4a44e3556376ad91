/**
 * Revealing prospects (paid): Lusha ids from a V3 prospecting search, revealed by V3's enrich
 * by ids (POST /v3/contacts/enrich, POST /v3/companies/enrich) in batches of at most 100
 * (Lusha's limit). V3 needs no search request id for this: the ids alone identify the
 * records. Each batch's outcome is kept on its own so that a failed batch never hides the
 * credits another one spent; credits are each batch's `billing.creditsCharged`. A batch
 * starts only when the time left covers the slowest batch so far; a batch whose answer was
 * lost after reaching Lusha is not re-sent, and its ids say Lusha may have charged them.
 */
import { chunk, failureToReport, sendBatches, throwConnectionFailure } from '../lusha/batch';
import { creditsChargedBy } from '../lusha/billing';
import type { LushaClient } from '../lusha/client';
import { LushaOutcomeUnknownError } from '../lusha/errors';
import { TimeBudget } from '../lusha/time-budget';
import type { Company, Contact } from '../lusha/schemas';
import type { CompanyReveal, ContactReveal } from './records';
import { firstText, formatCount } from '../shared/values';
import { entryFailureReason } from '../zapier/errors';

/** Lusha reveals at most 100 records per call. */
export const REVEAL_BATCH = 100;
const CONCURRENCY = 2;

export interface RevealOutcome<R> {
  /** What Lusha returned, by id. */
  revealed: Map<string, R>;
  /** Why an id was not revealed, by id (its batch failed, or Lusha returned nothing for it). */
  notes: Map<string, string>;
  /** Ids whose reveal was lost after it reached Lusha: Lusha may have charged them (not in creditsCharged). */
  possiblyCharged: Set<string>;
  /** What Lusha billed for the batches it answered (`billing.creditsCharged`). */
  creditsCharged: number;
  /** The first failure, when every batch failed (nothing was revealed): the step should fail with it. */
  allFailed?: unknown;
}

/** Thrown instead of sending a batch that the time left cannot cover. */
class NotSentError extends Error {}

/** One V3 enrich answer: the results (each the record or its `error`) and the bill. */
interface EnrichAnswer<T> {
  results: Array<T & { id?: string | null; error?: { code?: string | null; message?: string | null } | null }>;
  billing?: { creditsCharged?: number | null } | null;
}

/** A revealed record (contact or company) and whether the request that revealed it was charged. */
type Revealed<T> = { data: T; creditCharged: boolean };

async function revealInBatches<T>(
  lusha: LushaClient,
  ids: readonly string[],
  what: 'contact' | 'company',
  send: (batch: string[]) => Promise<EnrichAnswer<T>>,
): Promise<RevealOutcome<Revealed<T>>> {
  const budget = new TimeBudget(() => lusha.timeLeft());
  const outcomes = await sendBatches(chunk(ids, REVEAL_BATCH), CONCURRENCY, (batch) => {
    if (!budget.fits()) throw new NotSentError();
    return budget.time(() => send(batch));
  });
  throwConnectionFailure(outcomes);
  const result: RevealOutcome<Revealed<T>> = {
    revealed: new Map(),
    notes: new Map(),
    possiblyCharged: new Set(),
    creditsCharged: 0,
  };
  const plural = what === 'contact' ? 'contacts' : 'companies';
  const again = `Reveal ${what === 'contact' ? 'these contacts' : 'these companies'} later with Enrich Prospected ${
    what === 'contact' ? 'Contacts' : 'Companies'
  }.`;
  for (const outcome of outcomes) {
    if (outcome.ok) {
      const credits = creditsChargedBy(outcome.result);
      result.creditsCharged += credits;
      const byId = new Map(
        outcome.result.results.flatMap((r) => (firstText(r.id) ? [[firstText(r.id), r] as const] : [])),
      );
      for (const id of outcome.items) {
        const found = byId.get(id);
        if (found && !found.error) result.revealed.set(id, { data: found, creditCharged: credits > 0 });
        else {
          const said = firstText(found?.error?.message, found?.error?.code);
          result.notes.set(
            id,
            `Lusha revealed nothing for this ID${said ? ` (${said})` : ''}: it may not be one of Lusha's ${plural}`,
          );
        }
      }
    } else if (outcome.error instanceof NotSentError) {
      const note = `Not revealed: not enough time was left in this step to send it (no credit charged). ${again}`;
      for (const id of outcome.items) result.notes.set(id, note);
    } else {
      const reason = entryFailureReason(outcome.error, [], again);
      for (const id of outcome.items) {
        result.notes.set(id, `Not revealed: ${reason}`);
        if (outcome.error instanceof LushaOutcomeUnknownError) result.possiblyCharged.add(id);
      }
    }
  }
  const failed = outcomes.filter((o) => !o.ok && !(o.error instanceof NotSentError));
  if (outcomes.length > 0 && failed.length === outcomes.length) {
    result.allFailed = failureToReport(failed.map((o) => (o as { error: unknown }).error));
  }
  return result;
}

/** POST /v3/contacts/enrich for `ids` (emails and phones: V3 reveals both when `reveal` is left out). */
export function revealContacts(lusha: LushaClient, ids: readonly string[]): Promise<RevealOutcome<ContactReveal>> {
  return revealInBatches<Contact>(lusha, ids, 'contact', (batch) => lusha.enrichContacts({ ids: batch }));
}

/** POST /v3/companies/enrich for `ids` (the base profile: no premium `reveal` fields). */
export function revealCompanies(lusha: LushaClient, ids: readonly string[]): Promise<RevealOutcome<CompanyReveal>> {
  return revealInBatches<Company>(lusha, ids, 'company', (batch) => lusha.enrichCompanies({ ids: batch }));
}

/** "1 credit", "2,500 credits" */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

/** How Lusha bills a reveal, in the words of V3's billing notes. */
export const revealRule = (what: 'contact' | 'company') =>
  what === 'contact'
    ? 'Lusha charges per revealed email or phone number, nothing for data the account revealed before'
    : 'Lusha charges each company it returns';

/** Plain words on what a reveal cost (Lusha's bill). */
export function revealCreditsNote(
  what: 'contact' | 'company',
  requested: number,
  revealed: number,
  creditsCharged: number,
  possiblyCharged = 0,
): string {
  const of = what === 'contact' ? counted(requested, 'contact') : counted(requested, 'company', 'companies');
  const lostCount =
    what === 'contact' ? counted(possiblyCharged, 'contact') : counted(possiblyCharged, 'company', 'companies');
  const lost =
    possiblyCharged > 0
      ? ` ${lostCount} ` + 'may also have been charged: their answers were lost after reaching Lusha (see Reveal Note).'
      : '';
  return (
    `Revealed ${formatCount(revealed)} of ${of}: ${counted(creditsCharged, 'credit')} charged ` +
    `(${revealRule(what)}).${lost}`
  );
}
