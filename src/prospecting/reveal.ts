/**
 * Revealing prospects (the paid step): ids from a search, with that search's requestId, in
 * batches of at most 100 (Lusha's limit), each batch's outcome kept on its own so that a
 * failed batch never hides the credits another one spent. A batch starts only when the time
 * left covers the slowest batch so far; a batch whose answer was lost after reaching Lusha is
 * not re-sent, and its ids say Lusha may have charged them.
 */
import { chunk, failureToReport, sendBatches, throwConnectionFailure } from '../lusha/batch';
import type { LushaClient } from '../lusha/client';
import { appendSentence, LushaNotFoundError, LushaOutcomeUnknownError, LushaValidationError } from '../lusha/errors';
import { TimeBudget } from '../lusha/time-budget';
import type { Company } from '../lusha/schemas';
import { revealCharged, type ContactReveal } from './records';
import { firstText, formatCount } from '../shared/values';
import { entryFailureReason } from '../zapier/errors';

/** Lusha reveals at most 100 prospects per call. */
export const REVEAL_BATCH = 100;
const CONCURRENCY = 2;

export interface RevealOutcome<R> {
  /** What Lusha returned, by prospect id. */
  revealed: Map<string, R>;
  /** Why an id was not revealed, by prospect id (its batch failed, or Lusha returned nothing for it). */
  notes: Map<string, string>;
  /** Ids whose reveal was lost after it reached Lusha: Lusha may have charged them (not in creditsCharged). */
  possiblyCharged: Set<string>;
  creditsCharged: number;
  /** The first failure, when every batch failed (nothing was revealed): the step should fail with it. */
  allFailed?: unknown;
}

/**
 * Lusha answers an unknown, expired or foreign requestId (and ids that do not belong to it)
 * as bad input; this adds which field to fix and how (`advice`). Other errors pass as they are.
 */
export function explainRequestIdError(error: unknown, requestId: string, advice: string): unknown {
  if (!(error instanceof LushaValidationError || error instanceof LushaNotFoundError)) return error;
  return new LushaValidationError(
    appendSentence(error.message, `Request ID "${requestId}": ${advice}`),
    error.endpoint,
    error.status,
    error.lushaMessage,
  );
}

const searchAdvice = (what: 'contact' | 'company') =>
  `a Search Request ID is valid only with the ${what} IDs of the same Prospect ` +
  `${what === 'contact' ? 'Contacts' : 'Companies'} ` +
  'run, and Lusha forgets it after a while: map both from the same search step, or run the search again';

/** Thrown instead of sending a batch that the time left cannot cover. */
class NotSentError extends Error {}

async function revealInBatches<R>(
  lusha: LushaClient,
  ids: readonly string[],
  requestId: string,
  what: 'contact' | 'company',
  send: (batch: string[]) => Promise<{ found: Map<string, R>; credits: number }>,
  missingNote: string,
): Promise<RevealOutcome<R>> {
  const budget = new TimeBudget(() => lusha.timeLeft());
  const outcomes = await sendBatches(chunk(ids, REVEAL_BATCH), CONCURRENCY, (batch) => {
    if (!budget.fits()) throw new NotSentError();
    return budget.time(() => send(batch));
  });
  throwConnectionFailure(outcomes);
  const result: RevealOutcome<R> = {
    revealed: new Map(),
    notes: new Map(),
    possiblyCharged: new Set(),
    creditsCharged: 0,
  };
  const again =
    `Reveal ${what === 'contact' ? 'these contacts' : 'these companies'} later with Enrich Prospected ` +
    `${what === 'contact' ? 'Contacts' : 'Companies'}.`;
  for (const outcome of outcomes) {
    if (outcome.ok) {
      result.creditsCharged += outcome.result.credits;
      for (const id of outcome.items) {
        const found = outcome.result.found.get(id);
        if (found === undefined) result.notes.set(id, missingNote);
        else result.revealed.set(id, found);
      }
    } else if (outcome.error instanceof NotSentError) {
      const note = `Not revealed: not enough time was left in this step to send it (no credit charged). ${again}`;
      for (const id of outcome.items) result.notes.set(id, note);
    } else {
      const error = explainRequestIdError(outcome.error, requestId, searchAdvice(what));
      const reason = entryFailureReason(error, [], again);
      for (const id of outcome.items) {
        result.notes.set(id, `Not revealed: ${reason}`);
        if (error instanceof LushaOutcomeUnknownError) result.possiblyCharged.add(id);
      }
    }
  }
  const failed = outcomes.filter((o) => !o.ok && !(o.error instanceof NotSentError));
  if (outcomes.length > 0 && failed.length === outcomes.length) {
    const errors = failed.map((o) => (o as { error: unknown }).error);
    result.allFailed = explainRequestIdError(failureToReport(errors), requestId, searchAdvice(what));
  }
  return result;
}

/** POST /prospecting/contact/enrich for `ids` of one search. */
export function revealContacts(
  lusha: LushaClient,
  requestId: string,
  ids: readonly string[],
): Promise<RevealOutcome<ContactReveal>> {
  return revealInBatches(
    lusha,
    ids,
    requestId,
    'contact',
    async (batch) => {
      const answer = await lusha.enrichProspectContacts({ requestId, contactIds: batch });
      const found = new Map<string, ContactReveal>();
      let credits = 0;
      for (const entry of answer.contacts) {
        const id = firstText(entry.id);
        if (!id || !batch.includes(id)) continue;
        const reveal: ContactReveal = { data: entry.data, isSuccess: entry.isSuccess };
        if (!reveal.isSuccess || !reveal.data) continue;
        found.set(id, reveal);
        if (revealCharged(reveal)) credits += 1;
      }
      return { found, credits };
    },
    'Lusha revealed nothing for this contact ID with this Search Request ID (no credit charged)',
  );
}

/** POST /prospecting/company/enrich for `ids` of one search (Lusha's key is `companiesIds`). */
export function revealCompanies(
  lusha: LushaClient,
  requestId: string,
  ids: readonly string[],
): Promise<RevealOutcome<Company>> {
  return revealInBatches(
    lusha,
    ids,
    requestId,
    'company',
    async (batch) => {
      const answer = await lusha.enrichProspectCompanies({ requestId, companiesIds: batch });
      const found = new Map<string, Company>();
      for (const company of answer.companies) {
        const id = firstText(company.id, company.companyId, company.lushaCompanyId);
        if (id && batch.includes(id)) found.set(id, company);
      }
      // Lusha charges each company it returns.
      return { found, credits: found.size };
    },
    'Lusha returned nothing for this company ID with this Search Request ID (no credit charged)',
  );
}

/** "1 credit", "2,500 credits" */
export function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

/** Plain words on what a reveal cost. */
export function revealCreditsNote(
  what: 'contact' | 'company',
  requested: number,
  revealed: number,
  creditsCharged: number,
  possiblyCharged = 0,
): string {
  const rule =
    what === 'contact'
      ? 'Lusha charges each contact it returned an email or phone number for'
      : 'Lusha charges each company it returned';
  const of = what === 'contact' ? counted(requested, 'contact') : counted(requested, 'company', 'companies');
  const lostCount =
    what === 'contact' ? counted(possiblyCharged, 'contact') : counted(possiblyCharged, 'company', 'companies');
  const lost =
    possiblyCharged > 0
      ? ` ${lostCount} ` + 'may also have been charged: their answers were lost after reaching Lusha (see Reveal Note).'
      : '';
  return `Revealed ${formatCount(revealed)} of ${of}: ${counted(creditsCharged, 'credit')} charged (${rule}).${lost}`;
}
