/**
 * What each operation promises beyond its Zapier definition: the Lusha endpoints it
 * calls, what it costs in credits, and the errors a Zap builder can meet with what to do.
 * Every operation file exports one as `contract`; `npm run docs` renders them with the
 * definition into docs/operations.md, the contract a port to Make or Workato copies.
 */
export type ZapierErrorType = 'HaltedError' | 'Error' | 'ThrottledError' | 'ExpiredAuthError';

export interface ErrorNote {
  /** When it happens, in the builder's words. */
  when: string;
  error: ZapierErrorType;
  /** What the builder should do about it. */
  action: string;
}

export interface OperationContract {
  /** "METHOD /path" of every Lusha endpoint the operation may call. */
  endpoints: string[];
  /** The credit cost in plain words. */
  credits: string;
  /** Errors specific to this operation; the common ones below apply to every operation. */
  errors: ErrorNote[];
}

/** Errors any operation can raise, from the one error map (src/zapier/errors.ts). */
export const COMMON_ERRORS: ErrorNote[] = [
  { when: 'Lusha rejects the API key (401)', error: 'ExpiredAuthError', action: 'Reconnect the Lusha account with a current key.' },
  { when: 'The account is out of credits (402) or a trial limit is reached', error: 'HaltedError', action: 'Add credits or upgrade, then replay the run.' },
  { when: 'Lusha rejects the input (400/412)', error: 'HaltedError', action: "Fix the step's fields; the message quotes Lusha." },
  { when: 'The plan lacks a feature, or the account is inactive (403)', error: 'Error', action: 'Turn off the option named in the message, or ask your Lusha admin.' },
  { when: 'Lusha refuses a record for GDPR reasons (451)', error: 'HaltedError', action: 'Skip the record; retrying will not help.' },
  { when: 'Rate limit (429) or request quota used up', error: 'ThrottledError', action: 'Nothing: Zapier retries after the delay Lusha names.' },
  { when: 'Lusha unavailable (502/503/504), timeout or dropped connection, after one quick retry', error: 'ThrottledError', action: 'Nothing: Zapier retries later.' },
  { when: 'Lusha fails (500) or answers in an unreadable shape', error: 'Error', action: 'Retry later; report it if it persists.' },
];
