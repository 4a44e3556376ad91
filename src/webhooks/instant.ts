/**
 * What the two instant signal triggers (New Contact Signal (Instant), New Company Signal
 * (Instant)) do, apart from their declarations:
 * - subscribe: the watch list read as the polling triggers read it (src/signals/watch.ts),
 *   identifiers resolved to Lusha ids the way the signal lookups resolve them (a V3 search,
 *   billed per block of results, with the ids kept per connection: src/signals/resolve.ts),
 *   then one webhook subscription per entity (./subscriptions.ts);
 * - a delivery: verified (./delivery.ts), then the same flat record as the polling trigger's,
 *   under the same `id` (src/signals/records.ts), so moving a Zap between the polling and the
 *   instant trigger never fires a signal twice;
 * - samples: the latest signals of the watched entities, from one small call.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { LushaClient } from '../lusha/client';
import { schemas } from '../lusha/schemas-on-demand';
import { chunk } from '../lusha/batch';
import { CONTACT_SIGNAL_TYPES, signalTypeName } from '../signals/catalog';
import { SIGNALS_BATCH_SIZE, type SignalKind } from '../signals/lookup';
import {
  contactSignalId,
  toCompanySignalRecord,
  type ContactSignalRecord,
  type CompanySignalRecord,
} from '../signals/records';
import { connectionIdStore, identifierKey } from '../signals/resolve';
import type { SignalWatch } from '../signals/watch';
import { firstText, seniorityLabel, toIsoDate, uniqueTexts } from '../shared/values';
import type { OperationContract } from '../zapier/contract';
import { valueOrHalt } from '../zapier/input-problems';
import type { DeliveryPayload } from './delivery';
import { MAX_WATCHED, subscribeAll, type EntityType, type SubscribeData } from './subscriptions';

/**
 * The Lusha ids of a watch list: the ids given, and each identifier resolved (known from an
 * earlier run of this connection, else searched 100 at a time). An identifier Lusha does not
 * find is a problem: the step would silently watch less than it says.
 */
export async function watchedIds<S>(
  z: ZObject,
  bundle: Pick<Bundle, 'authData'>,
  lusha: LushaClient,
  kind: Pick<SignalKind<S, never, unknown>, 'noun' | 'search'>,
  watch: SignalWatch<S>,
  label: string,
): Promise<{ ids: string[]; labels: Record<string, string> }> {
  const store = connectionIdStore(z, bundle, kind.noun);
  const labels: Record<string, string> = {};
  for (const entry of watch.ids) labels[String(entry.id)] ??= entry.label;
  const keyed = watch.identifiers.map((entry) => ({ ...entry, key: identifierKey(entry.search) }));
  const known = keyed.length > 0 ? await store.read(keyed.map((e) => e.key)) : new Map<string, string | null>();
  const missing: string[] = [];
  for (const part of chunk(
    keyed.filter((e) => !known.has(e.key)),
    SIGNALS_BATCH_SIZE,
  )) {
    const answer = await kind.search(
      lusha,
      part.map((e) => ({ ref: e.ref, search: e.search })),
    );
    const learned = new Map<string, string | null>();
    for (const entry of part) learned.set(entry.key, answer.found.get(entry.ref) ?? null);
    await store.write(learned); // paid for: kept whatever happens next
    for (const [key, id] of learned) known.set(key, id);
  }
  for (const entry of keyed) {
    const id = known.get(entry.key);
    if (id) labels[id] ??= entry.label;
    else missing.push(entry.label);
  }
  if (missing.length > 0) {
    valueOrHalt<never>(z, label, {
      ok: false,
      problems: missing.map(
        (entry) => `Lusha found no ${kind.noun} for ${entry}: fix it or remove it (nothing was subscribed)`,
      ),
    });
  }
  return { ids: Object.keys(labels), labels };
}

/** Subscribes the Zap's hook URL to every watched entity's signals. */
export async function subscribeWatch<S>(
  z: ZObject,
  bundle: Bundle,
  lusha: LushaClient,
  kind: Pick<SignalKind<S, never, unknown>, 'noun' | 'search'>,
  watch: SignalWatch<S>,
  label: string,
): Promise<SubscribeData & { labels: Record<string, string> }> {
  const { ids, labels } = await watchedIds(z, bundle, lusha, kind, watch, label);
  if (ids.length > MAX_WATCHED) {
    valueOrHalt<never>(z, label, {
      ok: false,
      problems: [
        `The watch list names ${ids.length} ${kind.noun === 'contact' ? 'contacts' : 'companies'}; ` +
          `at most ${MAX_WATCHED}`,
      ],
    });
  }
  const data = await subscribeAll(z, lusha, {
    entityType: kind.noun as EntityType,
    entityIds: ids,
    signalTypes: watch.types,
    url: bundle.targetUrl ?? '',
    name: `Zapier: ${label}`,
  });
  return { ...data, labels };
}

