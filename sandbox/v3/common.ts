/**
 * What every V3 endpoint shares: the V3 error body (`{"statusCode", "message", "errors"?}`,
 * the spec's `ErrorResponse` and components/responses) and the `billing` object every paid
 * V3 response carries (`{"creditsCharged", "resultsReturned"}`).
 */
import { ApiError } from '../errors';

export interface Billing {
  creditsCharged: number;
  resultsReturned: number;
}

export function billing(creditsCharged: number, resultsReturned: number): Billing {
  return { creditsCharged, resultsReturned };
}

/** A V3 error answer: `{"statusCode", "message"}`, with `errors` (details) when given. */
export function v3Error(status: number, message: string, errors?: string[], headers?: Record<string, string>): ApiError {
  return new ApiError(status, { statusCode: status, message, ...(errors && errors.length > 0 ? { errors } : {}) }, headers);
}

/** 400 with the spec's BadRequest message and the details of each problem. */
export function v3BadRequest(errors: string[]): ApiError {
  return v3Error(400, 'Invalid request parameters', errors);
}

/** 402 with the spec's PaymentRequired message. */
export function v3PaymentRequired(): ApiError {
  return v3Error(402, 'Insufficient credits for this operation');
}
