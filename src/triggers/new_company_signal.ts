/**
 * New Company Signal: fires once for each signal of a watched company (headcount change,
 * hiring surge, website traffic, IT spend, news). Checks the watch list at most once per
 * chosen interval, since every check costs credits (src/signals/polling.ts).
 */
import { defineTrigger } from 'zapier-platform-core';
import { COMPANY_SIGNALS } from '../signals/lookup';
import { pollWatchedSignals, signalContract } from '../signals/operations';
import { companySignalOutputFields, companySignalSample } from '../signals/records';
import { companyWatchFields, readCompanyWatch } from '../signals/watch';
import type { OperationContract } from '../zapier/contract';
import { valueOrHalt } from '../zapier/input-problems';
import { withLusha } from '../zapier/lusha';

const KEY = 'new_company_signal';
const LABEL = 'New Company Signal';

export default defineTrigger({
  key: KEY,
  noun: 'Company Signal',
  display: {
    label: LABEL,
    description:
      'Triggers when a company on your watch list grows or shrinks, surges in hiring, changes in website traffic or ' +
      'IT spend, or is in the news, as reported by Lusha Signals.',
  },
  operation: {
    type: 'polling',
    inputFields: companyWatchFields({ polling: true }),
    perform: withLusha(async (lusha, z, bundle) => {
      const watch = valueOrHalt(z, LABEL, readCompanyWatch(bundle.inputData, { polling: true }));
      return pollWatchedSignals(z, bundle, lusha, { triggerKey: KEY, kind: COMPANY_SIGNALS, watch });
    }),
    sample: companySignalSample,
    outputFields: companySignalOutputFields,
  },
});

export const contract: OperationContract = signalContract('company', { polling: true });
