/**
 * The account's credit prices (`GET /v3/account/usage`, free, 5 per minute), kept an hour per
 * connection, for steps that must stay within a Maximum Credits: they read the prices once,
 * and only when they are about to spend. When Lusha does not answer, the step goes on with
 * no prices: each bound then takes 1 credit per unit, the most Lusha lists for a search
 * result or a company.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { Pricing } from '../lusha/billing';
import type { LushaClient } from '../lusha/client';
import { LushaError } from '../lusha/errors';
import { connectionFingerprint, readConnectionCache, writeConnectionCache } from './connection';

const PRICING_CACHE_SECONDS = 3600;

export async function accountPricing(
  z: ZObject,
  bundle: Pick<Bundle, 'authData'>,
  lusha: LushaClient,
): Promise<Pricing> {
  const key = `pricing:${connectionFingerprint(bundle)}`;
  const cached = await readConnectionCache(z, key);
  if (cached && typeof cached === 'object' && !Array.isArray(cached)) return cached as Pricing;
  let pricing: Awaited<ReturnType<LushaClient['getAccountUsage']>>['pricing'];
  try {
    ({ pricing } = await lusha.getAccountUsage());
  } catch (error) {
    // Lusha allows 5 usage reads a minute. Without its prices a run still works, within bounds
    // that assume the most an action can cost (1 credit per result), and reads them next time.
    if (error instanceof LushaError) return {};
    throw error;
  }
  const prices: Pricing = {};
  for (const [action, price] of Object.entries(pricing ?? {})) {
    if (typeof price.credits === 'number' && typeof price.perQuantity === 'number') {
      prices[action] = { credits: price.credits, perQuantity: price.perQuantity };
    }
  }
  await writeConnectionCache(z, key, prices, PRICING_CACHE_SECONDS);
  return prices;
}
