/** Per-key state: credit ledger, rate-limit windows and plan quotas. */
import type { SandboxKeyConfig } from './types';

export const DEFAULT_KEY: SandboxKeyConfig = {
  key: 'lusha-sandbox-key',
  plan: 'unified',
  credits: 10_000,
  signals: true,
  excludeDnc: true,
  trackedDomains: ['sandbox-demo.test'],

  webhookSecret: 'whsec_sandbox_demo_5f2b8c1e9a4d7f3b6e0c2a8d4f1b7e9c',
};

export const DEFAULT_QUOTAS = { daily: 100_000, hourly: 10_000, minute: 1_500 } as const;

interface Window {
  id: number;
  count: number;
}

export interface QuotaState {
  limit: number;
  used: number;
  left: number;
  /** Seconds until this window resets. */
  resetIn: number;
  /** Epoch seconds at which it resets. */
  resetAt: number;
}

const WINDOW_MS = { daily: 86_400_000, hourly: 3_600_000, minute: 60_000 } as const;
export type QuotaName = keyof typeof WINDOW_MS;

export class Account {
  total: number;
  used = 0;
  /** personIds this key has already revealed (drives `isShown` in prospecting search). */
  readonly revealed = new Set<number>();
  private readonly hits = new Map<string, number[]>();
  private readonly windows: Record<QuotaName, Window> = {
    daily: { id: -1, count: 0 },
    hourly: { id: -1, count: 0 },
    minute: { id: -1, count: 0 },
  };

  constructor(readonly config: SandboxKeyConfig) {
    this.total = Math.max(0, Math.floor(config.credits));
  }

  get remaining(): number {
    return Math.max(0, this.total - this.used);
  }

  charge(n: number): void {
    this.used += n;
  }

  setRemaining(remaining: number): void {
    const r = Math.max(0, Math.floor(remaining));
    if (r > this.total) {
      this.total = r + this.used;
    } else {
      this.used = this.total - r;
    }
  }

  limits(): Record<QuotaName, number> {
    return {
      daily: this.config.dailyQuota ?? DEFAULT_QUOTAS.daily,
      hourly: this.config.hourlyQuota ?? DEFAULT_QUOTAS.hourly,
      minute: this.config.minuteQuota ?? DEFAULT_QUOTAS.minute,
    };
  }

  /**
   * Sliding-window limiter for one endpoint. Returns null when the request may pass (and records it),
   * else the seconds until a slot frees up.
   */
  slidingWindow(endpoint: string, limit: number, windowMs: number, nowMs: number): { retryAfter: number } | null {
    const list = (this.hits.get(endpoint) ?? []).filter((t) => t > nowMs - windowMs);
    if (list.length >= limit) {
      this.hits.set(endpoint, list);
      const oldest = list[0] ?? nowMs;
      return { retryAfter: Math.max(1, Math.ceil((oldest + windowMs - nowMs) / 1000)) };
    }
    list.push(nowMs);
    this.hits.set(endpoint, list);
    return null;
  }

  private roll(nowMs: number): void {
    for (const name of Object.keys(WINDOW_MS) as QuotaName[]) {
      const id = Math.floor(nowMs / WINDOW_MS[name]);
      const w = this.windows[name];
      if (w.id !== id) {
        w.id = id;
        w.count = 0;
      }
    }
  }

  quota(name: QuotaName, nowMs: number): QuotaState {
    this.roll(nowMs);
    const limit = this.limits()[name];
    const used = this.windows[name].count;
    const resetAtMs = (Math.floor(nowMs / WINDOW_MS[name]) + 1) * WINDOW_MS[name];
    return {
      limit,
      used,
      left: Math.max(0, limit - used),
      resetIn: Math.max(1, Math.ceil((resetAtMs - nowMs) / 1000)),
      resetAt: Math.floor(resetAtMs / 1000),
    };
  }

  /** The first exhausted plan quota (daily, then hourly, then minute), if any. */
  exhaustedQuota(nowMs: number): { name: QuotaName; state: QuotaState } | null {
    for (const name of ['daily', 'hourly', 'minute'] as const) {
      const state = this.quota(name, nowMs);
      if (state.used >= state.limit) return { name, state };
    }
    return null;
  }

  countRequest(nowMs: number): void {
    this.roll(nowMs);
    this.windows.daily.count++;
    this.windows.hourly.count++;
    this.windows.minute.count++;
  }

  /** The x-rate-limit-* / x-*-requests-left / x-*-usage headers sent on every authenticated response. */
  quotaHeaders(nowMs: number): Record<string, string> {
    const d = this.quota('daily', nowMs);
    const h = this.quota('hourly', nowMs);
    const m = this.quota('minute', nowMs);
    return {
      'x-rate-limit-daily': String(d.limit),
      'x-daily-requests-left': String(d.left),
      'x-daily-usage': String(d.used),
      'x-rate-limit-hourly': String(h.limit),
      'x-hourly-requests-left': String(h.left),
      'x-hourly-usage': String(h.used),
      'x-rate-limit-minute': String(m.limit),
      'x-minute-requests-left': String(m.left),
      'x-minute-usage': String(m.used),
    };
  }
}
