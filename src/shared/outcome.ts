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
