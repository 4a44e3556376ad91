/** Indexed, queryable view over the generated dataset, plus the signals that appear at run time. */
import { COMPANY_SIGNAL_TYPES, CONTACT_SIGNAL_TYPES, type CompanySignalType, type ContactSignalType } from './catalog';
import { contactSignal, generateDataset, newsFields } from './dataset';
import { NEWS_EVENTS } from './catalog';
import type { CompanySignalRecord, ContactSignalRecord, SandboxCompany, SandboxPerson } from './model';
import { int, pick, substream, type Rng } from './prng';

export function normEmail(s: string): string {
  return s.trim().toLowerCase();
}

/** "https://www.LinkedIn.com/in/jane-doe/?x=1" -> "linkedin.com/in/jane-doe" */
export function normLinkedin(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^[a-z]{2,3}\.linkedin\.com/, 'linkedin.com')
    .replace(/^www\./, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '');
}

/** "https://www.Example.com/about" -> "example.com" */
export function normDomain(s: string): string {
  return s
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#].*$/, '')
    .replace(/\.$/, '');
}

export function normName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ');
}

export interface PersonQuery {
  personId?: string | number;
  email?: string;
  linkedinUrl?: string;
  firstName?: string;
  lastName?: string;
  fullName?: string;
  companies?: { name?: string; domain?: string }[];
}

export interface CompanyQuery {
  companyId?: string | number;
  domain?: string;
  fqdn?: string;
  name?: string;
}

export interface SignalWindow {
  start: string;
  end: string;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as Record<string, unknown>)) deepFreeze(v);
  }
  return o;
}

export class Store {
  readonly people: readonly SandboxPerson[];
  readonly companies: readonly SandboxCompany[];
  private readonly contactSignals: ContactSignalRecord[];
  private readonly companySignals: CompanySignalRecord[];
  private nextSignalId: number;
  private readonly runtimeRng: Rng;

  private readonly personById = new Map<number, SandboxPerson>();
  private readonly companyById = new Map<number, SandboxCompany>();
  private readonly personByEmail = new Map<string, SandboxPerson>();
  private readonly personByLinkedin = new Map<string, SandboxPerson>();
  private readonly companyByDomain = new Map<string, SandboxCompany>();
  private readonly companyByName = new Map<string, SandboxCompany>();
  private readonly peopleByCompany = new Map<number, SandboxPerson[]>();
  private readonly contactSignalsByPerson = new Map<number, ContactSignalRecord[]>();
  private readonly companySignalsByCompany = new Map<number, CompanySignalRecord[]>();

  constructor(seed: number, now: Date) {
    const ds = generateDataset(seed, now);
    this.people = deepFreeze(ds.people);
    this.companies = deepFreeze(ds.companies);
    this.contactSignals = ds.contactSignals.map((s) => Object.freeze(s));
    this.companySignals = ds.companySignals.map((s) => deepFreeze(s));
    this.nextSignalId = ds.nextSignalId;
    this.runtimeRng = substream(seed, 'runtime-signals');
    for (const sig of this.contactSignals) this.indexContactSignal(sig);
    for (const sig of this.companySignals) this.indexCompanySignal(sig);
    for (const c of this.companies) {
      this.companyById.set(c.id, c);
      this.companyByDomain.set(c.domain, c);
      this.companyByName.set(normName(c.name), c);
    }
    for (const p of this.people) {
      this.personById.set(p.personId, p);
      for (const e of p.emails) this.personByEmail.set(normEmail(e.email), p);
      if (p.linkedinUrl) this.personByLinkedin.set(normLinkedin(p.linkedinUrl), p);
      const list = this.peopleByCompany.get(p.companyId) ?? [];
      list.push(p);
      this.peopleByCompany.set(p.companyId, list);
    }
  }

  private indexContactSignal(sig: ContactSignalRecord): void {
    const list = this.contactSignalsByPerson.get(sig.personId) ?? [];
    list.push(sig);
    this.contactSignalsByPerson.set(sig.personId, list);
  }

