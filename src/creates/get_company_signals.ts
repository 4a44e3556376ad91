/**
 * Get Company Signals: a one-off look at the signals of a list of companies (headcount,
 * hiring, traffic, IT spend, news), returned as line items with the credits Lusha charged.
 */
import { defineCreate } from 'zapier-platform-core';
import { COMPANY_SIGNALS } from '../signals/lookup';
import {
  fetchWatchedSignals,
  signalContract,
  signalLookupOutput,
  signalLookupOutputFields,
  signalLookupSample,
} from '../signals/operations';
import { companySignalOutputFields, companySignalSample } from '../signals/records';
import { companyWatchFields, readCompanyWatch } from '../signals/watch';
import type { OperationContract } from '../zapier/contract';
import { valueOrHalt } from '../zapier/input-problems';
import { connectionSecrets, withLusha } from '../zapier/lusha';

const LABEL = 'Get Company Signals';

export default defineCreate({
  key: 'get_company_signals',
  noun: 'Company Signals',
  display: {
    label: LABEL,
    description:
      'Gets the recent signals of up to 500 companies from Lusha Signals (headcount, hiring, website traffic, IT ' +
      'spend, news), as line items, with the credits charged.',
  },
  operation: {
    inputFields: companyWatchFields({ polling: false }),
    perform: withLusha(async (lusha, z, bundle) => {
      const watch = valueOrHalt(z, LABEL, readCompanyWatch(bundle.inputData, { polling: false }));
      const lookup = await fetchWatchedSignals(z, bundle, lusha, COMPANY_SIGNALS, watch);
      return signalLookupOutput(lookup, connectionSecrets(bundle));
    }),
    sample: signalLookupSample(companySignalSample),
    outputFields: signalLookupOutputFields(companySignalOutputFields),
  },
});

export const contract: OperationContract = signalContract('company', { polling: false });
