/**
 * Deterministic dataset generator: the same seed and the same `now` always give the same
 * companies, people and signals. Signal dates are spread over the 12 months before `now`.
 */
import {
  COUNTRIES,
  COUNTRY_WEIGHTS,
  DEPARTMENTS,
  FIRST_NAMES,
  FUNDING_ROUND_TYPES,
  INDUSTRIES,
  INDUSTRY_WEIGHTS,
  INTENT_TOPICS,
  LAST_NAMES,
  NAME_CORES,
  NAME_PREFIXES,
  NEWS_EVENTS,
  NEWS_SIGNAL_TYPES,
  REVENUE_RANGES,
  SENIORITIES,
  SIZE_RANGES,
  SPECIALITIES,
  TECHNOLOGIES,
  titleFor,
  type City,
  type CompanySignalType,
  type Country,
  type Department,
  type Industry,
} from './catalog';
import { addDays, subMonths, ymd } from './dates';
import type {
  CompanySignalRecord,
  ContactSignalRecord,
  SandboxCompany,
  SandboxLocation,
  SandboxPerson,
  SandboxPhone,
} from './model';
import { chance, int, pick, sample, substream, weighted, type Rng } from './prng';

export interface Dataset {
  companies: SandboxCompany[];
  people: SandboxPerson[];
  contactSignals: ContactSignalRecord[];
  companySignals: CompanySignalRecord[];
  /** Next free numeric signal id (for signals added at run time). */
  nextSignalId: number;
}

export function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function countryByCode(code: string): Country {
  const found = COUNTRIES.find((c) => c.code === code);
  if (!found) throw new Error(`unknown country ${code}`);
  return found;
}

export function locationOf(country: Country, city: City): SandboxLocation {
  return {
    country: country.name,
    countryIso2: country.code,
    continent: country.continent,
    countryGrouping: country.grouping,
    state: city.state,
    stateCode: city.stateCode,
    city: city.city,
    coordinates: [city.lon, city.lat],
    isEu: country.eu,
  };
}

/** Copy only the SandboxLocation fields (drops a company HQ's street and raw address). */
function plainLocation(l: SandboxLocation): SandboxLocation {
  return {
    country: l.country,
    countryIso2: l.countryIso2,
    continent: l.continent,
    countryGrouping: l.countryGrouping,
    state: l.state,
    stateCode: l.stateCode,
    city: l.city,
    coordinates: [l.coordinates[0], l.coordinates[1]],
    isEu: l.isEu,
  };
}

function phoneNumber(rng: Rng, country: Country): string {
  const d = (n: number) => Array.from({ length: n }, () => String(int(rng, 0, 9))).join('');
  if (country.dial === '1') return `+1 ${int(rng, 201, 989)}-555-${int(rng, 100, 199)}${d(1)}`;
  return `+${country.dial} ${int(rng, 10, 99)} ${d(3)} ${d(4)}`;
}

const EMAIL_CONFIDENCE: readonly (readonly [string, number])[] = [
  ['A+', 40],
  ['A', 30],
  ['B', 20],
  ['C', 10],
];
const FREE_MAIL = ['gmail.com', 'outlook.com', 'yahoo.com', 'icloud.com', 'proton.me'] as const;
const SENIORITY_WEIGHTS: readonly (readonly [number, number])[] = [
  [10, 3],
  [9, 6],
  [8, 8],
  [7, 2],
  [6, 14],
  [5, 22],
  [4, 22],
  [3, 18],
  [2, 2],
  [1, 3],
];
const SKILLS = [
  'Strategic Planning',
  'Team Leadership',
  'Project Management',
  'Negotiation',
  'Public Speaking',
  'SQL',
  'Python',
  'Salesforce.com',
  'Budgeting',
  'Customer Relationship Management',
  'Cloud Computing',
  'Agile Methodologies',
  'Data Analysis',
  'Product Management',
  'Recruiting',
  'Financial Modeling',
  'Digital Marketing',
  'Contract Law',
] as const;

function emailLocal(rng: Rng, first: string, last: string): string {
  const f = slug(first).replace(/-/g, '');
  const l = slug(last).replace(/-/g, '');
  return weighted(rng, [
    [`${f}.${l}`, 50],
    [`${f}`, 15],
    [`${f.charAt(0)}${l}`, 20],
    [`${f}${l.charAt(0)}`, 15],
  ]);
}

