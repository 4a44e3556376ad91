/**
 * Reading a V3 batch answer: what Lusha says it charged for the request
 * (`billing.creditsCharged`, 0 when it sends no bill), and each result under the
 * `clientReferenceId` it was sent with.
 */

export function creditsChargedBy(answer: { billing?: { creditsCharged?: number | null } | null }): number {
  return answer.billing?.creditsCharged ?? 0;
}

/** The results by their `clientReferenceId` (a result without one is left out). */
export function byClientReference<T extends { clientReferenceId?: string | null }>(results: readonly T[]) {
  return new Map(results.flatMap((r) => (r.clientReferenceId ? [[r.clientReferenceId, r] as const] : [])));
}

/**
 * The outcome of each item of a batch, from the result Lusha sent under the item's `id` as its
 * `clientReferenceId`, in the batch's order; an item missing from the answer is left out.
 */
export function outcomesByReference<I extends { id: string }, T extends { clientReferenceId?: string | null }, O>(
  batch: readonly I[],
  results: readonly T[],
  outcome: (result: T, item: I) => O,
): Map<string, O> {
  const byReference = byClientReference(results);
  const outcomes = new Map<string, O>();
  for (const item of batch) {
    const result = byReference.get(item.id);
    if (result) outcomes.set(item.id, outcome(result, item));
  }
  return outcomes;
}

/** The one result of a one-item request, when Lusha did not echo its reference. */
export function onlyResult<T>(results: readonly T[]): T | undefined {
  return results.length === 1 ? results[0] : undefined;
}

/** A price as `GET /v3/account/usage` lists it: `credits` for every started `perQuantity` units. */
export interface Price {
  credits: number;
  perQuantity: number;
}

/** The account's prices by action (`api_search`, `revealEmail`, `revealPhone`, `reveal_company`...). */
export type Pricing = Record<string, Price | undefined>;

/**
 * What `units` of an action cost at `price`; without a listed price, `perUnit` credits per
 * unit (callers pass an upper bound, so a missing price never lets a run spend more).
 */
export function costOf(price: Price | undefined, units: number, perUnit: number): number {
  if (units <= 0) return 0;
  if (!price) return units * perUnit;
  return Math.ceil(units / Math.max(1, price.perQuantity)) * price.credits;
}

/**
 * A run's credit ceiling (a step's Maximum Credits): what is left to spend, lowered by what
 * Lusha billed. Once an answer is lost after reaching Lusha, what was spent is unknown, and
 * nothing more may be started.
 */
export class CreditBudget {
  private leftCredits: number;
  private known = true;

  constructor(readonly max: number) {
    this.leftCredits = max;
  }

  /** Credits left; meaningful only while `isKnown`. */
  get left(): number {
    return this.leftCredits;
  }

  get isKnown(): boolean {
    return this.known;
  }

  /** Whether `credits` more may be spent. */
  covers(credits: number): boolean {
    return this.known && credits <= this.leftCredits;
  }

  /** Lusha billed `credits`. */
  spend(credits: number): void {
    this.leftCredits -= credits;
  }

  /** An answer was lost after it reached Lusha: what it cost is unknown. */
  lose(): void {
    this.known = false;
  }
}
