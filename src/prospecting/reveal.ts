/**
 * Revealing prospects (the paid step): ids from a search, with that search's requestId, in
 * batches of at most 100 (Lusha's limit), each batch's outcome kept on its own so that a
 * failed batch never hides the credits another one spent.
 */
import { chunk, sendBatches, throwConnectionFailure } from '../lusha/batch';
import type { LushaClient } from '../lusha/client';
import { appendSentence, LushaNotFoundError, LushaValidationError } from '../lusha/errors';
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
  `a Search Request ID is valid only with the ${what} IDs of the same Prospect ${what === 'contact' ? 'Contacts' : 'Companies'} ` +
  'run, and Lusha forgets it after a while: map both from the same search step, or run the search again';

async function revealInBatches<R>(
  ids: readonly string[],
  requestId: string,
  what: 'contact' | 'company',
  send: (batch: string[]) => Promise<{ found: Map<string, R>; credits: number }>,
  missingNote: string,
): Promise<RevealOutcome<R>> {
  const outcomes = await sendBatches(chunk(ids, REVEAL_BATCH), CONCURRENCY, send);
  throwConnectionFailure(outcomes);
  const result: RevealOutcome<R> = { revealed: new Map(), notes: new Map(), creditsCharged: 0 };
  for (const outcome of outcomes) {
    if (outcome.ok) {
      result.creditsCharged += outcome.result.credits;
      for (const id of outcome.items) {
        const found = outcome.result.found.get(id);
        if (found === undefined) result.notes.set(id, missingNote);
        else result.revealed.set(id, found);
      }
    } else {
      const error = explainRequestIdError(outcome.error, requestId, searchAdvice(what));
      const again = `Reveal ${what === 'contact' ? 'these contacts' : 'these companies'} again later with Enrich Prospected ${what === 'contact' ? 'Contacts' : 'Companies'}.`;
      const reason = entryFailureReason(error, [], again);
      for (const id of outcome.items) result.notes.set(id, `Not revealed: ${reason}`);
    }
  }
  const failed = outcomes.filter((o) => !o.ok);
  if (outcomes.length > 0 && failed.length === outcomes.length) {
    result.allFailed = explainRequestIdError((failed[0] as { error: unknown }).error, requestId, searchAdvice(what));
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
): string {
  const rule =
    what === 'contact'
      ? 'Lusha charges each contact it returned an email or phone number for'
      : 'Lusha charges each company it returned';
  const of = what === 'contact' ? counted(requested, 'contact') : counted(requested, 'company', 'companies');
  return `Revealed ${formatCount(revealed)} of ${of}: ${counted(creditsCharged, 'credit')} charged (${rule}).`;
}
