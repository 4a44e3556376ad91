/** The HTTP layer: routing, auth, rate limits and quotas, fault injection, the request log. */
import http from 'node:http';
import type { Socket } from 'node:net';
import { accountUsage } from './account';
import type { Account } from './accounts';
import type { Ctx, State } from './context';
import { getCompany, getPerson, postCompany, postPerson } from './enrichment';
import { ApiError, MESSAGES, statusMessage } from './errors';
import { companyEnrichHandler, companySearch, contactEnrich, contactSearch, filterLists } from './prospecting';
import {
  companySignalsById,
  companySignalsSearch,
  contactSignalsById,
  contactSignalsSearch,
  signalOptions,
} from './signalsApi';
import { route, type Route } from './routes';
import type { FaultHandle, FaultRequest, FaultRule, LogEntry, RouteMatcher } from './types';
import { V3_ROUTES } from './v3';
import { v3AccessRefused } from './v3/common';

const ROUTES: Route[] = [
  route('GET', '/v2/person', getPerson),
  route('POST', '/v2/person', postPerson),
  route('GET', '/v2/company', getCompany),
  route('POST', '/v2/company', postCompany),
  route('POST', '/bulk/company/v2', postCompany),
  route('GET', '/prospecting/filters/contacts/departments', filterLists.departments),
  route('GET', '/prospecting/filters/contacts/seniority', filterLists.seniority),
  route('GET', '/prospecting/filters/contacts/existing_data_points', filterLists.existingDataPoints),
  route('GET', '/prospecting/filters/contacts/all_countries', filterLists.allCountries),
  route('POST', '/prospecting/filters/contacts/locations', filterLists.contactLocations),
  route('POST', '/prospecting/filters/companies/names', filterLists.companyNames),
  route('GET', '/prospecting/filters/companies/industries_labels', filterLists.industries),
  route('GET', '/prospecting/filters/companies/sizes', filterLists.sizes),
  route('GET', '/prospecting/filters/companies/revenues', filterLists.revenues),
  route('POST', '/prospecting/filters/companies/locations', filterLists.companyLocations),
  route('GET', '/prospecting/filters/companies/sics', filterLists.sics),
  route('GET', '/prospecting/filters/companies/naics', filterLists.naics),
  route('GET', '/prospecting/filters/companies/intent_topics', filterLists.intentTopics),
  route('POST', '/prospecting/filters/companies/technologies', filterLists.technologies),
  route('POST', '/prospecting/contact/search', contactSearch),
  route('POST', '/prospecting/contact/enrich', contactEnrich),
  route('POST', '/prospecting/company/search', companySearch),
  route('POST', '/prospecting/company/enrich', companyEnrichHandler),
  route('GET', '/api/signals/filters/:objectType', signalOptions),
  route('POST', '/api/signals/contacts', contactSignalsById),
  route('POST', '/api/signals/contacts/search', contactSignalsSearch),
  route('POST', '/api/signals/companies', companySignalsById),
  route('POST', '/api/signals/companies/search', companySignalsSearch),
  route('GET', '/account/usage', accountUsage, true),
  ...V3_ROUTES,
];

const JSON_TYPE = 'application/json; charset=utf-8';
const MAX_BODY = 1_000_000;

export interface ServerConfig {
  accounts: Map<string, Account>;
  state: State;
  rateLimitPerSecond: number;
  usageRateLimitPerMinute: number;
  /** Sizes of the shared rate-limit buckets routes may name (`Route.bucket`), per key. */
  buckets?: Record<string, { limit: number; windowMs: number }>;
}

type ChargeThenFault = Extract<FaultRule, { kind: 'chargeThenDrop' | 'chargeThenStatus' }>;

interface ActiveFault {
  rule: FaultRule;
  remaining: number;
}

function matchesRoute(m: RouteMatcher, path: string): boolean {
  if (typeof m === 'string') return m === path;
  if (m instanceof RegExp) {
    m.lastIndex = 0;
    return m.test(path);
  }
  return path.startsWith(m.prefix);
}

