/** Public types of the sandbox's programmatic API. */
import type { IncomingHttpHeaders } from 'node:http';
import type { CompanySignalType, ContactSignalType } from './catalog';
import type { CompanySignalRecord, ContactSignalRecord, SandboxCompany, SandboxPerson } from './model';

export type Plan = 'unified' | 'classic';

export interface SandboxKeyConfig {
  /** The raw value clients send in the `api_key` header. */
  key: string;
  /** `unified` (Unified Credits: reveal flags allowed) or `classic` (reveal flags answer 403). */
  plan: Plan;
  /** Credits available when the sandbox starts (`total` in /account/usage). */
  credits: number;
  /** Whether the plan includes Signals (else 403 on Signals endpoints and `signals` parameters). */
  signals: boolean;
  /** Whether the plan supports `excludeDnc` in prospecting search (else 403). Default false. */
  excludeDnc?: boolean;
  /** Whether the plan includes the V3 Lookalikes API (else 403 on `/v3/.../lookalike`). Default true. */
  lookalikes?: boolean;
  /** Requests per UTC day before 429 (default 100,000). */
  dailyQuota?: number;
  /** Requests per UTC hour before 429 (default 10,000). */
  hourlyQuota?: number;
  /** Requests per UTC minute before 429 (default 1,500). */
  minuteQuota?: number;
  /** Whether the account may call Lusha's V3 API (`/v3/...`); false = 403 on every V3 route. Default true. */
  v3Access?: boolean;
  /** The plan category `GET /v3/account/usage` reports (default `professional`; `free` has no end date). */
  planCategory?: string;
  /**
   * V3 price overrides by action (`api_search`, `revealEmail`, `revealPhone`, `reveal_company`, ...):
   * `{ credits, perQuantity }`, as `GET /v3/account/usage` reports them. Default: the sandbox's price list.
   */
  pricing?: Record<string, { credits: number; perQuantity: number }>;

  /**
   * Domains this key tracks for V3 website visits (POST /v3/companies/website-visits); any other
   * domain there answers 400. Default none (the demo key tracks `sandbox-demo.test`).
   */
  trackedDomains?: string[];
  /** Whether the plan includes the V3 Buying Group API (else 403). Default true. */
  buyingGroup?: boolean;
  /**
   * Whether V3 signal scores are charged (1 credit per scored row). Default true; false = the
   * action is not yet on the account's pricebook and the endpoint stays free.
   */
  signalScoreCharged?: boolean;

  /**
   * The account's webhook signing secret (`GET /api/account/secret`); null = none yet (404 there, and
   * no deliveries until `POST /api/account/secret/regenerate`). Default: a fixed secret for the demo
   * key (`DEFAULT_KEY.webhookSecret`), none for any other key.
   */
  webhookSecret?: string | null;
  /** Most webhook subscriptions the account may hold (403 beyond). Default 1,000. */
  maxSubscriptions?: number;
}

/** Delivery settings of the Webhooks API (`startSandbox({ webhooks })`). */
export interface WebhookOptions {
  /** Delays before retry 1, 2 and 3 of a failed delivery. Default [30_000, 120_000, 480_000] (30 s, 2 min, 8 min). */
  retryDelaysMs?: readonly [number, number, number];
  /** How long a receiver has to answer 2xx. Default 10,000 (the documented 10 seconds). */
  timeoutMs?: number;
  /** Webhooks API requests per key, sliding 60-second window, shared by every webhook endpoint. Default 100. */
  rateLimitPerMinute?: number;
}

export interface SandboxOptions {
  /** 0 = ephemeral (default). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** PRNG seed for the dataset and generated ids. Default 42. */
  seed?: number;
  /** The sandbox clock. Default: the real time. When given, the clock stays there until `clock.set`. */
  now?: Date | string;
  /** API keys. Default: one unified key `lusha-sandbox-key` with 10,000 credits, Signals and DNC exclusion enabled. */
  keys?: SandboxKeyConfig[];
  /** Per endpoint per key, sliding 1-second window. Default 25. */
  rateLimitPerSecond?: number;
  /** GET /account/usage per key, sliding 60-second window. Default 5. */
  usageRateLimitPerMinute?: number;
  /** Webhook delivery timing and the Webhooks API rate limit. */
  webhooks?: WebhookOptions;
}

export interface LogEntry {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  /** Parsed JSON body, the raw text if it was not JSON, or null when empty. */
  body: unknown;
  /** Last 4 characters of the `api_key` header, or null when absent. */
  keySuffix: string | null;
  /** HTTP status sent (0 when a `drop` or `chargeThenDrop` fault closed the socket without a response). */
  status: number;
  creditsCharged: number;
  durationMs: number;
  /** ISO timestamp (real time) when the request arrived. */
  at: string;
  /** The fault kind that answered this request, if any. */
  fault: FaultKind | null;
}

