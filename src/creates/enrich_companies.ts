/**
 * Bulk Enrich Companies: up to 1,000 line items per run through POST /v2/company, by the
 * shared bulk machine (src/zapier/bulk.ts): one line item back per row, in order, with its
 * status and the flat company record.
 */
import { defineCreate } from 'zapier-platform-core';
import { companyLookupKey, readCompanyLookup } from '../input/company-lookup';
import { companyOutputFields, companySample, toCompanyRecord, type CompanyRecord } from '../records/company';
import {
  BULK_THROTTLE,
  bulkContractErrors,
  bulkOutput,
  bulkOutputFields,
  bulkRowsInputFields,
  bulkSample,
  enrichInBulk,
  type LookupOutcome,
} from '../zapier/bulk';
import type { OperationContract } from '../zapier/contract';
import { bulkCompanyItem, companyIdentifierFields, companyOutcome } from '../zapier/enrichment';
import { withLusha } from '../zapier/lusha';

const OPERATION = 'Bulk Enrich Companies';

const emptyCompany = toCompanyRecord(null);

export const contract: OperationContract = {
  endpoints: ['POST /v2/company'],
  credits:
    'One credit per company Lusha returns (Credits Charged in total). Rows with the same identifiers are looked up, ' +
    'and charged, once. Nothing for rows without a match or with invalid input.',
  errors: [
    ...bulkContractErrors(),
  ],
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
        emptyRecord: emptyCompany,
        send: async (client, batch) => {
          const answer = await client.enrichCompanies({ companies: batch.map(({ id, lookup }) => bulkCompanyItem(id, lookup)) });
          // Lusha leaves a company it cannot find out of the map: that row is not found.
          return new Map<string, LookupOutcome<CompanyRecord>>(
            batch.map(({ id, lookup }) => [id, companyOutcome(answer[id], lookup.companyId)]),
          );
        },
      });
      return bulkOutput(result);
    }),
    outputFields: bulkOutputFields(companyOutputFields, 'Companies'),
    sample: bulkSample(companySample, emptyCompany, 'Company Domain "northwind" is not a domain (expected something like acme.com)'),
  },
});