function secondsToUtcMidnight(nowMs: number): { seconds: number; epoch: number } {
  const next = (Math.floor(nowMs / 86_400_000) + 1) * 86_400_000;
  return { seconds: Math.max(1, Math.ceil((next - nowMs) / 1000)), epoch: Math.floor(next / 1000) };
}

export class SandboxServer {
  readonly http: http.Server;
  private readonly sockets = new Set<Socket>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;
  private readonly entries: LogEntry[] = [];
  private readonly faults: ActiveFault[] = [];

  constructor(private readonly cfg: ServerConfig) {
    this.http = http.createServer((req, res) => {
      this.handle(req, res).catch((err: unknown) => {
        // Should not happen: handlers turn their errors into responses.
        console.error('[lusha-sandbox] unexpected error', err);
        if (!res.headersSent && !res.destroyed) {
          res.writeHead(500, { 'content-type': JSON_TYPE });
          res.end(JSON.stringify({ statusCode: 500, message: MESSAGES.internal }));
        }
      });
    });
    this.http.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      this.http.once('error', reject);
      this.http.listen(port, host, () => {
        this.http.off('error', reject);
        const addr = this.http.address();
        resolve(typeof addr === 'object' && addr ? addr.port : port);
      });
    });
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    const closed = new Promise<void>((resolve) => this.http.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    this.http.closeAllConnections();
    await closed;
  }

  // ---------------------------------------------------------------- log & faults

  logEntries(): LogEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  resetLog(): void {
    this.entries.length = 0;
  }

  addFault(rule: FaultRule): FaultHandle {
    const active: ActiveFault = { rule, remaining: rule.times ?? Infinity };
    this.faults.push(active);
    return {
      remove: () => {
        const i = this.faults.indexOf(active);
        if (i >= 0) this.faults.splice(i, 1);
      },
    };
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  private takeFault(req: FaultRequest): FaultRule | undefined {
    for (const active of this.faults) {
      const r = active.rule;
      if (!matchesRoute(r.route, req.path)) continue;
      if (r.method && r.method.toUpperCase() !== req.method) continue;
      if (r.when && !r.when(req)) continue;
      active.remaining--;
      if (active.remaining <= 0) this.faults.splice(this.faults.indexOf(active), 1);
      return r;
    }
    return undefined;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.timers.delete(t);
        resolve();
      }, ms);
      this.timers.add(t);
    });
  }

  // ---------------------------------------------------------------- request pipeline

  private async readBody(req: http.IncomingMessage): Promise<string | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_BODY) return null;
      chunks.push(chunk);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const t0 = performance.now();
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : url.pathname;
    const query: Record<string, string | string[]> = {};
    for (const k of new Set(url.searchParams.keys())) {
      const all = url.searchParams.getAll(k);
      query[k] = all.length === 1 ? (all[0] ?? '') : all;
    }
    const keyHeader = req.headers['api_key'];
    const rawKey = Array.isArray(keyHeader) ? keyHeader.join(', ') : keyHeader;
    const entry: LogEntry = {
      method,
      path,
      query,
      body: null,
      keySuffix: rawKey ? rawKey.slice(-4) : null,
      status: 0,
      creditsCharged: 0,
      durationMs: 0,
      at: new Date().toISOString(),
      fault: null,
    };
    const record = (status: number, credits: number) => {
      entry.status = status;
      entry.creditsCharged = credits;
      entry.durationMs = Math.round((performance.now() - t0) * 100) / 100;
      this.entries.push(entry);
    };
    // A chargeThen* fault: the request is processed (and charged) normally, then its answer is replaced.
    let afterwards: ChargeThenFault | undefined;
    const send = (status: number, body: unknown, headers: Record<string, string> = {}, credits = 0) => {
      if (this.stopped || res.destroyed) return;
      if (afterwards) return this.answerAfterCharge(afterwards, req, res, credits, record);
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': JSON_TYPE,
        'content-length': String(Buffer.byteLength(text)),
        ...headers,
      });
      res.end(text);
      record(status, credits);
    };

    const raw = await this.readBody(req);
    if (this.stopped) return;
    if (raw === null) return send(413, { statusCode: 413, message: 'Payload Too Large' });
    let bodyInvalid = false;
    if (raw.trim() !== '') {
      try {
        entry.body = JSON.parse(raw) as unknown;
      } catch {
        entry.body = raw;
        bodyInvalid = true;
      }
    }

    // Faults first: they stand for trouble in front of the API (network, gateway, upstream).
    const fault = this.takeFault({ method, path, query, body: entry.body, headers: req.headers });
    if (fault) {
      entry.fault = fault.kind;
      if (fault.kind === 'latency') {
        await this.sleep(fault.ms);
        if (this.stopped) return;
      } else if (fault.kind === 'chargeThenDrop' || fault.kind === 'chargeThenStatus') {
        afterwards = fault;
      } else {
        return this.applyFault(fault, req, res, send, record);
      }
    }

    const r = ROUTES.find((x) => x.method === method && x.regex.test(path));
    if (!r) return send(404, { statusCode: 404, message: MESSAGES.routeNotFound });
    const account = rawKey === undefined ? undefined : this.cfg.accounts.get(rawKey);
    if (!account) return send(401, { statusCode: 401, message: MESSAGES.unauthorized });
    const v3Refusal = r.pattern.startsWith('/v3/') ? v3AccessRefused(account) : null;
    if (v3Refusal) return send(v3Refusal.status, v3Refusal.body);

    const nowMs = Date.now();
    const bucket = r.bucket ? this.cfg.buckets?.[r.bucket] : undefined;
    const limited = bucket
      ? account.slidingWindow(`bucket ${r.bucket}`, bucket.limit, bucket.windowMs, nowMs)
      : r.usage
        ? account.slidingWindow(`${r.method} ${r.pattern}`, this.cfg.usageRateLimitPerMinute, 60_000, nowMs)
        : account.slidingWindow(`${r.method} ${r.pattern}`, this.cfg.rateLimitPerSecond, 1_000, nowMs);
    if (limited) {
      return send(
        429,
        { statusCode: 429, message: MESSAGES.tooManyRequests },
        {
          ...account.quotaHeaders(nowMs),
          'Retry-After': String(limited.retryAfter),
          'RateLimit-Limit': String(
            bucket ? bucket.limit : r.usage ? this.cfg.usageRateLimitPerMinute : this.cfg.rateLimitPerSecond,
          ),
          'RateLimit-Remaining': '0',
          'RateLimit-Reset': String(limited.retryAfter),
        },
      );
    }
    const exhausted = account.exhaustedQuota(nowMs);
    if (exhausted) {
      const { name, state } = exhausted;
      const message =
        name === 'daily'
          ? MESSAGES.dailyQuota(state.limit)
          : name === 'hourly'
            ? MESSAGES.hourlyQuota(state.limit, state.resetIn)
            : MESSAGES.minuteQuota(state.limit, state.resetIn);
      const daily = account.quota('daily', nowMs);
      return send(
        429,
        { statusCode: 429, message },
        {
          ...account.quotaHeaders(nowMs),
          'Retry-After': String(state.resetIn),
          'RateLimit-Reset': String(state.resetIn),
          'X-RateLimit-Remaining-Daily': String(daily.left),
          'X-RateLimit-Reset-Daily': String(daily.resetAt),
        },
      );
    }
    account.countRequest(nowMs);
    const quotaHeaders = account.quotaHeaders(nowMs);

    if (bodyInvalid && method === 'POST') {
      return send(
        400,
        { statusCode: 400, message: 'Unexpected token in JSON body: the request body must be valid JSON' },
        quotaHeaders,
      );
    }
    const params: Record<string, string> = {};
    const m = r.regex.exec(path);
    r.params.forEach((name, i) => {
      const rawParam = m?.[i + 1] ?? '';
      try {
        params[name] = decodeURIComponent(rawParam);
      } catch {
        params[name] = rawParam;
      }
    });
    const ctx: Ctx = {
      method,
      path,
      params,
      query: url.searchParams,
      body: entry.body,
      account,
      state: this.cfg.state,
    };
    try {
      const result = await r.handler(ctx);
      if (this.stopped) return;
      const credits = result.credits ?? 0;
      account.charge(credits);
      return send(result.status ?? 200, result.body, { ...quotaHeaders, ...result.headers }, credits);
    } catch (err) {
      if (err instanceof ApiError) return send(err.status, err.body, { ...quotaHeaders, ...err.headers });
      console.error('[lusha-sandbox] handler error', err);
      return send(500, { statusCode: 500, message: MESSAGES.internal }, quotaHeaders);
    }
  }

  /**
   * The end of a chargeThen* fault, once the handler has run and its credits are charged: `chargeThenDrop`
   * destroys the socket without an answer (logged with status 0), `chargeThenStatus` answers with its
   * status (default 504) as a gateway that timed out after the backend did the work. Both log the credits.
   */
  private answerAfterCharge(
    fault: ChargeThenFault,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    credits: number,
    record: (status: number, credits: number) => void,
  ): void {
    if (fault.kind === 'chargeThenDrop') {
      record(0, credits);
      req.socket.destroy();
      return;
    }
    const status = fault.status ?? 504;
    const text = JSON.stringify(fault.body ?? { statusCode: status, message: statusMessage(status) });
    res.writeHead(status, { 'content-type': JSON_TYPE, 'content-length': String(Buffer.byteLength(text)) });
    res.end(text);
    record(status, credits);
  }

  private applyFault(
    fault: Exclude<FaultRule, { kind: 'latency' } | ChargeThenFault>,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    send: (status: number, body: unknown, headers?: Record<string, string>) => void,
    record: (status: number, credits: number) => void,
  ): void {
    const nowMs = Date.now();
    switch (fault.kind) {
      case 'status':
        return send(
          fault.status,
          fault.body ?? { statusCode: fault.status, message: statusMessage(fault.status) },
          fault.headers ?? {},
        );
      case 'rateLimit': {
        const retry = fault.retryAfter === undefined ? 1 : fault.retryAfter;
        const headers: Record<string, string> = {
          'RateLimit-Limit': String(this.cfg.rateLimitPerSecond),
          'RateLimit-Remaining': '0',
        };
        if (retry !== null) {
          headers['Retry-After'] = String(retry);
          headers['RateLimit-Reset'] = String(retry);
        }
        return send(429, { statusCode: 429, message: MESSAGES.tooManyRequests }, headers);
      }
      case 'quota': {
        const keyHeader = req.headers['api_key'];
        const account = typeof keyHeader === 'string' ? this.cfg.accounts.get(keyHeader) : undefined;
        const limit = account ? account.limits().daily : 100_000;
        const reset = secondsToUtcMidnight(nowMs);
        return send(
          429,
          { statusCode: 429, message: MESSAGES.dailyQuota(limit) },
          {
            'x-rate-limit-daily': String(limit),
            'x-daily-requests-left': '0',
            'x-daily-usage': String(limit),
            'Retry-After': String(reset.seconds),
            'X-RateLimit-Remaining-Daily': '0',
            'X-RateLimit-Reset-Daily': String(reset.epoch),
          },
        );
      }
      case 'gdpr':
        return send(451, { statusCode: 451, message: MESSAGES.gdpr });
      case 'malformed': {
        if (this.stopped || res.destroyed) return;
        const text = fault.body ?? '{"data":{"id":1,"name":"Trunc';
        res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': String(Buffer.byteLength(text)) });
        res.end(text);
        return record(200, 0);
      }
      case 'drop':
        record(0, 0);
        req.socket.destroy();
        return;
      case 'stall': {
        if (this.stopped || res.destroyed) return;
        res.writeHead(200, { 'content-type': JSON_TYPE });
        res.write(fault.partialBody ?? '{"data":[{"id":');
        record(200, 0);
        return; // never ended: the client times out, or stop() destroys the socket
      }
    }
  }
}
