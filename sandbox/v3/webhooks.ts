/**
 * Lusha's Webhooks API (the V3 documentation's "Webhooks" section), by operation id:
 * `POST /api/subscriptions` (createSubscription), `GET /api/subscriptions` (listSubscriptions),
 * `GET`/`PATCH /api/subscriptions/{id}` (getSubscriptionById, updateSubscription),
 * `POST /api/subscriptions/delete` (deleteSubscriptions), `POST /api/subscriptions/{id}/test`
 * (testSubscription), `POST /api/subscriptions/opt-out` (createOptOutSubscription),
 * `GET /api/audit-logs` (getAuditLogs), `GET /api/audit-logs/stats` (getAuditLogStats),
 * `GET /api/account/secret` (getAccountSecret), `POST /api/account/secret/regenerate`
 * (regenerateAccountSecret). Every route shares the Webhooks API's own limit (100 requests/minute
 * per account, the `webhooks` bucket). Errors are `{statusCode, message, errors?}` with the
 * section's "Validation failed" message for 400s. Managing subscriptions is free; deliveries are
 * charged by the hub (`webhookHub.ts`).
 */
import type { Ctx, HandlerResult } from '../context';
import { MESSAGES } from '../errors';
import { route, type Route } from '../routes';
import { signalNames } from '../signals';
import { checkSize, Errors, isObj, isStr, unknownKeys, type Obj } from '../validate';
import { v3Error } from './common';
import {
  MISSING_SECRET,
  OPT_OUT_SIGNAL_TYPE,
  SUBSCRIPTION_SIGNAL_TYPES,
  WEBHOOK_DEFAULTS,
  subscriptionView,
  webhookHubOf,
  type AuditStatus,
  type EntityType,
  type Subscription,
} from './webhookHub';

export const WEBHOOKS_BUCKET = 'webhooks';

const ENTITY_TYPES: readonly EntityType[] = ['contact', 'company'];
const ALL_SIGNAL_TYPES: readonly string[] = [
  ...new Set([...SUBSCRIPTION_SIGNAL_TYPES.contact, ...SUBSCRIPTION_SIGNAL_TYPES.company]),
];
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
const AUDIT_STATUSES: readonly AuditStatus[] = ['success', 'failed', 'permanent_failure'];
const TEST_MODES = ['direct', 'kafka', 'full'] as const;

const NOT_FOUND = 'Resource not found';
const NOT_YOURS = 'Subscription does not belong to your account';
const LIMIT_REACHED = 'Maximum subscriptions limit reached for your account';

function invalid(errors: string[]): Error {
  return v3Error(400, 'Validation failed', errors);
}

function bodyOf(ctx: Ctx): Obj {
  if (!isObj(ctx.body)) throw invalid(['Request body must be a JSON object']);
  return ctx.body;
}

// ------------------------------------------------------------------ field checks

/** HTTPS, or plain HTTP on a loopback host (so local receivers can be used); at most 2048 characters. */
function checkUrl(v: unknown, field: string, errs: Errors): string | undefined {
  if (v === undefined || v === null || v === '') {
    errs.add(`${field} should not be empty`);
    return undefined;
  }
  if (!isStr(v)) {
    errs.add(`${field} must be a string`);
    return undefined;
  }
  if (v.length > 2048) errs.add(`${field} must be shorter than or equal to 2048 characters`);
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    errs.add(`${field} must be a URL address`);
    return undefined;
  }
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) return v;
  errs.add(`${field} must use HTTPS (HTTP URLs are not accepted)`);
  return undefined;
}

function checkEntityType(v: unknown, field: string, errs: Errors): EntityType | undefined {
  if (v === undefined) return undefined;
  if (!ENTITY_TYPES.includes(v as EntityType)) {
    errs.add(`${field} must be one of: contact, company`);
    return undefined;
  }
  return v as EntityType;
}

/** Optional signal types (V2's list check); repeats dropped. */
function checkSignalTypes(v: unknown, field: string, allowed: readonly string[], errs: Errors): string[] | undefined {
  const names = signalNames(v, field, allowed, errs, { required: false });
  return names && [...new Set(names)];
}

