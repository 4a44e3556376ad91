/**
 * Get Contact Signals: a one-off look at the promotions and job changes of a list of
 * contacts, returned as line items with the credits Lusha charged.
 */
import { defineCreate } from 'zapier-platform-core';
import { CONTACT_SIGNALS } from '../signals/lookup';
import {
  fetchWatchedSignals,
  signalContract,
  signalLookupOutput,
  signalLookupOutputFields,
  signalLookupSample,
} from '../signals/operations';
import { contactSignalOutputFields, contactSignalSample } from '../signals/records';
import { contactWatchFields, readContactWatch } from '../signals/watch';
import type { OperationContract } from '../zapier/contract';
import { valueOrHalt } from '../zapier/input-problems';
import { connectionSecrets, withLusha } from '../zapier/lusha';

const LABEL = 'Get Contact Signals';

export default defineCreate({
  key: 'get_contact_signals',
  noun: 'Contact Signals',
  display: {
    label: LABEL,
    description:
      'Gets the recent promotions and job changes of up to 500 contacts from Lusha Signals, ' +
      'as line items, with the credits charged.',
  },
  operation: {
    inputFields: contactWatchFields({ polling: false }),
    perform: withLusha(async (lusha, z, bundle) => {
      const watch = valueOrHalt(z, LABEL, readContactWatch(bundle.inputData, { polling: false }));
      const lookup = await fetchWatchedSignals(z, bundle, lusha, CONTACT_SIGNALS, watch);
      return signalLookupOutput(lookup, connectionSecrets(bundle));
    }),
    sample: signalLookupSample(contactSignalSample),
    outputFields: signalLookupOutputFields(contactSignalOutputFields),
  },
});

export const contract: OperationContract = signalContract('contact', { polling: false });
