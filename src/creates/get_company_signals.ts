/**
 * Get Company Signals: a one-off look at the signals of a list of companies (headcount,
 * hiring, traffic, IT spend, news), returned as line items with the credits Lusha charged.
 */
import { defineCreate } from 'zapier-platform-core';
import type { OperationContract } from '../zapier/contract';
import { companySignalOutputFields, companySignalSample } from '../signals/records';
import { companyWatchFields, readCompanyWatch } from '../signals/watch';
import { COMPANY_SIGNALS } from '../signals/lookup';
import { signalContract, signalLookupOutputFields, signalLookupPerform, signalLookupSample } from '../signals/operations';

const LABEL = 'Get Company Signals';

export default defineCreate({
  key: 'get_company_signals',
  noun: 'Company Signals',
  display: {
    label: LABEL,
    description:
      'Gets the recent signals of up to 500 companies from Lusha Signals (headcount, hiring, website traffic, IT spend, news), as line items, with the credits charged.',
  },
  operation: {
    inputFields: companyWatchFields({ polling: false }),
    perform: signalLookupPerform(LABEL, COMPANY_SIGNALS, readCompanyWatch),
    sample: signalLookupSample(companySignalSample),
    outputFields: signalLookupOutputFields(companySignalOutputFields),
  },
});

export const contract: OperationContract = signalContract('company', { polling: false });
