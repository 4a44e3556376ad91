/**
 * Reading what a Zap builder typed or mapped into an identifier field, before any paid
 * call. Each reader takes any value (Zapier may hand over strings, numbers, arrays or
 * nothing at all), and returns either the normalised value or a problem in words the
 * builder can act on. Nothing here knows Zapier or Lusha's wire format.
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const problem = <T>(text: string): Parsed<T> => ({ ok: false, problem: text });

/** ASCII control characters: NUL to US, and DEL. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;

/** Text as the readers see it: control characters (NUL, tabs, new lines...) as spaces, spaces collapsed, trimmed. */
function plainText(text: string): string {
  return text.replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Whether the builder left a field empty (nothing, blank text, or a list of blanks). Blank
 * means what `readText` reads as nothing, control characters included: a field holding only
 * a NUL is empty, not an identifier.
 */
export function isBlank(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    (typeof value === 'string' && plainText(value) === '') ||
    (Array.isArray(value) && value.every(isBlank))
  );
}

/** Longest free-text value accepted (names, titles); Lusha has no use for longer ones. */
export const MAX_TEXT_LENGTH = 200;

/** Quotes a user's value for an error message, shortened so a huge value stays readable. */
export function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return `"${text.length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}

/**
 * A single text value: trimmed, inner whitespace collapsed; `undefined` when empty.
 * A number is read as text; a list, object or over-long text is a problem.
 */
export function readText(value: unknown, label: string): Parsed<string | undefined> {
  if (value === undefined || value === null) return ok(undefined);
  if (typeof value === 'number' && Number.isFinite(value)) return ok(String(value));
  if (typeof value === 'boolean') return problem(`${label} must be text, not ${value}`);
  if (typeof value !== 'string') {
    return problem(`${label} must be a single value, not a list or object (got ${quote(value)})`);
  }
  const text = plainText(value);
  if (!text) return ok(undefined);
  if (text.length > MAX_TEXT_LENGTH)
    return problem(`${label} is too long (${text.length} characters; at most ${MAX_TEXT_LENGTH})`);
  return ok(text);
}

/** Reads a value, then applies `parse` when it is not empty. */
function readWith<T>(value: unknown, label: string, parse: (text: string) => Parsed<T>): Parsed<T | undefined> {
  const text = readText(value, label);
  if (!text.ok) return text;
  return text.value === undefined ? ok(undefined) : parse(text.value);
}

const EMAIL = /^[^\s@"<>()[\],;:]+@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** An email address, lower-cased: "Ada@Example.COM " → "ada@example.com". */
export function readEmail(value: unknown, label = 'Email'): Parsed<string | undefined> {
  return readWith(value, label, (text) => {
    const email = text.replace(/^mailto:/i, '').toLowerCase();
    return EMAIL.test(email) && email.length <= 254
      ? ok(email)
      : problem(`${label} ${quote(text)} is not a valid email address (expected something like name@company.com)`);
  });
}

/** Parses a URL typed with or without its scheme. */
function parseLooseUrl(text: string): URL | undefined {
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}

const isLinkedinHost = (host: string) => host === 'linkedin.com' || host.endsWith('.linkedin.com');

/**
 * A LinkedIn URL's profile or company name, %-escapes decoded, lower case; undefined when an escape is malformed
 * ("%E0%A4%A").
 */
function decodedSlug(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw).toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * A LinkedIn profile URL, normalised to "https://www.linkedin.com/in/<slug>": any
 * linkedin.com subdomain, with or without scheme, query or trailing slash.
 */
export function readLinkedinProfileUrl(value: unknown, label = 'LinkedIn URL'): Parsed<string | undefined> {
  return readWith(value, label, (text) => {
    const url = parseLooseUrl(text);
    if (!url || !isLinkedinHost(url.hostname.toLowerCase())) {
      return problem(`${label} ${quote(text)} is not a LinkedIn URL (expected https://www.linkedin.com/in/...)`);
    }
    const match = /^\/(?:in|pub)\/([^/]+)/i.exec(url.pathname);
    const slug = match ? decodedSlug(match[1] as string) : undefined;
    if (slug === undefined) {
      return problem(
        `${label} ${quote(text)} is not a LinkedIn profile URL (expected https://www.linkedin.com/in/...)`,
      );
    }
    return ok(`https://www.linkedin.com/in/${slug}`);
  });
}

