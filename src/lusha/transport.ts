/**
 * The wire under the Lusha client. Two implementations exist:
 * - `ZapierTransport` (src/zapier/transport.ts) sends through `z.request` inside Zapier, so
 *   Zapier's logging, secret scrubbing and the app's auth middleware apply;
 * - `UndiciTransport` (below) sends through undici anywhere else (scripts, benchmarks, a
 *   port to another platform) and adds the auth header itself.
 *
 * A transport sends exactly one request and reports exactly what came back: every status
 * is a response, never an exception. It throws only `TransportFailure`, when no complete
 * response arrived (timeout, refused or dropped connection). It never follows redirects:
 * a redirect could carry the API key to another host.
 */
import { request as undiciRequest, type Dispatcher } from 'undici';

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

export interface UndiciTransportOptions {
  baseUrl: string;
  apiKey: string;
  userAgent: string;
  /** An undici Dispatcher (Agent, MockAgent...); undici's global one by default. */
  dispatcher?: Dispatcher;
}

export class UndiciTransport implements Transport {
  constructor(private readonly options: UndiciTransportOptions) {}

  async send(request: TransportRequest): Promise<TransportResponse> {
    const url = new URL(request.pathAndQuery, this.options.baseUrl);
    const headers: Record<string, string> = {
      api_key: this.options.apiKey,
      'user-agent': this.options.userAgent,
      accept: 'application/json',
    };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    const signal = AbortSignal.timeout(request.timeoutMs);
    try {
      const response = await undiciRequest(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal,
        dispatcher: this.options.dispatcher,
      });
      const text = await response.body.text();
      const flat: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
      }
      return { status: response.statusCode, headers: flat, text };
    } catch (error) {
      if (signal.aborted) {
        throw new TransportFailure('timeout', `no complete response within ${request.timeoutMs} ms`);
      }
      throw new TransportFailure('network', describeNetworkError(error));
    }
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
