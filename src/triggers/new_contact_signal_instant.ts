/**
 * New Contact Signal (Instant): Lusha's webhooks deliver each signal of a watched contact as it
 * happens (src/webhooks/): subscribing makes one Lusha subscription per contact to the Zap's hook
 * URL, each delivery is verified before it reaches the Zap, and turning the Zap off deletes the
 * subscriptions. Same output and Signal ID as the polling New Contact Signal.
 */
import { defineTrigger } from 'zapier-platform-core';
import { CONTACT_SIGNALS } from '../signals/lookup';
import { fetchWatchedSignals } from '../signals/operations';
import { contactSignalOutputFields, contactSignalSample } from '../signals/records';
import { contactWatchFields, readContactWatch } from '../signals/watch';
import { verifiedDelivery } from '../webhooks/delivery';
import { contactDeliveryRecord, instantContract, subscribeWatch } from '../webhooks/instant';
import { unsubscribeAll } from '../webhooks/subscriptions';
import { valueOrHalt } from '../zapier/input-problems';
import { withLusha } from '../zapier/lusha';

const LABEL = 'New Contact Signal (Instant)';

/** The polling trigger's watch fields, without what only a check needs (look-back, interval). */
const inputFields = contactWatchFields({ polling: false }).filter((field) => field.key !== 'lookback_days');

export default defineTrigger({
  key: 'new_contact_signal_instant',
  noun: 'Contact Signal',
  display: {
    label: LABEL,
    description:
      'Triggers instantly when Lusha reports a signal of a contact on your watch list (Lusha webhooks), ' +
      'instead of checking on a schedule.',
  },
  operation: {
    type: 'hook',
    inputFields,
    performSubscribe: withLusha(async (lusha, z, bundle) => {
      const watch = valueOrHalt(z, LABEL, readContactWatch(bundle.inputData, { polling: false }));
      return subscribeWatch(z, bundle, lusha, CONTACT_SIGNALS, watch, LABEL);
    }),
    performUnsubscribe: withLusha((lusha, z, bundle) =>
      unsubscribeAll(z, lusha, bundle.subscribeData as Parameters<typeof unsubscribeAll>[2]),
    ),
    perform: withLusha(async (lusha, z, bundle) => {
      const delivery = await verifiedDelivery(z, bundle, lusha, 'contact');
      return delivery ? [contactDeliveryRecord(bundle, delivery)] : [];
    }),
    performList: withLusha(async (lusha, z, bundle) => {
      const watch = valueOrHalt(z, LABEL, readContactWatch(bundle.inputData, { polling: false }));
      const lookup = await fetchWatchedSignals(z, bundle, lusha, CONTACT_SIGNALS, watch, { sample: true });
      return lookup.records;
    }),
    sample: contactSignalSample,
    outputFields: contactSignalOutputFields,
  },
});

export const contract = instantContract('contact');
