/**
 * The wire under the Lusha client. Two implementations exist:
 * - `ZapierTransport` (src/zapier/transport.ts) sends through `z.request` inside Zapier, so
 *   Zapier's logging, secret scrubbing and the app's auth middleware apply;
 * - `UndiciTransport` (src/lusha/undici-transport.ts) sends through undici anywhere else
 *   (scripts, benchmarks, a port to another platform) and adds the auth header itself. The
 *   Zapier app never loads it, so undici adds nothing to its cold start or package.
 *
 * A transport sends exactly one request and reports exactly what came back: every status
 * is a response, never an exception. It throws only `TransportFailure`, when no complete
 * response arrived (timeout, refused or dropped connection). It never follows redirects:
 * a redirect could carry the API key to another host.
 */
export type HttpMethod = 'GET' | 'POST';

export interface TransportRequest {
  method: HttpMethod;
  /** Path and query string, e.g. "/v2/person?email=a%40b.com". */
  pathAndQuery: string;
  /** JSON body, for POST. */
  body?: unknown;
  /** Give up when no complete response (headers and body) arrived within this many ms. */
  timeoutMs: number;
}

export interface TransportResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The raw body text (parsed by the client, so a malformed body is reported, not thrown). */
  text: string;
}

export interface Transport {
  send(request: TransportRequest): Promise<TransportResponse>;
}

export class TransportFailure extends Error {
  constructor(
    readonly reason: 'timeout' | 'network',
    message: string,
  ) {
    super(message);
    this.name = 'TransportFailure';
  }
}

/** A short, key-free description of a low-level network error ("ECONNRESET", "socket hang up"). */
export function describeNetworkError(error: unknown): string {
  if (error && typeof error === 'object') {
    const { code, message } = error as { code?: unknown; message?: unknown };
    if (typeof code === 'string' && code) return `connection failed (${code})`;
    if (typeof message === 'string' && message) return `connection failed (${message.split('\n')[0]})`;
  }
  return 'connection failed';
}
