/**
 * The wire side of Lusha's webhook deliveries (spec tag "Webhooks", "Security & Verification";
 * operation `createSubscription`, "Headers Included"): the HMAC-SHA256 signature and one HTTP POST
 * of a JSON body to a subscriber's URL, with a timeout and a way to cancel it. Only `node:http` /
 * `node:https`, one connection per attempt (no keep-alive), so nothing outlives `sb.stop()`.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

export const USER_AGENT = 'Lusha-Webhooks/1.0';
const MAX_RESPONSE = 65_536;

/** Hex HMAC-SHA256 of `"{timestamp}.{rawBody}"` keyed by the account secret. */
export function signature(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex');
}

/** The headers of a delivery, signed now (Unix seconds, real time). */
export function deliveryHeaders(secret: string, rawBody: string, nowMs: number): Record<string, string> {
  const timestamp = String(Math.floor(nowMs / 1000));
  return {
    'content-type': 'application/json',
    'user-agent': USER_AGENT,
    'x-lusha-timestamp': timestamp,
    'x-lusha-signature': signature(secret, timestamp, rawBody),
  };
}

export interface PostResult {
  /** HTTP status, 0 when none came back. */
  status: number;
  ok: boolean;
  error: string | null;
  responseBody: string;
  durationMs: number;
}

export interface PendingPost {
  done: Promise<PostResult>;
  cancel(): void;
}

/** POST `rawBody` to `url`; success = a 2xx answer, body included, within `timeoutMs`. Never rejects. */
export function postJson(
  url: string,
  headers: Record<string, string>,
  rawBody: string,
  timeoutMs: number,
): PendingPost {
  const t0 = performance.now();
  let settled = false;
  let status = 0;
  let resolveDone: (r: PostResult) => void = () => undefined;
  const done = new Promise<PostResult>((resolve) => {
    resolveDone = resolve;
  });
  // Not const: `finish` can run before the timer is armed (a request that cannot even be built).
  let timer: NodeJS.Timeout | undefined = undefined;
  const finish = (ok: boolean, error: string | null, responseBody = '') => {
    if (settled) return;
    settled = true;
    if (timer) clearTimeout(timer);
    resolveDone({ status, ok, error, responseBody, durationMs: Math.round(performance.now() - t0) });
  };

  let req: http.ClientRequest;
  try {
    const target = new URL(url);
    const transport = target.protocol === 'https:' ? https : http;
    // One options object (not URL + options): nock's interception of http.request, which the
    // connector's end-to-end tests keep on, drops the method and headers of the two-argument form.
    req = transport.request({
      protocol: target.protocol,
      hostname: target.hostname.replace(/^\[|\]$/g, ''),
      port: target.port || undefined,
      path: `${target.pathname}${target.search}`,
      method: 'POST',
      agent: false,
      headers: { ...headers, 'content-length': String(Buffer.byteLength(rawBody)) },
    });
  } catch (err) {
    finish(false, (err as Error).message);
    return { done, cancel: () => undefined };
  }
  timer = setTimeout(() => {
    finish(false, `Timeout: no complete answer within ${timeoutMs} ms`);
    req.destroy();
  }, timeoutMs);
  req.on('response', (res) => {
    status = res.statusCode ?? 0;
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      if (size < MAX_RESPONSE) chunks.push(chunk);
      size += chunk.length;
    });
    res.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8').slice(0, MAX_RESPONSE);
      const ok = status >= 200 && status < 300;
      finish(ok, ok ? null : `HTTP ${status}`, text);
    });
    res.on('error', (err) => finish(false, err.message));
  });
  req.on('error', (err: NodeJS.ErrnoException) => finish(false, err.message || err.code || String(err)));
  req.end(rawBody);
  return {
    done,
    cancel: () => {
      finish(false, 'Cancelled: the sandbox stopped');
      req.destroy();
    },
  };
}
