/**
 * The performs of the four signal operations, each one line in its operation file:
 * - a trigger reads its watch list, then polls through the credit guard
 *   (src/zapier/signal-polling.ts), which checks Lusha through the shared fetch path
 *   (src/zapier/signal-lookup.ts) at most once per interval;
 * - a lookup (create) reads the same inputs, fetches once, and returns the signals as line
 *   items with the credits Lusha charged, and every watch-list entry it could not check.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { Checked } from '../shared/readers';
import { lineItemsField, toLineItem, type LineItemValue } from '../zapier/line-items';
import type { OutputField } from '../zapier/fields';
import { connectionSecrets, withLusha } from '../zapier/lusha';
import type { OperationContract } from '../zapier/contract';
import { entryFailureReason } from '../zapier/errors';
import { inputProblemsError } from '../zapier/input-problems';
import { MAX_LOOKBACK_DAYS, MAX_WATCHED, watchConfig, type ReadOptions, type SignalWatch } from './watch';
import { fetchSignals, SAMPLE_ENTRIES, SAMPLE_RESULTS_PER_TYPE, SIGNALS_BATCH_SIZE, type SignalKind } from './lookup';
import { pollSignals } from './polling';

type ReadWatch<S> = (input: Record<string, unknown>, options: ReadOptions) => Checked<SignalWatch<S>>;
type Entity = { signals: Array<{ type: string; item: unknown }> };
type SignalRecordBase = { id: string; signalDate: string | null };

/** The watch list in the step's input, or the input-problems HaltedError listing every problem. */
function readWatchOrHalt<S>(
  z: ZObject,
  step: string,
  readWatch: ReadWatch<S>,
  input: Record<string, unknown>,
  options: ReadOptions,
): SignalWatch<S> {
  const watch = readWatch(input, options);
  if (!watch.ok) throw inputProblemsError(z, step, watch.problems);
  return watch.value;
}

/** The perform of a polling signal trigger (`step` is its label, for messages). */
export function signalTriggerPerform<S, E extends Entity, R extends SignalRecordBase>(
  triggerKey: string,
  step: string,
  kind: SignalKind<S, E, R>,
  readWatch: ReadWatch<S>,
) {
  return withLusha(async (lusha, z, bundle: Bundle): Promise<R[]> => {
    const watch = readWatchOrHalt(z, step, readWatch, bundle.inputData, { polling: true });
    return pollSignals(z, bundle, {
      triggerKey,
      config: watchConfig(watch),
      intervalSeconds: watch.intervalSeconds,
      check: (sample) => fetchSignals(kind, lusha, watch, { sample }),
    });
  });
}

/** A signal record as a line item: flat, its lists joined into text. */
export type SignalLineItem = Record<string, LineItemValue>;

export type SignalLookupOutput = {
  signalCount: number;
  creditsCharged: number;
  startDate: string;
  endDate: string | null;
  checkedCount: number;
  notCheckedCount: number;
  signals: SignalLineItem[];
  notChecked: Array<{ watchListEntry: string; reason: string }>;
};

/**
 * The perform of a one-off signal lookup (`step` is its label, for messages). When every call failed, the first failure is the
 * step's error; when only some did, the signals found are returned and each entry that could
 * not be checked is listed in `notChecked` with the reason (its credits were not spent).
 */
export function signalLookupPerform<S, E extends Entity, R extends SignalRecordBase>(
  step: string,
  kind: SignalKind<S, E, R>,
  readWatch: ReadWatch<S>,
) {
  return withLusha(async (lusha, z, bundle: Bundle): Promise<SignalLookupOutput> => {
    const watch = readWatchOrHalt(z, step, readWatch, bundle.inputData, { polling: false });
    const lookup = await fetchSignals(kind, lusha, watch);
    if (lookup.answered === 0 && lookup.failures[0]) throw lookup.failures[0].error;
    const secrets = connectionSecrets(bundle);
    const notChecked = lookup.failures.flatMap(({ entries, error }) => {
      const reason = entryFailureReason(error, secrets, 'These entries were not checked: run the step again later.');
      return entries.map((watchListEntry) => ({ watchListEntry, reason }));
    });
    return {
      signalCount: lookup.records.length,
      creditsCharged: lookup.creditsCharged,
      startDate: lookup.startDate,
      endDate: lookup.endDate,
      checkedCount: lookup.checkedEntries,
      notCheckedCount: notChecked.length,
      signals: lookup.records.map(toLineItem),
      notChecked,
    };
  });
}

