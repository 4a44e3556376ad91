/**
 * The state behind Lusha's Webhooks API (spec tag "Webhooks"; operations `createSubscription`,
 * `listSubscriptions`, `getSubscriptionById`, `updateSubscription`, `deleteSubscriptions`,
 * `testSubscription`, `getAuditLogs`, `getAuditLogStats`, `getAccountSecret`,
 * `regenerateAccountSecret`, `createOptOutSubscription`): subscriptions, account secrets, audit logs,
 * and the delivery queue: when a signal appears, every matching active subscription gets a signed
 * POST; a failed attempt is retried 3 times with backoff, then the subscription is disabled; a
 * delivered signal costs 1 credit, once.
 *
 * One hub per sandbox, attached to its `State` (`attachWebhookHub`), so handlers reach it through
 * `ctx.state` without a new field on the shared context.
 */
import { createHash } from 'node:crypto';
import type { Account } from '../accounts';
import { COMPANY_SIGNAL_TYPES, CONTACT_SIGNAL_TYPES, DEPARTMENTS } from '../catalog';
import { idGenerator, type State } from '../context';
import type { CompanySignalRecord, ContactSignalRecord, SandboxCompany, SandboxPerson } from '../model';
import { companySignalItem } from '../shapes';
import type { WebhookDelivery, WebhookOptOutOptions, WebhookSubscriptionInfo } from '../types';
import { deliveryHeaders, postJson, type PendingPost, type PostResult } from './webhookDelivery';

export type EntityType = 'contact' | 'company';

/** Signal types a subscription may name, per entity type (V3 signal types, `allSignals` included). */
export const SUBSCRIPTION_SIGNAL_TYPES: Record<EntityType, readonly string[]> = {
  contact: [...CONTACT_SIGNAL_TYPES, 'allSignals'],
  company: [...COMPANY_SIGNAL_TYPES, 'linkedinActivityIntent', 'allSignals'],
};

export const OPT_OUT_SIGNAL_TYPE = 'optOut';

export const WEBHOOK_DEFAULTS = {
  retryDelaysMs: [30_000, 120_000, 480_000] as readonly number[],
  timeoutMs: 10_000,
  rateLimitPerMinute: 100,
  maxSubscriptions: 1_000,
} as const;

export const BLOCK_REASON = 'Max retries exceeded';
export const MISSING_SECRET = 'Account secret not found. Please generate one first.';
const INSUFFICIENT_CREDITS = 'Insufficient credits for this operation';

/** A subscription as the hub holds it: what `GET /api/subscriptions/{id}` shows, with its owner. */
export interface Subscription extends Omit<WebhookSubscriptionInfo, 'key'> {
  /** Creation order, for stable sorting. */
  seq: number;
  owner: Account;
  /** An opt-out subscription (`POST /api/subscriptions/opt-out`). */
  optOut: boolean;
  /** Consecutive failed attempts; reset by a success and by reactivation. */
  retryCount: number;
}

export type AuditStatus = 'success' | 'failed' | 'permanent_failure';

export interface AuditEntry {
  id: string;
  ownerKey: string;
  subscriptionId: string;
  payloadId: string;
  status: AuditStatus;
  statusCode?: number;
  url: string;
  deliveredAt: string;
  durationMs: number;
  error: string | null;
}

type JobKind = WebhookDelivery['kind'];

interface Job {
  kind: JobKind;
  payloadId: string;
  sub: Subscription;
  rawBody: string;
  payload: unknown;
  /** Credits a successful delivery costs. */
  credits: number;
  attempt: number;
  timer?: NodeJS.Timeout;
  post?: PendingPost;
}

export interface HubOptions {
  seed: number;
  now: () => Date;
  retryDelaysMs?: readonly number[];
  timeoutMs?: number;
}

