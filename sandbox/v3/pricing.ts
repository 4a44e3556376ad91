/**
 * V3 credit prices per action, as `GET /v3/account/usage` reports them (`pricing`, spec
 * `AccountUsageResponse`/`PricingEntry`): an action costs `credits` for every started `perQuantity` units.
 *
 * Where the prices come from (spec operation ids):
 *  - `revealEmail` 1 and `revealPhone` 5 per contact: the `getAccountUsage` example.
 *  - `api_search` 1 per 25 results: the `PricingEntry` example (`credits: 1, perQuantity: 25`), and the only
 *    price that fits every example bill (`searchContacts`/`searchCompanies`: 3 results, 1 credit;
 *    `prospectingContacts`: 50 results, 2 credits).
 *  - `reveal_company` 1 per company and each premium company field 1 per company: `enrichCompanies`
 *    (2 companies, 4 new fields each = 10) and `searchAndEnrichCompanies` (1 search + 2 companies = 3);
 *    `V3CompaniesEnrichRequest.reveal` ("estimatedAnnualItSpend — 1 credit per company").
 *  - `showSignalsContact`, `showSignalsCompany`, `buyingGroupContact`: 1 per unit (signals: "per matched
 *    signal per result"; buying group: "per contact returned"); listed for the account API, charged by the
 *    families that serve those endpoints.
 * The premium-field action names (`revealEmployeesByDepartment`, ...) are the sandbox's: the spec names none.
 */
import type { Account } from '../accounts';

export interface PricingEntry {
  credits: number;
  perQuantity: number;
}

export const V3_PRICING = {
  api_search: { credits: 1, perQuantity: 25 },
  revealEmail: { credits: 1, perQuantity: 1 },
  revealPhone: { credits: 5, perQuantity: 1 },
  reveal_company: { credits: 1, perQuantity: 1 },
  revealEmployeesByDepartment: { credits: 1, perQuantity: 1 },
  revealEmployeesByLocation: { credits: 1, perQuantity: 1 },
  revealEmployeesBySeniority: { credits: 1, perQuantity: 1 },
  revealCompetitors: { credits: 1, perQuantity: 1 },
  revealIntent: { credits: 1, perQuantity: 1 },
  revealEstimatedAnnualItSpend: { credits: 1, perQuantity: 1 },
  revealMonthlyWebsiteTraffic: { credits: 1, perQuantity: 1 },
  showSignalsContact: { credits: 1, perQuantity: 1 },
  showSignalsCompany: { credits: 1, perQuantity: 1 },
  buyingGroupContact: { credits: 1, perQuantity: 1 },
} as const satisfies Record<string, PricingEntry>;

export type V3Action = keyof typeof V3_PRICING;

/** The price list of one key: the defaults above, with the key's `pricing` overrides. */
export function pricingFor(account: Account): Record<V3Action, PricingEntry> {
  const out = { ...V3_PRICING } as Record<V3Action, PricingEntry>;
  for (const [action, entry] of Object.entries(account.config.pricing ?? {})) {
    if (action in out && entry) out[action as V3Action] = { credits: entry.credits, perQuantity: entry.perQuantity };
  }
  return out;
}

/** Credits for `quantity` units of an action: `credits` per started `perQuantity` (0 units cost nothing). */
export function priceOf(pricing: Record<V3Action, PricingEntry>, action: V3Action, quantity = 1): number {
  if (quantity <= 0) return 0;
  const p = pricing[action];
  return Math.ceil(quantity / Math.max(1, p.perQuantity)) * p.credits;
}
