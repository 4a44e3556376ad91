/** What every endpoint handler receives and returns. */
import { createHash } from 'node:crypto';
import type { Account } from './accounts';
import { ymd } from './dates';
import type { Store } from './store';

export interface ProspectSession {
  key: string;
  kind: 'contact' | 'company';
  /** contactId (valid only with this requestId) -> personId */
  contacts: Map<string, number>;
  companies: Set<number>;
  hideDnc: boolean;
}

export interface State {
  store: Store;
  now(): Date;
  today(): string;
  newId(label: string): string;
  prospectSessions: Map<string, ProspectSession>;
}

export interface Ctx {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  account: Account;
  state: State;
}

export interface HandlerResult {
  status?: number;
  body: unknown;
  credits?: number;
  headers?: Record<string, string>;
}

/** Handlers may be async (e.g. one that waits for an outgoing webhook delivery). */
export type Handler = (ctx: Ctx) => HandlerResult | Promise<HandlerResult>;

/** Deterministic UUID-shaped ids: the same seed and the same sequence of calls give the same ids. */
export function idGenerator(seed: number): (label: string) => string {
  let counter = 0;
  return (label: string) => {
    const h = createHash('sha256').update(`${seed}:${label}:${counter++}`).digest('hex');
    const variant = ((parseInt(h.charAt(16), 16) & 0x3) | 0x8).toString(16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  };
}

export function makeState(store: Store, clock: () => Date, seed: number): State {
  return {
    store,
    now: clock,
    today: () => ymd(clock()),
    newId: idGenerator(seed),
    prospectSessions: new Map(),
  };
}
