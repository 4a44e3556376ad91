/**
 * New Contact Signal: fires once for each promotion or job change of a watched contact.
 * Lusha has no account-wide feed, so the trigger checks its watch list — at most once per
 * chosen interval, since every check costs credits (src/signals/polling.ts).
 */
import { defineTrigger } from 'zapier-platform-core';
import { CONTACT_SIGNALS } from '../signals/lookup';
import { pollWatchedSignals, signalContract } from '../signals/operations';
import { contactSignalOutputFields, contactSignalSample } from '../signals/records';
import { contactWatchFields, readContactWatch } from '../signals/watch';
import type { OperationContract } from '../zapier/contract';
import { valueOrHalt } from '../zapier/input-problems';
import { withLusha } from '../zapier/lusha';

const KEY = 'new_contact_signal';
const LABEL = 'New Contact Signal';

export default defineTrigger({
  key: KEY,
  noun: 'Contact Signal',
  display: {
    label: LABEL,
    description:
      'Triggers when a contact on your watch list is promoted or moves to another company, ' +
      'as reported by Lusha Signals.',
  },
  operation: {
    type: 'polling',
    inputFields: contactWatchFields({ polling: true }),
    perform: withLusha(async (lusha, z, bundle) => {
      const watch = valueOrHalt(z, LABEL, readContactWatch(bundle.inputData, { polling: true }));
      return pollWatchedSignals(z, bundle, lusha, { triggerKey: KEY, kind: CONTACT_SIGNALS, watch });
    }),
    sample: contactSignalSample,
    outputFields: contactSignalOutputFields,
  },
});

export const contract: OperationContract = signalContract('contact', { polling: true });