const labelOf = (bundle: Bundle, entityId: string) =>
  (bundle.subscribeData as { labels?: Record<string, string> } | undefined)?.labels?.[entityId] ?? entityId;

/**
 * A contact signal delivery as the polling trigger's record: the same id (the person, the type,
 * the date), and the fields the delivery carries (a delivery has more than a V3 signals answer:
 * the new title, departments, company id and domains).
 */
export function contactDeliveryRecord(bundle: Bundle, delivery: DeliveryPayload): ContactSignalRecord {
  const data = delivery.data;
  const personId = firstText(data.personId, delivery.entityId);
  const signalDate = toIsoDate(data.signalDate);
  return {
    id: contactSignalId({ personId, type: delivery.type, signalDate }),
    signalType: delivery.type,
    signalName: signalTypeName(CONTACT_SIGNAL_TYPES, delivery.type),
    signalDate,
    personId,
    watchListEntry: labelOf(bundle, String(personId ?? delivery.entityId)),
    jobTitle: firstText(data.currentTitle),
    seniority: seniorityLabel(data.currentSeniority),
    // `[{ id, value }]` in a delivery.
    departments: uniqueTexts(
      (Array.isArray(data.currentDepartments) ? data.currentDepartments : []).map((d: unknown) =>
        d && typeof d === 'object'
          ? ((d as { value?: unknown; name?: unknown }).value ?? (d as { name?: unknown }).name)
          : d,
      ),
    ),
    companyId: firstText(data.currentCompanyId),
    companyName: firstText(data.currentCompanyName),
    companyDomain: firstText(data.currentDomain),
    previousCompanyName: firstText(data.previousCompanyName),
    previousCompanyDomain: firstText(data.previousDomain),
  };
}

/** A company signal delivery as the polling trigger's record, under the same id (type and Lusha's signalId). */
export function companyDeliveryRecord(bundle: Bundle, delivery: DeliveryPayload): CompanySignalRecord {
  const item = schemas().CompanySignalItemSchema.parse(delivery.data);
  const companyId = firstText(delivery.data.companyId, delivery.entityId);
  return toCompanySignalRecord(
    delivery.type,
    item,
    { id: companyId, companyName: firstText(delivery.data.companyName), domain: firstText(delivery.data.domain) },
    labelOf(bundle, String(companyId)),
  );
}

// ------------------------------------------------------------------ the contract

/** What an instant trigger promises: endpoints, credits (per delivered signal), limits and errors. */
export function instantContract(kind: EntityType): OperationContract {
  const entities = kind === 'contact' ? 'contacts' : 'companies';
  const polling = kind === 'contact' ? 'New Contact Signal' : 'New Company Signal';
  return {
    endpoints: [
      'GET /api/account/secret',
      'POST /api/subscriptions',
      'POST /api/subscriptions/delete',
      'GET /api/subscriptions (only to clean up a failed subscribe)',
      `POST /v3/${entities}/search (only for ${entities} given by identifiers)`,
      `POST /v3/${entities}/signals (samples only)`,
    ],
    credits:
      'Lusha charges per signal it delivers (1 credit per signal at its standard prices), once, whatever its ' +
      'retries; ' +
      'subscribing and unsubscribing are free. ' +
      `${kind === 'contact' ? 'Contacts given by email, LinkedIn URL or name' : 'Companies given by domain or name'} ` +
      `are found once with POST /v3/${entities}/search when the Zap is turned on (billed per block of results). ` +
      `Loading samples in the editor makes one small signals call, billed per signal found.`,
    sinceV3: [
      `New in 2.0.0, beside the polling ${polling} trigger (same output, same Signal ID, so moving a Zap between ` +
        'the two never fires a signal twice).',
      'Lusha allows one subscription per watched entity per Lusha account: an entity another Zap (or tool) already ' +
        `watches instantly is refused, with a message naming it; watch it with ${polling} instead.`,
      'Lusha retries a failed delivery 3 times, then disables the subscription; Zapier answers every delivery ' +
        'itself, ' +
        'so that only happens when Zapier cannot take it. Turning the Zap off and on subscribes again. The ' +
        "acknowledgement body Lusha's docs show is not sent (Zapier's hook answers with its own); Lusha documents " +
        'any 2xx as accepted.',
    ],
    errors: [
      {
        when:
          `The watch list is empty, malformed, has more than ${MAX_WATCHED} ${entities}, or names one Lusha ` +
          'cannot find',
        error: 'HaltedError',
        action: 'Fix the fields named in the message; nothing was subscribed.',
      },
      {
        when: 'The Lusha account has no webhook secret yet',
        error: 'HaltedError',
        action: 'An admin creates it once in Lusha (Regenerate Account Secret); then turn the Zap on again.',
      },
      {
        when: `Lusha refuses a subscription (an entity already watched, the account's limit), or a call fails half-way`,
        error: 'HaltedError',
        action:
          'Everything already created is deleted; the message names what was refused. ' +
          `Use ${polling} for the entities named.`,
      },
    ],
  };
}