  private indexCompanySignal(sig: CompanySignalRecord): void {
    const list = this.companySignalsByCompany.get(sig.companyId) ?? [];
    list.push(sig);
    this.companySignalsByCompany.set(sig.companyId, list);
  }

  person(id: number | string): SandboxPerson | undefined {
    const n = typeof id === 'number' ? id : /^\d+$/.test(id.trim()) ? Number(id) : NaN;
    return this.personById.get(n);
  }

  company(id: number | string): SandboxCompany | undefined {
    const n = typeof id === 'number' ? id : /^\d+$/.test(id.trim()) ? Number(id) : NaN;
    return this.companyById.get(n);
  }

  personByEmailAddress(email: string): SandboxPerson | undefined {
    return this.personByEmail.get(normEmail(email));
  }

  personByLinkedinUrl(url: string): SandboxPerson | undefined {
    return this.personByLinkedin.get(normLinkedin(url));
  }

  companyByDomainName(domain: string): SandboxCompany | undefined {
    return this.companyByDomain.get(normDomain(domain));
  }

  companyByCompanyName(name: string): SandboxCompany | undefined {
    return this.companyByName.get(normName(name));
  }

  peopleAt(companyId: number): readonly SandboxPerson[] {
    return this.peopleByCompany.get(companyId) ?? [];
  }

  /** Resolve a person the way Lusha documents: personId, then email, then LinkedIn URL, then name + company. */
  findPerson(q: PersonQuery): SandboxPerson | undefined {
    if (q.personId !== undefined && q.personId !== '') return this.person(q.personId);
    if (q.email) return this.personByEmailAddress(q.email);
    if (q.linkedinUrl) return this.personByLinkedinUrl(q.linkedinUrl);
    const full = q.fullName
      ? normName(q.fullName)
      : q.firstName && q.lastName
        ? normName(`${q.firstName} ${q.lastName}`)
        : null;
    if (!full || !q.companies || q.companies.length === 0) return undefined;
    for (const cq of q.companies) {
      const company = cq.domain
        ? this.companyByDomainName(cq.domain)
        : cq.name
          ? this.companyByCompanyName(cq.name)
          : undefined;
      if (!company) continue;
      const match = this.peopleAt(company.id).find((p) => normName(p.fullName) === full);
      if (match) return match;
    }
    return undefined;
  }

  findCompany(q: CompanyQuery): SandboxCompany | undefined {
    if (q.companyId !== undefined && q.companyId !== '') return this.company(q.companyId);
    if (q.domain) return this.companyByDomainName(q.domain);
    if (q.fqdn) return this.companyByDomainName(q.fqdn);
    if (q.name) return this.companyByCompanyName(q.name);
    return undefined;
  }

  allContactSignals(personId?: number): readonly ContactSignalRecord[] {
    return personId === undefined ? this.contactSignals : (this.contactSignalsByPerson.get(personId) ?? []);
  }

  allCompanySignals(companyId?: number): readonly CompanySignalRecord[] {
    return companyId === undefined ? this.companySignals : (this.companySignalsByCompany.get(companyId) ?? []);
  }

  /** Signals of the given types inside [start, end], newest first. */
  contactSignalsFor(personId: number, type: ContactSignalType, w: SignalWindow): ContactSignalRecord[] {
    return (this.contactSignalsByPerson.get(personId) ?? [])
      .filter((s) => s.type === type && s.signalDate >= w.start && s.signalDate <= w.end)
      .sort((a, b) => (a.signalDate < b.signalDate ? 1 : a.signalDate > b.signalDate ? -1 : 0));
  }

