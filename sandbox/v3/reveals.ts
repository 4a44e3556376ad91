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

export class RevealLedger {
  private readonly contacts = new Map<number, Set<ContactRevealField>>();
  private readonly companies = new Map<number, Set<CompanyPremiumField>>();

  hasContact(personId: number, field: ContactRevealField): boolean {
    return this.contacts.get(personId)?.has(field) ?? false;
  }

  addContact(personId: number, field: ContactRevealField): void {
    const set = this.contacts.get(personId) ?? new Set();
    set.add(field);
    this.contacts.set(personId, set);
  }

  contactFields(personId: number): ContactRevealField[] {
    const set = this.contacts.get(personId);
    return set ? (['emails', 'phones'] as const).filter((f) => set.has(f)) : [];
  }

  hasCompany(companyId: number, field: CompanyPremiumField): boolean {
    return this.companies.get(companyId)?.has(field) ?? false;
  }

  addCompany(companyId: number, field: CompanyPremiumField): void {
    const set = this.companies.get(companyId) ?? new Set();
    set.add(field);
    this.companies.set(companyId, set);
  }

  companyFields(companyId: number): CompanyPremiumField[] {
    const set = this.companies.get(companyId);
    return set ? COMPANY_PREMIUM_FIELDS.filter((f) => set.has(f)) : [];
  }

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