/** Output fields of a lookup: the totals, each signal as a line item, and the entries not checked. */
export function signalLookupOutputFields(recordFields: OutputField[]): OutputField[] {
  return [
    { key: 'signalCount', label: 'Signals Found', type: 'integer' },
    { key: 'creditsCharged', label: 'Credits Charged', type: 'number' },
    { key: 'startDate', label: 'Window Start Date', type: 'datetime' },
    { key: 'endDate', label: 'Window End Date', type: 'datetime' },
    { key: 'checkedCount', label: 'Entries Checked', type: 'integer' },
    { key: 'notCheckedCount', label: 'Entries Not Checked', type: 'integer' },
    lineItemsField('signals', 'Signals', recordFields),
    lineItemsField('notChecked', 'Not Checked', [
      { key: 'watchListEntry', label: 'Watch List Entry', type: 'string' },
      { key: 'reason', label: 'Reason', type: 'string' },
    ]),
  ];
}

/** A lookup's sample: one signal, found in a 30-day window that ends on its date. */
export function signalLookupSample(record: SignalRecordBase): SignalLookupOutput {
  const endDate = record.signalDate ?? '2025-06-15';
  return {
    signalCount: 1,
    creditsCharged: 1,
    startDate: new Date(Date.parse(`${endDate}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10),
    endDate,
    checkedCount: 1,
    notCheckedCount: 0,
    signals: [toLineItem(record)],
    notChecked: [],
  };
}

/** The contract of a signal operation: contact or company, trigger (polling) or lookup. */
export function signalContract(kind: 'contact' | 'company', options: ReadOptions): OperationContract {
  const entities = kind === 'contact' ? 'contacts' : 'companies';
  const inputErrors =
    `The watch list is empty or has more than ${MAX_WATCHED} ${entities}, an entry is malformed, a signal type` +
    (kind === 'company' ? ', news event type or department is unknown, a filter does not apply to the chosen types' : ' is unknown') +
    `, or the look-back is outside 1–${MAX_LOOKBACK_DAYS} days` +
    (options.polling ? ' or not at least a day longer than the check interval' : '');
  const perCall =
    `the credits Lusha charges for the signal types requested, per call of up to ${SIGNALS_BATCH_SIZE} ${entities} ` +
    `(${MAX_WATCHED} ${entities} are ${MAX_WATCHED / SIGNALS_BATCH_SIZE} calls)`;
  return {
    endpoints: [`POST /api/signals/${entities}`, `POST /api/signals/${entities}/search`],
    credits: options.polling
      ? `Each check costs ${perCall}. Lusha is checked at most once per "Check At Most Every" interval; the polls ` +
        `in between make no call. Loading samples in the editor makes one small call (the first ${SAMPLE_ENTRIES} ` +
        `${entities}, ${SAMPLE_RESULTS_PER_TYPE} results per type), or none after a recent check.`
      : `Each run costs ${perCall}; the output says how many ("Credits Charged"). Entries whose call failed are ` +
        'listed under "Not Checked", with the reason, and cost nothing.',
    errors: [
      { when: inputErrors, error: 'HaltedError', action: 'Fix the fields named in the message; nothing was sent to Lusha.' },
      {
        when: 'The Lusha plan does not include Signals (403)',
        error: 'Error',
        action: options.polling ? 'Ask your Lusha admin to add Signals, or turn the Zap off.' : 'Ask your Lusha admin to add Signals.',
      },
      ...(options.polling
        ? [
            {
              when: 'Some calls of a check timed out or found Lusha unavailable while others were answered',
              error: 'ThrottledError' as const,
              action:
                'Nothing: the signals found are delivered by the next poll without a new call, and the other ' +
                `${entities} are checked again at the next interval.`,
            },
          ]
        : []),
    ],
  };
}
