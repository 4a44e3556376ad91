/**
 * A webhook delivery from Lusha, as an instant trigger receives it: verified before anything
 * else (signature over the raw body with the account's secret, timestamp within a short
 * window: src/lusha/webhook-signature.ts), then checked to be a real signal for this Zap (its
 * entity type, one of the Zap's own subscriptions, not one of Lusha's test deliveries). A
 * delivery that fails any check never reaches the Zap: the reason is logged (never the
 * secret) and nothing is returned.
 *
 * The secret is read with `GET /api/account/secret` and kept 10 minutes per connection; when a
 * delivery does not verify with the kept secret it is read once more (the account's secret
 * may have been replaced) before the delivery is refused.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { LushaClient } from '../lusha/client';
import { LushaError } from '../lusha/errors';
import { verifyWebhookSignature } from '../lusha/webhook-signature';
import { connectionFingerprint, readConnectionCache, writeConnectionCache } from '../zapier/connection';
import { hookBody, hookHeader } from '../zapier/hooks';
import type { EntityType, SubscribeData } from './subscriptions';

const SECRET_CACHE_SECONDS = 600;

/** A delivery's payload (the spec's WebhookPayload). */
export interface DeliveryPayload {
  id: string;
  type: string;
  entityType: EntityType;
  entityId: string;
  subscriptionId: string;
  data: Record<string, unknown>;
  timestamp: string;
  billing?: { creditsCharged?: number };
}

async function accountSecret(z: ZObject, bundle: Pick<Bundle, 'authData'>, lusha: LushaClient, fresh: boolean) {
  const key = `webhook-secret:${connectionFingerprint(bundle)}`;
  if (!fresh) {
    const kept = await readConnectionCache(z, key);
    if (typeof kept === 'string' && kept) return kept;
  }
  const { secret } = await lusha.getWebhookSecret();
  await writeConnectionCache(z, key, secret, SECRET_CACHE_SECONDS);
  return secret;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** Lusha's test deliveries: mock data (`data: {}`) and nothing charged (no test flag is documented). */
const isTestDelivery = (payload: DeliveryPayload) =>
  Object.keys(payload.data).length === 0 && (payload.billing?.creditsCharged ?? 0) === 0;

/**
 * The verified payload of the delivery in `bundle`, or null (with the reason logged) when it
 * must not reach the Zap.
 */
export async function verifiedDelivery(
  z: ZObject,
  bundle: Bundle,
  lusha: LushaClient,
  entityType: EntityType,
): Promise<DeliveryPayload | null> {
  const drop = (why: string) => {
    z.console.log(`Lusha webhook delivery ignored: ${why}.`);
    return null;
  };
  const body = hookBody(bundle);
  const signature = hookHeader(bundle, 'X-Lusha-Signature');
  const timestamp = hookHeader(bundle, 'X-Lusha-Timestamp');
  const check = (secret: string) => verifyWebhookSignature({ signature, timestamp, body, secret, nowMs: Date.now() });
  // Nothing to verify: no need to read the secret.
  const absent = !signature
    ? 'X-Lusha-Signature header'
    : !timestamp
      ? 'X-Lusha-Timestamp header'
      : !body
        ? 'body'
        : null;
  if (absent) return drop(`it has no ${absent}`);
  let verification;
  try {
    verification = check(await accountSecret(z, bundle, lusha, false));
    if (!verification.ok) {
      verification = check(await accountSecret(z, bundle, lusha, true));
    }
  } catch (error) {
    if (error instanceof LushaError) return drop(`the account's webhook secret could not be read (${error.message})`);
    throw error;
  }
  if (!verification.ok) return drop(`it does not verify: ${verification.why}`);

  let payload: unknown;
  try {
    payload = JSON.parse(body as string);
  } catch {
    return drop('its body is not JSON');
  }
  if (!isObject(payload) || !isObject(payload.data) || typeof payload.type !== 'string') {
    return drop('its body is not a Lusha signal');
  }
  const delivery = payload as unknown as DeliveryPayload;
  if (delivery.entityType !== entityType) return drop(`it is a ${String(delivery.entityType)} signal`);
  const own = (bundle.subscribeData as Partial<SubscribeData> | undefined)?.subscriptionIds;
  if (Array.isArray(own) && !own.map(String).includes(String(delivery.subscriptionId))) {
    return drop('it is for a subscription this Zap did not create');
  }
  if (isTestDelivery(delivery)) return drop('it is a test delivery from Lusha (mock data, nothing charged)');
  return delivery;
}