function departmentFor(rng: Rng, industry: Industry): Department {
  const weights: [Department, number][] = DEPARTMENTS.map((d) => [d, 5]);
  const bump = (d: Department, w: number) => {
    const entry = weights.find(([x]) => x === d);
    if (entry) entry[1] += w;
  };
  bump('Sales', 10);
  bump('Engineering & Technical', industry.id === 1 ? 14 : 3);
  bump('Marketing', 5);
  bump('Operations', 5);
  bump('Health Care & Medical', industry.id === 3 ? 14 : -4);
  bump('Legal', -2);
  bump('Other', -2);
  return weighted(rng, weights);
}

export function generateDataset(seed: number, now: Date): Dataset {
  const today = ymd(now);
  const dateWithin = (rng: Rng, fromDaysAgo: number, toDaysAgo: number) =>
    ymd(addDays(now, -int(rng, toDaysAgo, fromDaysAgo)));

  // ---------------------------------------------------------------- companies
  const crng = substream(seed, 'companies');
  const companies: SandboxCompany[] = [];
  const usedNames = new Set<string>();
  const COMPANY_COUNT = 220;
  const countryWeights = Object.entries(COUNTRY_WEIGHTS) as [string, number][];
  const industryWeights = INDUSTRIES.map((i) => [i, INDUSTRY_WEIGHTS[i.id] ?? 1] as const);

  for (let i = 0; i < COMPANY_COUNT; i++) {
    const industry = weighted(crng, industryWeights);
    const sub = pick(crng, industry.subs);
    const country = countryByCode(weighted(crng, countryWeights));
    const hq = pick(crng, country.cities);
    let name = '';
    for (let attempt = 0; attempt < 50 && (name === '' || usedNames.has(name.toLowerCase())); attempt++) {
      const base = `${pick(crng, NAME_PREFIXES)}${pick(crng, NAME_CORES)}`;
      name = chance(crng, 0.8) ? `${base} ${pick(crng, industry.suffixes)}` : base;
    }
    if (usedNames.has(name.toLowerCase())) name = `${name} ${i}`;
    usedNames.add(name.toLowerCase());
    const s = slug(name);
    const tld =
      country.code === 'US'
        ? industry.id === 1 && chance(crng, 0.4)
          ? 'io'
          : 'com'
        : chance(crng, 0.5)
          ? 'com'
          : country.tld;
    const domain = `${s.replace(/-/g, '')}.${tld}`;
    const sizeIndex = weighted(crng, [
      [0, 12],
      [1, 22],
      [2, 24],
      [3, 16],
      [4, 10],
      [5, 9],
      [6, 4],
      [7, 3],
    ] as const);
    const size = SIZE_RANGES[sizeIndex] ?? SIZE_RANGES[0];
    const employeesInLinkedin = int(crng, size.min, Math.min(size.max, size.min * 3 + 10));
    const revIndex = Math.max(0, Math.min(REVENUE_RANGES.length - 1, sizeIndex + int(crng, -1, 1)));
    const rev = REVENUE_RANGES[revIndex] ?? REVENUE_RANGES[0];
    const founded = industry.id === 1 ? int(crng, 1995, 2022) : int(crng, 1950, 2020);
    const techCount = industry.id === 1 ? int(crng, 6, 14) : int(crng, 2, 8);
    const technologies = sample(crng, TECHNOLOGIES, techCount).sort((a, b) => a.localeCompare(b));
    const specialities = sample(crng, SPECIALITIES[industry.id] ?? [], int(crng, 2, 4));
    let funding: SandboxCompany['funding'] = null;
    if (chance(crng, industry.id === 1 ? 0.7 : 0.35)) {
      const roundCount = int(crng, 1, 4);
      const rounds = [];
      let year = Math.max(founded + 1, 2008);
      for (let r = 0; r < roundCount; r++) {
        year = Math.min(now.getUTCFullYear() - 1, year + int(crng, 1, 3));
        const type =
          FUNDING_ROUND_TYPES[Math.min(FUNDING_ROUND_TYPES.length - 1, r + (chance(crng, 0.2) ? 1 : 0))] ??
          'Seed Round';
        rounds.push({
          roundType: type,
          roundAmount: int(crng, 1, 60) * (r + 1) * 1_000_000,
          currency: 'USD',
          roundDate: ymd(new Date(Date.UTC(year, int(crng, 0, 11), int(crng, 1, 28)))),
        });
      }
      funding = { rounds, isIpo: sizeIndex >= 6 && chance(crng, 0.5) };
    }
    const intentTopics = chance(crng, 0.45)
      ? sample(crng, INTENT_TOPICS, int(crng, 1, 5)).map((topicName) => ({
          topicName,
          topicScore: int(crng, 40, 99),
          topicTrend: String(int(crng, -10, 15)),
        }))
      : [];
    const hqLoc = locationOf(country, hq);
    const street = `${int(crng, 1, 999)} ${pick(crng, ['Main St', 'Market St', 'Harbor Rd', 'Park Ave', 'King St', 'Station Rd', 'Innovation Way'])}`;
    const postalCode = String(int(crng, 10000, 99999));
    const rawLocation = `${street}, ${hq.city}${hq.state ? `, ${hq.state}` : ''} ${postalCode}, ${country.code}`;
    const companyLocations: SandboxLocation[] = [hqLoc];
    const extraSites = sizeIndex >= 4 ? int(crng, 1, 3) : sizeIndex >= 2 ? int(crng, 0, 1) : 0;
    for (let k = 0; k < extraSites; k++) {
      const oc = countryByCode(weighted(crng, countryWeights));
      const ocity = pick(crng, oc.cities);
      if (!companyLocations.some((l) => l.city === ocity.city)) companyLocations.push(locationOf(oc, ocity));
    }
    const id = 30_000_000 + i * 1000 + int(crng, 1, 999);
    companies.push({
      id,
      name,
      alternativeName: name.toLowerCase(),
      domain,
      fqdn: `www.${domain}`,
      website: `https://www.${domain}`,
      description: `${name} is a ${country.name}-based ${sub.name.toLowerCase()} company founded in ${founded}, focused on ${specialities.join(', ') || industry.name.toLowerCase()}.`,
      founded,
      size: { min: size.min, max: size.max },
      employeesInLinkedin,
      revenueRange: chance(crng, 0.88) ? [rev.min, rev.max] : null,
      mainIndustry: industry.name,
      mainIndustryId: industry.id,
      subIndustry: sub.name,
      subIndustryId: sub.id,
      sic: [{ code: sub.sic[0], label: sub.sic[1] }],
      naics: [{ code: sub.naics[0], label: sub.naics[1] }],
      technologies,
      specialities,
      funding,
      intentTopics,
      location: { ...hqLoc, street, postalCode, rawLocation },
      companyLocations,
      linkedinUrl: `https://www.linkedin.com/company/${s}`,
      crunchbaseUrl: funding ? `https://www.crunchbase.com/organization/${s}` : null,
      logoUrl: `https://logo.lusha.co/d/company_${id}_logo.jpg`,
      linkedinFollowers: employeesInLinkedin * int(crng, 3, 40),
      companyType: funding?.isIpo ? 'Public company' : 'Private company',
      popularityTier: int(crng, 1, 5),
    });
  }

  // ------------------------------------------------------------------- people
  const prng = substream(seed, 'people');
  const people: SandboxPerson[] = [];
  const usedEmails = new Set<string>();
  const usedLinkedin = new Set<string>();
  const perCompany = new Map<number, Set<string>>();
  let personSeq = 0;

  const addPerson = (company: SandboxCompany) => {
    const industry = INDUSTRIES.find((x) => x.id === company.mainIndustryId) ?? INDUSTRIES[0];
    if (!industry) throw new Error('no industries');
    const names = perCompany.get(company.id) ?? new Set<string>();
    perCompany.set(company.id, names);
    let first: string;
    let last: string;
    do {
      first = pick(prng, FIRST_NAMES);
      last = pick(prng, LAST_NAMES);
    } while (names.has(`${first} ${last}`));
    names.add(`${first} ${last}`);
    const seniorityId = weighted(prng, SENIORITY_WEIGHTS);
    const seniority = SENIORITIES.find((x) => x.id === seniorityId)?.name ?? 'Other';
    let dept: Department =
      seniorityId === 10 && chance(prng, 0.6) ? 'General Management' : departmentFor(prng, industry);
    if (seniorityId === 7 && !['Consulting', 'Legal', 'Finance'].includes(dept))
      dept = pick(prng, ['Consulting', 'Legal', 'Finance'] as const);
    const departments: string[] = [dept];
    if ((seniorityId >= 9 || chance(prng, 0.08)) && dept !== 'General Management')
      departments.push('General Management');
    const jobTitle = titleFor(dept, seniorityId);

    // Location: mostly the HQ, some other company sites, a few remote.
    let location: SandboxLocation;
    const r = prng();
    if (r < 0.78) location = plainLocation(company.location);
    else if (r < 0.93) location = plainLocation(pick(prng, company.companyLocations));
    else {
      const oc = pick(prng, COUNTRIES);
      location = locationOf(oc, pick(prng, oc.cities));
    }
    const country = countryByCode(location.countryIso2);

    const emails: SandboxPerson['emails'] = [];
    const hasNoEmail = chance(prng, 0.1);
    if (!hasNoEmail) {
      if (chance(prng, 0.9)) {
        let local = emailLocal(prng, first, last);
        let email = `${local}@${company.domain}`;
        for (let n = 2; usedEmails.has(email); n++) {
          local = `${emailLocal(prng, first, last)}${n}`;
          email = `${local}@${company.domain}`;
        }
        usedEmails.add(email);
        emails.push({
          email,
          emailType: 'work',
          emailConfidence: weighted(prng, EMAIL_CONFIDENCE),
          updateDate: dateWithin(prng, 360, 5),
        });
      }
      if (emails.length === 0 || chance(prng, 0.3)) {
        let email = `${slug(first).replace(/-/g, '')}${slug(last).replace(/-/g, '')}${int(prng, 1, 99)}@${pick(prng, FREE_MAIL)}`;
        while (usedEmails.has(email)) email = email.replace('@', `${int(prng, 0, 9)}@`);
        usedEmails.add(email);
        emails.push({
          email,
          emailType: 'private',
          emailConfidence: weighted(prng, EMAIL_CONFIDENCE),
          updateDate: dateWithin(prng, 360, 5),
        });
      }
    }

    const phones: SandboxPhone[] = [];
    if (chance(prng, 0.7)) {
      const types: SandboxPhone['phoneType'][] = [];
      if (chance(prng, 0.6)) types.push('mobile');
      if (chance(prng, 0.4)) types.push('direct');
      if (types.length === 0 || chance(prng, 0.2)) types.push('phone');
      for (const phoneType of types) {
        phones.push({
          number: phoneNumber(prng, country),
          phoneType,
          doNotCall: chance(prng, 0.15),
          updateDate: dateWithin(prng, 360, 5),
        });
      }
    }

    const personId = 1_300_000_000 + personSeq * 7919 + int(prng, 1, 7000);
    personSeq++;
    let linkedinUrl: string | null = null;
    if (chance(prng, 0.95)) {
      linkedinUrl = `https://www.linkedin.com/in/${slug(`${first}-${last}`)}-${personId.toString(16).slice(-6)}`;
      if (usedLinkedin.has(linkedinUrl)) linkedinUrl = `${linkedinUrl}${personSeq}`;
      usedLinkedin.add(linkedinUrl);
    }
    let previousJob: SandboxPerson['previousJob'] = null;
    if (chance(prng, 0.7)) {
      const prev = pick(prng, companies);
      const prevSeniority = Math.max(1, seniorityId - int(prng, 0, 2));
      if (prev.id !== company.id) {
        previousJob = {
          companyId: prev.id,
          companyName: prev.name,
          domain: prev.domain,
          title: titleFor(dept, prevSeniority),
          departments: [dept],
        };
      }
    }
    people.push({
      personId,
      firstName: first,
      lastName: last,
      fullName: `${first} ${last}`,
      companyId: company.id,
      jobTitle,
      seniorityId,
      seniority,
      departments,
      emails,
      phones,
      location,
      linkedinUrl,
      xUrl: chance(prng, 0.2)
        ? `https://twitter.com/${slug(first + last).replace(/-/g, '')}${int(prng, 1, 999)}`
        : null,
      jobStartDate: dateWithin(prng, 3650, 400),
      previousJob,
      updateDate: dateWithin(prng, 200, 1),
      linkedinFollowersCount: int(prng, 50, 15000),
      linkedinConnectionsCount: int(prng, 50, 500),
      skills: sample(prng, SKILLS, int(prng, 2, 5)),
    });
  };

  for (const company of companies) {
    const sizeBonus = company.size.min >= 1001 ? 4 : company.size.min >= 201 ? 2 : 0;
    const count = int(prng, 3, 6) + sizeBonus;
    for (let k = 0; k < count; k++) addPerson(company);
  }
  while (people.length < 1100) addPerson(pick(prng, companies));

  const companyById = new Map(companies.map((c) => [c.id, c]));

  // ------------------------------------------------------------ contact signals
  const srng = substream(seed, 'contact-signals');
  const contactSignals: ContactSignalRecord[] = [];
  for (const p of people) {
    const company = companyById.get(p.companyId);
    if (!company) continue;
    if (chance(srng, 0.12)) {
      // Joined the current company within the last 12 months.
      const date = dateWithin(srng, 364, 0);
      p.jobStartDate = date;
      if (!p.previousJob) {
        const prev = pick(
          srng,
          companies.filter((c) => c.id !== company.id),
        );
        p.previousJob = {
          companyId: prev.id,
          companyName: prev.name,
          domain: prev.domain,
          title: titleFor((p.departments[0] ?? 'Other') as Department, Math.max(1, p.seniorityId - 1)),
          departments: [p.departments[0] ?? 'Other'],
        };
      }
      contactSignals.push(contactSignal('companyChange', p, company, date));
    }
    if (chance(srng, 0.1)) {
      // Promoted at the current company, after joining it.
      const start = new Date(`${p.jobStartDate}T00:00:00Z`);
      const earliest = Math.max(start.getTime(), addDays(now, -364).getTime());
      const span = Math.floor((now.getTime() - earliest) / 86_400_000);
      if (span > 7) {
        const date = ymd(addDays(new Date(earliest), int(srng, 7, span)));
        contactSignals.push(contactSignal('promotion', p, company, date));
      }
    }
  }

  // ------------------------------------------------------------ company signals
  const grng = substream(seed, 'company-signals');
  const companySignals: CompanySignalRecord[] = [];
  let nextSignalId = 1_500_000;
  const add = (
    company: SandboxCompany,
    type: CompanySignalType,
    date: string,
    fields: CompanySignalRecord['fields'],
  ) => {
    if (date > today) return;
    companySignals.push({ type, signalId: String(nextSignalId++), companyId: company.id, date, fields });
  };
  for (const company of companies) {
    const day = int(grng, 1, 28);
    const monthDate = (monthsAgo: number) => {
      const m = subMonths(now, monthsAgo);
      return ymd(new Date(Date.UTC(m.getUTCFullYear(), m.getUTCMonth(), day)));
    };
    // Headcount: a monthly series over 24 months; a signal when the change over the window crosses a threshold.
    const trend = (grng() - 0.45) * 0.03;
    const series: number[] = [];
    let h = company.employeesInLinkedin;
    for (let m = 0; m <= 24; m++) {
      series.push(Math.max(1, Math.round(h)));
      h = h / (1 + trend + (grng() - 0.5) * 0.05);
    }
    // series[m] = headcount m months ago
    const thresholds: [number, number, CompanySignalType, CompanySignalType][] = [
      [1, 0.04, 'headcountIncrease1m', 'headcountDecrease1m'],
      [3, 0.08, 'headcountIncrease3m', 'headcountDecrease3m'],
      [6, 0.12, 'headcountIncrease6m', 'headcountDecrease6m'],
      [12, 0.2, 'headcountIncrease12m', 'headcountDecrease12m'],
    ];
    for (let m = 11; m >= 0; m--) {
      for (const [k, t, inc, dec] of thresholds) {
        const nowCount = series[m] ?? 1;
        const base = series[m + k] ?? 1;
        const rate = (nowCount - base) / base;
        if (Math.abs(rate) >= t && base >= 10) {
          add(company, rate > 0 ? inc : dec, monthDate(m), {
            baselineEmployeesCount: base,
            newEmployeesCount: nowCount,
            changeRatePercent: Math.round(rate * 1000) / 10,
          });
        }
      }
    }
    // Website traffic: monthly visits against the trailing 3-month average.
    const visitsBase = company.employeesInLinkedin * int(grng, 20, 120);
    const visits: number[] = [];
    const drift = (grng() - 0.5) * 0.04;
    for (let m = 0; m <= 15; m++) visits.push(Math.round(visitsBase * (1 - drift * m) * (0.85 + grng() * 0.3)));
    for (let m = 11; m >= 0; m--) {
      const last = visits[m] ?? 0;
      const avg = Math.round(((visits[m + 1] ?? 0) + (visits[m + 2] ?? 0) + (visits[m + 3] ?? 0)) / 3);
      const rate = avg > 0 ? (last - avg) / avg : 0;
      if (rate >= 0.2 || rate <= -0.2) {
        add(company, rate > 0 ? 'websiteTrafficIncrease' : 'websiteTrafficDecrease', monthDate(m), {
          historicalAvg: avg,
          lastMonthVisits: last,
          changeRatePercent: Math.round(rate * 100),
        });
      }
    }
    // IT spend: quarterly estimates.
    let spend = company.employeesInLinkedin * int(grng, 3000, 12000);
    for (let q = 3; q >= 0; q--) {
      const change = (grng() - 0.45) * 0.3;
      spend = Math.round(spend * (1 + change));
      if (Math.abs(change) >= 0.08) {
        add(company, change > 0 ? 'itSpendIncrease' : 'itSpendDecrease', monthDate(q * 3 + 1), {
          estimatedAnnualItSpend: spend,
          changeRatePercent: Math.round(change * 100),
        });
      }
    }
    // Hiring surges.
    const surges = trend > 0 ? int(grng, 0, 3) : int(grng, 0, 1);
    for (let k = 0; k < surges; k++) {
      const avg = int(grng, 2, 30);
      const posted = Math.round(avg * (1.5 + grng() * 2));
      add(company, 'surgeInHiring', dateWithin(grng, 364, 0), {
        newJobsPostedLastWeek: posted,
        historicalAvg: avg,
        changeRatePercent: Math.round(((posted - avg) / avg) * 100),
      });
    }
    const deptSurges = int(grng, 0, 2);
    for (let k = 0; k < deptSurges; k++) {
      const avg = int(grng, 1, 12);
      const posted = Math.round(avg * (1.5 + grng() * 2.5));
      add(company, 'surgeInHiringByDepartment', dateWithin(grng, 364, 0), {
        department: pick(grng, DEPARTMENTS),
        newJobsPostedLast4Weeks: posted,
        historicalAvg: avg,
        changeRatePercent: Math.round(((posted - avg) / avg) * 100),
      });
    }
    if (chance(grng, 0.5)) {
      const site = pick(grng, company.companyLocations);
      const avg = int(grng, 1, 15);
      const posted = Math.round(avg * (1.5 + grng() * 2));
      add(company, 'surgeInHiringByLocation', dateWithin(grng, 364, 0), {
        country: site.country,
        state: site.state,
        newJobsPostedLast4Weeks: posted,
        historicalAvg: avg,
        changeRatePercent: Math.round(((posted - avg) / avg) * 100),
      });
    }
    // News.
    const newsCount = int(grng, 0, 5);
    for (let k = 0; k < newsCount; k++) {
      const family = pick(grng, NEWS_SIGNAL_TYPES);
      const published = dateWithin(grng, 364, 0);
      add(company, family, published, newsFields(grng, company, companies, pick(grng, NEWS_EVENTS[family]), published));
    }
  }
  companySignals.sort((a, b) =>
    a.date === b.date ? Number(a.signalId) - Number(b.signalId) : a.date < b.date ? -1 : 1,
  );

  return { companies, people, contactSignals, companySignals, nextSignalId };
}

