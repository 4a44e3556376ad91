/**
 * API-key authentication: one password field, a free test call, a label that names the
 * connection without revealing the key, and the middleware that sends the key — only ever
 * to the configured Lusha host.
 */
import type { Bundle, HttpRequestOptions, ZObject } from 'zapier-platform-core';
import { isLushaUrl, normalizeApiKey } from './lusha/config';
import { USER_AGENT } from './version';
import { connectionFingerprint } from './zapier/connection';
import { withLusha } from './zapier/lusha';

/** Lusha allows 5 account-usage calls per minute: one test per connection every 12 s. */
const TEST_MEMO_SECONDS = 12;

export interface AuthTestResult {
  /** The account's credits for the billing cycle, as { credits: { used, total, remaining } }. */
  usage: Record<string, { used?: number | null; total?: number | null; remaining?: number | null }>;
  /** Lusha's plan category (e.g. "professional"), when it says. */
  plan: string | null;
  keySuffix: string;
  testedAt: string;
}

/**
 * GET /v3/account/usage: free, and it proves the key works. A connection tested less than
 * 12 s ago reuses that answer, so clicking "Test" repeatedly stays within Lusha's 5/minute.
 */
const test = withLusha(async (lusha, z, bundle): Promise<AuthTestResult> => {
  const memoKey = `auth-test:${connectionFingerprint(bundle)}`;
  const memo = await z.cache.get(memoKey).catch(() => null);
  if (
    memo &&
    typeof memo === 'object' &&
    Date.now() - Date.parse((memo as AuthTestResult).testedAt) < TEST_MEMO_SECONDS * 1000
  ) {
    return memo as AuthTestResult;
  }
  const { credits, plan } = await lusha.getAccountUsage();
  const result: AuthTestResult = {
    usage: { credits },
    plan: plan?.category ?? null,
    keySuffix: normalizeApiKey(bundle.authData.api_key).slice(-4),
    testedAt: new Date().toISOString(),
  };
  await z.cache.set(memoKey, result, TEST_MEMO_SECONDS).catch(() => null);
  return result;
});

export const authentication = {
  type: 'custom' as const,
  fields: [
    {
      key: 'api_key',
      label: 'API Key',
      type: 'password' as const,
      required: true,
      helpText:
        'Your Lusha API key. In Lusha, go to **Settings → API** (an admin of your Lusha account can see it there) ' +
        'and copy the key exactly as shown, without a "Bearer" prefix.',
    },
  ],
  test,
  /** "Lusha key …ab12": tells connections apart without showing the key. */
  connectionLabel: (_z: ZObject, bundle: Bundle) => {
    const suffix = normalizeApiKey(bundle.authData?.api_key).slice(-4);
    return suffix ? `Lusha key …${suffix}` : 'Lusha';
  },
};

/**
 * beforeRequest middleware: adds `api_key: <raw key>` (never "Bearer ...") and the
 * connector's User-Agent, only when the request goes to the configured Lusha host.
 */
export function addLushaAuth(request: HttpRequestOptions & { url: string }, _z: ZObject, bundle: Bundle) {
  if (!isLushaUrl(request.url)) return request;
  const key = normalizeApiKey(bundle.authData?.api_key);
  request.headers = { ...(request.headers ?? {}), 'User-Agent': USER_AGENT };
  if (key) request.headers.api_key = key;
  return request;
}
