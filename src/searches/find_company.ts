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
import { CREDITS_CHARGED_FIELD } from '../zapier/fields';
import { inputProblemsError } from '../zapier/input-problems';
import { withLusha } from '../zapier/lusha';

const LABEL = 'Find Company';

export const contract: OperationContract = {
  endpoints: ['POST /v3/companies/search-and-enrich'],
  credits:
    'What Lusha bills for a company it returns, reported in Credits Charged (at standard Lusha prices, 1 credit ' +
    'per company revealed plus the search). No match costs nothing, and neither does input rejected before the call.',
  sinceV3: [
    'Crunchbase URL is null: V3 does not return it. Every other key is filled from V3 as before.',
    'New output key: Credits Charged (what Lusha billed for the step).',
  ],
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
      if (outcome.status === 'error') throw new z.errors.HaltedError(outcome.reason);
      return outcome.status === 'matched' ? [{ ...outcome.record, creditsCharged: outcome.creditsCharged }] : [];
    }),
    outputFields: [...companyOutputFields, CREDITS_CHARGED_FIELD],
    sample: { ...companySample, creditsCharged: 2 },
  },
});
