/**
 * The Lusha client: one method per endpoint of Lusha's V3 API (and its Webhooks API under
 * `/api/`), each reading as
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
  LushaNoAnswerError,
  LushaOutcomeUnknownError,
  LushaResponseError,
  LushaTimeoutError,
  LushaUnavailableError,
  redact,
  type LushaError,
} from './errors';
import { RateLimiter } from './rate-limiter';
import { schemas } from './schemas-on-demand';
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

// ------------------------------------------------------------ request bodies (V3 wire format)

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

export interface CreateSubscriptionsBody {
  defaults: { url: string; entityType: 'contact' | 'company'; signalTypes: string[] };
  name?: string;
  subscriptions: Array<{ entityId: string; name?: string }>;
}

export interface V3ContactSignalsBody {
  ids: string[];
  signalTypes: string[];
  startDate?: string;
  maxResultsPerSignal?: number;
}

/** `filters.include` narrows news and hiring-surge signals (the filter types of /v3/companies/signals/filters). */
export interface V3CompanySignalsBody extends V3ContactSignalsBody {
  filters?: { include: Record<string, unknown> };
}

/** The company signal filter types whose values the connector lists. */
export type V3SignalFilterType = 'newsEventTypes' | 'hiringByDepartments';

type IncludeExclude<T> = { include?: T; exclude?: T };

/** A place in a V3 prospecting filter (`V3Location`). */
export type V3Location = Partial<
  Record<'city' | 'state' | 'country' | 'continent' | 'countryGrouping' | 'region' | 'countryIso2', string>
>;

/** A numeric range in a V3 prospecting filter (`V3Range`). */
export interface V3Range {
  min?: number;
  max?: number;
}

/** The contact filters of V3 prospecting the connector sends (`V3ContactFilterCriteria`). */
export interface V3ContactFilters {
  jobTitles?: string[];
  departments?: string[];
  /** Ids from the `seniority` filter values. */
  seniorityIds?: number[];
  /** Country codes (ISO 3166-1 alpha-2). */
  countries?: string[];
  locations?: V3Location[];
  existingDataPoints?: string[];
}

/** The company filters of V3 prospecting the connector sends (`V3CompanyFilterCriteria`). */
export interface V3CompanyFilters {
  names?: string[];
  domains?: string[];
  locations?: V3Location[];
  technologies?: string[];
  intentTopics?: string[];
  sizes?: V3Range[];
  revenues?: V3Range[];
  sicCodes?: string[];
  naicsCodes?: string[];
  mainIndustriesIds?: number[];
  subIndustriesIds?: number[];
}

/** `pagination` of a V3 prospecting request: page 0 to 1000, size 10 to 100. */
export interface V3Pagination {
  page: number;
  size: number;
}

export interface V3ProspectContactsBody {
  pagination: V3Pagination;
  filters: { contacts?: IncludeExclude<V3ContactFilters>; companies?: IncludeExclude<V3CompanyFilters> };
}

export interface V3ProspectCompaniesBody {
  pagination: V3Pagination;
  /** V3 requires `companies.include`. */
  filters: { companies: { include: V3CompanyFilters; exclude?: V3CompanyFilters } };
}

export interface V3CompaniesEnrichBody {
  ids: string[];
}

/** The filter types of `GET /v3/contacts/prospecting/filters/{filterType}`. */
export type V3ContactFilterType = 'departments' | 'seniority' | 'existingDataPoints' | 'countries' | 'locations';

/** The filter types of `GET /v3/companies/prospecting/filters/{filterType}`. */
export type V3CompanyFilterType =
  | 'names'
  | 'sizes'
  | 'revenues'
  | 'locations'
  | 'sics'
  | 'naics'
  | 'industriesLabels'
  | 'intentTopics'
  | 'technologies';

/** Contacts by what identifies them (`ContactIdentifiersBatch`): the seeds or the exclusions of a lookalike call. */
export interface V3ContactIdentifiers {
  ids?: string[];
  emails?: string[];
  linkedinUrls?: string[];
  /** By name with the company (its domain or its name). */
  contacts?: Array<{ firstName: string; lastName: string; companyDomain?: string; companyName?: string }>;
}

/** Companies by what identifies them (`CompanyIdentifiersBatch`, at least one key). */
export interface V3CompanyIdentifiers {
  domains?: string[];
  linkedinUrls?: string[];
}

