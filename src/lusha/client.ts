/**
 * The Lusha client: one method per endpoint of Lusha's API (V3 for the connection and
 * enrichment; V2 for prospecting, signals and lookalikes until they move), each reading as
 * "method, path, body → parsed result". It knows nothing of Zapier; a port of the connector
 * to another platform starts here, with its own Transport.
 *
 * Around every call it applies the same policy:
 * - a per-request timeout: what is left of the run's deadline, so no operation runs into the
 *   host platform's hard limit (Zapier's 30 seconds) and no answer that could still arrive in
 *   time is cut short;
 * - retries that never pay twice. A free call is retried once after a failed connection or a
 *   502/503/504, when the deadline allows. A paid call is retried only when it certainly never
 *   reached Lusha (the connection was refused) or Lusha said it did not serve it (503); when
 *   its answer was lost after it reached Lusha (dropped, timed out, 499/502/504) it fails with
 *   LushaOutcomeUnknownError, which says Lusha may have charged for it and is not retried;
 * - a client-side rate limiter, so one run never exceeds Lusha's per-second limit;
 * - every non-2xx status becomes a typed error (src/lusha/errors.ts), every 2xx body is
 *   parsed with its zod schema, and a body that does not parse becomes a clear error naming
 *   the endpoint.
 */
import type { z } from 'zod';
import {
  errorFromResponse,
  LushaNetworkError,
  LushaOutcomeUnknownError,
  LushaResponseError,
  LushaTimeoutError,
  LushaUnavailableError,
  redact,
  type LushaError,
} from './errors';
import { RateLimiter } from './rate-limiter';
import * as S from './schemas';
import { TransportFailure, type HttpMethod, type Transport, type TransportResponse } from './transport';