function hex(text: string, length: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** The public shape of a subscription (the spec's `SubscriptionWithoutSecret`). */
export function subscriptionView(s: Subscription): Record<string, unknown> {
  return {
    id: s.id,
    entityType: s.entityType,
    entityId: s.entityId,
    signalTypes: [...s.signalTypes],
    url: s.url,
    ...(s.name !== undefined ? { name: s.name } : {}),
    isActive: s.isActive,
    blockReason: s.blockReason,
    blockedAt: s.blockedAt,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
  };
}

/** "Sales, Engineering & Technical" -> [{id, value}]; ids are positions in Lusha's department list (1-based). */
function departmentList(text: string): { id: number | null; value: string }[] {
  return text
    .split(', ')
    .filter((v) => v.trim() !== '')
    .map((value) => ({ id: (DEPARTMENTS as readonly string[]).indexOf(value) + 1 || null, value }));
}

/** `data` of a contact signal delivery, as in the `createSubscription` payload example. */
export function contactSignalData(s: ContactSignalRecord): Record<string, unknown> {
  return {
    personId: s.personId,
    currentCompanyId: s.currentCompanyId,
    currentCompanyName: s.currentCompanyName,
    currentDomain: s.currentDomain,
    currentTitle: s.currentTitle,
    currentDepartments: departmentList(s.currentDepartments),
    previousCompanyName: s.previousCompanyName,
    previousDomain: s.previousDomain,
    signalDate: s.signalDate,
  };
}

/** "2026-04-22 14:32:11.412", the opt-out payload's date format. */
function spaceDate(d: Date): string {
  return d.toISOString().replace('T', ' ').replace('Z', '');
}

export class WebhookHub {
  private readonly subs = new Map<string, Subscription>();
  private readonly secrets = new Map<string, string | null>();
  private readonly audit: AuditEntry[] = [];
  private readonly attempts: WebhookDelivery[] = [];
  private readonly jobs = new Set<Job>();
  private waiters: (() => void)[] = [];
  private readonly newUuid: (label: string) => string;
  private counter = 0;
  private stopped = false;
  readonly retryDelaysMs: readonly number[];
  readonly timeoutMs: number;

  constructor(private readonly opts: HubOptions) {
    this.newUuid = idGenerator(opts.seed);
    this.retryDelaysMs = opts.retryDelaysMs ?? WEBHOOK_DEFAULTS.retryDelaysMs;
    this.timeoutMs = opts.timeoutMs ?? WEBHOOK_DEFAULTS.timeoutMs;
  }

  nowIso(): string {
    return this.opts.now().toISOString();
  }

  // ---------------------------------------------------------------- subscriptions

  /** 24 hex digits, like the spec's ids ("507f1f77bcf86cd799439011"); deterministic. */
  private newObjectId(label: string): string {
    return hex(`${this.opts.seed}:${label}:${this.counter++}`, 24);
  }

  add(fields: Omit<Subscription, 'id' | 'seq' | 'createdAt' | 'updatedAt' | 'retryCount'>): Subscription {
    const at = this.nowIso();
    const sub: Subscription = {
      ...fields,
      id: this.newObjectId('subscription'),
      seq: this.counter,
      createdAt: at,
      updatedAt: at,
      retryCount: 0,
    };
    this.subs.set(sub.id, sub);
    return sub;
  }

  find(id: string): Subscription | undefined {
    return this.subs.get(id);
  }

  /** A key's subscriptions in creation order (opt-out ones included unless `signalOnly`). */
  owned(key: string, signalOnly = false): Subscription[] {
    return [...this.subs.values()].filter((s) => s.owner.config.key === key && !(signalOnly && s.optOut));
  }

  remove(id: string): void {
    this.subs.delete(id);
    this.dropPending(id);
  }

  info(key?: string): WebhookSubscriptionInfo[] {
    return [...this.subs.values()]
      .filter((s) => key === undefined || s.owner.config.key === key)
      .map((s) => ({ key: s.owner.config.key, ...(subscriptionView(s) as Omit<WebhookSubscriptionInfo, 'key'>) }));
  }

  /** Turn a subscription on (clearing the block and the retry counter) or off (dropping waiting retries). */
  setActive(sub: Subscription, active: boolean): void {
    sub.isActive = active;
    if (active) {
      sub.blockReason = null;
      sub.blockedAt = null;
      sub.retryCount = 0;
    } else {
      this.dropPending(sub.id);
    }
  }

  /** A stable six-digit account id (the `entityId` of an opt-out subscription). */
  accountId(account: Account): string {
    return String((parseInt(hex(`account:${account.config.key}`, 8), 16) % 900_000) + 100_000);
  }

  // ---------------------------------------------------------------- secrets

  secretOf(account: Account): string | null {
    const key = account.config.key;
    if (!this.secrets.has(key)) this.secrets.set(key, account.config.webhookSecret ?? null);
    return this.secrets.get(key) ?? null;
  }

  regenerateSecret(account: Account): string {
    const secret = `whsec_${hex(`${this.opts.seed}:secret:${account.config.key}:${this.counter++}`, 48)}`;
    this.secrets.set(account.config.key, secret);
    return secret;
  }

  // ---------------------------------------------------------------- audit logs and attempts

  auditOf(key: string): AuditEntry[] {
    return this.audit.filter((e) => e.ownerKey === key);
  }

  deliveries(): WebhookDelivery[] {
    return this.attempts.map((d) => ({ ...d, headers: { ...d.headers } }));
  }

  private log(job: Job, status: AuditStatus, r: PostResult | null, error: string | null): void {
    this.audit.push({
      id: hex(`${job.payloadId}:${job.attempt}`, 24),
      ownerKey: job.sub.owner.config.key,
      subscriptionId: job.sub.id,
      payloadId: job.payloadId,
      status,
      ...(r && r.status > 0 ? { statusCode: r.status } : {}),
      url: job.sub.url,
      deliveredAt: this.nowIso(),
      durationMs: r ? r.durationMs : 0,
      error,
    });
  }

  // ---------------------------------------------------------------- signals -> deliveries

  private matching(entityType: EntityType, entityId: string, type: string): Subscription[] {
    return [...this.subs.values()].filter(
      (s) =>
        !s.optOut &&
        s.isActive &&
        s.entityType === entityType &&
        s.entityId === entityId &&
        (s.signalTypes.includes(type) || s.signalTypes.includes('allSignals')),
    );
  }

  private signalPayload(sub: Subscription, type: string, data: Record<string, unknown>, credits: number) {
    return {
      id: this.newUuid('webhook-payload'),
      type,
      entityType: sub.entityType,
      entityId: sub.entityId,
      subscriptionId: sub.id,
      data,
      timestamp: this.nowIso(),
      billing: { creditsCharged: credits },
    };
  }

  private queue(kind: JobKind, sub: Subscription, payloadId: string, payload: unknown, credits: number): Job {
    const job: Job = { kind, payloadId, sub, rawBody: JSON.stringify(payload), payload, credits, attempt: 1 };
    this.jobs.add(job);
    return job;
  }

  private deliverSignal(entityType: EntityType, entityId: string, type: string, data: Record<string, unknown>): number {
    if (this.stopped) return 0;
    const subs = this.matching(entityType, entityId, type);
    for (const sub of subs) {
      const payload = this.signalPayload(sub, type, data, 1);
      this.schedule(this.queue('signal', sub, payload.id, payload, 1), 0);
    }
    return subs.length;
  }

  contactSignal(s: ContactSignalRecord): number {
    return this.deliverSignal('contact', String(s.personId), s.type, contactSignalData(s));
  }

  companySignal(s: CompanySignalRecord, company: SandboxCompany): number {
    return this.deliverSignal('company', String(company.id), s.type, companySignalItem(s, company));
  }

  /** The `OptOutWebhookPayload` for every active opt-out subscription. */
  optOut(person: SandboxPerson, companyName: string, options: WebhookOptOutOptions = {}): number {
    if (this.stopped) return 0;
    const now = spaceDate(this.opts.now());
    const datapoints = options.datapoints ?? [
      ...person.emails.map((e) => ({ datapointId: e.email, datapointType: 'email' as const })),
      ...person.phones.map((p) => ({ datapointId: p.number, datapointType: 'phone' as const })),
    ];
    const payload = {
      contactId: String(person.personId),
      fullName: person.fullName,
      companyName,
      jobTitle: person.jobTitle,
      ...(person.linkedinUrl ? { linkedinUrl: person.linkedinUrl } : {}),
      contactOptOutDate: now,
      contactExposureDate: options.exposureDate ?? now,
      datapoints,
      partnerClientId: options.partnerClientId ?? null,
    };
    const subs = [...this.subs.values()].filter((s) => s.optOut && s.isActive);
    for (const sub of subs) this.schedule(this.queue('optOut', sub, this.newUuid('webhook-opt-out'), payload, 0), 0);
    return subs.length;
  }

  /** One signed test delivery (no retry, no credits, never disables); resolves with its outcome. */
  async test(
    sub: Subscription,
    type: string,
  ): Promise<{ result: PostResult | null; payload: Record<string, unknown> }> {
    const payload = this.signalPayload(sub, type, {}, 0);
    const job = this.queue('test', sub, payload.id, payload, 0);
    const result = await this.attempt(job);
    return { result, payload };
  }

  // ---------------------------------------------------------------- the queue

  private schedule(job: Job, delayMs: number): void {
    job.timer = setTimeout(() => {
      job.timer = undefined;
      void this.attempt(job);
    }, delayMs);
  }

  private end(job: Job): void {
    if (job.timer) clearTimeout(job.timer);
    this.jobs.delete(job);
    if (this.jobs.size === 0) {
      const waiting = this.waiters;
      this.waiters = [];
      for (const w of waiting) w();
    }
  }

  /** Forget the waiting retries of a deleted or deactivated subscription (an attempt in flight finishes). */
  private dropPending(subscriptionId: string): void {
    for (const job of [...this.jobs]) {
      if (job.sub.id === subscriptionId && job.kind !== 'test' && job.timer) this.end(job);
    }
  }

  private async attempt(job: Job): Promise<PostResult | null> {
    const sub = job.sub;
    if (this.stopped) return null;
    if (job.kind !== 'test' && (!this.subs.has(sub.id) || !sub.isActive)) {
      this.end(job);
      return null;
    }
    const secret = this.secretOf(sub.owner);
    if (secret === null) {
      this.log(job, 'permanent_failure', null, MISSING_SECRET);
      this.end(job);
      return null;
    }
    if (job.credits > 0 && sub.owner.remaining < job.credits) {
      this.log(job, 'permanent_failure', null, INSUFFICIENT_CREDITS);
      this.end(job);
      return null;
    }
    // Reserved now so that concurrent deliveries cannot overdraw; given back if the attempt fails.
    sub.owner.charge(job.credits);
    const startedAt = new Date();
    const headers = deliveryHeaders(secret, job.rawBody, startedAt.getTime());
    const url = sub.url;
    job.post = postJson(url, headers, job.rawBody, this.timeoutMs);
    const r = await job.post.done;
    job.post = undefined;
    if (!r.ok) sub.owner.charge(-job.credits);
    if (this.stopped) return r;
    this.attempts.push({
      payloadId: job.payloadId,
      subscriptionId: sub.id,
      key: sub.owner.config.key,
      kind: job.kind,
      attempt: job.attempt,
      url,
      status: r.status,
      ok: r.ok,
      error: r.error,
      headers,
      body: job.rawBody,
      payload: JSON.parse(job.rawBody) as unknown,
      responseBody: r.responseBody,
      creditsCharged: r.ok ? job.credits : 0,
      at: startedAt.toISOString(),
      durationMs: r.durationMs,
    });
    if (r.ok) {
      if (job.kind !== 'test') sub.retryCount = 0;
      this.log(job, 'success', r, null);
      this.end(job);
      return r;
    }
    if (job.kind === 'test') {
      this.log(job, 'failed', r, r.error);
      this.end(job);
      return r;
    }
    sub.retryCount++;
    const delay = this.retryDelaysMs[job.attempt - 1];
    if (delay === undefined) {
      this.log(job, 'permanent_failure', r, r.error);
      const at = this.nowIso();
      sub.isActive = false;
      sub.blockReason = BLOCK_REASON;
      sub.blockedAt = at;
      sub.updatedAt = at;
      this.end(job);
      this.dropPending(sub.id);
      return r;
    }
    this.log(job, 'failed', r, r.error);
    job.attempt++;
    this.schedule(job, delay);
    return r;
  }

  idle(): Promise<void> {
    if (this.jobs.size === 0 || this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Cancel waiting retries and attempts in flight; `idle()` resolves. */
  stop(): void {
    this.stopped = true;
    for (const job of this.jobs) {
      if (job.timer) clearTimeout(job.timer);
      job.post?.cancel();
    }
    this.jobs.clear();
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }
}

const HUBS = new WeakMap<State, WebhookHub>();

export function attachWebhookHub(state: State, hub: WebhookHub): void {
  HUBS.set(state, hub);
}

/** The sandbox's hub (one with default settings if none was attached). */
export function webhookHubOf(state: State): WebhookHub {
  let hub = HUBS.get(state);
  if (!hub) {
    hub = new WebhookHub({ seed: 0, now: state.now });
    HUBS.set(state, hub);
  }
  return hub;
}