/**
 * `POST /v3/{contacts|companies}/lookalike`: 5 to 100 seeds (always, even with a session),
 * what never to return, how many (1 to 100), and the `dedupeSessionId` of an earlier call
 * to get more without repeats.
 */
export interface V3LookalikesBody<B> {
  seeds: B;
  exclude?: B;
  limit?: number;
  dedupeSessionId?: string;
}

export interface V3CompaniesSearchBody {
  companies: V3CompanyItem[];
}

/** The persona roles of V3's buying-group model. */
export type V3Persona = 'decision_maker' | 'potential_champion' | 'end_user';

/** One target company of a buying-group request: exactly one of `domain` or `id`. */
export interface V3BuyingGroupCompanyItem {
  clientReferenceId?: string;
  domain?: string;
  id?: string;
}

export interface V3BuyingGroupBody {
  /** 1 to 25 companies. */
  companies: V3BuyingGroupCompanyItem[];
  /** Left out: all three. */
  personas?: V3Persona[];
  /** Contacts per company (V3's default is 60). */
  contactsLimit?: number;
  /** Paged over all the contacts of the answer: size 10 to 100 (default page 0, size 100). */
  pagination?: V3Pagination;
}

/** One company to score: exactly one of `id`, `domain`, `name` or `email` (only its domain is used). */
export interface V3SignalScoreCompanyItem {
  clientReferenceId?: string;
  id?: string;
  domain?: string;
  name?: string;
  email?: string;
}

export interface V3WebsiteVisitsRange {
  min?: number;
  max?: number;
}

