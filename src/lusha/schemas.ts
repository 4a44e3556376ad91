/**
 * zod schemas for Lusha's responses (V3 for the connection, enrichment and prospecting, V2 for the rest).
 *
 * Tolerant where real responses vary: unknown keys are kept (`loose`), scalar fields
 * accept a number where a string is documented and vice versa, and the documented
 * alternative spellings are all accepted (emails as `email`/`emailType` or
 * `address`/`type`; person location in snake_case or camelCase; company social links as
 * strings or `{url}` objects).
 * Strict where a wrong shape means a bug: the top-level containers each endpoint promises
 * (`contact`, `contacts`, `requestId`, result arrays...) must be there.
 *
 * Mapping these wire shapes to the connector's flat output records happens in
 * src/records/, never here.
 */
import { z } from 'zod';

/** An object schema that keeps the keys it does not name (Lusha adds fields over time). */
const loose = <T extends z.ZodRawShape>(shape: T) => z.object(shape).passthrough();

/** A display value: a string, or a number rendered as one. */
const text = z
  .union([z.string(), z.number()])
  .transform((value) => String(value))
  .nullish();
/** An identifier: Lusha sends ids as numbers in some places and strings in others. */
const id = text;
const num = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/)])
  .transform((value) => Number(value))
  .nullish();
const bool = z.boolean().nullish();
const strings = z.array(z.union([z.string(), z.number()]).transform(String)).nullish();
/** A date as Lusha sends it (YYYY-MM-DD or an ISO timestamp), kept as sent. */
const date = text;

// ---------------------------------------------------------------- people

export const EmailAddressSchema = loose({
  email: text,
  address: text,
  emailType: text,
  type: text,
  emailConfidence: text,
  /** V3 */
  confidence: text,
  updateDate: date,
});

export const PhoneNumberSchema = loose({
  number: text,
  phoneType: text,
  type: text,
  doNotCall: bool,
  updateDate: date,
});

export const PersonLocationSchema = loose({
  city: text,
  state: text,
  state_code: text,
  stateCode: text,
  country: text,
  country_iso2: text,
  countryIso2: text,
  continent: text,
  is_eu_contact: bool,
  isEuContact: bool,
  rawLocation: text,
});

export const JobTitleSchema = z.union([
  z.string(),
  loose({
    title: text,
    seniority: text,
    departments: strings,
  }),
]);

const SocialLinkSchema = z.union([z.string(), loose({ url: text })]).nullish();

/** A funding round: `roundType/roundAmount/roundDate` or the spec's `title/moneyRaised/announcedOn`. */
export const FundingRoundSchema = loose({
  roundType: text,
  roundAmount: num,
  roundDate: date,
  title: text,
  moneyRaised: num,
  announcedOn: date,
  currency: text,
});

/** Funding: the last round as `lastRound*` or the spec's `lastFundingEvent*`. */
export const FundingSchema = loose({
  rounds: z.array(FundingRoundSchema).nullish(),
  totalRounds: num,
  totalRoundsAmount: num,
  currency: text,
  isIpo: bool,
  lastRoundType: text,
  lastRoundAmount: num,
  lastRoundDate: date,
  lastFundingEventName: text,
  lastFundingEventAmount: num,
  lastFundingEventDate: date,
});

/** A SIC or NAICS entry: the code under `sic`/`naics`, the spec's `sicCodes`/`naicsCodes`, or `code`. */
const IndustryCodeSchema = z.union([
  z.string(),
  z.number().transform(String),
  loose({ sic: text, sicCodes: text, naics: text, naicsCodes: text, code: text, description: text }),
]);

const RangeSchema = z
  .union([z.array(z.number().nullable()), loose({ min: num, max: num, employeesInLinkedin: num })])
  .nullish();

/**
 * A company in any of its documented shapes: nested under a contact, the single-company
 * `data`, a bulk-company value (flat: `lushaCompanyId`, `city`, `linkedin`...), or a
 * prospecting result.
 */
