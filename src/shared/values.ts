/**
 * Small readers shared by the record mappers of every domain: they accept every documented
 * spelling of a value and return `null` (never `undefined`) when Lusha sent nothing, so each
 * record always has the same keys. Plain TypeScript: nothing here knows Zapier or Lusha's
 * wire format.
 */

/** The first value that is a non-empty string or a finite number, as trimmed text. */
export function firstText(...values: unknown[]): string | null {
  for (const value of values) {
    if (typeof value === 'string' && value.trim()) return value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return null;
}

/** Distinct non-empty texts, in order. */
export function uniqueTexts(values: readonly unknown[]): string[] {
  return [...new Set(values.map((value) => firstText(value)).filter((value): value is string => value !== null))];
}

const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** A range sent as `[min, max]` or `{min, max}`. */
export function rangeOf(value: unknown): { min: number | null; max: number | null } {
  if (Array.isArray(value)) return { min: finite(value[0]), max: finite(value[1]) };
  if (value && typeof value === 'object') {
    const { min, max } = value as { min?: unknown; max?: unknown };
    return { min: finite(min), max: finite(max) };
  }
  return { min: null, max: null };
}

/** A social link sent as a URL string or as `{url}`. */
export function socialUrl(value: unknown): string | null {
  if (value && typeof value === 'object') return firstText((value as { url?: unknown }).url);
  return firstText(value);
}

/** The bare host of the first value that looks like a domain or URL: "https://www.acme.com/x" → "acme.com". */
export function domainOf(...values: unknown[]): string | null {
  for (const value of values) {
    const text = firstText(value);
    if (!text) continue;
    try {
      const host = new URL(/^https?:\/\//i.test(text) ? text : `https://${text}`).hostname.toLowerCase();
      if (host.includes('.')) return host.replace(/^www\./, '');
    } catch {
      // not a URL: try the next spelling
    }
  }
  return null;
}

/** A website as a full URL: "lusha.com" → "https://lusha.com". */
export function websiteOf(...values: unknown[]): string | null {
  const text = firstText(...values);
  if (!text) return null;
  return /^https?:\/\//i.test(text) ? text : `https://${text}`;
}

/**
 * A count for people to read, with comma thousands separators: 1000 → "1,000". Plain code
 * rather than toLocaleString, whose first call loads ICU locale data (10–20 ms of cold start).
 */
export function formatCount(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [whole, fraction] = String(Math.abs(n)).split('.');
  const grouped = (whole as string).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/**
 * A date as YYYY-MM-DD, the ISO form Zapier expects: an ISO date or timestamp is cut to its
 * date; another parseable date ("Nov 10, 2021", as Lusha sends funding rounds) is read in
 * UTC; anything else is kept as sent rather than lost.
 */
export function toIsoDate(value: unknown): string | null {
  const text = firstText(value);
  if (!text) return null;
  const head = /^(\d{4}-\d{2}-\d{2})/.exec(text);
  if (head) return head[1] as string;
  const time = Date.parse(/(?:Z|UTC|GMT|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text} UTC`);
  return Number.isNaN(time) ? text : new Date(time).toISOString().slice(0, 10);
}

/**
 * Lusha's seniority levels as every output and the Seniority dropdown spell them (the names
 * of Lusha's V2 seniority list), whatever spelling an answer used: "partner" in a signal, "Vice President" in V3,
 * "c-suite" in a prospect.
 */
const SENIORITY_LABELS: Record<string, string> = {
  founder: 'Founder',
  owner: 'Founder',
  'c-suite': 'C-Suite',
  'c suite': 'C-Suite',
  'c-level': 'C-Suite',
  cxo: 'C-Suite',
  vp: 'VP',
  'vice president': 'VP',
  partner: 'Partner',
  director: 'Director',
  manager: 'Manager',
  senior: 'Senior',
  entry: 'Entry',
  'entry level': 'Entry',
  intern: 'Intern',
  other: 'Other',
  'non-manager': 'Non-Manager',
};

/** "work_email" → "Work Email"; "c-suite" → "C-Suite". */
export function titleCase(text: string): string {
  return text
    .replace(/_/g, ' ')
    .replace(/(^|[\s-])([a-z])/g, (_m, sep: string, letter: string) => sep + letter.toUpperCase());
}

/** A seniority as its one label ("VP"); an unknown one title-cased, so nothing Lusha adds is lost. */
export function seniorityLabel(value: unknown): string | null {
  const text = firstText(value);
  if (!text) return null;
  return SENIORITY_LABELS[text.toLowerCase().replace(/\s+/g, ' ')] ?? titleCase(text);
}
