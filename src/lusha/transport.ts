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

/**
 * Why no complete response arrived:
 * - `refused`: the connection was never made (refused, name not resolved): the request
 *   certainly did not reach Lusha;
 * - `network`: the connection broke after it was made (reset, hang-up): Lusha may have
 *   received, processed and charged the request;
 * - `timeout`: no complete answer in time: likewise, Lusha may have processed it.
 */
export type TransportFailureReason = 'refused' | 'network' | 'timeout';

export class TransportFailure extends Error {
  constructor(
    readonly reason: TransportFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'TransportFailure';
  }
}

/** Error codes that mean the connection was never made, so the request never left. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** The TransportFailure for a low-level error: `refused` when it certainly never reached Lusha. */
export function networkFailure(error: unknown): TransportFailure {
  const code = error && typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
  const causeCode =
    error && typeof error === 'object' ? (error as { cause?: { code?: unknown } }).cause?.code : undefined;
  const refused = [code, causeCode].some((c) => typeof c === 'string' && NOT_SENT_CODES.has(c));
  return new TransportFailure(refused ? 'refused' : 'network', describeNetworkError(error));
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
