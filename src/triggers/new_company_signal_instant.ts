/**
 * New Company Signal (Instant): Lusha's webhooks deliver each signal of a watched company as it
 * happens (src/webhooks/): subscribing makes one Lusha subscription per company to the Zap's hook
 * URL, each delivery is verified before it reaches the Zap, and turning the Zap off deletes the
 * subscriptions. Same output and Signal ID as the polling New Company Signal.
 */
import { defineTrigger } from 'zapier-platform-core';
import { COMPANY_SIGNALS } from '../signals/lookup';
import { fetchWatchedSignals } from '../signals/operations';
import { companySignalOutputFields, companySignalSample } from '../signals/records';
import { companyWatchFields, readCompanyWatch } from '../signals/watch';
import { verifiedDelivery } from '../webhooks/delivery';
import { companyDeliveryRecord, instantContract, subscribeWatch } from '../webhooks/instant';
import { unsubscribeAll } from '../webhooks/subscriptions';
import { valueOrHalt } from '../zapier/input-problems';
import { withLusha } from '../zapier/lusha';

const LABEL = 'New Company Signal (Instant)';

/** The polling trigger's watch fields, without what only a check needs (look-back, interval). */
const inputFields = companyWatchFields({ polling: false }).filter((field) => field.key !== 'lookback_days');

export default defineTrigger({
  key: 'new_company_signal_instant',
  noun: 'Company Signal',
  display: {
    label: LABEL,
    description:
      'Triggers instantly when Lusha reports a signal of a company on your watch list (Lusha webhooks), ' +
      'instead of checking on a schedule.',
  },
  operation: {
    type: 'hook',
    inputFields,
    performSubscribe: withLusha(async (lusha, z, bundle) => {
      const watch = valueOrHalt(z, LABEL, readCompanyWatch(bundle.inputData, { polling: false }));
      return subscribeWatch(z, bundle, lusha, COMPANY_SIGNALS, watch, LABEL);
    }),
    performUnsubscribe: withLusha((lusha, z, bundle) =>
      unsubscribeAll(z, lusha, bundle.subscribeData as Parameters<typeof unsubscribeAll>[2]),
    ),
    perform: withLusha(async (lusha, z, bundle) => {
      const delivery = await verifiedDelivery(z, bundle, lusha, 'company');
      return delivery ? [companyDeliveryRecord(bundle, delivery)] : [];
    }),
    performList: withLusha(async (lusha, z, bundle) => {
      const watch = valueOrHalt(z, LABEL, readCompanyWatch(bundle.inputData, { polling: false }));
      const lookup = await fetchWatchedSignals(z, bundle, lusha, COMPANY_SIGNALS, watch, { sample: true });
      return lookup.records;
    }),
    sample: companySignalSample,
    outputFields: companySignalOutputFields,
  },
});

export const contract = instantContract('company');
