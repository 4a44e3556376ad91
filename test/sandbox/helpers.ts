import { startSandbox, type Sandbox, type SandboxCompany, type SandboxOptions } from '../../sandbox';

export const DEMO_KEY = 'lusha-sandbox-key';
/** A fixed clock so that dates and signal windows are reproducible. */
export const NOW = '2025-06-15T12:00:00.000Z';

export interface CallOptions {
  body?: unknown;
  rawBody?: string;
  query?: Record<string, string | string[]>;
  key?: string | null;
  headers?: Record<string, string>;
}

export interface CallResult {
  status: number;
  headers: Headers;
  /**
   * The parsed body of whichever route was called (undefined when it is not JSON). Its shape depends on
   * the route, and the tests read the fields they check straight off it; typing it per route would mean a
   * type for each answer of the sandbox, which is what these tests check rather than assume.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- an arbitrary route's JSON, read freely by tests
  json: any;
  text: string;
}

export function boot(options: SandboxOptions = {}): Promise<Sandbox> {
  return startSandbox({ now: NOW, ...options });
}

/** Runs `use` on a sandbox of its own, booted with `options`, and stops that sandbox afterwards whatever happens. */
export async function withSandbox<T>(options: SandboxOptions, use: (sb: Sandbox) => Promise<T>): Promise<T> {
  const sb = await boot(options);
  try {
    return await use(sb);
  } finally {
    await sb.stop();
  }
}

export async function call(sb: Sandbox, method: string, path: string, o: CallOptions = {}): Promise<CallResult> {
  const url = new URL(path, sb.url);
  for (const [k, v] of Object.entries(o.query ?? {})) {
    for (const item of Array.isArray(v) ? v : [v]) url.searchParams.append(k, item);
  }
  const headers: Record<string, string> = { ...o.headers };
  const key = o.key === undefined ? DEMO_KEY : o.key;
  if (key !== null) headers.api_key = key;
  let body: string | undefined;
  if (o.rawBody !== undefined) body = o.rawBody;
  else if (o.body !== undefined) body = JSON.stringify(o.body);
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(url, { method, headers, body });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, json, text };
}

export const get = (sb: Sandbox, path: string, query?: Record<string, string | string[]>, o: CallOptions = {}) =>
  call(sb, 'GET', path, { ...o, query });
export const post = (sb: Sandbox, path: string, body: unknown, o: CallOptions = {}) =>
  call(sb, 'POST', path, { ...o, body });

/** `r` is an error answer: the HTTP `status`, and exactly `body` with that `statusCode`. */
export function expectError(r: CallResult, status: number, body: Record<string, unknown>): void {
  expect(r.status).toBe(status);
  expect(r.json).toEqual({ statusCode: status, ...body });
}

/** A V3 filter-discovery answer (GET …/filters): each filter type, in order, with whether it needs a query. */
export function filterDiscovery(requiresQuery: Record<string, boolean>) {
  return {
    availableFilters: Object.entries(requiresQuery).map(([filterType, needsQuery]) => ({
      filterType,
      requiresQuery: needsQuery,
    })),
  };
}

/** What a V3 company preview (Search Companies, website visits) says of `c`, `name` to `socialLinks`. */
export function companyPreviewOf(c: SandboxCompany) {
  return {
    name: c.name,
    domain: c.fqdn,
    employeeCount: { exact: c.employeesInLinkedin, min: c.size.min, max: c.size.max },
    industry: c.mainIndustry,
    location: { city: c.location.city, country: c.location.country, countryIso2: c.location.countryIso2 },
    socialLinks: { linkedin: c.linkedinUrl },
  };
}
