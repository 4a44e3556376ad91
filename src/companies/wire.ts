/**
 * A company lookup on the wire: the identifiers as Lusha's company endpoints read them
 * (`GET /v2/company` for one, `POST /v2/company` for a batch), and Lusha's answer for each
 * lookup as an outcome: matched (with the company record) or not found. "Not found" is
 * decided here only.
 */
import type { BulkCompanyBody, CompanyQuery, LushaClient } from '../lusha/client';
import { LushaNotFoundError } from '../lusha/errors';
import type { Company } from '../lusha/schemas';
import type { LookupOutcome } from '../shared/outcome';
import { firstText } from '../shared/values';
import type { CompanyLookup } from './lookup';
import { toCompanyRecord, type CompanyRecord } from './record';

// ------------------------------------------------------------------ to Lusha's wire format

/** GET /v2/company query. */
function companyQuery(lookup: CompanyLookup): CompanyQuery {
  return {
    ...(lookup.companyId ? { companyId: lookup.companyId } : {}),
    ...(lookup.domain ? { domain: lookup.domain } : {}),
    ...(lookup.name ? { company: lookup.name } : {}),
  };
}

/** One company of a POST /v2/company body, under the connector's own `id`. */
function bulkCompanyItem(id: string, lookup: CompanyLookup): BulkCompanyBody['companies'][number] {
  return {
    id,
    ...(lookup.companyId ? { companyId: lookup.companyId } : {}),
    ...(lookup.domain ? { domain: lookup.domain } : {}),
    ...(lookup.name ? { name: lookup.name } : {}),
  };
}

// ------------------------------------------------------------------ from Lusha's answer

/**
 * One company of a bulk answer (or the single lookup's `data`): a company with an identity
 * → matched; absent, empty or an error value → not found. Lusha charges one credit per
 * company it returns. `lushaCompanyId` is the ID the lookup gave, used when the answer has none.
 */
function companyOutcome(company: Company | null | undefined, lushaCompanyId?: string): LookupOutcome<CompanyRecord> {
  const record = toCompanyRecord(company, lushaCompanyId, { creditCharged: true });
  const identified =
    company &&
    firstText(company.id, company.companyId, company.lushaCompanyId, company.name, company.domain, company.fqdn);
  if (!identified) return { status: 'not_found', creditsCharged: 0 };
  return { status: 'matched', record, creditsCharged: 1 };
}

// ------------------------------------------------------------------ the calls

/** One company, by GET /v2/company: matched, or not found (Lusha answers a miss with 404; it costs nothing). */
export async function findCompany(lusha: LushaClient, lookup: CompanyLookup): Promise<LookupOutcome<CompanyRecord>> {
  try {
    const { data } = await lusha.enrichCompany(companyQuery(lookup));
    return companyOutcome(data, lookup.companyId);
  } catch (error) {
    if (error instanceof LushaNotFoundError) return { status: 'not_found', creditsCharged: 0 };
    throw error;
  }
}

/**
 * One batch of at most 100 companies, by POST /v2/company: the outcome of each lookup, by the
 * id it was sent under. Lusha leaves a company it cannot find out of the map: not found.
 */
export async function enrichCompaniesBatch(
  lusha: LushaClient,
  batch: ReadonlyArray<{ id: string; lookup: CompanyLookup }>,
): Promise<Map<string, LookupOutcome<CompanyRecord>>> {
  const answer = await lusha.enrichCompanies({ companies: batch.map(({ id, lookup }) => bulkCompanyItem(id, lookup)) });
  return new Map(batch.map(({ id, lookup }) => [id, companyOutcome(answer[id], lookup.companyId)]));
}
