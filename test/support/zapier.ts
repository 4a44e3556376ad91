/**
 * Test helpers shared by unit (nock) and end-to-end (sandbox) tests: the app tester, bundle
 * builders, and a reader for Zapier errors (core encodes Error/ThrottledError as JSON).
 */
import { createAppTester } from 'zapier-platform-core';
import App from '../../index';

export { App };

/**
 * The app under test, with core's `skipHttpPatch` flag. Without it, the first run of the app
 * in a jest worker replaces Node's shared `http.request` with a logging wrapper that takes
 * only `(options, callback)` and is never replaced again; when that happens before nock is
 * active (an end-to-end file that runs first in the worker), nock's later interception passes
 * `(url, options, callback)` through the wrapper, loses its mock agent, and every nock test
 * in that worker goes to the real network. The patch only logs requests made outside
 * `z.request`, and the app makes none.
 */
export const appTester = createAppTester({ ...App, flags: { ...(App as { flags?: object }).flags, skipHttpPatch: true } });

export const TEST_KEY = 'test-key-9f3c2a71e5d84b06';

export function bundleWith<I extends Record<string, unknown>>(
  inputData: I,
  extra: { apiKey?: string; meta?: Record<string, unknown> } = {},
) {
  return {
    authData: { api_key: extra.apiKey ?? TEST_KEY },
    inputData,
    meta: { isLoadingSample: false, ...(extra.meta ?? {}) },
  };
}

export interface ZapierErrorInfo {
  name: string;
  message: string;
  delay?: number;
  code?: string;
  status?: number;
}

/** Reads an error thrown by an operation into its Zapier type and plain message. */
export function zapierError(error: unknown): ZapierErrorInfo {
  if (!(error instanceof Error)) throw new Error(`expected an Error, got ${String(error)}`);
  if (error.name === 'ThrottledError' || error.name === 'AppError') {
    const parsed = JSON.parse(error.message) as { message: string; delay?: number; code?: string; status?: number };
    return { name: error.name === 'AppError' ? 'Error' : error.name, ...parsed };
  }
  return { name: error.name, message: error.message };
}

/** Runs `promise`, expecting it to fail, and returns the Zapier error it failed with. */
export async function expectZapierError(promise: Promise<unknown>): Promise<ZapierErrorInfo> {
  try {
    await promise;
  } catch (error) {
    return zapierError(error);
  }
  throw new Error('expected the operation to fail, but it succeeded');
}
