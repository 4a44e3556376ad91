/**
 * What identifies a company for a Lusha lookup, read from a step's fields or one line item:
 * Find Company and Bulk Enrich Companies both read companies through this file. A company
 * is looked up by domain, by name, or by Lusha company ID; every value given must be well
 * formed. Nothing here knows Zapier or Lusha's wire format.
 */
import { type Checked, isBlank, ProblemList, readDomain, readLushaId, readText } from '../shared/readers';

/** The company fields: their input keys and their labels, as the builder sees them (messages quote them). */
export const COMPANY_LABELS = {
  domain: 'Company Domain',
  name: 'Company Name',
  company_id: 'Lusha Company ID',
} as const;

/** A company's identifiers, normalised (bare lower-case domain, trimmed name). */
export interface CompanyLookup {
  domain?: string;
  name?: string;
  companyId?: string;
}

/** Reads a company's identifiers from `input`: the lookup, or every problem. */
export function readCompanyLookup(input: Record<string, unknown>): Checked<CompanyLookup> {
  const problems = new ProblemList();
  const domain = problems.take(readDomain(input.domain, COMPANY_LABELS.domain));
  const name = problems.take(readText(input.name, COMPANY_LABELS.name));
  const companyId = problems.take(readLushaId(input.company_id, COMPANY_LABELS.company_id));
  // What the builder filled in counts, even when malformed: its own problem says what is wrong.
  if (isBlank(input.domain) && isBlank(input.name) && isBlank(input.company_id)) {
    problems.add(
      `Nothing identifies the company: fill in ${COMPANY_LABELS.domain}, ${COMPANY_LABELS.name} ` +
        `or ${COMPANY_LABELS.company_id}`,
    );
  }
  return problems.result({
    ...(domain !== undefined ? { domain } : {}),
    ...(name !== undefined ? { name } : {}),
    ...(companyId !== undefined ? { companyId } : {}),
  });
}

/**
 * The key under which lookups of the same company collapse into one: the identifier Lusha
 * matches on first (Lusha ID, then domain, then name without case), normalised.
 */
export function companyLookupKey(lookup: CompanyLookup): string {
  if (lookup.companyId) return JSON.stringify(['id', lookup.companyId]);
  if (lookup.domain) return JSON.stringify(['domain', lookup.domain]);
  return JSON.stringify(['name', lookup.name?.toLowerCase() ?? '']);
}