export interface LushaClientOptions {
  transport: Transport;
  /** Epoch ms after which no request may still be running. Default: no deadline. */
  deadline?: number;
  /** Upper bound for one request, in ms (default: whatever is left before the deadline). */
  requestTimeoutMs?: number;
  /** Delay before the single retry of a transient failure, in ms (default 300). */
  retryDelayMs?: number;
  /** Requests allowed per rolling second by this client (default 20; Lusha allows 25 per endpoint). */
  requestsPerSecond?: number;
  /** Values that must never appear in an error message (the API key). */
  secrets?: readonly string[];
  /** Clock and timer, replaceable in tests. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

type Query = Record<string, string | number | boolean | readonly string[] | undefined | null>;

// ------------------------------------------------------------ request bodies (V2 wire format)

/** One contact of a V3 search: an id, a LinkedIn URL, an email, or a name with a company. */
export interface V3ContactItem {
  clientReferenceId?: string;
  id?: string;
  linkedinUrl?: string;
  email?: string;
  firstName?: string;
  lastName?: string;
  companyName?: string;
  companyDomain?: string;
}

/** What to reveal of a contact; V3 reveals both when `reveal` is left out. */
export type V3ContactReveal = 'emails' | 'phones';

export interface V3ContactsSearchAndEnrichBody {
  contacts: V3ContactItem[];
  reveal?: V3ContactReveal[];
  options?: { includePartialProfiles?: boolean };
}

export interface V3ContactsEnrichBody {
  ids: string[];
  reveal?: V3ContactReveal[];
  /**
   * Whether Lusha may fall through to the account's third-party data providers when its own
   * data has no match (on by default where the account enabled Data Waterfall); their cost is
   * not in a search's `canReveal`.
   */
  waterfallEnabled?: boolean;
}

/** One company of a V3 search: an id, a domain or a name. */
export interface V3CompanyItem {
  clientReferenceId?: string;
  id?: string;
  domain?: string;
  name?: string;
}

export interface V3CompaniesSearchAndEnrichBody {
  companies: V3CompanyItem[];
  options?: { includePartialProfiles?: boolean };
}

export interface V3ContactSignalsBody {
  ids: string[];
  signalTypes: string[];
  startDate?: string;
}

type IncludeExclude<T> = { include?: T; exclude?: T };

export interface ContactFilters {
  departments?: string[];
  seniority?: Array<number | string>;
  existing_data_points?: string[];
  locations?: Array<Record<string, string>>;
  jobTitles?: string[];
  countries?: string[];
  searchText?: string;
  signals?: { names: string[]; startDate?: string };
}

export interface CompanyFilters {
  names?: string[];
  domains?: string[];
  locations?: Array<Record<string, string>>;
  technologies?: string[];
  intentTopics?: string[];
  sizes?: Array<{ min?: number; max?: number }>;
  revenues?: Array<{ min?: number; max?: number }>;
  sicCodes?: string[];
  naicsCodes?: string[];
  mainIndustriesIds?: Array<number | string>;
  subIndustriesIds?: Array<number | string>;
}

export interface Pages {
  page: number;
  size: number;
}

export interface ProspectContactSearchBody {
  pages: Pages;
  filters: { contacts?: IncludeExclude<ContactFilters>; companies?: IncludeExclude<CompanyFilters> };
  includePartialContact?: boolean;
  excludeDnc?: boolean;
}

export interface ProspectCompanySearchBody {
  pages: Pages;
  filters: { companies: IncludeExclude<CompanyFilters> };
}

export interface ProspectContactEnrichBody {
  requestId: string;
  contactIds: string[];
  revealEmails?: boolean;
  revealPhones?: boolean;
}

export interface ProspectCompanyEnrichBody {
  requestId: string;
  /** Lusha's key really is `companiesIds`. */
  companiesIds: string[];
}

export interface ContactSignalsBody {
  contactIds: number[];
  signals: string[];
  startDate?: string;
  maxResultsPerSignal?: number;
}

/** Signals by identifiers: Lusha wants snake_case field names here. */
export interface ContactSignalsSearchBody {
  contacts: Array<{
    id: string;
    email?: string;
    social_link?: string;
    full_name?: string;
    companies?: Array<{ name?: string; domain?: string; is_current?: boolean }>;
  }>;
  signals: string[];
  startDate?: string;
  maxResultsPerSignal?: number;
}

export interface CompanySignalsBody {
  companyIds: number[];
  signals: string[];
  startDate?: string;
  maxResultsPerSignal?: number;
  filters?: Record<string, unknown>;
}

export interface CompanySignalsSearchBody {
  companies: Array<{ id: string; name?: string; domain?: string }>;
  signals: string[];
  startDate?: string;
  maxResultsPerSignal?: number;
  filters?: Record<string, unknown>;
}

/** Seeds may be left out when `requestId` asks for more of an earlier recommendation. */
export interface ContactRecommendationsBody {
  contacts?: Array<{ personId: string; companyId: string }>;
  exclude?: string[];
  limit?: number;
  requestId?: string;
}

export interface CompanyRecommendationsBody {
  companies?: Array<{ companyId: string }>;
  exclude?: string[];
  limit?: number;
  requestId?: string;
}

// ------------------------------------------------------------ the client

export class LushaClient {
  private readonly transport: Transport;
  private readonly deadline: number;
  private readonly requestTimeoutMs: number;
  private readonly retryDelayMs: number;
  private readonly secrets: readonly string[];
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly limiter: RateLimiter;
  /** Requests sent by this client (retries included), for run summaries and tests. */
  requestCount = 0;

  constructor(options: LushaClientOptions) {
    this.transport = options.transport;
    this.deadline = options.deadline ?? Number.POSITIVE_INFINITY;
    this.requestTimeoutMs = options.requestTimeoutMs ?? Number.POSITIVE_INFINITY;
    this.retryDelayMs = options.retryDelayMs ?? 300;
    this.secrets = options.secrets ?? [];
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
    this.limiter = new RateLimiter(options.requestsPerSecond ?? 20, 1000, this.now, this.sleep);
  }

  /** Milliseconds left before the deadline. */
  timeLeft(): number {
    return this.deadline - this.now();
  }

  // -------------------------------------------------------------- account

  /** GET /v3/account/usage — free; Lusha allows 5 per minute. */
  getAccountUsage() {
    return this.call('GET', '/v3/account/usage', {}, S.AccountUsageSchema);
  }

  // -------------------------------------------------------------- enrichment (V3)

  /**
   * POST /v3/contacts/search-and-enrich — 1 to 100 contacts found and revealed in one call;
   * one result per contact, in order, under its `clientReferenceId` (a miss has `error.code`
   * NOT_FOUND). Billed for the search and per revealed field (`billing.creditsCharged`).
   */
  searchAndEnrichContacts(body: V3ContactsSearchAndEnrichBody) {
    return this.call('POST', '/v3/contacts/search-and-enrich', { body }, S.V3ContactsSearchAndEnrichSchema, 'paid');
  }

