/**
 * The Lusha client: one method per endpoint of Lusha's V2 API, each reading as
 * "method, path, body → parsed result". It knows nothing of Zapier; a port of the connector
 * to another platform starts here, with its own Transport.
 *
 * Around every call it applies the same policy:
 * - a per-request timeout, never longer than what is left of the run's deadline, so no
 *   operation runs into the host platform's hard limit (Zapier's 30 seconds);
 * - at most one quick retry of a 502/503/504 or a failed connection, when the deadline allows;
 * - a client-side rate limiter, so one run never exceeds Lusha's per-second limit;
 * - every non-2xx status becomes a typed error (src/lusha/errors.ts), every 2xx body is
 *   parsed with its zod schema, and a body that does not parse becomes a clear error naming
 *   the endpoint.
 */
import type { z } from 'zod';
import {
  LushaAuthError,
  LushaComplianceError,
  LushaCreditsError,
  LushaError,
  LushaForbiddenError,
  LushaNetworkError,
  LushaNotFoundError,
  LushaQuotaError,
  LushaRateLimitError,
  LushaResponseError,
  LushaServerError,
  LushaTimeoutError,
  LushaTrialLimitError,
  LushaUnavailableError,
  LushaValidationError,
  readLushaMessage,
  redact,
} from './errors';
import { RateLimiter } from './rate-limiter';
import * as S from './schemas';
import { TransportFailure, type HttpMethod, type Transport, type TransportResponse } from './transport';

export interface LushaClientOptions {
  transport: Transport;
  /** Epoch ms after which no request may still be running. Default: no deadline. */
  deadline?: number;
  /** Upper bound for one request, in ms (default 15,000). */
  requestTimeoutMs?: number;
  /** Delay before the single retry of a 502/503/504/network failure, in ms (default 300). */
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

export interface PersonQuery {
  email?: string;
  linkedinUrl?: string;
  personId?: string;
  firstName?: string;
  lastName?: string;
  companyName?: string;
  companyDomain?: string;
  refreshJobInfo?: boolean;
  filterBy?: 'phoneNumbers' | 'emailAddresses';
  revealEmails?: boolean;
  revealPhones?: boolean;
  partialProfile?: boolean;
  signals?: string[];
  signalsStartDate?: string;
}

export interface BulkPersonContact {
  contactId: string;
  email?: string;
  linkedinUrl?: string;
  fullName?: string;
  personId?: string;
  location?: string;
  companies?: Array<{ name?: string; domain?: string; isCurrent?: boolean }>;
}

export interface BulkPersonBody {
  contacts: BulkPersonContact[];
  metadata?: {
    refreshJobInfo?: boolean;
    filterBy?: 'phoneNumbers' | 'emailAddresses';
    revealEmails?: boolean;
    revealPhones?: boolean;
    partialProfile?: boolean;
    signals?: string[];
    signalsStartDate?: string;
  };
}

export interface CompanyQuery {
  domain?: string;
  company?: string;
  companyId?: string;
  signals?: string[];
  signalsStartDate?: string;
  partialCompany?: boolean;
}

export interface BulkCompanyBody {
  companies: Array<{ id: string; domain?: string; name?: string; fqdn?: string; companyId?: string }>;
  signals?: string[];
  signalsStartDate?: string;
  signalsFilters?: Record<string, unknown>;
  partialCompany?: boolean;
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
    this.requestTimeoutMs = options.requestTimeoutMs ?? 15_000;
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

  /** GET /account/usage — free; Lusha allows 5 per minute. */
  getAccountUsage() {
    return this.call('GET', '/account/usage', {}, S.AccountUsageSchema);
  }

  // -------------------------------------------------------------- enrichment

  /** GET /v2/person — one contact; a miss is a 200 with an EMPTY_DATA error. */
  enrichPerson(query: PersonQuery) {
    return this.call('GET', '/v2/person', { query: { ...query } }, S.PersonResponseSchema);
  }

  /** POST /v2/person — 1 to 100 contacts, results keyed by each `contactId`. */
  enrichPeople(body: BulkPersonBody) {
    return this.call('POST', '/v2/person', { body }, S.BulkPersonResponseSchema);
  }

  /** GET /v2/company — one company; a miss is a 404 (LushaNotFoundError). */
  enrichCompany(query: CompanyQuery) {
    return this.call('GET', '/v2/company', { query: { ...query } }, S.CompanyResponseSchema);
  }

  /** POST /v2/company — 1 to 100 companies, results keyed by each `id`. */
  enrichCompanies(body: BulkCompanyBody) {
    return this.call('POST', '/v2/company', { body }, S.BulkCompanyResponseSchema);
  }

  // -------------------------------------------------------------- prospecting (search is free)

  /** POST /prospecting/contact/search — free; ids in the result are valid only with its requestId. */
  searchProspectContacts(body: ProspectContactSearchBody) {
    return this.call('POST', '/prospecting/contact/search', { body }, S.ProspectContactSearchSchema);
  }

