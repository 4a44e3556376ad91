/**
 * Lusha's error bodies. Real clients meet several shapes (reference README, "Errors"); the sandbox
 * uses one per API family so that clients have to cope with all of them:
 *  - enrichment (/v2/person, /v2/company) 400s: {"error":{"code":400,"message":"..."}} (spec intro, "Error Response Format")
 *  - prospecting 400s: {"statusCode":400,"message":["..."],"error":"Bad Request"} (README: `{"message":["a","b"]}`)
 *  - signals 400s: {"statusCode":400,"message":"Validation failed","errors":["..."]} (spec ErrorResponse)
 *  - everything else: {"statusCode":n,"message":"..."} (spec components/responses)
 */

export type ErrorFamily = 'enrichment' | 'prospecting' | 'validation';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(
      typeof body === 'object' && body && 'message' in body
        ? String((body as { message: unknown }).message)
        : `HTTP ${status}`,
    );
  }
}

export function badRequest(family: ErrorFamily, errors: string[]): ApiError {
  switch (family) {
    case 'enrichment':
      return new ApiError(400, { error: { code: 400, message: errors.join('; ') } });
    case 'prospecting':
      return new ApiError(400, { statusCode: 400, message: errors, error: 'Bad Request' });
    case 'validation':
      return new ApiError(400, { statusCode: 400, message: 'Validation failed', errors });
  }
}

export function simpleError(status: number, message: string, headers?: Record<string, string>): ApiError {
  return new ApiError(status, { statusCode: status, message }, headers);
}

export const MESSAGES = {
  unauthorized: 'Invalid API key',
  revealForbidden:
    'Your pricing version does not support requesting individual datapoints [revealEmails, revealPhones]',
  dncForbidden:
    'Exclude DNC is not supported on your current plan. Please contact support or your account manager for assistance.',
  signalsForbidden: 'Signals API not supported on your plan',
  paymentRequired: 'Your account requires payment',
  notFound: 'Resource not found',
  routeNotFound: 'The requested endpoint was not found',
  tooManyRequests: 'Too many requests. Please wait before making another request.',
  gdpr: 'We are unable to process this contact request due to our GDPR regulations',
  internal: 'Internal server error. Please try again later.',
  dailyQuota: (limit: number) => `Daily API quota limit exceeded. Limit ${limit} calls per day`,
  hourlyQuota: (limit: number, reset: number) =>
    `Hourly API rate limit exceeded. Limit: ${limit} calls per hour. Reset in ${reset} seconds`,
  minuteQuota: (limit: number, reset: number) =>
    `Minute API rate limit exceeded. Limit: ${limit} calls per minute. Reset in ${reset} seconds`,
} as const;

export function statusMessage(status: number): string {
  switch (status) {
    case 400:
      return 'Invalid request parameters';
    case 401:
      return MESSAGES.unauthorized;
    case 402:
      return MESSAGES.paymentRequired;
    case 403:
      return 'Your account is not active. Please reach out to support at support@lusha.com';
    case 404:
      return MESSAGES.notFound;
    case 412:
      return 'The request failed due to invalid syntax that was provided. Please make sure to send a full name field that contains a valid first & last name';
    case 429:
      return MESSAGES.tooManyRequests;
    case 451:
      return MESSAGES.gdpr;
    case 499:
      return 'Request failed due to request timeout';
    case 500:
      return MESSAGES.internal;
    case 502:
      return 'Bad Gateway';
    case 503:
      return 'Service Unavailable';
    case 504:
      return 'Gateway Timeout';
    default:
      return status >= 500 ? MESSAGES.internal : 'Error';
  }
}