export const CompanySchema = loose({
  id: id,
  companyId: id,
  lushaCompanyId: id,
  name: text,
  description: text,
  domain: text,
  fqdn: text,
  emailDomain: text,
  domains: loose({ homepage: text, email: text }).nullish(),
  homepageUrl: text,
  website: text,
  employees: text,
  companySize: RangeSchema,
  employeesInLinkedin: num,
  revenueRange: RangeSchema,
  mainIndustry: text,
  /** V3 */
  industry: text,
  subIndustry: text,
  founded: text,
  /** V3 */
  yearFounded: text,
  /** V3: `{ exact, min, max }` */
  employeeCount: loose({ exact: num, min: num, max: num }).nullish(),
  logoUrl: text,
  location: loose({
    city: text,
    state: text,
    stateCode: text,
    country: text,
    countryIso2: text,
    continent: text,
    fullLocation: text,
    rawLocation: text,
  }).nullish(),
  city: text,
  state: text,
  country: text,
  countryIso2: text,
  continent: text,
  rawLocation: text,
  social: loose({ linkedin: SocialLinkSchema, crunchbase: SocialLinkSchema }).nullish(),
  /** V3 */
  socialLinks: loose({ linkedin: SocialLinkSchema, crunchbase: SocialLinkSchema }).nullish(),
  linkedin: text,
  crunchbase: text,
  specialities: strings,
  technologies: z.array(z.union([z.string(), loose({ name: text })])).nullish(),
  funding: FundingSchema.nullish(),
  industryPrimaryGroupDetails: loose({
    sicCodes: z.array(IndustryCodeSchema).nullish(),
    naicsCodes: z.array(IndustryCodeSchema).nullish(),
  }).nullish(),
  /** V3: at the top level, `[{ code, description }]` */
  sicCodes: z.array(IndustryCodeSchema).nullish(),
  naicsCodes: z.array(IndustryCodeSchema).nullish(),
});

export const ContactSchema = loose({
  personId: id,
  id: id,
  firstName: text,
  lastName: text,
  fullName: text,
  companyId: id,
  companyName: text,
  emailAddresses: z.array(EmailAddressSchema).nullish(),
  phoneNumbers: z.array(PhoneNumberSchema).nullish(),
  /** V3 */
  emails: z.array(EmailAddressSchema).nullish(),
  phones: z.array(PhoneNumberSchema).nullish(),
  jobTitle: JobTitleSchema.nullish(),
  seniority: z.unknown().optional(),
  departments: strings,
  location: PersonLocationSchema.nullish(),
  socialLinks: loose({ linkedin: text, xUrl: text }).nullish(),
  jobStartDate: date,
  company: CompanySchema.nullish(),
});

// ---------------------------------------------------------------- signals

/**
 * A V3 contact signal item (`promotion`, `companyChange`): `{ id, signalDate, previousCompany,
 * newCompany }`. Its `id` is the contact's, not the event's: the connector derives the event's
 * id (src/signals/records.ts).
 */
export const ContactSignalItemSchema = loose({
  id: id,
  signalDate: date,
  previousCompany: text,
  newCompany: text,
});

/**
 * A company signal item. Every family carries `signalId` and `signalDate` (news:
 * `articlePublishedDate`); the other fields depend on the family (headcount, hiring surge,
 * website traffic, IT spend, news).
 */
export const CompanySignalItemSchema = loose({
  signalId: id,
  companyId: id,
  companyName: text,
  domain: text,
  signalDate: date,
  articlePublishedDate: date,
  changeRatePercent: num,
  historicalAvg: num,
  baselineEmployeesCount: num,
  newEmployeesCount: num,
  newJobsPostedLastWeek: num,
  newJobsPostedLast4Weeks: num,
  department: text,
  country: text,
  state: text,
  lastMonthVisits: num,
  estimatedAnnualItSpend: num,
  eventType: text,
  eventSummary: text,
  articleTitle: text,
  articleHighlight: text,
  articleUrl: text,
  eventEffectiveDate: date,
});

/**
 * One watched entity of a signals response: identity fields plus one array per signal type
 * found, e.g. `{"personId": "1", "promotion": [...], "companyChange": [...]}`. Every array of
 * objects is read as the signals of the type named by its key (so a type Lusha adds later
 * still comes through); each item must parse, or the response is reported as unreadable.
 */
