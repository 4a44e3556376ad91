/**
 * The V3-only company signal `linkedinActivityIntent` (operation getCompanySignals,
 * schema LinkedinActivityIntentItem) and its filter vocabulary `intentCategories`
 * (getCompanySignalFilterValues).
 *
 * Posts are a pure function of (company, day): a company with intent topics posts on a day when
 * a hash of (company id, name, day) falls under a small rate, so a post keeps its date and content
 * whatever the sandbox clock says, and only days up to "today" exist. Each post is about one or
 * two of the company's intent topics, written by one of its people who has a LinkedIn profile.
 * The post's identity is its `activityUrl` (the spec's item has no id).
 */
import type { INTENT_TOPICS } from '../catalog';
import type { SandboxCompany, SandboxPerson } from '../model';
import type { Store } from '../store';
import { dayNumber, dayString, hash32, unit } from './signalFamily';

/** Bombora-style category of each intent topic the dataset draws from. */
export const INTENT_TOPIC_CATEGORY: Record<(typeof INTENT_TOPICS)[number], string> = {
  Accounting: 'Finance',
  Android: 'Technology',
  'Business Intelligence': 'Technology',
  'Cloud Security': 'Technology',
  CRM: 'Sales',
  'Customer Data Platform': 'Marketing',
  'Customer Experience': 'Marketing',
  Cybersecurity: 'Technology',
  'Data Privacy': 'Business',
  'Data Warehousing': 'Technology',
  DevOps: 'Technology',
  'Digital Sales': 'Sales',
  'E-commerce Platforms': 'Business',
  'Employee Engagement': 'Human Resources',
  'Endpoint Security': 'Technology',
  ERP: 'Business',
  'Expense Management': 'Finance',
  'Generative AI': 'Technology',
  'Identity Management': 'Technology',
  Kubernetes: 'Technology',
  'Machine Learning': 'Technology',
  'Marketing Automation': 'Marketing',
  'Payroll Software': 'Human Resources',
  'Project Management': 'Business',
  'Remote Sales': 'Sales',
  'Sales Intelligence': 'Sales',
  'Supply Chain Management': 'Business',
  'Talent Acquisition': 'Human Resources',
  'Video Conferencing': 'Technology',
  'Zero Trust': 'Technology',
};

/** The values of GET /v3/companies/signals/filters/intentCategories. */
export const INTENT_CATEGORIES: readonly string[] = [...new Set(Object.values(INTENT_TOPIC_CATEGORY))].sort();

/** The trailing window and per-company cap the spec imposes on this type whatever the request says. */
export const LINKEDIN_WINDOW_DAYS = 90;
export const LINKEDIN_MAX_RESULTS = 50;

/** Chance that a company with intent topics posts on a given day (about 3–4 posts per 90 days). */
const POST_RATE = 0.04;

const POST_CATEGORIES = [
  'Technology or Stack Discussion',
  'Product or Vendor Evaluation',
  'Hiring or Team Growth',
  'Industry Event or Webinar',
  'Thought Leadership',
] as const;

const SUMMARIES: Record<(typeof POST_CATEGORIES)[number], (topic: string, company: string) => string> = {
  'Technology or Stack Discussion': (t, c) => `Discusses how ${c} is rethinking its ${t} stack this year.`,
  'Product or Vendor Evaluation': (t, c) => `Asks peers for recommendations while ${c} evaluates ${t} vendors.`,
  'Hiring or Team Growth': (t, c) => `Announces that ${c} is growing its ${t} team.`,
  'Industry Event or Webinar': (t, c) => `Shares takeaways on ${t} from an industry event ${c} attended.`,
  'Thought Leadership': (t, c) => `Shares lessons learned on ${t} at ${c}.`,
};

export interface LinkedinPerson {
  id: string | null;
  fullName: string;
  linkedinUrl: string;
}

