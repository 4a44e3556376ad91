/**
 * What the signal operations share beyond the watch list (./watch.ts), the lookup
 * (./lookup.ts) and the polling guard (./polling.ts): a watch list's lookup with the
 * connection's resolved IDs, the check of a polling trigger, the output of a one-off lookup
 * (Get Contact / Company Signals) with its fields and sample, and each operation's contract.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { failureToReport } from '../lusha/batch';
import type { LushaClient } from '../lusha/client';
import type { OperationContract } from '../zapier/contract';
import { entryFailureReason } from '../zapier/errors';
import type { OutputField } from '../zapier/fields';
import { lineItemsField, toLineItem, type LineItemValue } from '../zapier/line-items';
import {
  fetchSignals,
  SAMPLE_ENTRIES,
  SAMPLE_RESULTS_PER_TYPE,
  SIGNALS_BATCH_SIZE,
  type SignalEntityBase,
  type SignalKind,
  type SignalLookup,
} from './lookup';
import { pollSignals } from './polling';
import { signalEventOf, type CompanySignalRecord, type ContactSignalRecord } from './records';
import { connectionIdStore, RESOLVED_ID_DAYS } from './resolve';
import { MAX_LOOKBACK_DAYS, MAX_WATCHED, watchConfig, type ReadOptions, type SignalWatch } from './watch';

type SignalRecordBase = { id: string; signalDate: string | null };

/**
 * The signals of a watch list, looked up with this connection's store of the Lusha IDs its
 * emails and domains resolved to (kept RESOLVED_ID_DAYS days, so each is searched once).
 */
export function fetchWatchedSignals<S, E extends SignalEntityBase, R extends SignalRecordBase>(
  z: ZObject,
  bundle: Pick<Bundle, 'authData'>,
  lusha: LushaClient,
  kind: SignalKind<S, E, R>,
  watch: SignalWatch<S>,
  options: { sample?: boolean } = {},
): Promise<SignalLookup<R>> {
  return fetchSignals(kind, lusha, watch, { ...options, ids: connectionIdStore(z, bundle, kind.noun) });
}

/**
 * A polling signal trigger's answer: the signals new since its last check, checking Lusha at
 * most once per the watch's interval (./polling.ts); a signal's event names it across checks.
 */