function signalEntity<I extends z.ZodTypeAny, T extends z.ZodTypeAny>(identity: I, item: T) {
  return z.record(z.string(), z.unknown()).transform((entity, ctx) => {
    const signals: Array<{ type: string; item: z.output<T> }> = [];
    const fields: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(entity)) {
      const isSignalList =
        Array.isArray(value) &&
        value.length > 0 &&
        value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
      if (!isSignalList) {
        if (!Array.isArray(value)) fields[key] = value;
        continue;
      }
      (value as unknown[]).forEach((raw, index) => {
        const parsed = item.safeParse(raw);
        if (parsed.success) signals.push({ type: key, item: parsed.data });
        else
          ctx.addIssue({
            code: 'custom',
            path: [key, index],
            message: parsed.error.issues[0]?.message ?? 'invalid signal',
          });
      });
    }
    const parsedIdentity = identity.safeParse(fields);
    if (!parsedIdentity.success) {
      ctx.addIssue({ code: 'custom', message: parsedIdentity.error.issues[0]?.message ?? 'invalid entity' });
      return z.NEVER;
    }
    return Object.assign({}, parsedIdentity.data as z.output<I>, { signals });
  });
}

// ---------------------------------------------------------------- V3 enrichment

/** `billing` on every paid V3 answer: what Lusha charged for the request, and how many results it returned. */
export const V3BillingSchema = loose({ creditsCharged: num, resultsReturned: num });

/** A per-item error in a V3 batch answer (NOT_FOUND, COMPLIANCE_RESTRICTED, ENRICH_FAILED...). */
const V3ItemErrorSchema = loose({ code: text, message: text });

/** A result of `POST /v3/{contacts|companies}/search-and-enrich`: the record, or its `error`, under your reference. */
const v3Result = <T extends z.ZodRawShape>(shape: T) =>
  loose({ ...shape, clientReferenceId: text, error: V3ItemErrorSchema.nullish() });

/** A V3 answer of one `v3Result` per item sent: the request's id, the results in order, the bill. */
const v3ResultsAnswer = <T extends z.ZodRawShape>(shape: T) =>
  loose({ requestId: text, results: z.array(v3Result(shape)), billing: V3BillingSchema.nullish() });

/** POST /v3/contacts/search-and-enrich: one result per contact sent, in order, each with your `clientReferenceId`. */
export const V3ContactsSearchAndEnrichSchema = v3ResultsAnswer(ContactSchema.shape);

/** POST /v3/companies/search-and-enrich */
export const V3CompaniesSearchAndEnrichSchema = v3ResultsAnswer(CompanySchema.shape);

/** What revealing one kind of data of a found contact would cost (0 when the account has revealed it before). */
const V3CanRevealSchema = loose({ field: text, credits: num });

/** POST /v3/contacts/search: non-PII previews, each with what revealing it would cost (`canReveal`). */
export const V3ContactsSearchSchema = v3ResultsAnswer({
  ...ContactSchema.shape,
  canReveal: z.array(V3CanRevealSchema).nullish(),
});

/** POST /v3/contacts/enrich: the full contacts, by id. */
export const V3ContactsEnrichSchema = v3ResultsAnswer(ContactSchema.shape);

/** POST /v3/companies/enrich: the full companies, by id. */
export const V3CompaniesEnrichSchema = v3ResultsAnswer(CompanySchema.shape);

/** `pagination` of a V3 prospecting answer. */
const V3PaginationSchema = loose({ page: num, size: num, total: num });

/** POST /v3/contacts/prospecting: a page of contact previews (`has`: the data points Lusha holds). */
export const V3ProspectingContactsSchema = loose({
  requestId: z.string().min(1),
  results: z.array(
    loose({
      ...ContactSchema.shape,
      has: strings,
      canReveal: z.array(V3CanRevealSchema).nullish(),
      error: V3ItemErrorSchema.nullish(),
    }),
  ),
  pagination: V3PaginationSchema.nullish(),
  billing: V3BillingSchema.nullish(),
});

/** POST /v3/companies/prospecting: a page of company previews. */
export const V3ProspectingCompaniesSchema = loose({
  requestId: z.string().min(1),
  results: z.array(loose({ ...CompanySchema.shape, has: strings, error: V3ItemErrorSchema.nullish() })),
  pagination: V3PaginationSchema.nullish(),
  billing: V3BillingSchema.nullish(),
});

/**
 * GET /v3/{contacts|companies}/prospecting/filters/{filterType}: `values`, whose shape depends
 * on the filter type (strings, `{id, name}`, `{name, code}`, `V3Location`...); each list reads
 * its own (src/prospecting/filter-lists.ts). `null` is an empty list.
 */
export const FilterValuesSchema = loose({ values: z.array(z.unknown()).nullish() }).transform(
  (answer) => answer.values ?? [],
);