export interface V3WebsiteVisitsBody {
  /** Domains configured for tracking in Lusha; one that is not fails the whole request (400). */
  domains: string[];
  /** YYYY-MM-DD; the range is at most 3 months. */
  startDate: string;
  endDate: string;
  /** size 1 to 150. */
  pagination: V3Pagination;
  sort?: { by: string; order: 'asc' | 'desc' };
  filters?: {
    scoreBands?: Array<'cold' | 'warm' | 'hot'>;
    visitorCountries?: { include?: string[]; exclude?: string[] };
    score?: V3WebsiteVisitsRange;
    totalSessions?: V3WebsiteVisitsRange;
    avgSessionMinutes?: V3WebsiteVisitsRange;
    uniqueVisitors?: V3WebsiteVisitsRange;
    daysVisited?: V3WebsiteVisitsRange;
    highIntentPageviews?: V3WebsiteVisitsRange;
    daysSinceLastVisit?: V3WebsiteVisitsRange;
  };
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
    return this.call('GET', '/v3/account/usage', {}, schemas().AccountUsageSchema);
  }

  // -------------------------------------------------------------- enrichment (V3)

  /**
   * POST /v3/contacts/search-and-enrich — 1 to 100 contacts found and revealed in one call;
   * one result per contact, in order, under its `clientReferenceId` (a miss has `error.code`
   * NOT_FOUND). Billed for the search and per revealed field (`billing.creditsCharged`).
   */
  searchAndEnrichContacts(body: V3ContactsSearchAndEnrichBody) {
    return this.call(
      'POST',
      '/v3/contacts/search-and-enrich',
      { body },
      schemas().V3ContactsSearchAndEnrichSchema,
      'paid',
    );
  }

  /**
   * POST /v3/contacts/search — 1 to 100 contacts found, not revealed: previews with what
   * revealing each would cost (`canReveal`). Billed for the search only.
   */
  searchContacts(body: Omit<V3ContactsSearchAndEnrichBody, 'reveal'>) {
    return this.call('POST', '/v3/contacts/search', { body }, schemas().V3ContactsSearchSchema, 'paid');
  }

  /** POST /v3/contacts/enrich — reveals 1 to 100 contacts found by a search, by id; billed per revealed field. */
  enrichContacts(body: V3ContactsEnrichBody) {
    return this.call('POST', '/v3/contacts/enrich', { body }, schemas().V3ContactsEnrichSchema, 'paid');
  }

  /** POST /v3/companies/search-and-enrich — 1 to 100 companies; billed per company returned. */
  searchAndEnrichCompanies(body: V3CompaniesSearchAndEnrichBody) {
    return this.call(
      'POST',
      '/v3/companies/search-and-enrich',
      { body },
      schemas().V3CompaniesSearchAndEnrichSchema,
      'paid',
    );
  }

  /** POST /v3/companies/enrich — reveals 1 to 100 companies by id; billed per company returned (`reveal_company`). */
  enrichCompanies(body: V3CompaniesEnrichBody) {
    return this.call('POST', '/v3/companies/enrich', { body }, schemas().V3CompaniesEnrichSchema, 'paid');
  }

  /** POST /v3/contacts/signals — the signals of 1 to 100 contacts by Lusha id; billed per matched signal. */
  getContactSignalsById(body: V3ContactSignalsBody) {
    return this.call('POST', '/v3/contacts/signals', { body }, schemas().V3ContactSignalsSchema, 'paid');
  }

  // -------------------------------------------------------------- webhooks (free; 100 requests a minute)

  /** GET /api/account/secret — the account's webhook signing secret (404 when none was created). */
  getWebhookSecret() {
    return this.call('GET', '/api/account/secret', {}, schemas().WebhookSecretSchema);
  }

  /**
   * POST /api/subscriptions — 1 to 25 subscriptions, each succeeding or failing on its own.
   * Sent as 'paid' although it is free: it is not idempotent, so an answer lost after Lusha
   * created them must not be re-sent (the caller cleans up by URL instead).
   */
  createSubscriptions(body: CreateSubscriptionsBody) {
    return this.call('POST', '/api/subscriptions', { body }, schemas().CreateSubscriptionsSchema, 'paid');
  }

  /** GET /api/subscriptions — the account's subscriptions, newest first, `limit` 1 to 100 per page. */
  listSubscriptions(query: { limit: number; offset: number }) {
    return this.call('GET', '/api/subscriptions', { query: { ...query } }, schemas().SubscriptionListSchema);
  }

  /** POST /api/subscriptions/delete — 1 to 25 ids, each deleted or reported (NOT_FOUND) on its own. */
  deleteSubscriptions(ids: string[]) {
    return this.call('POST', '/api/subscriptions/delete', { body: { ids } }, schemas().DeleteSubscriptionsSchema);
  }

  // -------------------------------------------------------------- prospecting (billed per result)

  /** POST /v3/contacts/prospecting — one page of contact previews; billed per result (`api_search`). */
  prospectContacts(body: V3ProspectContactsBody) {
    return this.call('POST', '/v3/contacts/prospecting', { body }, schemas().V3ProspectingContactsSchema, 'paid');
  }

  /** POST /v3/companies/prospecting — one page of company previews; billed per result (`api_search`). */
  prospectCompanies(body: V3ProspectCompaniesBody) {
    return this.call('POST', '/v3/companies/prospecting', { body }, schemas().V3ProspectingCompaniesSchema, 'paid');
  }

  // -------------------------------------------------------------- prospecting filter values (no billing note)

  /** GET /v3/contacts/prospecting/filters/{filterType} — `query` (2 to 256 characters) is required for locations. */
  getContactFilterValues(filterType: V3ContactFilterType, query?: string) {
    const path = `/v3/contacts/prospecting/filters/${filterType}`;
    return this.call('GET', path, { query: { query } }, schemas().FilterValuesSchema);
  }

  /** GET /v3/companies/prospecting/filters/{filterType} — `query` is required for names, technologies, locations. */
  getCompanyFilterValues(filterType: V3CompanyFilterType, query?: string) {
    const path = `/v3/companies/prospecting/filters/${filterType}`;
    return this.call('GET', path, { query: { query } }, schemas().FilterValuesSchema);
  }

  // -------------------------------------------------------------- signals (V3; billed per matched signal)

  /** POST /v3/companies/signals — the signals of 1 to 100 companies by Lusha id; billed per matched signal. */
  getCompanySignalsById(body: V3CompanySignalsBody) {
    return this.call('POST', '/v3/companies/signals', { body }, schemas().V3CompanySignalsSchema, 'paid');
  }

  /** GET /v3/contacts/signals/types — the contact signal types (the spec bills nothing for it). */
  listContactSignalTypes() {
    return this.call('GET', '/v3/contacts/signals/types', {}, schemas().V3SignalTypesSchema);
  }

  /** GET /v3/companies/signals/types — the company signal types. */
  listCompanySignalTypes() {
    return this.call('GET', '/v3/companies/signals/types', {}, schemas().V3SignalTypesSchema);
  }

  /** GET /v3/companies/signals/filters/{filterType} — the values of one company signal filter. */
  listCompanySignalFilterValues(filterType: V3SignalFilterType) {
    return this.call('GET', `/v3/companies/signals/filters/${filterType}`, {}, schemas().V3SignalFilterValuesSchema);
  }

  // -------------------------------------------------------------- lookalikes (V3)

  /**
   * POST /v3/contacts/lookalike — contacts like 5 to 100 seeds, as previews; billed per result
   * (`lookalikeContact`). A `dedupeSessionId` Lusha no longer knows is a 410.
   */
  findContactLookalikes(body: V3LookalikesBody<V3ContactIdentifiers>) {
    return this.call('POST', '/v3/contacts/lookalike', { body }, schemas().V3ContactLookalikesSchema, 'paid');
  }

  /** POST /v3/companies/lookalike — companies like 5 to 100 seeds; billed per result (`lookalikeCompany`). */
  findCompanyLookalikes(body: V3LookalikesBody<V3CompanyIdentifiers>) {
    return this.call('POST', '/v3/companies/lookalike', { body }, schemas().V3CompanyLookalikesSchema, 'paid');
  }

  /**
   * POST /v3/companies/search — 1 to 100 companies by id, name or domain, as previews (domain,
   * LinkedIn page...); billed per company found (`api_search`).
   */
  searchCompanies(body: V3CompaniesSearchBody) {
    return this.call('POST', '/v3/companies/search', { body }, schemas().V3CompaniesSearchSchema, 'paid');
  }

  // -------------------------------------------------------------- buying group, signal scores, website visits (V3)

  /**
   * POST /v3/contacts/buying-group — for 1 to 25 companies, the contacts V3's model labels
   * decision_maker, potential_champion or end_user, with a 0–1 score, as previews; paged over
   * all contacts. Billed per contact returned (`buyingGroupContact`).
   */
  getBuyingGroup(body: V3BuyingGroupBody) {
    return this.call('POST', '/v3/contacts/buying-group', { body }, schemas().V3BuyingGroupSchema, 'paid');
  }

  /**
   * POST /v3/companies/signal-score — 1 to 100 companies, each scored 0–1 or NOT_FOUND /
   * NO_SCORE; 1 credit per scored row (`signal_score_company_reveal`), error rows never.
   */
  getCompanySignalScores(body: { companies: V3SignalScoreCompanyItem[] }) {
    return this.call('POST', '/v3/companies/signal-score', { body }, schemas().V3CompanySignalScoresSchema, 'paid');
  }

  /**
   * POST /v3/contacts/signal-score — 1 to 100 contacts (id, LinkedIn URL, email, or names with
   * a company); 1 credit per scored row (`signal_score_contact_reveal`), error rows never.
   */
  getContactSignalScores(body: { contacts: V3ContactItem[] }) {
    return this.call('POST', '/v3/contacts/signal-score', { body }, schemas().V3ContactSignalScoresSchema, 'paid');
  }

  /**
   * POST /v3/companies/website-visits (beta) — one page (1 to 150) of the companies visiting
   * the account's tracked domains in a range of at most 3 months. The spec states no billing;
   * its example answer charges 0 credits. Sent as 'paid': `billing` says what it cost.
   */
  getWebsiteVisits(body: V3WebsiteVisitsBody) {
    return this.call('POST', '/v3/companies/website-visits', { body }, schemas().V3WebsiteVisitsSchema, 'paid');
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
      return { ok: false, error: new LushaTimeoutError(message, endpoint, false) };
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
      const sent = !(error instanceof TransportFailure && error.reason === 'refused');
      return { ok: false, error: new LushaNetworkError(message, endpoint, sent) };
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
    (error instanceof LushaNetworkError && !error.sent) ||
    (error instanceof LushaUnavailableError && error.status === 503)
  );
}

/** The answer may have been lost after Lusha processed the request: dropped, timed out, or a gateway's 499/502/504. */
function mayHaveBeenProcessed(error: LushaError): boolean {
  if (error instanceof LushaNoAnswerError) return error.sent;
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
