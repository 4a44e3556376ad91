/** Helpers shared by the signal operations' tests. */
import type { Bundle, ZObject } from 'zapier-platform-core';
import type { ZapierErrorInfo } from './zapier';

/**
 * The operation's own message: appTester appends a "What happened:" section (the bundle and
 * the message again) to errors it reports.
 */
export function ownMessage(error: ZapierErrorInfo): ZapierErrorInfo {
  return { ...error, message: error.message.split('\nWhat happened:')[0] as string };
}

type Perform<T> = (z: ZObject, bundle: Bundle) => Promise<T>;

/** The perform of an operation of the app, typed with what it returns. */
export function performOf<T>(definition: { operation: unknown } | undefined): Perform<T> {
  if (!definition) throw new Error('no such operation in the app');
  return (definition.operation as { perform: Perform<T> }).perform;
}
