/**
 * The Lusha client's transport outside Zapier (scripts, benchmarks, a port to another
 * platform): undici, adding the `api_key` header and User-Agent itself. Kept in its own
 * module so that the Zapier app, which sends through z.request, never loads undici.
 */
import { request as undiciRequest, type Dispatcher } from 'undici';
import {
  TransportFailure,
  networkFailure,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from './transport';

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
      throw networkFailure(error);
    }
  }
}
