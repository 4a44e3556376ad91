/** Helpers shared by the signal operations' tests. */
import type { ZapierErrorInfo } from './zapier';

/**
 * The operation's own message: appTester appends a "What happened:" section (the bundle and
 * the message again) to errors it reports.
 */
export function ownMessage(error: ZapierErrorInfo): ZapierErrorInfo {
  return { ...error, message: error.message.split('\nWhat happened:')[0] as string };
}