function checkName(v: unknown, field: string, errs: Errors): string | undefined {
  if (v === undefined) return undefined;
  if (!isStr(v)) {
    errs.add(`${field} must be a string`);
    return undefined;
  }
  if (v.length > 100) errs.add(`${field} must be shorter than or equal to 100 characters`);
  return v;
}

/** Integer query parameter within [min, max]; `fallback` when absent. */
function queryInt(ctx: Ctx, name: string, fallback: number, min: number, max: number, errs: Errors): number {
  const raw = ctx.query.get(name);
  if (raw === null) return fallback;
  if (!/^-?\d+$/.test(raw.trim())) {
    errs.add(`${name} must be an integer number`);
    return fallback;
  }
  const n = Number(raw);
  if (n < min) errs.add(`${name} must not be less than ${min}`);
  else if (n > max) errs.add(`${name} must not be greater than ${max}`);
  return n;
}

function page<T>(items: T[], limit: number, offset: number): { data: T[]; pagination: Record<string, unknown> } {
  return {
    data: items.slice(offset, offset + limit),
    pagination: { total: items.length, limit, offset, hasMore: offset + limit < items.length },
  };
}

/** The caller's subscription, else 404 (another account's id is not revealed). */
function ownSubscription(ctx: Ctx): Subscription {
  const sub = webhookHubOf(ctx.state).find(ctx.params.id ?? '');
  if (!sub || sub.owner !== ctx.account) throw v3Error(404, NOT_FOUND);
  return sub;
}

function allowedTypes(sub: Subscription): readonly string[] {
  return sub.optOut ? [OPT_OUT_SIGNAL_TYPE] : SUBSCRIPTION_SIGNAL_TYPES[sub.entityType];
}

// ------------------------------------------------------------------ POST /api/subscriptions

interface ItemError {
  code: 'VALIDATION_ERROR' | 'DUPLICATE_SUBSCRIPTION' | 'FORBIDDEN';
  message: string;
}

export function createSubscriptions(ctx: Ctx): HandlerResult {
  const body = bodyOf(ctx);
  const errs = new Errors();
  unknownKeys(body, ['defaults', 'name', 'subscriptions'], '', errs);
  let url: string | undefined;
  let defaultType: EntityType | undefined;
  let defaultSignals: string[] | undefined;
  if (!isObj(body.defaults)) {
    errs.add(body.defaults === undefined ? 'defaults should not be empty' : 'defaults must be an object');
  } else {
    const d = body.defaults;
    unknownKeys(d, ['url', 'entityType', 'signalTypes'], 'defaults.', errs);
    url = checkUrl(d.url, 'defaults.url', errs);
    defaultType = checkEntityType(d.entityType, 'defaults.entityType', errs);
    defaultSignals = checkSignalTypes(d.signalTypes, 'defaults.signalTypes', ALL_SIGNAL_TYPES, errs);
  }
  const defaultName = checkName(body.name, 'name', errs);
  const items: Obj[] = [];
  if (!Array.isArray(body.subscriptions)) {
    errs.add(body.subscriptions === undefined ? 'subscriptions should not be empty' : 'subscriptions must be an array');
  } else {
    checkSize(body.subscriptions, 'subscriptions', 25, errs);
    body.subscriptions.forEach((item: unknown, i) => {
      const at = `subscriptions[${i}]`;
      if (!isObj(item)) return errs.add(`${at} must be an object`);
      unknownKeys(item, ['entityId', 'entityType', 'signalTypes', 'name'], `${at}.`, errs);
      if (!isStr(item.entityId) || item.entityId.trim() === '') errs.add(`${at}.entityId should not be empty`);
      else if (item.entityId.length > 255) errs.add(`${at}.entityId must be shorter than or equal to 255 characters`);
      checkEntityType(item.entityType, `${at}.entityType`, errs);
      checkSignalTypes(item.signalTypes, `${at}.signalTypes`, ALL_SIGNAL_TYPES, errs);
      checkName(item.name, `${at}.name`, errs);
      items.push(item);
    });
  }
  if (errs.any || url === undefined) throw invalid(errs.list);
  if (!ctx.account.config.signals) throw v3Error(403, MESSAGES.signalsForbidden);

  const hub = webhookHubOf(ctx.state);
  const max = ctx.account.config.maxSubscriptions ?? WEBHOOK_DEFAULTS.maxSubscriptions;
  const owned = hub.owned(ctx.account.config.key, true);
  if (owned.length >= max) throw v3Error(403, LIMIT_REACHED);
  const taken = new Set(owned.map((s) => `${s.entityType}:${s.entityId}`));
  let count = owned.length;

  const results = items.map((item, index) => {
    const fail = (code: ItemError['code'], message: string) => ({ index, success: false, error: { code, message } });
    const entityId = String(item.entityId);
    const entityType = (item.entityType as EntityType | undefined) ?? defaultType;
    if (!entityType) return fail('VALIDATION_ERROR', 'entityType must be given in the item or in defaults');
    const requested = (item.signalTypes as string[] | undefined) ?? defaultSignals;
    if (!requested) return fail('VALIDATION_ERROR', 'signalTypes must be given in the item or in defaults');
    const signalTypes = [...new Set(requested)].filter((t) => SUBSCRIPTION_SIGNAL_TYPES[entityType].includes(t));
    if (signalTypes.length === 0) {
      return fail('VALIDATION_ERROR', `signalTypes has no signal type of entity type '${entityType}'`);
    }
    const dedupe = `${entityType}:${entityId}`;
    if (taken.has(dedupe)) {
      return fail(
        'DUPLICATE_SUBSCRIPTION',
        `Subscription already exists for entity type '${entityType}' with entity ID '${entityId}'`,
      );
    }
    if (count >= max) return fail('FORBIDDEN', LIMIT_REACHED);
    taken.add(dedupe);
    count++;
    const name = (item.name as string | undefined) ?? defaultName;
    const sub = hub.add({
      owner: ctx.account,
      entityType,
      entityId,
      signalTypes,
      url,
      ...(name !== undefined ? { name } : {}),
      isActive: true,
      blockReason: null,
      blockedAt: null,
      optOut: false,
    });
    return { index, success: true, subscription: subscriptionView(sub) };
  });
  const successful = results.filter((r) => r.success).length;
  return { status: 201, body: { total: results.length, successful, failed: results.length - successful, results } };
}

