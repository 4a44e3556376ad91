/**
 * What Zapier records of a run: zapier-platform-core streams every log line of an invocation
 * (z.console, each z.request with its request and response, the "Unhandled error" line with
 * the stack) as JSON lines to its log service, after scrubbing the connection's secrets. In
 * a test, `LOGGING_ENDPOINT` and `LOGGING_TOKEN` make core send that stream to a local server
 * instead; this is that server. It records exactly what Zapier's log service would receive.
 */
import http from 'node:http';

export interface LogLine {
  message: string;
  data: Record<string, unknown>;
}

export interface LogCollector {
  /** Every line received so far (none when `inspect` is given: lines are checked as they arrive). */
  lines(): LogLine[];
  stop(): Promise<void>;
}

/**
 * Starts the collector and points core's logger at it for this test file (restored on stop).
 * Core reads both variables when each invocation starts. With `inspect`, each line is handed
 * over as it arrives (with its raw JSON text) and not kept: a long run logs every response
 * body, which is too much to hold.
 */
export async function startLogCollector(inspect?: (line: LogLine, raw: string) => void): Promise<LogCollector> {
  const kept: LogLine[] = [];
  const receive = (body: string) => {
    for (const raw of body.split('\n')) {
      if (raw.trim() === '') continue;
      // A stream core cut short (it waits 200 ms for the log service at the end of a run) may
      // end in half a line: it is still searched as text.
      let line: LogLine;
      try {
        line = JSON.parse(raw) as LogLine;
      } catch {
        line = { message: raw, data: { log_type: 'unparsed' } };
      }
      if (inspect) inspect(line, raw);
      else kept.push(line);
    }
  };
  let open = 0;
  let lastActivity = Date.now();
  const server = http.createServer((req, res) => {
    open += 1;
    lastActivity = Date.now();
    res.on('close', () => {
      open -= 1;
      lastActivity = Date.now();
    });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      receive(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as { port: number };
  const previous = { endpoint: process.env.LOGGING_ENDPOINT, token: process.env.LOGGING_TOKEN };
  process.env.LOGGING_ENDPOINT = `http://127.0.0.1:${port}/input`;
  process.env.LOGGING_TOKEN = 'test-log-token';
  const restore = (name: 'LOGGING_ENDPOINT' | 'LOGGING_TOKEN', value: string | undefined) => {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  };
  return {
    lines: () => [...kept],
    stop: async () => {
      restore('LOGGING_ENDPOINT', previous.endpoint);
      restore('LOGGING_TOKEN', previous.token);
      // Core may still be streaming the last runs' logs, or open a stream for them later: the
      // server stays up (without holding the process) and closes a while after, so no stream is
      // cut and core never reports a failed log request after the file's tests are done.
      const until = Date.now() + 5_000;
      while (Date.now() < until && (open > 0 || Date.now() - lastActivity < 300)) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      server.unref();
      setTimeout(() => server.close(), 60_000).unref();
    },
  };
}