  /** POST /prospecting/contact/enrich — reveals 1 to 100 contacts of a search; costs credits. */
  enrichProspectContacts(body: ProspectContactEnrichBody) {
    return this.call('POST', '/prospecting/contact/enrich', { body }, S.ProspectContactEnrichSchema);
  }

  /** POST /prospecting/company/search — free. */
  searchProspectCompanies(body: ProspectCompanySearchBody) {
    return this.call('POST', '/prospecting/company/search', { body }, S.ProspectCompanySearchSchema);
  }

  /** POST /prospecting/company/enrich — reveals 1 to 100 companies of a search; costs credits. */
  enrichProspectCompanies(body: ProspectCompanyEnrichBody) {
    return this.call('POST', '/prospecting/company/enrich', { body }, S.ProspectCompanyEnrichSchema);
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
    return this.call('POST', '/api/signals/contacts', { body }, S.ContactSignalsResponseSchema);
  }

  /** POST /api/signals/contacts/search — by identifiers (snake_case fields), keyed by your ids. */
  searchContactSignals(body: ContactSignalsSearchBody) {
    return this.call('POST', '/api/signals/contacts/search', { body }, S.ContactSignalsResponseSchema);
  }

  /** POST /api/signals/companies — by Lusha company ids (1 to 100). */
  getCompanySignals(body: CompanySignalsBody) {
    return this.call('POST', '/api/signals/companies', { body }, S.CompanySignalsResponseSchema);
  }

  /** POST /api/signals/companies/search — by domain or name, keyed by your ids. */
  searchCompanySignals(body: CompanySignalsSearchBody) {
    return this.call('POST', '/api/signals/companies/search', { body }, S.CompanySignalsResponseSchema);
  }

  // -------------------------------------------------------------- recommendations (lookalikes)

  /** POST /api/recommendations/contacts — contacts like the seeds; costs credits. */
  recommendContacts(body: ContactRecommendationsBody) {
    return this.call('POST', '/api/recommendations/contacts', { body }, S.ContactRecommendationsSchema);
  }

  /** POST /api/recommendations/companies — companies like the seeds; costs credits. */
  recommendCompanies(body: CompanyRecommendationsBody) {
    return this.call('POST', '/api/recommendations/companies', { body }, S.CompanyRecommendationsSchema);
  }

  // -------------------------------------------------------------- the one request path

