/** Credit checks shared by the paid endpoints. */
import type { Account } from './accounts';
import { MESSAGES, simpleError } from './errors';

/** Paid endpoints answer 402 up front once the balance is zero, whatever the outcome would be. */
export function assertHasCredits(account: Account): void {
  if (account.remaining <= 0) throw simpleError(402, MESSAGES.paymentRequired);
}

/** A request whose total cost exceeds the balance is refused whole (402); nothing is charged. */
export function assertCanPay(account: Account, cost: number): void {
  if (cost > account.remaining) throw simpleError(402, MESSAGES.paymentRequired);
}