export interface LinkedinActivityItem {
  companyId: number;
  activityPublicationDate: string;
  signalCategory: string;
  intentTopics: { topic: string; category: string }[];
  author: LinkedinPerson;
  contactsMentioned: LinkedinPerson[];
  companiesMentioned: { id: string | null; name: string; linkedinUrl: string }[];
  activityUrl: string;
  activitySummary: string | null;
  activityLikes: number;
  activityComments: number;
  activityShares: number;
  activityType: string;
}

function person(p: SandboxPerson): LinkedinPerson {
  return { id: String(p.personId), fullName: p.fullName, linkedinUrl: p.linkedinUrl ?? '' };
}

function pickBy<T>(items: readonly T[], h: number): T | undefined {
  return items.length === 0 ? undefined : items[h % items.length];
}

/** The company's post of that day, if it posted. */
function postOn(store: Store, c: SandboxCompany, day: number): LinkedinActivityItem | undefined {
  if (c.intentTopics.length === 0) return undefined;
  const key = [c.id, c.name, day] as const;
  if (unit('li-post', ...key) >= POST_RATE) return undefined;
  const authors = store.peopleAt(c.id).filter((p) => p.linkedinUrl);
  const author = pickBy(authors, hash32('li-author', ...key));
  if (!author) return undefined;
  const topics = c.intentTopics.map((t) => t.topicName);
  const first = pickBy(topics, hash32('li-topic', ...key)) ?? '';
  const second = unit('li-topic2', ...key) < 0.35 ? pickBy(topics, hash32('li-topic2', ...key)) : undefined;
  const chosen = [...new Set([first, ...(second ? [second] : [])])];
  const category = pickBy(POST_CATEGORIES, hash32('li-category', ...key)) ?? POST_CATEGORIES[0];
  const colleagues = authors.filter((p) => p.personId !== author.personId);
  const mentioned = unit('li-mention', ...key) < 0.3 ? pickBy(colleagues, hash32('li-mention', ...key)) : undefined;
  const others = store.companies.filter((o) => o.id !== c.id);
  const partner = unit('li-company', ...key) < 0.25 ? pickBy(others, hash32('li-company', ...key)) : undefined;
  const urn =
    `7${String(day).padStart(5, '0')}${String(c.id % 1000).padStart(3, '0')}` +
    `${String(hash32('li-urn', ...key)).padStart(10, '0')}`;
  const likes = hash32('li-likes', ...key) % 120;
  return {
    companyId: c.id,
    activityPublicationDate: dayString(day),
    signalCategory: category,
    intentTopics: chosen.map((t) => ({
      topic: t,
      category: INTENT_TOPIC_CATEGORY[t as keyof typeof INTENT_TOPIC_CATEGORY],
    })),
    author: person(author),
    contactsMentioned: mentioned ? [person(mentioned)] : [],
    companiesMentioned: partner
      ? [{ id: String(partner.id), name: partner.name, linkedinUrl: partner.linkedinUrl }]
      : [],
    activityUrl: `https://www.linkedin.com/feed/update/urn:li:activity:${urn}`,
    activitySummary: SUMMARIES[category](first, c.name),
    activityLikes: likes,
    activityComments: Math.floor(likes / 8) + (hash32('li-comments', ...key) % 4),
    activityShares: hash32('li-shares', ...key) % 6,
    activityType: unit('li-type', ...key) < 0.85 ? 'post' : 'article',
  };
}

/**
 * The company's posts in [start, end] (YYYY-MM-DD), newest first, optionally only those touching one
 * of `categories` (lowercase).
 */
export function linkedinActivity(
  store: Store,
  c: SandboxCompany,
  start: string,
  end: string,
  categories?: readonly string[],
): LinkedinActivityItem[] {
  const out: LinkedinActivityItem[] = [];
  for (let day = dayNumber(end); day >= dayNumber(start); day--) {
    const post = postOn(store, c, day);
    if (!post) continue;
    if (categories && !post.intentTopics.some((t) => categories.includes(t.category.toLowerCase()))) continue;
    out.push(post);
  }
  return out;
}