/**
 * POST /v3/contacts/signals: per contact id, its signals keyed by type (`promotion`, `companyChange`),
 * or its `error` (NOT_FOUND). Each result is kept as sent; V3ContactSignalResultSchema reads its signals.
 */
export const V3ContactSignalsSchema = loose({
  results: z.array(loose({ id: id, error: V3ItemErrorSchema.nullish() })),
  startDate: text,
  endDate: text,
  billing: V3BillingSchema.nullish(),
});

/** A result of POST /v3/contacts/signals as a signal entity: the contact's `id`, and its signals by type. */
export const V3ContactSignalResultSchema = signalEntity(
  loose({ id: id, error: V3ItemErrorSchema.nullish() }),
  ContactSignalItemSchema,
);

/** POST /v3/companies/signals: per company id, its name, domain and signals by type, or its `error`. */
export const V3CompanySignalsSchema = loose({
  results: z.array(
    signalEntity(
      loose({ id: id, companyName: text, domain: text, error: V3ItemErrorSchema.nullish() }),
      CompanySignalItemSchema,
    ),
  ),
  startDate: text,
  endDate: text,
  billing: V3BillingSchema.nullish(),
});

/** GET /v3/{contacts|companies}/signals/types */
export const V3SignalTypesSchema = loose({ signalTypes: z.array(z.string()) });

/** GET /v3/companies/signals/filters/{filterType}: the values (their shape depends on the filter type). */
export const V3SignalFilterValuesSchema = loose({ values: z.array(z.unknown()).nullish() });

// ---------------------------------------------------------------- webhooks

/** GET /api/account/secret */
export const WebhookSecretSchema = loose({ secret: z.string().min(1) });

/** A subscription as the Webhooks API shows it (never with a secret). */
export const SubscriptionSchema = loose({
  id: z.union([z.string(), z.number()]).transform(String),
  entityType: text,
  entityId: text,
  signalTypes: strings,
  url: text,
  isActive: bool,
  blockReason: text,
});

const itemResult = <T extends z.ZodTypeAny>(subscription: T) =>
  loose({
    index: num,
    success: z.boolean(),
    subscription: subscription.nullish(),
    error: loose({ code: text, message: text }).nullish(),
  });

/** POST /api/subscriptions (201, also when some or all items failed). */
export const CreateSubscriptionsSchema = loose({
  total: num,
  successful: num,
  failed: num,
  results: z.array(itemResult(SubscriptionSchema)),
});

/** GET /api/subscriptions */
export const SubscriptionListSchema = loose({
  data: z.array(SubscriptionSchema),
  pagination: loose({ total: num, limit: num, offset: num, hasMore: bool }).nullish(),
});

/** POST /api/subscriptions/delete */
export const DeleteSubscriptionsSchema = loose({
  total: num,
  successful: num,
  failed: num,
  results: z.array(itemResult(loose({ id: text }))),
});

// ---------------------------------------------------------------- V3 lookalikes

/** `meta` of a lookalike answer: how many came back, and whether the session has more. */
const V3LookalikesMetaSchema = loose({ returned: num, hasMore: bool });

/** POST /v3/contacts/lookalike: previews (`id`, names, title, company, location), the session, the bill. */
export const V3ContactLookalikesSchema = loose({
  dedupeSessionId: text,
  results: z.array(ContactSchema),
  meta: V3LookalikesMetaSchema.nullish(),
  billing: V3BillingSchema.nullish(),
});

/** POST /v3/companies/lookalike */
export const V3CompanyLookalikesSchema = loose({
  dedupeSessionId: text,
  results: z.array(CompanySchema),
  meta: V3LookalikesMetaSchema.nullish(),
  billing: V3BillingSchema.nullish(),
});

/** POST /v3/companies/search: a preview per company sent (or its `error`), under your `clientReferenceId`. */
export const V3CompaniesSearchSchema = v3ResultsAnswer(CompanySchema.shape);

// ---------------------------------------------------------------- V3 buying group, signal scores, website visits

/** A V3 contact preview of the buying group: who, their persona role(s) and the model's 0–1 score. */
const V3BuyingGroupContactSchema = loose({
  ...ContactSchema.shape,
  has: strings,
  canReveal: z.array(V3CanRevealSchema).nullish(),
  roles: strings,
  score: num,
  error: V3ItemErrorSchema.nullish(),
});

