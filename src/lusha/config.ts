/**
 * Where the Lusha API lives. The real API by default; the environment variable
 * LUSHA_BASE_URL overrides it (the sandbox, tests, local runs). Never a user's input:
 * the API key must only ever travel to this host.
 */
export const LUSHA_API_URL = 'https://api.lusha.com';

export function lushaBaseUrl(env: Record<string, string | undefined> = process.env): string {
  const configured = env.LUSHA_BASE_URL?.trim();
  if (!configured) return LUSHA_API_URL;
  let url: URL;
  try {
    url = new URL(configured);
  } catch {
    throw new Error(`LUSHA_BASE_URL is not a valid URL: "${configured}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`LUSHA_BASE_URL must be an http(s) URL, not "${configured}"`);
  }
  return url.origin;
}

/** Whether `url` points at the configured Lusha host (same scheme, host and port). */
export function isLushaUrl(url: string, env: Record<string, string | undefined> = process.env): boolean {
  try {
    return new URL(url).origin === lushaBaseUrl(env);
  } catch {
    return false;
  }
}

/**
 * The key as Lusha wants it: the raw key, trimmed. A pasted "Bearer " prefix is removed,
 * since Lusha rejects it (a known cause of every call failing).
 */
export function normalizeApiKey(raw: unknown): string {
  return typeof raw === 'string' ? raw.trim().replace(/^bearer\s+/i, '') : '';
}
