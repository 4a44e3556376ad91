/**
 * Find Buying Group: for up to 25 companies, the decision makers, potential champions and end
 * users Lusha V3's model picks (POST /v3/contacts/buying-group, billed per contact returned), as
 * line items with their persona and score; revealing their emails and phones is a later step.
 */
import { defineCreate } from 'zapier-platform-core';
import {
  BUYING_GROUP_CREDITS,
  BUYING_GROUP_ERRORS,
  buyingGroupBody,
  buyingGroupInputFields,
  buyingGroupOutput,
  buyingGroupOutputFields,
  buyingGroupSample,
  fetchBuyingGroupPages,
  MAX_COMPANIES,
  readBuyingGroupInput,
} from '../prospecting/buying-group';
import type { OperationContract } from '../zapier/contract';
import { valueOrHalt } from '../zapier/input-problems';
import { connectionSecrets, withLusha } from '../zapier/lusha';

const LABEL = 'Find Buying Group';

export default defineCreate({
  key: 'find_buying_group',
  noun: 'Buying Group',
  display: {
    label: LABEL,
    description:
      `Finds the buying group of up to ${MAX_COMPANIES} companies in Lusha: the decision makers, potential ` +
      'champions and end users, each with a score (costs 1 credit per contact returned; emails and phones are ' +
      'revealed separately).',
  },
  operation: {
    inputFields: buyingGroupInputFields,
    perform: withLusha(async (lusha, z, bundle) => {
      const request = valueOrHalt(z, LABEL, readBuyingGroupInput(bundle.inputData));
      // One request for all the companies, then its next pages while the time budget allows.
      const { answers, stop } = await fetchBuyingGroupPages(lusha, buyingGroupBody(request));
      return buyingGroupOutput(request, answers, stop, connectionSecrets(bundle));
    }),
    // A run may make up to 15 requests, one after another: at most 2 runs per second per connection.
    throttle: { window: 1, limit: 2, scope: ['auth'] },
    sample: buyingGroupSample,
    outputFields: buyingGroupOutputFields,
  },
});

export const contract: OperationContract = {
  endpoints: ['POST /v3/contacts/buying-group'],
  credits: BUYING_GROUP_CREDITS,
  errors: BUYING_GROUP_ERRORS,
};
