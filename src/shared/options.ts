/**
 * Reading a step's option fields (numbers, yes/no switches) before any call. Like the
 * identifier readers, each takes any value Zapier may hand over (a number, a string, a
 * boolean, nothing) and returns the value or a problem in words the builder can act on.
 */
import { quote, type Parsed } from './readers';

/**
 * A whole number within [min, max]; `undefined` when empty. "25", 25 and " 25 " all read as
 * 25; "2.5", "ten" or 0 (when min is 1) are problems naming the allowed range.
 */
export function readInteger(value: unknown, label: string, min: number, max: number): Parsed<number | undefined> {
  if (value === undefined || value === null) return { ok: true, value: undefined };
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
  if (text === '') return { ok: true, value: undefined };
  const outOfRange = {
    ok: false as const,
    problem: `${label} must be a whole number from ${min} to ${max} (got ${quote(value)})`,
  };
  if (text === undefined || !/^-?\d+$/.test(text)) return outOfRange;
  const number = Number(text);
  return number < min || number > max ? outOfRange : { ok: true, value: number };
}

const TRUE = new Set(['true', 'yes', 'y', '1', 'on']);
const FALSE = new Set(['false', 'no', 'n', '0', 'off', '']);

/** A yes/no switch: Zapier sends booleans or "true"/"false"; a mapped "yes"/"no" works too. Empty is `fallback`. */
export function readBoolean(value: unknown, label: string, fallback = false): Parsed<boolean> {
  if (value === undefined || value === null) return { ok: true, value: fallback };
  if (typeof value === 'boolean') return { ok: true, value };
  if (typeof value !== 'string' && typeof value !== 'number') {
    return { ok: false, problem: `${label} must be yes or no (got ${quote(value)})` };
  }
  const text = String(value).trim().toLowerCase();
  if (text === '') return { ok: true, value: fallback };
  if (TRUE.has(text)) return { ok: true, value: true };
  if (FALSE.has(text)) return { ok: true, value: false };
  return { ok: false, problem: `${label} must be yes or no (got ${quote(value)})` };
}
