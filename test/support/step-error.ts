/**
 * The error a step failed with, as a Zap builder sees it: core's appTester appends a
 * "What happened: Executing ... with bundle ..." trace to HaltedError messages, which is
 * not part of what the step said.
 */
import { expectZapierError, type ZapierErrorInfo } from './zapier';

export async function expectStepError(promise: Promise<unknown>): Promise<ZapierErrorInfo> {
  const error = await expectZapierError(promise);
  return { ...error, message: error.message.split('\nWhat happened:')[0] as string };
}