// ------------------------------------------------------------------ GET /api/subscriptions, GET /{id}

export function listSubscriptions(ctx: Ctx): HandlerResult {
  const errs = new Errors();
  const limit = queryInt(ctx, 'limit', 10, 1, 100, errs);
  const offset = queryInt(ctx, 'offset', 0, 0, Number.MAX_SAFE_INTEGER, errs);
  if (errs.any) throw invalid(errs.list);
  const subs = webhookHubOf(ctx.state)
    .owned(ctx.account.config.key)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : b.seq - a.seq));
  return { body: page(subs.map(subscriptionView), limit, offset) };
}

export function getSubscription(ctx: Ctx): HandlerResult {
  return { body: subscriptionView(ownSubscription(ctx)) };
}

// ------------------------------------------------------------------ PATCH /api/subscriptions/{id}

export function updateSubscription(ctx: Ctx): HandlerResult {
  const body = bodyOf(ctx);
  const errs = new Errors();
  unknownKeys(body, ['signalTypes', 'url', 'name', 'isActive', 'regenerateSecret'], '', errs);
  const url = body.url === undefined ? undefined : checkUrl(body.url, 'url', errs);
  const name = checkName(body.name, 'name', errs);
  for (const flag of ['isActive', 'regenerateSecret'] as const) {
    if (body[flag] !== undefined && typeof body[flag] !== 'boolean') errs.add(`${flag} must be a boolean value`);
  }
  checkSignalTypes(body.signalTypes, 'signalTypes', [...ALL_SIGNAL_TYPES, OPT_OUT_SIGNAL_TYPE], errs);
  if (errs.any) throw invalid(errs.list);
  const sub = ownSubscription(ctx);
  const signalTypes = checkSignalTypes(body.signalTypes, 'signalTypes', allowedTypes(sub), errs);
  if (errs.any) throw invalid(errs.list);

  const hub = webhookHubOf(ctx.state);
  let changed = false;
  if (signalTypes) {
    sub.signalTypes = signalTypes;
    changed = true;
  }
  if (url !== undefined) {
    sub.url = url;
    changed = true;
  }
  if (name !== undefined) {
    sub.name = name;
    changed = true;
  }
  if (typeof body.isActive === 'boolean') {
    hub.setActive(sub, body.isActive);
    changed = true;
  }
  const secret = body.regenerateSecret === true ? hub.regenerateSecret(ctx.account) : undefined;
  if (changed) sub.updatedAt = hub.nowIso();
  return { body: { ...subscriptionView(sub), ...(secret !== undefined ? { secret } : {}) } };
}

