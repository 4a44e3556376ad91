/**
 * Bulk Enrich Companies: up to 1,000 line items per run through Lusha's bulk company lookup
 * (src/companies/), by the shared bulk machine (src/zapier/bulk.ts): one line item back per row, in order, with its
 * status and the flat company record.
 */
import { defineCreate } from 'zapier-platform-core';
import { companyIdentifierFields } from '../companies/fields';
import { type CompanyLookup, companyLookupKey, readCompanyLookup } from '../companies/lookup';
import { companyOutputFields, companySample, emptyCompanyRecord } from '../companies/record';
import { enrichCompaniesBatch, enrichCompaniesWithinBudget } from '../companies/wire';
import {
  BULK_THROTTLE,
  bulkContractErrors,
  bulkOutput,
  bulkOutputFields,
  bulkRowsInputFields,
  bulkSample,
  creditCeiling,
  enrichInBulk,
  maxCreditsField,
  readMaxCredits,
} from '../zapier/bulk';
import type { OperationContract } from '../zapier/contract';
import { withLusha } from '../zapier/lusha';

const OPERATION = 'Bulk Enrich Companies';

export const contract: OperationContract = {
  endpoints: ['POST /v3/companies/search-and-enrich'],
  credits:
    'What Lusha bills for the companies it returns, reported in Credits Charged (at standard Lusha prices, 1 ' +
    'credit per company plus the search, per request of up to 100 rows). Rows with the same identifiers are looked ' +
    'up, and charged, once; rows without a match or with invalid input cost nothing.',
  sinceV3: ['Crunchbase URL is null: V3 does not return it. Every other key is filled from V3 as before.'],
  errors: [...bulkContractErrors()],
};

export default defineCreate({
  key: 'enrich_companies',
  noun: 'Companies',
  display: {
    label: OPERATION,
    description:
      'Enriches a list of up to 1,000 companies in Lusha (by domain, name or Lusha company ID) and returns one ' +
      'result per row, in order, with its status.',
  },
  operation: {
    throttle: BULK_THROTTLE,
    inputFields: [
      ...bulkRowsInputFields({
        rowsLabel: 'Companies',
        identifierFields: companyIdentifierFields,
        eachRowNeeds: 'a Company Domain, a Company Name or a Lusha Company ID',
        lineItemNote: 'In line items, lists (technologies, specialities, codes) are text separated by commas.',
      }),
      maxCreditsField(
        'With a limit, the rows are sent 100 at a time, one request after another, each with only as many ' +
          "companies as the most they can cost (the account's prices, read once, free) fits in what is left.",
      ),
    ],
    perform: withLusha(async (lusha, z, bundle) => {
      const maxCredits = readMaxCredits(bundle.inputData);
      const ceiling = creditCeiling(z, bundle, maxCredits.ok ? maxCredits.value : undefined);
      const result = await enrichInBulk(z, bundle, lusha, (bundle.inputData as Record<string, unknown>).rows, {
        noun: 'company',
        plural: 'companies',
        operation: OPERATION,
        optionProblems: maxCredits.ok ? [] : [maxCredits.problem],
        optionsKey: ceiling ? `max:${ceiling.budget.max}` : '',
        read: readCompanyLookup,
        keyOf: companyLookupKey,
        emptyRecord: emptyCompanyRecord,
        // With a ceiling, one batch after another: each knows what the ones before spent.
        concurrency: ceiling ? 1 : undefined,
        send: ceiling
          ? async (client, batch: ReadonlyArray<{ id: string; lookup: CompanyLookup }>) =>
              enrichCompaniesWithinBudget(client, batch, ceiling.budget, await ceiling.pricing(client))
          : enrichCompaniesBatch,
      });
      return bulkOutput(result);
    }),
    outputFields: bulkOutputFields(companyOutputFields, 'Companies'),
    sample: bulkSample(
      companySample,
      emptyCompanyRecord,
      'Company Domain "northwind" is not a domain (expected something like acme.com)',
    ),
  },
});
