/** GET /account/usage: free, its own 5-per-minute limit (enforced by the server). */
import type { Ctx, HandlerResult } from './context';

export function accountUsage(ctx: Ctx): HandlerResult {
  const a = ctx.account;
  return { body: { usage: { credits: { used: a.used, total: a.total, remaining: a.remaining } } } };
}
