/** Small validation helpers collecting class-validator-style messages. */
import { isValidYmd } from './dates';

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

export function isStr(v: unknown): v is string {
  return typeof v === 'string';
}

export function nonEmptyStr(v: unknown): v is string {
  return typeof v === 'string' && v.trim() !== '';
}

export class Errors {
  readonly list: string[] = [];
  add(msg: string): void {
    this.list.push(msg);
  }
  get any(): boolean {
    return this.list.length > 0;
  }
}

export function unknownKeys(o: Obj, allowed: readonly string[], prefix: string, errs: Errors): void {
  for (const k of Object.keys(o)) {
    if (!allowed.includes(k)) errs.add(`property ${prefix}${k} should not exist`);
  }
}

export function optBool(o: Obj, key: string, prefix: string, errs: Errors): boolean | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') {
    errs.add(`${prefix}${key} must be a boolean value`);
    return undefined;
  }
  return v;
}

export function optDate(o: Obj, key: string, prefix: string, errs: Errors): string | undefined {
  const v = o[key];
  if (v === undefined) return undefined;
  if (!isValidYmd(v)) {
    errs.add(`${prefix}${key} must be a valid date in YYYY-MM-DD format`);
    return undefined;
  }
  return v;
}

export function stringArray(v: unknown, name: string, errs: Errors): string[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) {
    errs.add(`${name} must be an array of strings`);
    return undefined;
  }
  return v as string[];
}

export function numberArray(v: unknown, name: string, errs: Errors): number[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    errs.add(`each value in ${name} must be a number`);
    return undefined;
  }
  return v as number[];
}

/** The errors of a list that does not hold 1 to `max` entries. */
export function checkSize(list: readonly unknown[], name: string, max: number, errs: Errors): void {
  if (list.length < 1) errs.add(`${name} must contain at least 1 elements`);
  if (list.length > max) errs.add(`${name} must contain no more than ${max} elements`);
}

/** A required array: undefined, with the error, when `v` is missing or not an array. */
export function requiredArray(v: unknown, name: string, errs: Errors): unknown[] | undefined {
  if (v === undefined) {
    errs.add(`${name} should not be empty`);
    return undefined;
  }
  if (!Array.isArray(v)) {
    errs.add(`${name} must be an array`);
    return undefined;
  }
  return v;
}

/** Query-string boolean: "true" / "false" only. */
export function queryBool(q: URLSearchParams, key: string, errs: Errors): boolean | undefined {
  const v = q.get(key);
  if (v === null) return undefined;
  if (v === 'true') return true;
  if (v === 'false') return false;
  errs.add(`${key} must be a boolean value`);
  return undefined;
}

/** Query-string text, trimmed; undefined when the parameter is missing or blank. */
export function queryText(q: URLSearchParams, key: string): string | undefined {
  const v = q.get(key)?.trim();
  return v === undefined || v === '' ? undefined : v;
}

/** Query-string list: repeated parameters and/or comma-separated values. */
export function queryList(q: URLSearchParams, key: string): string[] | undefined {
  const all = q.getAll(key);
  if (all.length === 0) return undefined;
  return all
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');
}
