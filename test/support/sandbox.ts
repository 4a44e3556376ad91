/**
 * End-to-end tests run the real app against the project's Lusha sandbox over real HTTP:
 * `useSandbox()` starts one per test file on an ephemeral port, points LUSHA_BASE_URL at
 * it, clears its request log and faults before each test, and stops it after the file.
 * nock stays on with only the sandbox's host let through (see test/support/nock.ts: a file
 * that runs the app with nock off breaks the nock files that run after it in its worker).
 */
import { startSandbox, type Sandbox, type SandboxKeyConfig, type SandboxOptions } from '../../sandbox';
import { useNock } from './nock';

export const SANDBOX_KEY = 'lusha-sandbox-key';
/** The account most end-to-end files run under: SANDBOX_KEY on the unified plan, 10,000 credits, signals on. */
export const SANDBOX_ACCOUNT: SandboxKeyConfig = { key: SANDBOX_KEY, plan: 'unified', credits: 10_000, signals: true };

export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
  let sandbox: Sandbox | undefined;
  useNock({ allowHosts: [options.host ?? '127.0.0.1'] });
  const previous = process.env.LUSHA_BASE_URL;
  beforeAll(async () => {
    sandbox = await startSandbox(options);
    process.env.LUSHA_BASE_URL = sandbox.url;
  });
  beforeEach(() => {
    sandbox?.faults.clear();
    sandbox?.log.reset();
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.LUSHA_BASE_URL;
    else process.env.LUSHA_BASE_URL = previous;
    await sandbox?.stop();
  });
  return () => {
    if (!sandbox) throw new Error('the sandbox is not running (use it inside a test)');
    return sandbox;
  };
}
