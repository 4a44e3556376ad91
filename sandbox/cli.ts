/**
 * `npm run sandbox [-- --port N --host H --seed N --now ISO --keys keys.json]`
 * Port: --port, else $PORT, else 4010. Extra keys: --keys <file> and/or $LUSHA_SANDBOX_KEYS (JSON array),
 * added to the demo key `lusha-sandbox-key`. Also $LUSHA_SANDBOX_SEED and $LUSHA_SANDBOX_NOW.
 */
import { readFileSync } from 'node:fs';
import { DEFAULT_KEY, startSandbox, type SandboxKeyConfig } from './index';

function fail(message: string): never {
  console.error(`lusha-sandbox: ${message}`);
  process.exit(2);
}

function parseArgs(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--help' || a === '-h') {
      console.log('Usage: npm run sandbox -- [--port N] [--host H] [--seed N] [--now YYYY-MM-DD] [--keys keys.json]');
      process.exit(0);
    }
    const m = /^--([a-z]+)(?:=(.*))?$/.exec(a);
    if (!m?.[1]) fail(`unknown argument ${a}`);
    const value = m[2] ?? argv[++i];
    if (value === undefined) fail(`missing value for --${m[1]}`);
    out[m[1]] = value;
  }
  return out;
}

function readKeys(json: string, source: string): SandboxKeyConfig[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch (e) {
    fail(`${source} is not valid JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(parsed)) fail(`${source} must hold a JSON array of keys`);
  return parsed as SandboxKeyConfig[];
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const portText = args.port ?? process.env.PORT ?? '4010';
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`invalid port ${portText}`);
  const seedText = args.seed ?? process.env.LUSHA_SANDBOX_SEED;
  const seed = seedText === undefined ? undefined : Number(seedText);
  if (seed !== undefined && !Number.isInteger(seed)) fail(`invalid seed ${seedText}`);
  const now = args.now ?? process.env.LUSHA_SANDBOX_NOW;

  const extra: SandboxKeyConfig[] = [];
  if (args.keys) {
    let text: string;
    try {
      text = readFileSync(args.keys, 'utf8');
    } catch (e) {
      fail(`cannot read ${args.keys}: ${(e as Error).message}`);
    }
    extra.push(...readKeys(text, args.keys));
  }
  if (process.env.LUSHA_SANDBOX_KEYS) extra.push(...readKeys(process.env.LUSHA_SANDBOX_KEYS, 'LUSHA_SANDBOX_KEYS'));
  const keys = [DEFAULT_KEY, ...extra.filter((k) => k.key !== DEFAULT_KEY.key)];
  const overridden = extra.find((k) => k.key === DEFAULT_KEY.key);
  if (overridden) keys[0] = overridden;

  let sandbox;
  try {
    sandbox = await startSandbox({ port, host: args.host ?? '127.0.0.1', seed, now, keys });
  } catch (e) {
    fail((e as Error).message);
  }
  console.log(`Lusha sandbox listening on ${sandbox.url}`);
  const shutdown = () => {
    sandbox.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

void main();
