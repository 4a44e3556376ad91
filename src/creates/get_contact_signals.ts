/**
 * Get Contact Signals: a one-off look at the promotions and job changes of a list of
 * contacts, returned as line items with the credits Lusha charged.
 */
import { defineCreate } from 'zapier-platform-core';
import type { OperationContract } from '../zapier/contract';
import { contactSignalOutputFields, contactSignalSample } from '../signals/records';
import { contactWatchFields, readContactWatch } from '../signals/watch';
import { CONTACT_SIGNALS } from '../signals/lookup';
import { signalContract, signalLookupOutputFields, signalLookupPerform, signalLookupSample } from '../signals/operations';

const LABEL = 'Get Contact Signals';

export default defineCreate({
  key: 'get_contact_signals',
  noun: 'Contact Signals',
  display: {
    label: LABEL,
    description:
      'Gets the recent promotions and job changes of up to 500 contacts from Lusha Signals, as line items, with the credits charged.',
  },
  operation: {
    inputFields: contactWatchFields({ polling: false }),
    perform: signalLookupPerform(LABEL, CONTACT_SIGNALS, readContactWatch),
    sample: signalLookupSample(contactSignalSample),
    outputFields: signalLookupOutputFields(contactSignalOutputFields),
  },
});

export const contract: OperationContract = signalContract('contact', { polling: false });
