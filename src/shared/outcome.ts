/**
 * What Lusha said about one lookup (a person, a company), whether it was made alone (Find
 * Person) or as one row of a list (Bulk Enrich): a match with its record, no match, or an
 * error in words. Each carries the credits Lusha charged for it.
 */
export type LookupOutcome<R> =
  | { status: 'matched'; record: R; creditsCharged: number }
  | { status: 'not_found'; creditsCharged: number }
  | {
      status: 'error';
      reason: string;
      creditsCharged: number;
      /** The answer was lost after the request reached Lusha: it may have been charged. */
      possiblyCharged?: boolean;
    };

/**
 * What one batch of lookups (up to 100, one request) came back with: the outcome of each
 * lookup by the reference it was sent under (a reference missing from the map comes back as
 * an error row), and what Lusha charged for the request as a whole.
 */
export interface BatchAnswer<R> {
  outcomes: Map<string, RowOutcome<R>>;
  creditsCharged: number;
}

/**
 * The outcome of one row of a list: a lookup's outcome, "found but not revealed" when the
 * step's Maximum Credits did not cover revealing it (with what Lusha showed without revealing),
 * or "found but not scored" when Lusha resolved the entity but has no signal score for it
 * (with who it is).
 */
export type RowOutcome<R> =
  | LookupOutcome<R>
  | { status: 'not_revealed'; reason: string; record?: R; creditsCharged: number }
  | { status: 'no_score'; reason: string; record: R; creditsCharged: number };