// ------------------------------------------------------------------ POST /api/subscriptions/delete

export function deleteSubscriptions(ctx: Ctx): HandlerResult {
  const body = bodyOf(ctx);
  const errs = new Errors();
  unknownKeys(body, ['ids'], '', errs);
  const ids = body.ids;
  if (!Array.isArray(ids)) errs.add(ids === undefined ? 'ids should not be empty' : 'ids must be an array');
  else {
    checkSize(ids, 'ids', 25, errs);
    if (!ids.every(isStr)) errs.add('each value in ids must be a string');
  }
  if (errs.any || !Array.isArray(ids)) throw invalid(errs.list);
  const hub = webhookHubOf(ctx.state);
  const seen = new Set<string>();
  const results: Record<string, unknown>[] = [];
  (ids as string[]).forEach((id, index) => {
    if (seen.has(id)) return;
    seen.add(id);
    const sub = hub.find(id);
    if (!sub) {
      results.push({
        index,
        success: false,
        error: { code: 'NOT_FOUND', message: `Subscription with id '${id}' not found` },
      });
    } else if (sub.owner !== ctx.account) {
      results.push({ index, success: false, error: { code: 'FORBIDDEN', message: NOT_YOURS } });
    } else {
      hub.remove(id);
      const { entityType, entityId, name } = sub;
      results.push({
        index,
        success: true,
        subscription: { id, entityType, entityId, ...(name !== undefined ? { name } : {}) },
      });
    }
  });
  const successful = results.filter((r) => r.success).length;
  return { body: { total: results.length, successful, failed: results.length - successful, results } };
}

// ------------------------------------------------------------------ POST /api/subscriptions/{id}/test

export async function testSubscription(ctx: Ctx): Promise<HandlerResult> {
  const mode = ctx.query.get('mode') ?? 'full';
  if (!(TEST_MODES as readonly string[]).includes(mode)) {
    throw invalid([`mode must be one of the following values: ${TEST_MODES.join(', ')}`]);
  }
  const hub = webhookHubOf(ctx.state);
  const sub = hub.find(ctx.params.id ?? '');
  if (!sub) throw v3Error(404, NOT_FOUND);
  if (sub.owner !== ctx.account) throw v3Error(403, NOT_YOURS);
  if (hub.secretOf(ctx.account) === null) throw v3Error(400, MISSING_SECRET);
  const firstType = sub.signalTypes[0] ?? '';
  const signalType = firstType === 'allSignals' ? (allowedTypes(sub)[0] ?? firstType) : firstType;
  const head = {
    subscriptionId: sub.id,
    ...(sub.name !== undefined ? { subscriptionName: sub.name } : {}),
    url: sub.url,
    mode,
  };
  const testPayload = { entityType: sub.entityType, signalType, data: {} };
  if (mode === 'kafka') {
    // Fan-out only: the message is processed, nothing is sent to the URL.
    return { body: { ...head, testPayload, isSuccess: true, timestamp: hub.nowIso() } };
  }
  const { result } = await hub.test(sub, signalType);
  const success = result?.ok ?? false;
  const flowCheck = {
    success,
    ...(result && result.status > 0 ? { statusCode: result.status } : {}),
    durationMs: result?.durationMs ?? 0,
  };
  return { body: { ...head, flowCheck, testPayload, isSuccess: success, timestamp: hub.nowIso() } };
}

// ------------------------------------------------------------------ POST /api/subscriptions/opt-out