  private async call<T extends z.ZodTypeAny>(
    method: HttpMethod,
    path: string,
    parts: { query?: Query; body?: unknown },
    schema: T,
  ): Promise<z.output<T>> {
    const pathAndQuery = path + toQueryString(parts.query);
    const endpoint = `${method} ${path}`;
    const response = await this.sendWithRetry(method, pathAndQuery, parts.body, endpoint);
    if (response.status < 200 || response.status >= 300) {
      throw this.errorFromResponse(endpoint, response);
    }
    let json: unknown;
    try {
      json = JSON.parse(response.text);
    } catch {
      throw new LushaResponseError(
        `Lusha answered ${endpoint} with a body that is not JSON`,
        endpoint,
        response.status,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? ` at "${issue.path.join('.')}"` : '';
      throw new LushaResponseError(
        this.clean(`Lusha answered ${endpoint} in an unexpected shape${where}: ${issue?.message ?? 'invalid'}`),
        endpoint,
        response.status,
      );
    }
    return parsed.data;
  }

  private async sendWithRetry(
    method: HttpMethod,
    pathAndQuery: string,
    body: unknown,
    endpoint: string,
  ): Promise<TransportResponse> {
    const first = await this.attempt(method, pathAndQuery, body, endpoint);
    const transient =
      first instanceof LushaNetworkError ||
      (!(first instanceof Error) && [502, 503, 504].includes(first.status));
    if (!transient) {
      if (first instanceof Error) throw first;
      return first;
    }
    // One quick retry, only if it can still finish well inside the deadline.
    if (this.timeLeft() > this.retryDelayMs + 2_000) {
      await this.sleep(this.retryDelayMs);
      const second = await this.attempt(method, pathAndQuery, body, endpoint);
      if (second instanceof Error) throw second;
      return second;
    }
    if (first instanceof Error) throw first;
    return first;
  }

  /** One request; a timeout or connection failure comes back as an error value. */
  private async attempt(
    method: HttpMethod,
    pathAndQuery: string,
    body: unknown,
    endpoint: string,
  ): Promise<TransportResponse | LushaError> {
    await this.limiter.take();
    const timeoutMs = Math.min(this.requestTimeoutMs, this.timeLeft() - 250);
    if (timeoutMs < 500) {
      throw new LushaTimeoutError(
        `Not enough time left in this run to call ${endpoint}`,
        endpoint,
      );
    }
    this.requestCount += 1;
    try {
      return await this.transport.send({ method, pathAndQuery, body, timeoutMs });
    } catch (error) {
      if (error instanceof TransportFailure && error.reason === 'timeout') {
        throw new LushaTimeoutError(
          this.clean(`Lusha did not answer ${endpoint} in time (${error.message})`),
          endpoint,
        );
      }
      const detail = error instanceof Error ? error.message : String(error);
      return new LushaNetworkError(this.clean(`Could not reach Lusha for ${endpoint}: ${detail}`), endpoint);
    }
  }

  private errorFromResponse(endpoint: string, response: TransportResponse): LushaError {
    const { status } = response;
    let body: unknown = response.text;
    try {
      body = JSON.parse(response.text);
    } catch {
      // a non-JSON error body is read as text
    }
    const raw = readLushaMessage(body);
    const lushaMessage = raw === undefined ? undefined : this.clean(raw.slice(0, 500));
    const said = lushaMessage ? `: ${lushaMessage}` : '';
    const message = (what: string) => `${what} (${endpoint}, HTTP ${status})${said}`;

    if (status === 400 || status === 412 || status === 422) {
      return new LushaValidationError(message('Lusha rejected the request'), endpoint, status, lushaMessage);
    }
    if (status === 401) {
      return new LushaAuthError(message('Lusha rejected the API key'), endpoint, status, lushaMessage);
    }
    if (status === 402) {
      return new LushaCreditsError(message('The Lusha account has no credits left'), endpoint, status, lushaMessage);
    }
    if (status === 403) {
      return new LushaForbiddenError(message('Lusha refused the request'), endpoint, status, lushaMessage);
    }
    if (status === 404) {
      return new LushaNotFoundError(message('Lusha found nothing'), endpoint, status, lushaMessage);
    }
    if (status === 429) {
      if (lushaMessage && /trial/i.test(lushaMessage)) {
        return new LushaTrialLimitError(message('The Lusha trial limit is reached'), endpoint, status, lushaMessage);
      }
      const quota = quotaExhaustion(response.headers, this.now());
      if (quota) {
        return new LushaQuotaError(
          message(`The Lusha ${quota.period} request quota is used up`),
          endpoint,
          status,
          lushaMessage,
          quota.resetSeconds,
        );
      }
      return new LushaRateLimitError(
        message('Lusha rate limit reached'),
        endpoint,
        status,
        lushaMessage,
        retryAfterSeconds(response.headers, this.now()),
      );
    }
    if (status === 451) {
      return new LushaComplianceError(
        message('Lusha cannot return this record for GDPR reasons'),
        endpoint,
        status,
        lushaMessage,
      );
    }
    if (status === 499 || status === 502 || status === 503 || status === 504) {
      return new LushaUnavailableError(message('Lusha is temporarily unavailable'), endpoint, status, lushaMessage);
    }
    if (status >= 300 && status < 400) {
      return new LushaServerError(
        message('Lusha answered with an unexpected redirect, which was not followed'),
        endpoint,
        status,
      );
    }
    return new LushaServerError(message('Lusha failed to process the request'), endpoint, status, lushaMessage);
  }

  private clean(text: string): string {
    return redact(text, this.secrets);
  }
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

/**
 * Seconds to wait before retrying a 429, from `Retry-After` (seconds or an HTTP date) or
 * `RateLimit-Reset` (seconds); undefined when the headers say nothing usable.
 */
export function retryAfterSeconds(headers: Record<string, string>, now: number): number | undefined {
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Math.ceil(Number(retryAfter));
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, Math.ceil((at - now) / 1000));
  }
  const reset = headers['ratelimit-reset']?.trim();
  if (reset && /^\d+$/.test(reset)) return Number(reset);
  return undefined;
}

/**
 * Whether a 429 means a daily or hourly quota is used up (Lusha's `x-daily-requests-left` /
 * `x-ratelimit-remaining-daily` at 0), and the seconds until it resets: from
 * `x-ratelimit-reset-daily` (seconds, or an epoch time in seconds), else from `Retry-After`,
 * else the next UTC midnight (daily) or hour (hourly).
 */
export function quotaExhaustion(
  headers: Record<string, string>,
  now: number,
): { period: 'daily' | 'hourly'; resetSeconds: number } | undefined {
  const isZero = (name: string) => headers[name] !== undefined && Number(headers[name]) <= 0;
  const period = isZero('x-daily-requests-left') || isZero('x-ratelimit-remaining-daily')
    ? 'daily'
    : isZero('x-hourly-requests-left')
      ? 'hourly'
      : undefined;
  if (!period) return undefined;
  const resetHeader = headers['x-ratelimit-reset-daily']?.trim();
  if (period === 'daily' && resetHeader && /^\d+$/.test(resetHeader)) {
    const value = Number(resetHeader);
    // Large values are epoch seconds; small ones are seconds from now.
    const seconds = value > 1_000_000_000 ? value - Math.floor(now / 1000) : value;
    if (seconds > 0) return { period, resetSeconds: seconds };
  }
  const fromRetryAfter = retryAfterSeconds(headers, now);
  if (fromRetryAfter !== undefined && fromRetryAfter > 0) return { period, resetSeconds: fromRetryAfter };
  const date = new Date(now);
  const next =
    period === 'daily'
      ? Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1)
      : Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours() + 1);
  return { period, resetSeconds: Math.max(1, Math.ceil((next - now) / 1000)) };
}