  /**
   * POST /v3/contacts/search — 1 to 100 contacts found, not revealed: previews with what
   * revealing each would cost (`canReveal`). Billed for the search only.
   */
  searchContacts(body: Omit<V3ContactsSearchAndEnrichBody, 'reveal'>) {
    return this.call('POST', '/v3/contacts/search', { body }, S.V3ContactsSearchSchema, 'paid');
  }

  /** POST /v3/contacts/enrich — reveals 1 to 100 contacts found by a search, by id; billed per revealed field. */
  enrichContacts(body: V3ContactsEnrichBody) {
    return this.call('POST', '/v3/contacts/enrich', { body }, S.V3ContactsEnrichSchema, 'paid');
  }

  /** POST /v3/companies/search-and-enrich — 1 to 100 companies; billed per company returned. */
  searchAndEnrichCompanies(body: V3CompaniesSearchAndEnrichBody) {
    return this.call('POST', '/v3/companies/search-and-enrich', { body }, S.V3CompaniesSearchAndEnrichSchema, 'paid');
  }

  /** POST /v3/contacts/signals — the signals of 1 to 100 contacts by Lusha id; billed per matched signal. */
  getContactSignalsById(body: V3ContactSignalsBody) {
    return this.call('POST', '/v3/contacts/signals', { body }, S.V3ContactSignalsSchema, 'paid');
  }

  // -------------------------------------------------------------- prospecting (search is free)

  /** POST /prospecting/contact/search — free; ids in the result are valid only with its requestId. */
  searchProspectContacts(body: ProspectContactSearchBody) {
    return this.call('POST', '/prospecting/contact/search', { body }, S.ProspectContactSearchSchema);
  }

  /** POST /prospecting/contact/enrich — reveals 1 to 100 contacts of a search; costs credits. */
  enrichProspectContacts(body: ProspectContactEnrichBody) {
    return this.call('POST', '/prospecting/contact/enrich', { body }, S.ProspectContactEnrichSchema, 'paid');
  }

  /** POST /prospecting/company/search — free. */
  searchProspectCompanies(body: ProspectCompanySearchBody) {
    return this.call('POST', '/prospecting/company/search', { body }, S.ProspectCompanySearchSchema);
  }

  /** POST /prospecting/company/enrich — reveals 1 to 100 companies of a search; costs credits. */
  enrichProspectCompanies(body: ProspectCompanyEnrichBody) {
    return this.call('POST', '/prospecting/company/enrich', { body }, S.ProspectCompanyEnrichSchema, 'paid');
  }

  // -------------------------------------------------------------- prospecting filter lists (free)

  /** GET /prospecting/filters/contacts/departments */
  listContactDepartments() {
    return this.call('GET', '/prospecting/filters/contacts/departments', {}, S.StringListSchema);
  }

  /** GET /prospecting/filters/contacts/seniority */
  listContactSeniorities() {
    return this.call('GET', '/prospecting/filters/contacts/seniority', {}, S.SenioritiesSchema);
  }

  /** GET /prospecting/filters/contacts/existing_data_points */
  listContactDataPoints() {
    return this.call('GET', '/prospecting/filters/contacts/existing_data_points', {}, S.StringListSchema);
  }

  /** GET /prospecting/filters/contacts/all_countries */
  listContactCountries() {
    return this.call('GET', '/prospecting/filters/contacts/all_countries', {}, S.CountriesSchema);
  }

  /** POST /prospecting/filters/contacts/locations — search as you type. */
  searchContactLocations(text: string) {
    return this.call('POST', '/prospecting/filters/contacts/locations', { body: { text } }, S.LocationsSchema);
  }

  /** POST /prospecting/filters/companies/names — search as you type. */
  searchCompanyNames(text: string) {
    return this.call('POST', '/prospecting/filters/companies/names', { body: { text } }, S.CompanyNamesSchema);
  }

  /** GET /prospecting/filters/companies/industries_labels */
  listCompanyIndustries() {
    return this.call('GET', '/prospecting/filters/companies/industries_labels', {}, S.IndustriesSchema);
  }

  /** GET /prospecting/filters/companies/sizes */
  listCompanySizes() {
    return this.call('GET', '/prospecting/filters/companies/sizes', {}, S.RangesSchema);
  }

  /** GET /prospecting/filters/companies/revenues */
  listCompanyRevenues() {
    return this.call('GET', '/prospecting/filters/companies/revenues', {}, S.RangesSchema);
  }

