/**
 * GET /v3/account/usage (spec operation `getAccountUsage`): credits, rate-limit windows, plan and the price
 * of every V3 action. Free; limited to 5 requests per minute per key (the server's `usage` route class).
 */
import type { QuotaName } from '../accounts';
import type { Ctx, HandlerResult } from '../context';
import { pricingFor } from './pricing';

/** Plan dates on the sandbox clock: annual plans run for the calendar year, `free` has no end date. */
function plan(category: string, now: Date): Record<string, unknown> {
  const y = now.getUTCFullYear();
  if (category === 'free') {
    const start = new Date(Date.UTC(y, now.getUTCMonth(), 1)).toISOString();
    return { category, renewalType: 'monthly', startDate: start, endDate: null };
  }
  return {
    category,
    renewalType: 'annual',
    startDate: new Date(Date.UTC(y, 0, 1)).toISOString(),
    endDate: new Date(Date.UTC(y + 1, 0, 1)).toISOString(),
  };
}

export function accountUsageV3(ctx: Ctx): HandlerResult {
  const a = ctx.account;
  const nowMs = Date.now();
  const tier = (name: QuotaName) => {
    const q = a.quota(name, nowMs);
    return { limit: q.limit, used: q.used, remaining: q.left, resetsAt: new Date(q.resetAt * 1000).toISOString() };
  };
  return {
    body: {
      credits: { total: a.total, used: a.used, remaining: a.remaining },
      rateLimits: { daily: tier('daily'), hourly: tier('hourly'), minute: tier('minute') },
      plan: plan(a.config.planCategory ?? 'professional', ctx.state.now()),
      pricing: pricingFor(a),
    },
  };
}
