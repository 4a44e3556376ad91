/**
 * The README's recipe `npm run sandbox &` … `kill $!` stops what it starts: the npm script
 * execs the sandbox, so the signal npm passes on reaches the server itself.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..');

jest.setTimeout(90_000);

it('kill on `npm run sandbox` stops the sandbox', async () => {
  const child = spawn('npm', ['run', 'sandbox', '--silent', '--', '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1] as string);
    });
    child.on('exit', (code) => reject(new Error(`npm run sandbox exited (${code}) before listening: ${out}`)));
  });
  expect((await fetch(`${url}/account/usage`, { headers: { api_key: 'lusha-sandbox-key' } })).status).toBe(200);

  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  await expect(fetch(`${url}/account/usage`, { signal: AbortSignal.timeout(2_000) })).rejects.toThrow();
});