export function createOptOutSubscription(ctx: Ctx): HandlerResult {
  const body = bodyOf(ctx);
  const errs = new Errors();
  unknownKeys(body, ['entityType', 'url', 'name'], '', errs);
  if (body.entityType !== 'contact') {
    errs.add(
      body.entityType === undefined
        ? 'entityType should not be empty'
        : 'entityType must be one of the following values: contact',
    );
  }
  const url = checkUrl(body.url, 'url', errs);
  const name = checkName(body.name, 'name', errs);
  if (errs.any || url === undefined) throw invalid(errs.list);
  const hub = webhookHubOf(ctx.state);
  if (hub.owned(ctx.account.config.key).some((s) => s.optOut)) {
    throw v3Error(403, 'An opt-out subscription already exists for this account');
  }
  const sub = hub.add({
    owner: ctx.account,
    entityType: 'contact',
    entityId: hub.accountId(ctx.account),
    signalTypes: [OPT_OUT_SIGNAL_TYPE],
    url,
    ...(name !== undefined ? { name } : {}),
    isActive: true,
    blockReason: null,
    blockedAt: null,
    optOut: true,
  });
  const { blockReason: _r, blockedAt: _b, ...view } = subscriptionView(sub);
  return { status: 201, body: view };
}

// ------------------------------------------------------------------ audit logs

function auditFilter(ctx: Ctx) {
  const hub = webhookHubOf(ctx.state);
  const subscriptionId = ctx.query.get('subscriptionId');
  return hub
    .auditOf(ctx.account.config.key)
    .filter((e) => subscriptionId === null || e.subscriptionId === subscriptionId);
}

export function getAuditLogs(ctx: Ctx): HandlerResult {
  const errs = new Errors();
  const status = ctx.query.get('status');
  if (status !== null && !AUDIT_STATUSES.includes(status as AuditStatus)) {
    errs.add(`status must be one of the following values: ${AUDIT_STATUSES.join(', ')}`);
  }
  const limit = queryInt(ctx, 'limit', 50, 1, 100, errs);
  const offset = queryInt(ctx, 'offset', 0, 0, Number.MAX_SAFE_INTEGER, errs);
  if (errs.any) throw invalid(errs.list);
  const entries = auditFilter(ctx)
    .filter((e) => status === null || e.status === status)
    .reverse()
    .map(({ ownerKey: _k, ...entry }) => entry);
  return { body: page(entries, limit, offset) };
}

export function getAuditLogStats(ctx: Ctx): HandlerResult {
  const entries = auditFilter(ctx);
  const success = entries.filter((e) => e.status === 'success').length;
  const total = entries.length;
  const rate = total === 0 ? 0 : (success / total) * 100;
  return { body: { total, success, failed: total - success, successRate: `${rate.toFixed(2)}%` } };
}

// ------------------------------------------------------------------ account secret

export function getAccountSecret(ctx: Ctx): HandlerResult {
  const secret = webhookHubOf(ctx.state).secretOf(ctx.account);
  if (secret === null) throw v3Error(404, MISSING_SECRET);
  return { body: { secret } };
}

export function regenerateAccountSecret(ctx: Ctx): HandlerResult {
  return { body: { secret: webhookHubOf(ctx.state).regenerateSecret(ctx.account) } };
}

const webhookRoute = (...args: Parameters<typeof route>): Route => ({ ...route(...args), bucket: WEBHOOKS_BUCKET });

export const WEBHOOK_ROUTES: Route[] = [
  webhookRoute('POST', '/api/subscriptions', createSubscriptions),
  webhookRoute('GET', '/api/subscriptions', listSubscriptions),
  webhookRoute('POST', '/api/subscriptions/delete', deleteSubscriptions),
  webhookRoute('POST', '/api/subscriptions/opt-out', createOptOutSubscription),
  webhookRoute('GET', '/api/subscriptions/:id', getSubscription),
  webhookRoute('PATCH', '/api/subscriptions/:id', updateSubscription),
  webhookRoute('POST', '/api/subscriptions/:id/test', testSubscription),
  webhookRoute('GET', '/api/audit-logs', getAuditLogs),
  webhookRoute('GET', '/api/audit-logs/stats', getAuditLogStats),
  webhookRoute('GET', '/api/account/secret', getAccountSecret),
  webhookRoute('POST', '/api/account/secret/regenerate', regenerateAccountSecret),
];
