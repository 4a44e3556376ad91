/**
 * Test helpers shared by unit (nock) and end-to-end (sandbox) tests: the app tester, bundle
 * builders, and a reader for Zapier errors (core encodes Error/ThrottledError as JSON).
 */
import { createAppTester } from 'zapier-platform-core';
import App from '../../index';

export { App };

/**
 * The app under test, exactly as Zapier runs it. Every test file that runs it has nock
 * active first (useNock, or useSandbox which lets only the sandbox's host through): core
 * patches Node's http module on the app's first run, and nock must already be in place.
 */
export const appTester = createAppTester(App);

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