  /** POST /prospecting/filters/companies/locations — search as you type. */
  searchCompanyLocations(text: string) {
    return this.call('POST', '/prospecting/filters/companies/locations', { body: { text } }, S.LocationsSchema);
  }

  /** GET /prospecting/filters/companies/sics */
  listCompanySics() {
    return this.call('GET', '/prospecting/filters/companies/sics', {}, S.CodesSchema);
  }

  /** GET /prospecting/filters/companies/naics */
  listCompanyNaics() {
    return this.call('GET', '/prospecting/filters/companies/naics', {}, S.CodesSchema);
  }

  /** GET /prospecting/filters/companies/intent_topics */
  listCompanyIntentTopics() {
    return this.call('GET', '/prospecting/filters/companies/intent_topics', {}, S.StringListSchema);
  }

  /** POST /prospecting/filters/companies/technologies — search as you type. */
  searchCompanyTechnologies(text: string) {
    return this.call('POST', '/prospecting/filters/companies/technologies', { body: { text } }, S.TechnologiesSchema);
  }

  // -------------------------------------------------------------- signals (each type costs credits)

  /** GET /api/signals/filters/{contact|company} — the signal types (and company filter options). */
  getSignalFilters(objectType: 'contact' | 'company') {
    return this.call('GET', `/api/signals/filters/${objectType}`, {}, S.SignalFiltersSchema);
  }

  /** POST /api/signals/contacts — by Lusha person ids (1 to 100). */
  getContactSignals(body: ContactSignalsBody) {
    return this.call('POST', '/api/signals/contacts', { body }, S.ContactSignalsResponseSchema, 'paid');
  }

  /** POST /api/signals/contacts/search — by identifiers (snake_case fields), keyed by your ids. */
  searchContactSignals(body: ContactSignalsSearchBody) {
    return this.call('POST', '/api/signals/contacts/search', { body }, S.ContactSignalsResponseSchema, 'paid');
  }

  /** POST /api/signals/companies — by Lusha company ids (1 to 100). */
  getCompanySignals(body: CompanySignalsBody) {
    return this.call('POST', '/api/signals/companies', { body }, S.CompanySignalsResponseSchema, 'paid');
  }

  /** POST /api/signals/companies/search — by domain or name, keyed by your ids. */
  searchCompanySignals(body: CompanySignalsSearchBody) {
    return this.call('POST', '/api/signals/companies/search', { body }, S.CompanySignalsResponseSchema, 'paid');
  }

  // -------------------------------------------------------------- recommendations (lookalikes)

  /** POST /api/recommendations/contacts — contacts like the seeds; costs credits. */
  recommendContacts(body: ContactRecommendationsBody) {
    return this.call('POST', '/api/recommendations/contacts', { body }, S.ContactRecommendationsSchema, 'paid');
  }

  /** POST /api/recommendations/companies — companies like the seeds; costs credits. */
  recommendCompanies(body: CompanyRecommendationsBody) {
    return this.call('POST', '/api/recommendations/companies', { body }, S.CompanyRecommendationsSchema, 'paid');
  }

  // -------------------------------------------------------------- the one request path

  private async call<T extends z.ZodTypeAny>(
    method: HttpMethod,
    path: string,
    parts: { query?: Query; body?: unknown },
    schema: T,
    cost: Cost = 'free',
  ): Promise<z.output<T>> {
    const endpoint = `${method} ${path}`;
    const sent = await this.send({ method, path: path + toQueryString(parts.query), body: parts.body, endpoint, cost });
    if (!sent.ok) throw sent.error;
    return parseResponse(endpoint, sent.response, schema, (text) => this.clean(text));
  }

  /**
   * One request, and at most one quick retry when it is safe and the deadline allows: a free
   * request after any transient failure, a paid one only when it never reached Lusha. A paid
   * request whose answer was lost becomes LushaOutcomeUnknownError.
   */
  private async send(request: PendingRequest): Promise<Sent> {
    const first = await this.attempt(request);
    if (first.ok) return first;
    const retry = request.cost === 'free' ? isTransient(first.error) : certainlyNotProcessed(first.error);
    if (retry && this.timeLeft() > this.retryDelayMs + 2_000) {
      await this.sleep(this.retryDelayMs);
      return this.settle(request, await this.attempt(request));
    }
    return this.settle(request, first);
  }

  /** A paid request's failure that may have been processed is marked as such. */
  private settle(request: PendingRequest, sent: Sent): Sent {
    if (sent.ok || request.cost === 'free' || !mayHaveBeenProcessed(sent.error)) return sent;
    return { ok: false, error: new LushaOutcomeUnknownError(sent.error) };
  }

