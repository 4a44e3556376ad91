/**
 * What every V3 endpoint shares: the V3 error body (`{"statusCode", "message", "errors"?}`,
 * the spec's `ErrorResponse` and components/responses) and the `billing` object every paid
 * V3 response carries (`{"creditsCharged", "resultsReturned"}`).
 */
import type { Account } from '../accounts';
import { ApiError } from '../errors';

/** The spec's Forbidden example `v3NotEnabled` (components/responses/Forbidden). */
export const V3_NOT_ENABLED = 'V3 API access is not enabled for your account';

/** The 403 every V3 route answers for a key configured with `v3Access: false` (checked by the server). */
export function v3AccessRefused(account: Account): ApiError | null {
  return account.config.v3Access === false ? v3Error(403, V3_NOT_ENABLED) : null;
}

export interface Billing {
  creditsCharged: number;
  resultsReturned: number;
}

export function billing(creditsCharged: number, resultsReturned: number): Billing {
  return { creditsCharged, resultsReturned };
}

/** A V3 error answer: `{"statusCode", "message"}`, with `errors` (details) when given. */
export function v3Error(
  status: number,
  message: string,
  errors?: string[],
  headers?: Record<string, string>,
): ApiError {
  return new ApiError(
    status,
    { statusCode: status, message, ...(errors && errors.length > 0 ? { errors } : {}) },
    headers,
  );
}

/** 400 with the spec's BadRequest message and the details of each problem. */
export function v3BadRequest(errors: string[]): ApiError {
  return v3Error(400, 'Invalid request parameters', errors);
}

/** 402 with the spec's PaymentRequired message. */
export function v3PaymentRequired(): ApiError {
  return v3Error(402, 'Insufficient credits for this operation');
}

/** The keys a V3 contact item may hold (Search Contacts, contact signal scores): a reference and the identifiers. */
export const CONTACT_ITEM_KEYS: readonly string[] = [
  'clientReferenceId',
  'id',
  'linkedinUrl',
  'email',
  'firstName',
  'lastName',
  'companyName',
  'companyDomain',
];