  companySignalsFor(companyId: number, type: CompanySignalType, w: SignalWindow): CompanySignalRecord[] {
    return (this.companySignalsByCompany.get(companyId) ?? [])
      .filter((s) => s.type === type && s.date >= w.start && s.date <= w.end)
      .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : Number(b.signalId) - Number(a.signalId)));
  }

  addContactSignal(
    personId: number,
    type: ContactSignalType,
    date: string,
    fields: Partial<ContactSignalRecord> = {},
  ): ContactSignalRecord {
    if (!(CONTACT_SIGNAL_TYPES as readonly string[]).includes(type))
      throw new Error(`Unknown contact signal type: ${type}`);
    const p = this.person(personId);
    if (!p) throw new Error(`Unknown personId ${personId}`);
    const company = this.company(p.companyId);
    if (!company) throw new Error(`Person ${personId} has no company`);
    const rec = Object.freeze({ ...contactSignal(type, p, company, date), ...fields, type, personId: p.personId });
    this.contactSignals.push(rec);
    this.indexContactSignal(rec);
    return rec;
  }

  addCompanySignal(
    companyId: number,
    type: CompanySignalType,
    date: string,
    fields: CompanySignalRecord['fields'] = {},
  ): CompanySignalRecord {
    if (!(COMPANY_SIGNAL_TYPES as readonly string[]).includes(type))
      throw new Error(`Unknown company signal type: ${type}`);
    const company = this.company(companyId);
    if (!company) throw new Error(`Unknown companyId ${companyId}`);
    const rng = this.runtimeRng;
    let base: CompanySignalRecord['fields'];
    if (type in NEWS_EVENTS) {
      const family = type as keyof typeof NEWS_EVENTS;
      base = newsFields(rng, company, this.companies, pick(rng, NEWS_EVENTS[family]), date);
    } else if (type.startsWith('headcount')) {
      const base0 = company.employeesInLinkedin;
      const up = type.startsWith('headcountIncrease');
      const next = Math.round(base0 * (up ? 1.15 : 0.85));
      base = { baselineEmployeesCount: base0, newEmployeesCount: next, changeRatePercent: up ? 15 : -15 };
    } else if (type === 'websiteTrafficIncrease' || type === 'websiteTrafficDecrease') {
      const avg = company.employeesInLinkedin * 50;
      const up = type === 'websiteTrafficIncrease';
      base = {
        historicalAvg: avg,
        lastMonthVisits: Math.round(avg * (up ? 1.5 : 0.6)),
        changeRatePercent: up ? 50 : -40,
      };
    } else if (type === 'itSpendIncrease' || type === 'itSpendDecrease') {
      base = {
        estimatedAnnualItSpend: company.employeesInLinkedin * 8000,
        changeRatePercent: type === 'itSpendIncrease' ? 25 : -20,
      };
    } else if (type === 'surgeInHiring') {
      base = { newJobsPostedLastWeek: 25, historicalAvg: 10, changeRatePercent: 150 };
    } else if (type === 'surgeInHiringByDepartment') {
      base = {
        department: 'Engineering & Technical',
        newJobsPostedLast4Weeks: 15,
        historicalAvg: 5,
        changeRatePercent: 200,
      };
    } else {
      const site = company.companyLocations[int(rng, 0, company.companyLocations.length - 1)] ?? company.location;
      base = {
        country: site.country,
        state: site.state,
        newJobsPostedLast4Weeks: 20,
        historicalAvg: 8,
        changeRatePercent: 150,
      };
    }
    const isNews = 'articlePublishedDate' in base;
    const merged: CompanySignalRecord['fields'] = { ...base, ...fields };
    if (isNews)
      merged.articlePublishedDate =
        typeof fields.articlePublishedDate === 'string' ? fields.articlePublishedDate : date;
    const recDate = isNews
      ? String(merged.articlePublishedDate)
      : typeof fields.signalDate === 'string'
        ? fields.signalDate
        : date;
    delete merged.signalDate;
    const rec: CompanySignalRecord = deepFreeze({
      type,
      signalId: String(this.nextSignalId++),
      companyId: company.id,
      date: recDate,
      fields: merged,
    });
    this.companySignals.push(rec);
    this.indexCompanySignal(rec);
    return rec;
  }
}
