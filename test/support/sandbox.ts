/**
 * End-to-end tests run the real app against the project's Lusha sandbox over real HTTP:
 * `useSandbox()` starts one per test file on an ephemeral port, points LUSHA_BASE_URL at
 * it, clears its request log and faults before each test, and stops it after the file.
 */
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox';

export const SANDBOX_KEY = 'lusha-sandbox-key';

export function useSandbox(options: SandboxOptions = {}): () => Sandbox {
  let sandbox: Sandbox | undefined;
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

