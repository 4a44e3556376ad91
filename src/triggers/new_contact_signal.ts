/**
 * New Contact Signal: fires once for each promotion or job change of a watched contact.
 * Lusha has no account-wide feed, so the trigger checks its watch list — at most once per
 * chosen interval, since every check costs credits (src/zapier/signal-polling.ts).
 */
import { defineTrigger } from 'zapier-platform-core';
import type { OperationContract } from '../zapier/contract';
import { contactSignalOutputFields, contactSignalSample } from '../signals/records';
import { contactWatchFields, readContactWatch } from '../signals/watch';
import { CONTACT_SIGNALS } from '../signals/lookup';
import { signalContract, signalTriggerPerform } from '../signals/operations';

const LABEL = 'New Contact Signal';

export default defineTrigger({
  key: 'new_contact_signal',
  noun: 'Contact Signal',
  display: {
    label: LABEL,
    description:
      'Triggers when a contact on your watch list is promoted or moves to another company, as reported by Lusha Signals.',
  },
  operation: {
    type: 'polling',
    inputFields: contactWatchFields({ polling: true }),
    perform: signalTriggerPerform('new_contact_signal', LABEL, CONTACT_SIGNALS, readContactWatch),
    sample: contactSignalSample,
    outputFields: contactSignalOutputFields,
  },
});

export const contract: OperationContract = signalContract('contact', { polling: true });
