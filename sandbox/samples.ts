/** Documented picks from the dataset (see SandboxSamples). Each is computed on first use. */
import { subMonths, ymd } from './dates';
import type { SandboxCompany, SandboxPerson } from './model';
import type { Store } from './store';
import type { SandboxSamples } from './types';

export function makeSamples(store: Store, now: Date): SandboxSamples {
  const recentStart = ymd(subMonths(now, 6));
  const today = ymd(now);
  const callable = (p: SandboxPerson) => p.phones.some((ph) => !ph.doNotCall);
  const signals = (p: SandboxPerson) => store.allContactSignals(p.personId);
  const recent = (date: string) => date >= recentStart && date <= today;

  const personPicks: Record<string, (p: SandboxPerson) => boolean> = {
    personWithEmailAndPhone: (p) => p.emails.some((e) => e.emailType === 'work') && callable(p),
    personWithoutPhone: (p) => p.emails.length > 0 && p.phones.length === 0,
    personWithoutEmail: (p) => p.emails.length === 0 && p.phones.length > 0,
    personWithoutContactInfo: (p) => p.emails.length === 0 && p.phones.length === 0,
    euPerson: (p) => p.location.isEu && p.emails.length > 0,
    nonEuPerson: (p) => !p.location.isEu && p.emails.length > 0,
    personWithDncPhone: (p) => p.phones.some((ph) => ph.doNotCall) && callable(p),
    personWithOnlyDncPhones: (p) => p.phones.length > 0 && p.phones.every((ph) => ph.doNotCall),
    personWithRecentPromotion: (p) => signals(p).some((s) => s.type === 'promotion' && recent(s.signalDate)),
    personWithRecentCompanyChange: (p) => signals(p).some((s) => s.type === 'companyChange' && recent(s.signalDate)),
    personWithOnlyOldSignals: (p) => signals(p).length > 0 && signals(p).every((s) => s.signalDate < recentStart),
    personWithoutSignals: (p) => signals(p).length === 0 && p.emails.length > 0,
  };
  const companySignals = (c: SandboxCompany) => store.allCompanySignals(c.id);
  const companyPicks: Record<string, (c: SandboxCompany) => boolean> = {
    companyWithFunding: (c) => c.funding !== null,
    companyWithoutFunding: (c) => c.funding === null,
    companyWithRecentNews: (c) => companySignals(c).some((s) => 'articlePublishedDate' in s.fields && recent(s.date)),
    companyWithOnlyOldSignals: (c) =>
      companySignals(c).length > 0 && companySignals(c).every((s) => s.date < recentStart),
  };

  const out = {} as SandboxSamples;
  const define = <T>(name: string, list: readonly T[], pred: (x: T) => boolean) => {
    let cached: T | undefined;
    Object.defineProperty(out, name, {
      enumerable: true,
      get: () => {
        cached ??= list.find(pred);
        if (cached === undefined) throw new Error(`The dataset for this seed has no record for samples.${name}`);
        return cached;
      },
    });
  };
  for (const [name, pred] of Object.entries(personPicks)) define(name, store.people, pred);
  for (const [name, pred] of Object.entries(companyPicks)) define(name, store.companies, pred);
  return out;
}