export function pollWatchedSignals<S, E extends SignalEntityBase, R extends ContactSignalRecord | CompanySignalRecord>(
  z: ZObject,
  bundle: Bundle,
  lusha: LushaClient,
  poll: { triggerKey: string; kind: SignalKind<S, E, R>; watch: SignalWatch<S> },
): Promise<R[]> {
  const { triggerKey, kind, watch } = poll;
  return pollSignals(z, bundle, {
    triggerKey,
    config: watchConfig(watch),
    intervalSeconds: watch.intervalSeconds,
    eventOf: signalEventOf,
    check: (sample) => fetchWatchedSignals(z, bundle, lusha, kind, watch, { sample }),
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
 * The output of a one-off signal lookup. When every call failed, the first failure is the
 * step's error; when only some did (or a paid search answered), what was found is returned with
 * the credits billed, and each entry that could not be checked is listed in `notChecked` with the
 * reason.
 */
export function signalLookupOutput<R extends SignalRecordBase>(
  lookup: SignalLookup<R>,
  secrets: readonly string[],
): SignalLookupOutput {
  // Nothing answered, nothing paid: the failure is the step's error.
  if (lookup.answered === 0 && lookup.searched === 0 && lookup.failures.length > 0) {
    throw failureToReport(lookup.failures.map((f) => f.error));
  }
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

/** What V3 changed for every signal operation of this kind, for the contracts' "Since Lusha V3" notes. */
function sinceV3(kind: 'contact' | 'company'): string[] {
  const byIdentifiers =
    kind === 'contact'
      ? 'Contacts given by email, LinkedIn URL or name are first found with Search Contacts (V3 takes Lusha IDs ' +
        'only), billed per block of results found; the IDs found are kept ' +
        `${RESOLVED_ID_DAYS} days per connection. A Full Name needs a first and a last name with the Company Name ` +
        'or the Company Domain (V2 needed both).'
      : 'Companies given by domain or name are first found with Search Companies (V3 takes Lusha IDs only), billed ' +
        `per block of results found; the IDs found are kept ${RESOLVED_ID_DAYS} days per connection.`;
  return kind === 'contact'
    ? [
        'Job Title, Seniority, Departments, Lusha Company ID, Company Domain and Previous Company Domain are ' +
          'empty: a V3 contact signal carries only its date and the new and previous company names.',
        byIdentifiers,
        'Signal IDs are unchanged: a signal already received from 1.x is not delivered again.',
      ]
    : [
        '"All Company Signals" asks for every type the step lists, not V3\'s allSignals, which would add LinkedIn ' +
          'activity intent (billed per matched signal, not delivered by this step).',
        byIdentifiers,
        'Signal IDs are unchanged: a signal already received from 1.x is not delivered again.',
      ];
}

/** The contract of a signal operation: contact or company, trigger (polling) or lookup. */
export function signalContract(kind: 'contact' | 'company', options: ReadOptions): OperationContract {
  const entities = kind === 'contact' ? 'contacts' : 'companies';
  const inputErrors =
    `The watch list is empty or has more than ${MAX_WATCHED} ${entities}, an entry is malformed, a signal type` +
    (kind === 'company'
      ? ', news event type or department is unknown, a filter does not apply to the chosen types'
      : ' is unknown') +
    `, or the look-back is outside 1–${MAX_LOOKBACK_DAYS} days` +
    (options.polling ? ' or not at least a day longer than the check interval' : '');
  const perCall =
    `the credits Lusha charges per matched signal (each requested type with signals for a watched ${kind}), ` +
    `in calls of up to ${SIGNALS_BATCH_SIZE} ${entities} (${MAX_WATCHED} ${entities} are ` +
    `${MAX_WATCHED / SIGNALS_BATCH_SIZE} calls)`;
  const resolving =
    ` ${kind === 'contact' ? 'Contacts given by email, LinkedIn URL or name' : 'Companies given by domain or name'} ` +
    `are first found with POST /v3/${entities}/search, billed per block of results found (Lusha's example ` +
    `price: 1 credit per 25 found; one not found costs nothing), up to ${SIGNALS_BATCH_SIZE} a call; the IDs ` +
    `found are kept ${RESOLVED_ID_DAYS} days per connection, so they are paid for about once a month, not on every ` +
    `${options.polling ? 'check' : 'run'}. Lusha IDs need no search.`;
  return {
    endpoints: [`POST /v3/${entities}/signals`, `POST /v3/${entities}/search`],
    credits: options.polling
      ? `Each check costs ${perCall}.${resolving} Lusha is checked at most once per "Check At Most Every" ` +
        `interval; the polls in between make no call. Loading samples in the editor makes one small check (the ` +
        `first ${SAMPLE_ENTRIES} ${entities}, ${SAMPLE_RESULTS_PER_TYPE} results per type), or none after a ` +
        'recent check.'
      : `Each run costs ${perCall}.${resolving} The output says what Lusha billed ("Credits Charged", searches ` +
        'included). Entries whose call failed are listed under "Not Checked", with the reason.',
    sinceV3: sinceV3(kind),
    errors: [
      {
        when: inputErrors,
        error: 'HaltedError',
        action: 'Fix the fields named in the message; nothing was sent to Lusha.',
      },
      {
        when: 'The Lusha plan does not include Signals (403)',
        error: 'Error',
        action: options.polling
          ? 'Ask your Lusha admin to add Signals, or turn the Zap off.'
          : 'Ask your Lusha admin to add Signals.',
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
