/**
 * Find Website Visitors: the companies that visited your tracked websites in a date range, with
 * Lusha's visit score and metrics (POST /v3/companies/website-visits, beta), 150 per request,
 * paged within the step's time budget.
 */
import { defineCreate } from 'zapier-platform-core';
import { findVisitorsFields, readVisitsQuery } from '../visits/fields';
import { findVisitorsContract, findVisitorsOutputFields, findVisitorsSample } from '../visits/operations';
import { findVisitors, type FindVisitorsOutput } from '../visits/wire';
import type { OperationContract } from '../zapier/contract';
import { valueOrHalt } from '../zapier/input-problems';
import { connectionSecrets, withLusha } from '../zapier/lusha';

const LABEL = 'Find Website Visitors';

export default defineCreate({
  key: 'find_website_visitors',
  noun: 'Website Visitor',
  display: {
    label: LABEL,
    description:
      'Finds the companies that visited your websites tracked in Lusha in a date range, ranked by visit score, with ' +
      'their sessions, visitors and last visit.',
  },
  operation: {
    inputFields: findVisitorsFields,
    perform: withLusha(async (lusha, z, bundle): Promise<FindVisitorsOutput> => {
      const query = valueOrHalt(z, LABEL, readVisitsQuery(bundle.inputData ?? {}));
      return findVisitors(lusha, query, connectionSecrets(bundle));
    }),
    // A run may make up to 4 requests: at most 2 runs per second per connection.
    throttle: { window: 1, limit: 2, scope: ['auth'] },
    sample: findVisitorsSample,
    outputFields: findVisitorsOutputFields,
  },
});

export const contract: OperationContract = findVisitorsContract;
