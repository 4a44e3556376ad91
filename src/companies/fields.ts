/**
 * The fields that identify a company: Find Company shows them, Bulk Enrich Companies repeats
 * them in each line item. Their keys and labels are those ./lookup.ts reads and quotes.
 */
import type { PlainInputField } from '../zapier/fields';
import { COMPANY_LABELS } from './lookup';

/** The fields that identify a company; Find Company shows them, Bulk Enrich Companies repeats them per row. */
export const companyIdentifierFields = [
  {
    key: 'domain',
    label: COMPANY_LABELS.domain,
    type: 'string',
    helpText:
      "The company's website domain, e.g. northwind-analytics.com (a URL or an email address works too). " +
      'The most reliable way to find a company.',
  },
  {
    key: 'name',
    label: COMPANY_LABELS.name,
    type: 'string',
    helpText: 'The company name, e.g. Northwind Analytics. Names can be ambiguous: add the domain when you have it.',
  },
  {
    key: 'company_id',
    label: COMPANY_LABELS.company_id,
    type: 'string',
    helpText:
      "Lusha's ID for the company, as an earlier Lusha step outputs it (digits, or V3's form such as v1.AbCdEfGh...).",
  },
] satisfies PlainInputField[];