export function contactSignal(
  type: ContactSignalRecord['type'],
  p: SandboxPerson,
  company: SandboxCompany,
  date: string,
): ContactSignalRecord {
  const prevCompany = type === 'companyChange' && p.previousJob ? p.previousJob : null;
  return {
    type,
    personId: p.personId,
    signalDate: date,
    currentCompanyId: company.id,
    currentCompanyName: company.name,
    currentDomain: company.domain,
    currentTitle: p.jobTitle,
    currentDepartments: p.departments.join(', '),
    currentSeniorityLabel: p.seniority.toLowerCase(),
    previousCompanyName: prevCompany ? prevCompany.companyName : company.name,
    previousDomain: prevCompany ? prevCompany.domain : company.domain,
  };
}

export function newsFields(
  rng: Rng,
  company: SandboxCompany,
  companies: readonly SandboxCompany[],
  eventType: string,
  published: string,
): CompanySignalRecord['fields'] {
  const other = pick(
    rng,
    companies.filter((c) => c.id !== company.id),
  ).name;
  const n = company.name;
  const city = company.location.city;
  const amount = int(rng, 2, 150);
  const person = `${pick(rng, FIRST_NAMES)} ${pick(rng, LAST_NAMES)}`;
  const role = pick(rng, [
    'Chief Financial Officer',
    'Chief Revenue Officer',
    'Chief Technology Officer',
    'Chief Operating Officer',
  ]);
  const product = `${n.split(' ')[0] ?? n} ${pick(rng, ['Insights', 'Cloud', 'Connect', 'Edge', 'Flow', 'One'])}`;
  const titles: Record<string, [string, string]> = {
    Partnership: [
      `${n} announces strategic partnership with ${other}`,
      `The partnership gives ${other} customers access to ${n}'s platform.`,
    ],
    'New Customer': [
      `${other} selects ${n} to modernize its operations`,
      `${other} will roll out ${n} across its teams this year.`,
    ],
    'New Vendor': [`${n} taps ${other} as preferred vendor`, `${n} signed a multi-year agreement with ${other}.`],
    'M&A': [`${n} acquires ${other}`, `${n} announced the acquisition of ${other} for an undisclosed sum.`],
    'Facilities Expansion': [
      `${n} expands its ${city} headquarters`,
      `The expansion adds room for ${amount * 3} employees.`,
    ],
    'New Location': [`${n} opens a new office`, `${n} opened a new regional office to serve growing demand.`],
    'Facility Closure': [`${n} to close a ${city} facility`, `${n} will consolidate operations into its main site.`],
    'Asset Sale': [`${n} sells a business unit to ${other}`, `The divestiture lets ${n} focus on its core business.`],
    'Lawsuit Filed': [`${n} files lawsuit against ${other}`, `${n} alleges infringement of its patents.`],
    'Funding Round': [
      `${n} raises $${amount}M to accelerate growth`,
      `The round was led by a group of growth investors.`,
    ],
    'Asset Investment': [`${n} invests $${amount}M in new facilities`, `The investment expands ${n}'s capacity.`],
    'Strategic Investment': [
      `${other} makes strategic investment in ${n}`,
      `The companies will also collaborate on product.`,
    ],
    IPO: [`${n} files for initial public offering`, `${n} plans to list its shares later this year.`],
    'Event Participation': [
      `${n} to showcase its platform at industry summit`,
      `${n} will host sessions at the annual summit.`,
    ],
    Recognition: [`${n} named among the fastest-growing companies`, `${n} was recognised for revenue growth.`],
    'Competitor Activity': [
      `${other} launches rival to ${n}'s flagship product`,
      `Analysts expect more competition in ${n}'s market.`,
    ],
    'Executive Hire': [`${n} appoints ${person} as ${role}`, `${person} joins ${n} from ${other}.`],
    'Executive Departure': [`${role} ${person} departs ${n}`, `${n} has started a search for a successor.`],
    'Executive Promotion': [`${n} promotes ${person} to ${role}`, `${person} has been with ${n} for several years.`],
    'Headcount Increase': [
      `${n} plans to add ${amount * 2} jobs`,
      `The hiring plan covers engineering and sales roles.`,
    ],
    'Headcount Decrease': [
      `${n} cuts ${amount} jobs amid restructuring`,
      `${n} said the cuts affect mainly back-office roles.`,
    ],
    'Product Launch': [`${n} launches ${product}`, `${product} is available to customers starting today.`],
    'Product Development': [`${n} unveils roadmap for ${product}`, `${n} previewed upcoming capabilities.`],
    'Product Integration': [
      `${n} integrates with ${other}`,
      `Customers can now connect ${n} and ${other} in a few clicks.`,
    ],
    'Security Issue': [
      `${n} discloses security incident`,
      `${n} said it contained the incident and notified affected customers.`,
    ],
    'Lawsuit Faced': [`${n} faces lawsuit over data practices`, `The complaint was filed in a federal court.`],
  };
  const [title, highlight] = titles[eventType] ?? [`${n} in the news`, `${n} made headlines.`];
  const effective = ymd(addDays(new Date(`${published}T00:00:00Z`), -int(rng, 0, 6)));
  return {
    eventType: eventType.toLowerCase(),
    eventSummary: highlight,
    articlePublishedDate: published,
    articleTitle: title,
    articleHighlight: highlight,
    eventEffectiveDate: effective,
    articleUrl: `https://news.example.com/${published.slice(0, 4)}/${published.slice(5, 7)}/${slug(title)}`,
  };
}
