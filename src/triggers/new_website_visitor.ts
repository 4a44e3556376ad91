/**
 * New Website Visitor Company: fires once for each company visit Lusha sees on your tracked
 * websites (a company's last visit day), newest first. Checks Lusha at most once per chosen
 * interval (src/signals/polling.ts): the polls in between make no call.
 */
import { defineTrigger } from 'zapier-platform-core';
import { pollSignals } from '../signals/polling';
import { readVisitorWatch, visitorWatchConfig, visitorWatchFields } from '../visits/fields';
import { newVisitorContract } from '../visits/operations';
import { sameVisitEvent, visitEventOf, visitorItemOutputFields, visitorItemSample } from '../visits/records';
import { checkVisitors } from '../visits/wire';
import type { OperationContract } from '../zapier/contract';
import { valueOrHalt } from '../zapier/input-problems';
import { withLusha } from '../zapier/lusha';

const KEY = 'new_website_visitor';
const LABEL = 'New Website Visitor Company';

export default defineTrigger({
  key: KEY,
  noun: 'Website Visitor',
  display: {
    label: LABEL,
    description:
      'Triggers when a company visits your website tracked in Lusha: once per company for each new day it visits, ' +
      'with its visit score, sessions and visitors.',
  },
  operation: {
    type: 'polling',
    inputFields: visitorWatchFields,
    perform: withLusha(async (lusha, z, bundle) => {
      const watch = valueOrHalt(z, LABEL, readVisitorWatch(bundle.inputData ?? {}));
      return pollSignals(z, bundle, {
        triggerKey: KEY,
        config: visitorWatchConfig(watch),
        intervalSeconds: watch.intervalSeconds,
        eventOf: visitEventOf,
        sameEvent: sameVisitEvent,
        check: (sample) => checkVisitors(lusha, watch, { sample, now: Date.now() }),
      });
    }),
    sample: visitorItemSample,
    outputFields: visitorItemOutputFields,
  },
});

export const contract: OperationContract = newVisitorContract;
