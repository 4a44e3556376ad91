/**
 * Bulk Enrich Companies: up to 1,000 line items per run through Lusha's bulk company lookup
 * (src/companies/), by the shared bulk machine (src/zapier/bulk.ts): one line item back per row, in order, with its
 * status and the flat company record.
 */
import { defineCreate } from 'zapier-platform-core';
import { companyIdentifierFields } from '../companies/fields';
import { companyLookupKey, readCompanyLookup } from '../companies/lookup';
import { companyOutputFields, companySample, emptyCompanyRecord } from '../companies/record';
import { enrichCompaniesBatch } from '../companies/wire';
import {
  BULK_THROTTLE,
  bulkContractErrors,
  bulkOutput,
  bulkOutputFields,
  bulkRowsInputFields,
  bulkSample,
  enrichInBulk,
} from '../zapier/bulk';
import type { OperationContract } from '../zapier/contract';
import { withLusha } from '../zapier/lusha';

const OPERATION = 'Bulk Enrich Companies';

export const contract: OperationContract = {
  endpoints: ['POST /v2/company'],
  credits:
    'One credit per company Lusha returns (Credits Charged in total). Rows with the same identifiers are looked up, ' +
    'and charged, once. Nothing for rows without a match or with invalid input.',
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
    inputFields: bulkRowsInputFields({
      rowsLabel: 'Companies',
      identifierFields: companyIdentifierFields,
      eachRowNeeds: 'a Company Domain, a Company Name or a Lusha Company ID',
      lineItemNote: 'In line items, lists (technologies, specialities, codes) are text separated by commas.',
    }),
    perform: withLusha(async (lusha, z, bundle) => {
      const result = await enrichInBulk(z, bundle, lusha, (bundle.inputData as Record<string, unknown>).rows, {
        noun: 'company',
        plural: 'companies',
        operation: OPERATION,
        read: readCompanyLookup,
        keyOf: companyLookupKey,
        emptyRecord: emptyCompanyRecord,
        send: enrichCompaniesBatch,
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
