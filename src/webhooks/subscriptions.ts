/**
 * Lusha webhook subscriptions for an instant trigger: one per watched entity, to the Zap's
 * hook URL (`POST /api/subscriptions`, at most 25 per call), and their removal
 * (`POST /api/subscriptions/delete`). Nothing may be left subscribed for a Zap that did not
 * turn on: when any part of subscribing fails, everything already created for that URL is
 * deleted before the step fails with what happened and what to do.
 *
 * The webhook secret is only ever read (`GET /api/account/secret`), never created or
 * replaced: replacing it invalidates every subscription of the Lusha account.
 */
import type { ZObject } from 'zapier-platform-core';
import type { LushaClient } from '../lusha/client';
import { LushaError, LushaNotFoundError, LushaOutcomeUnknownError } from '../lusha/errors';
import { chunk } from '../lusha/batch';

/** Lusha creates and deletes at most 25 subscriptions per call. */
export const SUBSCRIPTIONS_PER_CALL = 25;
/** The most entities one instant trigger watches: 20 calls of 25, well within the Webhooks API's 100 a minute. */
export const MAX_WATCHED = 500;

export type EntityType = 'contact' | 'company';

/** What subscribing returns, kept by Zapier as `bundle.subscribeData` for deliveries and unsubscribing. */
export interface SubscribeData {
  entityType: EntityType;
  subscriptionIds: string[];
  entityIds: string[];
  signalTypes: string[];
}

export const NO_SECRET_MESSAGE =
  'Lusha has no webhook secret for this account yet, so it cannot sign deliveries and the Zap cannot verify ' +
  'them. An admin of the Lusha account creates it once, with the Regenerate Account Secret call of the Lusha ' +
  'API (POST /api/account/secret/regenerate); then turn the Zap on again. The connector never creates or ' +
  'replaces the secret itself, because replacing it stops every webhook subscription of the account.';

const noun = (entityType: EntityType) => (entityType === 'contact' ? 'contact' : 'company');

/** One item Lusha refused, in words: a duplicate names the entity and says what to do instead. */
function refusal(entityType: EntityType, entityId: string, code: string | null, message: string | null): string {
  if (code === 'DUPLICATE_SUBSCRIPTION') {
    const polling = entityType === 'contact' ? 'New Contact Signal' : 'New Company Signal';
    return (
      `Lusha already has a subscription for ${noun(entityType)} ${entityId} on this account (Lusha allows one per ` +
      `${noun(entityType)}, and another Zap or tool may hold it): watch it with the ${polling} trigger (checks on ` +
      'a schedule) instead, or remove it from this list'
    );
  }
  return `Lusha refused ${noun(entityType)} ${entityId}: ${message ?? code ?? 'no reason given'}`;
}

/** Deletes `ids` (in calls of 25; one already gone is fine). Returns the ids that could not be deleted. */
async function deleteAll(lusha: LushaClient, ids: readonly string[]): Promise<string[]> {
  const left: string[] = [];
  for (const part of chunk([...ids], SUBSCRIPTIONS_PER_CALL)) {
    try {
      const answer = await lusha.deleteSubscriptions(part);
      for (const result of answer.results) {
        if (!result.success && result.error?.code !== 'NOT_FOUND') left.push(part[result.index ?? -1] ?? '?');
      }
    } catch {
      left.push(...part);
    }
  }
  return left;
}

/** The ids of every subscription of the account that delivers to `url` (pages of 100). */
async function subscriptionsTo(lusha: LushaClient, url: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; offset < 10_000; offset += 100) {
    const page = await lusha.listSubscriptions({ limit: 100, offset });
    ids.push(...page.data.filter((s) => s.url === url).map((s) => s.id));
    if (!page.pagination?.hasMore || page.data.length === 0) break;
  }
  return ids;
}

const NOTHING_LEFT = 'Nothing was left subscribed.';

/**
 * Removes what a failed subscribe made: the ids it knows, and anything else delivering to the
 * Zap's URL (an answer lost after Lusha created some). Returns a sentence for the message.
 */
async function cleanUp(lusha: LushaClient, url: string, created: readonly string[]): Promise<string> {
  let known = [...created];
  try {
    known = [...new Set([...known, ...(await subscriptionsTo(lusha, url))])];
  } catch {
    // The list failed: delete what is known, and say so if anything is left.
  }
  const left = await deleteAll(lusha, known);
  return left.length === 0
    ? NOTHING_LEFT
    : `These Lusha subscriptions could not be removed, delete them in Lusha: ${left.join(', ')}.`;
}

/**
 * Subscribes `url` to the signals of every entity (ids already resolved), or fails with a
 * HaltedError that lists every refusal, after removing whatever was created.
 */
export async function subscribeAll(
  z: ZObject,
  lusha: LushaClient,
  request: { entityType: EntityType; entityIds: readonly string[]; signalTypes: string[]; url: string; name: string },
): Promise<SubscribeData> {
  try {
    await lusha.getWebhookSecret();
  } catch (error) {
    if (error instanceof LushaNotFoundError) throw new z.errors.HaltedError(NO_SECRET_MESSAGE);
    throw error;
  }
  const entityIds = [...new Set(request.entityIds)];
  const created: string[] = [];
  const refusals: string[] = [];
  let failure: LushaError | null = null;
  for (const part of chunk(entityIds, SUBSCRIPTIONS_PER_CALL)) {
    try {
      const answer = await lusha.createSubscriptions({
        defaults: { url: request.url, entityType: request.entityType, signalTypes: request.signalTypes },
        name: request.name,
        subscriptions: part.map((entityId) => ({ entityId })),
      });
      for (const result of answer.results) {
        const entityId = part[result.index ?? -1] ?? '?';
        if (result.success && result.subscription) created.push(result.subscription.id);
        else
          refusals.push(
            refusal(request.entityType, entityId, result.error?.code ?? null, result.error?.message ?? null),
          );
      }
    } catch (error) {
      if (!(error instanceof LushaError)) throw error;
      failure = error;
      break;
    }
  }
  if (failure === null && refusals.length === 0) {
    return { entityType: request.entityType, subscriptionIds: created, entityIds, signalTypes: request.signalTypes };
  }
  const cleaned = await cleanUp(lusha, request.url, created);
  // A failed call with nothing left behind: the error map says what it was (reconnect, wait, ...).
  if (failure && !(failure instanceof LushaOutcomeUnknownError) && cleaned === NOTHING_LEFT) throw failure;
  // An answer lost after Lusha got the request: some may have been made; the clean-up found them by URL.
  const problems = failure
    ? [
        failure instanceof LushaOutcomeUnknownError
          ? `Lusha's answer was lost: ${failure.cause.message}`
          : failure.message,
      ]
    : refusals;
  throw new z.errors.HaltedError(
    `The Zap could not subscribe to Lusha's webhooks, so it was not turned on:\n${problems
      .map((p) => `- ${p}`)
      .join('\n')}\n${cleaned}`,
  );
}

/** Deletes every subscription the Zap created (a subscription already gone is fine). */
export async function unsubscribeAll(z: ZObject, lusha: LushaClient, data: Partial<SubscribeData> | undefined) {
  const ids = Array.isArray(data?.subscriptionIds) ? data.subscriptionIds.map(String) : [];
  const left = await deleteAll(lusha, ids);
  if (left.length > 0) {
    throw new z.errors.HaltedError(
      `Lusha did not delete these webhook subscriptions: ${left.join(', ')}. Turn the Zap off again later, or ` +
        'delete them in Lusha.',
    );
  }
  return { deleted: ids.length };
}