/** POST /v3/contacts/buying-group: per company sent, its contacts (or its `error`); paged over all contacts. */
export const V3BuyingGroupSchema = loose({
  requestId: text,
  results: z.array(
    loose({
      clientReferenceId: text,
      companyId: id,
      contacts: z.array(V3BuyingGroupContactSchema).nullish(),
      error: V3ItemErrorSchema.nullish(),
    }),
  ),
  pagination: V3PaginationSchema.nullish(),
  billing: V3BillingSchema.nullish(),
});

/** The score fields of a signal-score result; absent on NOT_FOUND / NO_SCORE rows, which carry `error`. */
const signalScoreShape = {
  clientReferenceId: text,
  id,
  signalScore: num,
  signalTypes: strings,
  noActiveSignals: bool,
  error: V3ItemErrorSchema.nullish(),
};

/** POST /v3/companies/signal-score: one result per company sent, under your `clientReferenceId`. */
export const V3CompanySignalScoresSchema = loose({
  requestId: text,
  results: z.array(loose({ ...signalScoreShape, name: text, domain: text })),
  billing: V3BillingSchema.nullish(),
});

/** POST /v3/contacts/signal-score: one result per contact sent, with the company it was scored at. */
export const V3ContactSignalScoresSchema = loose({
  requestId: text,
  results: z.array(
    loose({ ...signalScoreShape, fullName: text, company: loose({ id, name: text, domain: text }).nullish() }),
  ),
  billing: V3BillingSchema.nullish(),
});

/** POST /v3/companies/website-visits: a page of company previews with their visit metrics. */
export const V3WebsiteVisitsSchema = loose({
  requestId: text,
  results: z.array(
    loose({
      ...CompanySchema.shape,
      has: strings,
      canReveal: z.array(V3CanRevealSchema).nullish(),
      score: num,
      scoreBand: text,
      totalSessions: num,
      uniqueVisitors: num,
      avgSessionMinutes: num,
      daysVisited: num,
      highIntentPageviews: num,
      daysSinceLastVisit: num,
      lastVisit: date,
      visitorCountry: text,
    }),
  ),
  pagination: V3PaginationSchema.nullish(),
  billing: V3BillingSchema.nullish(),
});

// ---------------------------------------------------------------- account

/** GET /v3/account/usage: credits, rate limits, plan and prices; only `credits` is required. */
export const AccountUsageSchema = loose({
  credits: loose({ used: num, total: num, remaining: num }),
  plan: loose({ category: text }).nullish(),
  /** The account's prices by action (`api_search`, `revealEmail`, `reveal_company`...): `credits` per `perQuantity`. */
  pricing: z.record(z.string(), loose({ credits: num, perQuantity: num })).nullish(),
});

export type Contact = z.output<typeof ContactSchema>;
export type Company = z.output<typeof CompanySchema>;
export type V3ProspectContact = z.output<typeof V3ProspectingContactsSchema>['results'][number];
export type V3ProspectCompany = z.output<typeof V3ProspectingCompaniesSchema>['results'][number];
export type ContactSignalItem = z.output<typeof ContactSignalItemSchema>;
export type CompanySignalItem = z.output<typeof CompanySignalItemSchema>;
export type ContactSignalEntity = z.output<typeof V3ContactSignalResultSchema>;
export type CompanySignalEntity = z.output<typeof V3CompanySignalsSchema>['results'][number];
export type AccountUsage = z.output<typeof AccountUsageSchema>;
export type V3ContactResult = z.output<typeof V3ContactsSearchAndEnrichSchema>['results'][number];
export type V3ContactPreview = z.output<typeof V3ContactsSearchSchema>['results'][number];
export type V3CompanyResult = z.output<typeof V3CompaniesSearchAndEnrichSchema>['results'][number];
export type V3ContactLookalike = z.output<typeof V3ContactLookalikesSchema>['results'][number];
export type V3CompanyLookalike = z.output<typeof V3CompanyLookalikesSchema>['results'][number];
export type V3BuyingGroupAnswer = z.output<typeof V3BuyingGroupSchema>;
export type V3BuyingGroupCompany = V3BuyingGroupAnswer['results'][number];
export type V3BuyingGroupContact = NonNullable<V3BuyingGroupCompany['contacts']>[number];
export type V3CompanySignalScore = z.output<typeof V3CompanySignalScoresSchema>['results'][number];
export type V3ContactSignalScore = z.output<typeof V3ContactSignalScoresSchema>['results'][number];
export type V3WebsiteVisit = z.output<typeof V3WebsiteVisitsSchema>['results'][number];
