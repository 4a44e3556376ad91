/**
 * How the benchmark drives the built app: through Zapier's own app tester, as the tour does
 * (scripts/tour.ts), and how it sees the HTTP requests the app sends (node's
 * diagnostics_channel, which core's HTTP client reports to).
 */
import diagnostics from 'node:diagnostics_channel';
import type { ClientRequest } from 'node:http';
import type { Bundle, createAppTester, ZObject } from 'zapier-platform-core';
import App from '../index';

export type AppTester = ReturnType<typeof createAppTester>;
export type Json = Record<string, unknown>;
export type Kind = 'triggers' | 'searches' | 'creates';
type Perform = (z: ZObject, bundle: Bundle) => unknown;

export const SANDBOX_KEY = 'lusha-sandbox-key';

export const bundleOf = (inputData: Json, apiKey = SANDBOX_KEY) => ({
  authData: { api_key: apiKey },
  inputData,
  meta: {},
});

export function performOf(kind: Kind, key: string): Perform {
  const operation = (App[kind] as Record<string, { operation: { perform: Perform } } | undefined>)[key];
  if (!operation) throw new Error(`the app has no ${kind} operation "${key}"`);
  return operation.operation.perform;
}

/** Runs one operation of the app as Zapier would; `clearCache` starts with an empty z.cache. */
export async function runOperation(
  appTester: AppTester,
  kind: Kind,
  key: string,
  inputData: Json,
  clearCache = false,
): Promise<unknown> {
  return appTester(performOf(kind, key), bundleOf(inputData), clearCache);
}

/** One HTTP request as the app's HTTP client started it. */
export interface SeenRequest {
  method: string;
  /** Path and query string, exactly as sent. */
  path: string;
  headers: Record<string, string>;
}

/**
 * Watches every HTTP request this process starts to `baseUrl`'s host (core's z.request goes
 * through node:http; undici does not, so the benchmark's own raw requests are not seen).
 */
export function watchRequests(baseUrl: string): { count(): number; take(): SeenRequest[] } {
  const target = new URL(baseUrl);
  let count = 0;
  let seen: SeenRequest[] = [];
  diagnostics.subscribe('http.client.request.start', (message) => {
    const request = (message as { request: ClientRequest }).request;
    const host = String(request.getHeader('host') ?? '');
    if (host !== target.host && host !== target.hostname) return;
    count += 1;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.getHeaders())) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    }
    seen.push({ method: request.method, path: request.path, headers });
  });
  return {
    count: () => count,
    take: () => {
      const taken = seen;
      seen = [];
      return taken;
    },
  };
}