/** A LinkedIn company page URL, normalised to "https://www.linkedin.com/company/<slug>". */
export function readLinkedinCompanyUrl(value: unknown, label = 'LinkedIn URL'): Parsed<string | undefined> {
  return readWith(value, label, (text) => {
    const url = parseLooseUrl(text);
    const match = url && isLinkedinHost(url.hostname.toLowerCase()) ? /^\/company\/([^/]+)/i.exec(url.pathname) : null;
    const slug = match ? decodedSlug(match[1] as string) : undefined;
    return slug !== undefined
      ? ok(`https://www.linkedin.com/company/${slug}`)
      : problem(
          `${label} ${quote(text)} is not a LinkedIn company URL (expected https://www.linkedin.com/company/...)`,
        );
  });
}

const HOSTNAME = /^(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/** A company domain: "https://www.Acme.com/about" → "acme.com". An email's domain is accepted too. */
export function readDomain(value: unknown, label = 'Domain'): Parsed<string | undefined> {
  return readWith(value, label, (text) => {
    const candidate = text.includes('@') && !text.includes('/') ? (text.split('@').pop() as string) : text;
    const host = parseLooseUrl(candidate)
      ?.hostname.toLowerCase()
      .replace(/^www\./, '');
    return host && HOSTNAME.test(host)
      ? ok(host)
      : problem(`${label} ${quote(text)} is not a domain (expected something like acme.com)`);
  });
}

/**
 * V3's encoded form of a Lusha ID, as its answers carry it ("v1.AbCdEfGhIjKlMnOp..."); V3 also
 * accepts the numeric IDs of earlier Lusha steps "during the transition window".
 */
const ENCODED_LUSHA_ID = /^v\d+\.[A-Za-z0-9_-]{8,}$/;

/** Whether a Lusha ID is V3's encoded form (kept exactly as sent) rather than digits. */
export const isEncodedLushaId = (id: string): boolean => ENCODED_LUSHA_ID.test(id);

/**
 * A Lusha ID (person or company), as a string: digits without leading zeros ("0042" is 42), or
 * V3's encoded form, kept exactly as given.
 */
export function readLushaId(value: unknown, label: string): Parsed<string | undefined> {
  return readWith(value, label, (text) =>
    /^\d{1,19}$/.test(text)
      ? ok(text.replace(/^0+(?=\d)/, ''))
      : isEncodedLushaId(text)
        ? ok(text)
        : problem(
            `${label} ${quote(text)} is not a Lusha ID (expected digits, e.g. 4183886134, or an ID as Lusha outputs ` +
              'it, e.g. v1.AbCdEfGhIjKl)',
          ),
  );
}

/** Whether YYYY-MM-DD `day` is a day of the calendar (Date rolls "2025-02-30" over to March 2). */
function isCalendarDay(day: string): boolean {
  const time = Date.parse(`${day}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === day;
}

/**
 * A calendar date, normalised to YYYY-MM-DD (accepts ISO timestamps and other parseable dates).
 * An ISO timestamp keeps its own date ("2026-03-01T23:30:00-05:00" is March 1, as a date
 * picker meant it); a YYYY-MM-DD that is no day of the calendar ("2025-02-30") is a problem.
 */
export function readDate(value: unknown, label: string): Parsed<string | undefined> {
  return readWith(value, label, (text) => {
    const day = /^(\d{4}-\d{2}-\d{2})(?:$|T)/.exec(text)?.[1];
    const time = Date.parse(day === text ? `${text}T00:00:00Z` : text);
    if (Number.isNaN(time) || (day !== undefined && !isCalendarDay(day))) {
      return problem(`${label} ${quote(text)} is not a date (expected YYYY-MM-DD)`);
    }
    return ok(day ?? new Date(time).toISOString().slice(0, 10));
  });
}

/**
 * A list value: Zapier sends list fields as arrays, but a mapped value may arrive as one
 * string separated by commas or new lines (`separator`; pass /\n/ where entries may
 * themselves contain commas, like job titles). Empty entries are dropped.
 */
export function readList(value: unknown, label: string, separator: RegExp = /[,\n]/): Parsed<string[]> {
  if (value === undefined || value === null || value === '') return ok([]);
  const raw = Array.isArray(value) ? value : typeof value === 'string' ? value.split(separator) : [value];
  const items: string[] = [];
  for (const entry of raw) {
    const text = readText(entry, `Each entry of ${label}`);
    if (!text.ok) return text;
    if (text.value !== undefined) items.push(text.value);
  }
  return ok(items);
}

/** The outcome of reading a whole input (several fields): the value, or every problem found. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/**
 * Collects the problems of several readers, so a builder sees every problem at once:
 * `const email = problems.take(readEmail(input.email))` is the value, or `undefined` with
 * the problem recorded (after `prefix`, e.g. "Row 3: ").
 */
export class ProblemList {
  readonly problems: string[] = [];

  take<T>(parsed: Parsed<T>, prefix = ''): T | undefined {
    if (parsed.ok) return parsed.value;
    this.problems.push(prefix + parsed.problem);
    return undefined;
  }

  add(problemText: string): void {
    this.problems.push(problemText);
  }

  /** The value of a reader of several values, or `undefined` with all its problems recorded. */
  takeAll<T>(checked: Checked<T>): T | undefined {
    if (checked.ok) return checked.value;
    this.problems.push(...checked.problems);
    return undefined;
  }

  /** How many problems so far (a reader can tell whether its own steps added any). */
  get count(): number {
    return this.problems.length;
  }

  /** `value` when nothing went wrong, else every problem. */
  result<T>(value: T): Checked<T> {
    return this.problems.length === 0 ? { ok: true, value } : { ok: false, problems: [...this.problems] };
  }
}

/** One of `choices` (matched without case, returned as spelled in `choices`); empty means `undefined`. */
export function readChoice<T extends string>(
  value: unknown,
  label: string,
  choices: readonly T[],
): Parsed<T | undefined> {
  return readWith(value, label, (text) => {
    const match = choices.find((choice) => choice.toLowerCase() === text.toLowerCase());
    return match ? ok(match) : problem(`${label} ${quote(text)} is not one of: ${choices.join(', ')}`);
  });
}

/**
 * A list of Lusha IDs (a list field, or text separated by commas or new lines): every entry
 * checked, each bad one named by its position ('Exclude Person IDs, entry 2: "x1" is not a
 * Lusha ID ...'). Empty entries are dropped; the IDs keep their order. With `asNumbers`, each
 * numeric one must also fit a JSON number exactly (for endpoints that take IDs as numbers).
 */
export function readLushaIdList(
  value: unknown,
  label: string,
  options: { asNumbers?: boolean } = {},
): Checked<string[]> {
  const list = readList(value, label);
  if (!list.ok) return { ok: false, problems: [list.problem] };
  const problems = new ProblemList();
  const ids: string[] = [];
  list.value.forEach((entry, index) => {
    const at = `${label}, entry ${index + 1}:`;
    const id = problems.take(readLushaId(entry, at));
    if (id === undefined) return;
    if (options.asNumbers && !isEncodedLushaId(id) && !Number.isSafeInteger(Number(id)))
      problems.add(`${at} ${quote(id)} is too large to be a Lusha ID`);
    else ids.push(id);
  });
  return problems.result(ids);
}
