/**
 * The Lusha client's transport inside Zapier: every request goes through `z.request`, so
 * Zapier's request logging and secret scrubbing apply and the app's `beforeRequest`
 * middleware (src/auth.ts) adds the API key and User-Agent for the Lusha host.
 *
 * The client must see every status itself (Lusha's 429 headers, its error bodies), so the
 * requests opt out of core's early 429 throw and of throwForStatus, and never follow a
 * redirect (which could carry the key elsewhere).
 */
import type { HttpRequestOptions, ZObject } from 'zapier-platform-core';
import {
  TransportFailure,
  networkFailure,
  type Transport,
  type TransportRequest,
  type TransportResponse,
} from '../lusha/transport';

/**
 * The JSON text of `body`, with every "{{" written "{\u007b". Core's z.request refuses a body
 * that contains "{{bundle.…}}" or "{{process.…}}" (its old template syntax), and a Zap
 * builder's text may contain one (a search text, a name, a mapped value): the request would
 * fail before it left, and read as Lusha being unavailable. "{{" only ever occurs inside JSON
 * strings, where "\u007b" is the same "{", so Lusha receives exactly the builder's text.
 */
export function jsonWithoutCurlies(body: unknown): string {
  return JSON.stringify(body).replace(/\{\{/g, '{\\u007b');
}

/** Request options core reads but its TypeScript types lack. */
type CoreRequestOptions = HttpRequestOptions & { url: string; throwForThrottlingEarly: boolean };

export class ZapierTransport implements Transport {
  constructor(
    private readonly z: ZObject,
    private readonly baseUrl: string,
  ) {}

  async send(request: TransportRequest): Promise<TransportResponse> {
    const options: CoreRequestOptions = {
      url: this.baseUrl + request.pathAndQuery,
      method: request.method,
      headers: { accept: 'application/json' },
      timeout: request.timeoutMs,
      redirect: 'manual',
      skipThrowForStatus: true,
      throwForThrottlingEarly: false,
    };
    if (request.body !== undefined) {
      options.headers = { ...options.headers, 'content-type': 'application/json' };
      options.body = jsonWithoutCurlies(request.body);
    }
    let response;
    try {
      response = await this.z.request(options);
    } catch (error) {
      // node-fetch reports its timeouts as FetchError type "request-timeout" / "body-timeout".
      const type = (error as { type?: unknown }).type;
      if (type === 'request-timeout' || type === 'body-timeout') {
        throw new TransportFailure('timeout', `no complete response within ${request.timeoutMs} ms`);
      }
      throw networkFailure(error);
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value: string, name: string) => {
      headers[name.toLowerCase()] = value;
    });
    return { status: response.status, headers, text: response.content };
  }
}
