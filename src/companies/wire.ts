/**
 * A company lookup on the wire: the identifiers as Lusha's V3 company endpoint reads them
 * (`POST /v3/companies/search-and-enrich`, one item for Find Company, up to 100 for a batch),
 * and Lusha's answer for each lookup as an outcome: matched (with the company record), not
 * found, or an error. "Not found" is decided here only. Credits are the request's
 * `billing.creditsCharged` (see src/people/wire.ts).
 */
import type { LushaClient, V3CompanyItem } from '../lusha/client';
import type { V3CompanyResult } from '../lusha/schemas';
import {
  byClientReference,
  costOf,
  onlyResult,
  outcomesByReference,
  creditsChargedBy,
  type CreditBudget,
  type Pricing,
} from '../lusha/billing';
import { LushaOutcomeUnknownError } from '../lusha/errors';
import type { BatchAnswer, LookupOutcome, RowOutcome } from '../shared/outcome';
import { firstText } from '../shared/values';
import type { CompanyLookup } from './lookup';
import { toCompanyRecord, type CompanyRecord } from './record';

// ------------------------------------------------------------------ to Lusha's wire format

/** One company of a V3 search, under the connector's own reference. */
export function companyItem(clientReferenceId: string, lookup: CompanyLookup): V3CompanyItem {
  return {
    clientReferenceId,
    ...(lookup.companyId ? { id: lookup.companyId } : {}),
    ...(lookup.domain ? { domain: lookup.domain } : {}),
    ...(lookup.name ? { name: lookup.name } : {}),
  };
}

// ------------------------------------------------------------------ from Lusha's answer

/**
 * One company result: an error NOT_FOUND (or nothing that identifies a company) → not
 * found; another error → an error naming Lusha's words; otherwise → matched.
 * `lushaCompanyId` is the ID the lookup gave, used when the answer has none.
 */
function companyOutcome(
  result: V3CompanyResult | undefined,
  charged: boolean,
  lushaCompanyId?: string,
): LookupOutcome<CompanyRecord> {
  const error = result?.error;
  if (error && error.code !== 'NOT_FOUND') {
    const said = firstText(error.message, error.code) ?? 'no details';
    return { status: 'error', reason: `Lusha could not look up this company: ${said}.`, creditsCharged: 0 };
  }
  const identified = result && !error && firstText(result.id, result.name, result.domain);
  if (!identified) return { status: 'not_found', creditsCharged: 0 };
  return {
    status: 'matched',
    record: toCompanyRecord(result, lushaCompanyId, { creditCharged: charged }),
    creditsCharged: 0,
  };
}

// ------------------------------------------------------------------ the calls

/** One company, by POST /v3/companies/search-and-enrich with one item: matched, or not found (free). */
export async function findCompany(lusha: LushaClient, lookup: CompanyLookup): Promise<LookupOutcome<CompanyRecord>> {
  const answer = await lusha.searchAndEnrichCompanies({ companies: [companyItem('1', lookup)] });
  const credits = creditsChargedBy(answer);
  const result = byClientReference(answer.results).get('1') ?? onlyResult(answer.results);
  return { ...companyOutcome(result, credits > 0, lookup.companyId), creditsCharged: credits };
}

/**
 * One batch of at most 100 companies, by POST /v3/companies/search-and-enrich: the outcome of
 * each lookup by the reference it was sent under, and what Lusha charged for the batch.
 */
export async function enrichCompaniesBatch(
  lusha: LushaClient,
  batch: ReadonlyArray<{ id: string; lookup: CompanyLookup }>,
): Promise<BatchAnswer<CompanyRecord>> {
  return sendCompanies(lusha, batch);
}

/**
 * The most `n` companies can cost in one search-and-enrich: the search (per started block of
 * results) and each company revealed, at the account's prices (1 credit per result and per
 * company where no price is listed).
 */
const mostFor = (n: number, pricing: Pricing) =>
  costOf(pricing.api_search, n, 1) + costOf(pricing.reveal_company, n, 1);

/**
 * One batch within what is left of the step's Maximum Credits. A company costs the same
 * whoever asks, so no preview is needed: the batch sends as many of its companies as the most
 * they can cost allows (misses cost nothing, so the bill is often lower), in row order; the
 * rest come back as not_revealed, unsent.
 */
export async function enrichCompaniesWithinBudget(
  lusha: LushaClient,
  batch: ReadonlyArray<{ id: string; lookup: CompanyLookup }>,
  budget: CreditBudget,
  pricing: Pricing,
): Promise<BatchAnswer<CompanyRecord>> {
  let fits = budget.isKnown ? batch.length : 0;
  while (fits > 0 && !budget.covers(mostFor(fits, pricing))) fits -= 1;
  const left = Math.max(0, budget.left);
  const reason = budget.isKnown
    ? `Not looked up: ${fits + 1} ${fits === 0 ? 'company' : 'companies'} at once could cost up to ` +
      `${mostFor(fits + 1, pricing)} credits, more than the ${left} left of Maximum Credits.`
    : "Not sent: an earlier request's answer was lost, so what this run spent is unknown and more could exceed " +
      'Maximum Credits. Check your Lusha usage, then run these rows again.';
  const unsent: Map<string, RowOutcome<CompanyRecord>> = new Map(
    batch.slice(fits).map(({ id }) => [id, { status: 'not_revealed', reason, creditsCharged: 0 }]),
  );
  if (fits === 0) return { outcomes: unsent, creditsCharged: 0 };
  let answer: BatchAnswer<CompanyRecord>;
  try {
    answer = await sendCompanies(lusha, batch.slice(0, fits));
  } catch (error) {
    if (error instanceof LushaOutcomeUnknownError) budget.lose();
    throw error;
  }
  budget.spend(answer.creditsCharged);
  return { outcomes: new Map([...answer.outcomes, ...unsent]), creditsCharged: answer.creditsCharged };
}

async function sendCompanies(
  lusha: LushaClient,
  batch: ReadonlyArray<{ id: string; lookup: CompanyLookup }>,
): Promise<BatchAnswer<CompanyRecord>> {
  const answer = await lusha.searchAndEnrichCompanies({
    companies: batch.map(({ id, lookup }) => companyItem(id, lookup)),
  });
  const credits = creditsChargedBy(answer);
  const outcomes = outcomesByReference(batch, answer.results, (result, { lookup }) =>
    companyOutcome(result, credits > 0, lookup.companyId),
  );
  return { outcomes, creditsCharged: credits };
}
