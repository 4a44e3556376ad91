/**
 * What the V3 signals family shares (signals, signal scores, buying group, website visits):
 * the Signals plan check, body and identifier readers, Lusha ids as V3 strings, the credit
 * checks in the V3 error shape, and a small deterministic hash for data that is a pure function
 * of (entity, day): LinkedIn activity and website visits.
 *
 * Operation ids: getContactSignals, getCompanySignals, getCompanySignalScores,
 * getContactSignalScores, getContactsBuyingGroup, getWebsiteVisits.
 */
import type { Account } from '../accounts';
import type { Ctx } from '../context';
import { MESSAGES } from '../errors';
import { type Errors, isObj, isStr, type Obj } from '../validate';
import { v3BadRequest, v3Error, v3PaymentRequired } from './common';

/** 403 for keys whose plan has no Signals (V2 uses the same message on /api/signals/*). */
export function requireSignalsPlan(ctx: Ctx): void {
  if (!ctx.account.config.signals) throw v3Error(403, MESSAGES.signalsForbidden);
}

/** The JSON body as an object, else 400. */
export function bodyObject(ctx: Ctx): Obj {
  if (!isObj(ctx.body)) throw v3BadRequest(['Request body must be a JSON object']);
  return ctx.body;
}

/** Paid V3 endpoints: 402 as soon as the balance is 0, and 402 (nothing charged) when the cost exceeds it. */
export function assertV3HasCredits(account: Account): void {
  if (account.remaining <= 0) throw v3PaymentRequired();
}

export function assertV3CanPay(account: Account, cost: number): void {
  if (cost > account.remaining) throw v3PaymentRequired();
}

/**
 * A Lusha id sent as a V3 string: the numeric id ("1300000042"), surrounding spaces ignored.
 * The sandbox's V3 ids are Lusha's numeric ids as strings (the form the spec's Search, Enrich and
 * Signals examples show); the encrypted `vN.…` form is not produced, and reads as unknown.
 */
export function numericId(s: string): number | undefined {
  const t = s.trim();
  return /^\d{1,15}$/.test(t) ? Number(t) : undefined;
}

/** `tableId` (Signals requests): a string; the sandbox has no Tables, so any table is unknown (404). */
export function readTableId(body: Obj, errs: Errors): string | undefined {
  const v = body.tableId;
  if (v === undefined) return undefined;
  if (!isStr(v)) {
    errs.add('tableId must be a string');
    return undefined;
  }
  return v;
}

export function tableNotFound(): never {
  throw v3Error(404, 'TABLE_NOT_FOUND: Table not found');
}

/** Optional `clientReferenceId`: a string of at most 256 characters, echoed back. */
export function clientReference(item: Obj, at: string, errs: Errors): string | undefined {
  const v = item.clientReferenceId;
  if (v === undefined) return undefined;
  if (!isStr(v)) {
    errs.add(`${at}.clientReferenceId must be a string`);
    return undefined;
  }
  if (v.length > 256) errs.add(`${at}.clientReferenceId must be shorter than or equal to 256 characters`);
  return v;
}

/** An optional string field; a present but non-string or blank value is a problem. */
export function optText(item: Obj, key: string, at: string, errs: Errors): string | undefined {
  const v = item[key];
  if (v === undefined) return undefined;
  if (!isStr(v)) {
    errs.add(`${at}.${key} must be a string`);
    return undefined;
  }
  if (v.trim() === '') {
    errs.add(`${at}.${key} should not be empty`);
    return undefined;
  }
  return v.trim();
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export function isEmail(s: string): boolean {
  return EMAIL.test(s);
}

/** Optional integer within [min, max] (max may be Infinity), class-validator style messages. */
export function optInt(v: unknown, name: string, min: number, max: number, errs: Errors): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    errs.add(`${name} must be an integer number`);
    return undefined;
  }
  if (v < min) errs.add(`${name} must not be less than ${min}`);
  else if (v > max) errs.add(`${name} must not be greater than ${max}`);
  else return v;
  return undefined;
}

/** FNV-1a over the parts, then a murmur3 finaliser: a well-mixed 32-bit value. */
export function hash32(...parts: (string | number)[]): number {
  const s = parts.join('|');
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A deterministic number in [0, 1) from the parts. */
export function unit(...parts: (string | number)[]): number {
  return hash32(...parts) / 4294967296;
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(ymdDate: string): number {
  return Math.floor(Date.parse(`${ymdDate}T00:00:00Z`) / DAY_MS);
}

export function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
