/**
 * New Company Signal: fires once for each signal of a watched company (headcount change,
 * hiring surge, website traffic, IT spend, news). Checks the watch list at most once per
 * chosen interval, since every check costs credits (src/zapier/signal-polling.ts).
 */
import { defineTrigger } from 'zapier-platform-core';
import type { OperationContract } from '../zapier/contract';
import { companySignalOutputFields, companySignalSample } from '../signals/records';
import { companyWatchFields, readCompanyWatch } from '../signals/watch';
import { COMPANY_SIGNALS } from '../signals/lookup';
import { signalContract, signalTriggerPerform } from '../signals/operations';

const LABEL = 'New Company Signal';

export default defineTrigger({
  key: 'new_company_signal',
  noun: 'Company Signal',
  display: {
    label: LABEL,
    description:
      'Triggers when a company on your watch list grows or shrinks, surges in hiring, changes in website traffic or IT spend, or is in the news, as reported by Lusha Signals.',
  },
  operation: {
    type: 'polling',
    inputFields: companyWatchFields({ polling: true }),
    perform: signalTriggerPerform('new_company_signal', LABEL, COMPANY_SIGNALS, readCompanyWatch),
    sample: companySignalSample,
    outputFields: companySignalOutputFields,
  },
});

export const contract: OperationContract = signalContract('company', { polling: true });
