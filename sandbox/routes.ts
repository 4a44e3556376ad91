/** A route of the sandbox: method, path pattern (`:name` captures a segment), handler, and its rate-limit class. */
import type { Handler } from './context';

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface Route {
  method: HttpMethod;
  pattern: string;
  regex: RegExp;
  params: string[];
  handler: Handler;
  /** Has its own per-minute limit (account usage) instead of the per-second one. */
  usage?: boolean;
  /**
   * A rate-limit bucket shared by every route naming it (e.g. the Webhooks API's 100 requests/minute
   * per account), instead of the per-endpoint limit; its size comes from the server config's `buckets`.
   */
  bucket?: string;
}

export function route(method: HttpMethod, pattern: string, handler: Handler, usage = false): Route {
  const params: string[] = [];
  const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:([a-zA-Z]+)/g, (_m, name: string) => {
    params.push(name);
    return '([^/]+)';
  });
  return { method, pattern, regex: new RegExp(`^${source}$`), params, handler, usage };
}