/** Exact path (string), path prefix ({ prefix }), or RegExp tested against the path. */
export type RouteMatcher = string | RegExp | { prefix: string };

export interface FaultRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body: unknown;
  headers: IncomingHttpHeaders;
}

export interface FaultBase {
  route: RouteMatcher;
  /** Only this HTTP method (case-insensitive). */
  method?: string;
  /** Only requests for which this returns true. */
  when?: (req: FaultRequest) => boolean;
  /** Apply this many times, then remove the rule. */
  times?: number;
}

export type FaultSpec =
  | { kind: 'latency'; ms: number }
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'rateLimit'; retryAfter?: number | null }
  | { kind: 'quota' }
  | { kind: 'gdpr' }
  | { kind: 'malformed'; body?: string }
  | { kind: 'drop' }
  | { kind: 'stall'; partialBody?: string }
  /** Processed and charged normally, then the socket is destroyed without an answer. */
  | { kind: 'chargeThenDrop' }
  /** Processed and charged normally, then answered with `status` (default 504) and `body`. */
  | { kind: 'chargeThenStatus'; status?: number; body?: unknown };

export type FaultRule = FaultBase & FaultSpec;
export type FaultKind = FaultSpec['kind'];

export interface FaultHandle {
  remove(): void;
}

export interface CreditUsage {
  used: number;
  total: number;
  remaining: number;
}

/** Documented picks: records with a known property, for tests. */
export interface SandboxSamples {
  /** Has a work email and at least one callable (non-DNC) phone. */
  personWithEmailAndPhone: SandboxPerson;
  /** Has at least one email and no phone. */
  personWithoutPhone: SandboxPerson;
  /** Has at least one phone and no email. */
  personWithoutEmail: SandboxPerson;
  /** Has neither email nor phone (EMPTY_DATA unless partialProfile). */
  personWithoutContactInfo: SandboxPerson;
  /** Located in the EU (`is_eu_contact: true`), with an email. */
  euPerson: SandboxPerson;
  /** Located outside the EU. */
  nonEuPerson: SandboxPerson;
  /** Has both a DNC phone and a callable phone. */
  personWithDncPhone: SandboxPerson;
  /** Has phones, all of them DNC. */
  personWithOnlyDncPhones: SandboxPerson;
  /** Has a `promotion` signal in the default 6-month window. */
  personWithRecentPromotion: SandboxPerson;
  /** Has a `companyChange` signal in the default 6-month window. */
  personWithRecentCompanyChange: SandboxPerson;
  /** Has contact signals only 6–12 months back (outside the default window). */
  personWithOnlyOldSignals: SandboxPerson;
  /** Has no contact signal at all. */
  personWithoutSignals: SandboxPerson;
  companyWithFunding: SandboxCompany;
  companyWithoutFunding: SandboxCompany;
  /** Has at least one news signal in the default 6-month window. */
  companyWithRecentNews: SandboxCompany;
  /** Has company signals only 6–12 months back. */
  companyWithOnlyOldSignals: SandboxCompany;
}

export interface SandboxData {
  readonly people: readonly SandboxPerson[];
  readonly companies: readonly SandboxCompany[];
  person(personId: number): SandboxPerson | undefined;
  company(companyId: number): SandboxCompany | undefined;
  personByEmail(email: string): SandboxPerson | undefined;
  personByLinkedinUrl(url: string): SandboxPerson | undefined;
  companyByDomain(domain: string): SandboxCompany | undefined;
  companyByName(name: string): SandboxCompany | undefined;
  peopleAt(companyId: number): readonly SandboxPerson[];
  companyOf(person: SandboxPerson): SandboxCompany;
  /** All contact signals of a person (any date), oldest first. */
  contactSignals(personId: number): readonly ContactSignalRecord[];
  /** All company signals of a company (any date), oldest first. */
  companySignals(companyId: number): readonly CompanySignalRecord[];
  readonly samples: SandboxSamples;
}

export interface SandboxLog {
  entries(): LogEntry[];
  reset(): void;
}

export interface SandboxFaults {
  add(rule: FaultRule): FaultHandle;
  clear(): void;
}

export interface SandboxCredits {
  usage(key: string): CreditUsage;
  /** Set the remaining credits (total stays unless `remaining` exceeds it). */
  set(key: string, remaining: number): void;
}

