/**
 * Test helpers shared by unit (nock) and end-to-end (sandbox) tests: the app tester, bundle
 * builders, and a reader for Zapier errors (core encodes Error/ThrottledError as JSON).
 */
import { createAppTester, type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../../index';
import { LUSHA_API_URL } from '../../src/lusha/config';

export { App };

/** Where the app sends requests when LUSHA_BASE_URL is not set: the host nock intercepts in unit tests. */
export const LUSHA = LUSHA_API_URL;

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

/**
 * The operation's own message: appTester appends a "What happened:" section (the bundle, the
 * requests and the message again) to some errors it reports; that is not what the step said.
 */
export function ownMessage(error: ZapierErrorInfo): ZapierErrorInfo {
  return { ...error, message: error.message.split('\nWhat happened:')[0] as string };
}

/** The error a step failed with, as a Zap builder sees it (its own message). */
export async function expectStepError(promise: Promise<unknown>): Promise<ZapierErrorInfo> {
  return ownMessage(await expectZapierError(promise));
}

export type Kind = 'auth' | 'triggers' | 'searches' | 'creates';
export type Perform<T = unknown> = (z: ZObject, bundle: Bundle) => Promise<T>;

/** The perform of one operation of the app (the auth test for `auth`), typed with what it returns. */
export function performOf<T = unknown>(kind: Kind, key = ''): Perform<T> {
  if (kind === 'auth') return App.authentication.test as unknown as Perform<T>;
  const definition = (App[kind] as Record<string, { operation: { perform: unknown } } | undefined>)[key];
  if (!definition) throw new Error(`no ${kind} operation "${key}" in the app`);
  return definition.operation.perform as Perform<T>;
}
