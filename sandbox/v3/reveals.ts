/**
 * What each key has already revealed through V3, per record and per field. The spec: `canReveal.credits`
 * is "0 when already revealed for this account" and "re-enriching it is free" (`enrichContacts` tip,
 * `V3CanRevealItem`, `V3CompanyPreview.canReveal`). Kept here, per `Account`, so that no shared file holds it.
 */
import type { Account } from '../accounts';

export type ContactRevealField = 'emails' | 'phones';

export const COMPANY_PREMIUM_FIELDS = [
  'employeesByDepartment',
  'employeesByLocation',
  'employeesBySeniority',
  'competitors',
  'intent',
  'estimatedAnnualItSpend',
  'monthlyWebsiteTraffic',
] as const;
export type CompanyPremiumField = (typeof COMPANY_PREMIUM_FIELDS)[number];

/** Per record id, the fields revealed so far; listed in the order of `order`. */
export class RevealedFields<F extends string> {
  private readonly byId = new Map<number, Set<F>>();

  constructor(private readonly order: readonly F[]) {}

  has(id: number, field: F): boolean {
    return this.byId.get(id)?.has(field) ?? false;
  }

  add(id: number, field: F): void {
    const set = this.byId.get(id) ?? new Set();
    set.add(field);
    this.byId.set(id, set);
  }

  list(id: number): F[] {
    const set = this.byId.get(id);
    return set ? this.order.filter((f) => set.has(f)) : [];
  }

  clear(): void {
    this.byId.clear();
  }
}

/** A key's revealed contact and company fields. */
export class RevealLedger {
  readonly contacts = new RevealedFields<ContactRevealField>(['emails', 'phones']);
  readonly companies = new RevealedFields<CompanyPremiumField>(COMPANY_PREMIUM_FIELDS);

  clear(): void {
    this.contacts.clear();
    this.companies.clear();
  }
}

const ledgers = new WeakMap<Account, RevealLedger>();

export function revealLedger(account: Account): RevealLedger {
  let l = ledgers.get(account);
  if (!l) {
    l = new RevealLedger();
    ledgers.set(account, l);
  }
  return l;
}
