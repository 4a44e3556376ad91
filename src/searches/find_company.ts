/**
 * Find Company: one lookup by domain, name or Lusha company ID (src/companies/). A miss
 * returns nothing, so "find or create" flows can go on to create.
 */
import { defineSearch } from 'zapier-platform-core';
import { companyIdentifierFields } from '../companies/fields';
import { readCompanyLookup } from '../companies/lookup';
import { companyOutputFields, companySample } from '../companies/record';
import { findCompany } from '../companies/wire';
import type { OperationContract } from '../zapier/contract';
import { inputProblemsError } from '../zapier/input-problems';
import { withLusha } from '../zapier/lusha';

const LABEL = 'Find Company';

export const contract: OperationContract = {
  endpoints: ['GET /v2/company'],
  credits:
    'One credit when Lusha returns the company; none when there is no match or the input is rejected before the call.',
  errors: [
    {
      when: 'Nothing identifies the company, or the domain or ID is malformed',
      error: 'HaltedError',
      action: 'Fill in or fix the fields the message names; nothing was sent to Lusha.',
    },
  ],
};

export default defineSearch({
  key: 'find_company',
  noun: 'Company',
  display: {
    label: LABEL,
    description:
      'Finds a company in Lusha by domain, name or Lusha company ID, and returns its firmographics: size, revenue, ' +
      'industry, location, technologies and funding.',
  },
  operation: {
    inputFields: companyIdentifierFields,
    perform: withLusha(async (lusha, z, bundle) => {
      const lookup = readCompanyLookup(bundle.inputData);
      if (!lookup.ok) throw inputProblemsError(z, LABEL, lookup.problems);
      const outcome = await findCompany(lusha, lookup.value);
      return outcome.status === 'matched' ? [outcome.record] : [];
    }),
    outputFields: companyOutputFields,
    sample: { ...companySample },
  },
});
