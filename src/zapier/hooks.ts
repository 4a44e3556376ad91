/**
 * What Zapier hands a REST-hook trigger's `perform` about the request it caught: the raw body
 * (`bundle.rawRequest.content`, what a signature is computed over) and the headers, whose
 * names Zapier passes with an `Http-` prefix and its own casing (`X-Lusha-Signature` arrives
 * as `Http-X-Lusha-Signature`). Headers are looked up case-insensitively, with or without
 * the prefix.
 */
import type { Bundle } from 'zapier-platform-core';

export function hookHeader(bundle: Pick<Bundle, 'rawRequest'>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(bundle.rawRequest?.headers ?? {})) {
    const bare = key.toLowerCase().replace(/^http-/, '');
    if (bare === wanted && typeof value === 'string') return value;
  }
  return undefined;
}

export function hookBody(bundle: Pick<Bundle, 'rawRequest'>): string | undefined {
  const content = bundle.rawRequest?.content;
  return typeof content === 'string' ? content : undefined;
}