export interface SandboxSignals {
  /**
   * A new contact signal, dated today (sandbox clock) unless `fields.signalDate` says otherwise.
   * Like `addCompanySignal`, it is delivered to every matching active webhook subscription.
   */
  addContactSignal(
    personId: number,
    type: ContactSignalType,
    fields?: Partial<ContactSignalRecord>,
  ): ContactSignalRecord;
  /** A new company signal with a fresh `signalId`, dated today unless `fields.signalDate` / `fields.articlePublishedDate` say otherwise. */
  addCompanySignal(
    companyId: number,
    type: CompanySignalType,
    fields?: Record<string, string | number | null>,
  ): CompanySignalRecord;
}

export interface SandboxClock {
  now(): Date;
  /** Move the sandbox clock (freezes it there). Affects `endDate`, default windows and new signal dates. */
  set(date: Date | string): void;
}

/** What each key has revealed through V3 (re-revealing it is free: `canReveal.credits` 0). */
export interface SandboxReveals {
  /** The contact fields (`emails`, `phones`) the key has revealed for this person. */
  contact(key: string, personId: number): ('emails' | 'phones')[];
  /** The premium company fields (`employeesByDepartment`, `intent`, ...) the key has revealed for this company. */
  company(key: string, companyId: number): string[];
  /** Forget the key's V3 reveals: later reveals are charged again. */
  clear(key: string): void;
}

/** One HTTP attempt to deliver a webhook (a signal, a test or an opt-out) to a subscriber's URL. */
export interface WebhookDelivery {
  /** The payload's id (`id` in signal and test payloads); the same on every attempt of one delivery. */
  payloadId: string;
  subscriptionId: string;
  /** The API key that owns the subscription. */
  key: string;
  kind: 'signal' | 'test' | 'optOut';
  /** 1 for the first attempt; retries are 2, 3 and 4. */
  attempt: number;
  url: string;
  /** HTTP status the receiver answered; 0 when it did not answer (connection error, timeout). */
  status: number;
  /** 2xx within the timeout. */
  ok: boolean;
  /** Why the attempt failed (`HTTP 500`, `Timeout: ...`, a socket error), or null. */
  error: string | null;
  /** Request headers sent, lower-case names. */
  headers: Record<string, string>;
  /** The raw JSON body sent: what `X-Lusha-Signature` signs. */
  body: string;
  /** `body`, parsed. */
  payload: unknown;
  /** What the receiver answered (first 64 KB). */
  responseBody: string;
  /** Credits charged for this attempt (1 for a delivered signal, else 0). */
  creditsCharged: number;
  /** ISO timestamp (real time) when the attempt started. */
  at: string;
  durationMs: number;
}

/** A webhook subscription as `GET /api/subscriptions/{id}` shows it, plus the key that owns it. */
export interface WebhookSubscriptionInfo {
  key: string;
  id: string;
  entityType: 'contact' | 'company';
  entityId: string;
  signalTypes: string[];
  url: string;
  name?: string;
  isActive: boolean;
  blockReason: string | null;
  blockedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookOptOutOptions {
  /** Default: every email and phone of the person. */
  datapoints?: { datapointId: string; datapointType: 'email' | 'phone' }[];
  /** `contactExposureDate` (e.g. "2025-08-03 09:15:47"). Default: the opt-out time. */
  exposureDate?: string;
  partnerClientId?: string | null;
}

export interface SandboxWebhooks {
  /** Every delivery attempt so far, oldest first. */
  deliveries(): WebhookDelivery[];
  /** Resolves once no delivery is in flight and no retry is waiting. */
  idle(): Promise<void>;
  /** Subscriptions (opt-out ones included) of one key, or of every key; oldest first. */
  subscriptions(key?: string): WebhookSubscriptionInfo[];
  /** The key's current webhook secret, or null. */
  secret(key: string): string | null;
  /** A contact opts out: every active opt-out subscription gets the opt-out payload. Returns how many were queued. */
  optOut(personId: number, options?: WebhookOptOutOptions): number;
}

export interface Sandbox {
  url: string;
  port: number;
  stop(): Promise<void>;
  log: SandboxLog;
  faults: SandboxFaults;
  credits: SandboxCredits;
  data: SandboxData;
  signals: SandboxSignals;
  clock: SandboxClock;
  reveals: SandboxReveals;

  /** Webhook deliveries and subscriptions (the `/api/subscriptions` family). */
  webhooks: SandboxWebhooks;
}

export type { CompanySignalType, ContactSignalType };
export type { CompanySignalRecord, ContactSignalRecord, SandboxCompany, SandboxPerson } from './model';
export type { SandboxEmail, SandboxFundingRound, SandboxLocation, SandboxPhone, SandboxPreviousJob } from './model';
