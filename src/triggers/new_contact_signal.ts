/**
 * New Contact Signal: fires once for each promotion or job change of a watched contact.
 * Lusha has no account-wide feed, so the trigger checks its watch list — at most once per
 * chosen interval, since every check costs credits (src/zapier/signal-polling.ts).
 */
import { defineTrigger } from 'zapier-platform-core';
import { contactSignalOutputFields, contactSignalSample } from '../records/signal';
import type { OperationContract } from '../zapier/contract';
import { contactWatchFields, readContactWatch } from '../zapier/signal-fields';
import { CONTACT_SIGNALS } from '../zapier/signal-lookup';
import { signalTriggerPerform } from '../zapier/signal-operations';

export default defineTrigger({
  key: 'new_contact_signal',
  noun: 'Contact Signal',
  display: {
    label: 'New Contact Signal',
    description:
      'Triggers when a contact on your watch list is promoted or moves to another company, as reported by Lusha Signals.',
  },
  operation: {
    type: 'polling',
    inputFields: contactWatchFields({ polling: true }),
    perform: signalTriggerPerform('new_contact_signal', CONTACT_SIGNALS, readContactWatch),
    sample: contactSignalSample,
    outputFields: contactSignalOutputFields,
  },
});

export const contract: OperationContract = {
  endpoints: ['POST /api/signals/contacts', 'POST /api/signals/contacts/search'],
  credits:
    'Each check costs the credits Lusha charges for the signal types requested, per call of up to 100 contacts ' +
    '(a watch list of 500 is 5 calls). Checks happen at most once per "Check At Most Every" interval; polls in ' +
    'between make no call. Loading samples in the editor makes one small call (5 contacts, 3 results per type).',
  errors: [
    {
      when: 'The watch list is empty or has more than 500 contacts, an entry is malformed, a signal type is unknown, or the look-back is outside 1–180 days or shorter than the interval needs',
      error: 'HaltedError',
      action: 'Fix the fields named in the message; nothing was sent to Lusha.',
    },
    {
      when: 'The Lusha plan does not include Signals (403)',
      error: 'Error',
      action: 'Ask your Lusha admin to add Signals, or turn the Zap off.',
    },
    {
      when: 'Some calls of a check failed (e.g. a timeout) while others were answered',
      error: 'ThrottledError',
      action: 'Nothing: the signals found are delivered on the next poll and the rest are checked at the next interval.',
    },
  ],
};