  /** One request: its 2xx response, or the typed error of what happened instead. Never throws. */
  private async attempt({ method, path, body, endpoint }: PendingRequest): Promise<Sent> {
    await this.limiter.take();
    const timeoutMs = Math.min(this.requestTimeoutMs, this.timeLeft() - 250, MAX_REQUEST_MS);
    if (timeoutMs < 500) {
      // Not started: it certainly did not reach Lusha.
      const message = `Not enough time left in this run to call ${endpoint}`;
      return { ok: false, error: new LushaTimeoutError(message, endpoint, undefined, undefined, false) };
    }
    this.requestCount += 1;
    let response: TransportResponse;
    try {
      response = await this.transport.send({ method, pathAndQuery: path, body, timeoutMs });
    } catch (error) {
      if (error instanceof TransportFailure && error.reason === 'timeout') {
        const message = this.clean(`Lusha did not answer ${endpoint} in time (${error.message})`);
        return { ok: false, error: new LushaTimeoutError(message, endpoint) };
      }
      const detail = error instanceof Error ? error.message : String(error);
      const message = this.clean(`Could not reach Lusha for ${endpoint}: ${detail}`);
      const neverSent = error instanceof TransportFailure && error.reason === 'refused';
      return { ok: false, error: new LushaNetworkError(message, endpoint, undefined, undefined, neverSent) };
    }
    if (response.status >= 200 && response.status < 300) return { ok: true, response };
    return {
      ok: false,
      error: errorFromResponse(endpoint, response, { now: this.now(), clean: (text) => this.clean(text) }),
    };
  }

  private clean(text: string): string {
    return redact(text, this.secrets);
  }
}

/** The longest one request may take when the client has no deadline (scripts, benchmarks). */
const MAX_REQUEST_MS = 120_000;

/**
 * Whether a request costs credits. A paid request is never sent twice unless Lusha certainly
 * did not process the first (the money rule: never pay twice for one step).
 */
export type Cost = 'free' | 'paid';

/** A request on its way: method, path with query, body, "METHOD /path" for messages, and its cost. */
interface PendingRequest {
  method: HttpMethod;
  path: string;
  body: unknown;
  endpoint: string;
  cost: Cost;
}

/** What one request came to: a 2xx response, or the typed error of what happened instead. */
type Sent = { ok: true; response: TransportResponse } | { ok: false; error: LushaError };

/** A failure that one quick retry may fix: a failed connection, or a 502/503/504. */
function isTransient(error: LushaError): boolean {
  return (
    error instanceof LushaNetworkError ||
    (error instanceof LushaUnavailableError && [502, 503, 504].includes(error.status ?? 0))
  );
}

/** Lusha certainly did not process the request: the connection was never made, or Lusha said 503 (not served). */
function certainlyNotProcessed(error: LushaError): boolean {
  return (
    (error instanceof LushaNetworkError && error.neverSent) ||
    (error instanceof LushaUnavailableError && error.status === 503)
  );
}

/** The answer may have been lost after Lusha processed the request: dropped, timed out, or a gateway's 499/502/504. */
function mayHaveBeenProcessed(error: LushaError): boolean {
  if (error instanceof LushaNetworkError) return !error.neverSent;
  if (error instanceof LushaTimeoutError) return error.sent;
  return error instanceof LushaUnavailableError && error.status !== 503;
}

/**
 * A 2xx body parsed with its schema; a body that is not JSON, or not that shape, is a
 * LushaResponseError naming the endpoint.
 */
function parseResponse<T extends z.ZodTypeAny>(
  endpoint: string,
  response: TransportResponse,
  schema: T,
  clean: (text: string) => string,
): z.output<T> {
  let json: unknown;
  try {
    json = JSON.parse(response.text);
  } catch {
    throw new LushaResponseError(`Lusha answered ${endpoint} with a body that is not JSON`, endpoint, response.status);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at "${issue.path.join('.')}"` : '';
    throw new LushaResponseError(
      clean(`Lusha answered ${endpoint} in an unexpected shape${where}: ${issue?.message ?? 'invalid'}`),
      endpoint,
      response.status,
    );
  }
  return parsed.data;
}

// ------------------------------------------------------------ helpers

/** "?a=1&b=x&b=y" from a query object: arrays repeat their key, empty values are left out. */
export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((item) => params.append(key, String(item)));
    else params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}
