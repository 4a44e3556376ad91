/**
 * What the two website-visit operations declare besides their fields: Find Website Visitors'
 * output (its summary and the companies as line items) with its sample, and both contracts.
 */
import type { OperationContract } from '../zapier/contract';
import { CREDITS_CHARGED_FIELD, CREDITS_NOTE_FIELD, type OutputField } from '../zapier/fields';
import { lineItemsField, toLineItem } from '../zapier/line-items';
import { CHECK_INTERVALS } from '../signals/polling';
import { MAX_LOOKBACK_DAYS, MAX_RANGE_MONTHS, MAX_RESULTS, MAX_TRACKED_DOMAINS, PAGE_SIZE } from './fields';
import { visitorOutputFields, visitorSample } from './records';
import { MAX_CHECKED_VISITORS, VISITS_BILLING, visitsCreditsNote, type FindVisitorsOutput } from './wire';

export const ENDPOINT = 'POST /v3/companies/website-visits';

export const findVisitorsOutputFields: OutputField[] = [
  { key: 'trackedDomains', label: 'Tracked Domains', type: 'string' },
  { key: 'visitsFrom', label: 'Visits From', type: 'datetime' },
  { key: 'visitsTo', label: 'Visits To', type: 'datetime' },
  { key: 'requestId', label: 'Request ID', type: 'string' },
  { key: 'resultCount', label: 'Companies Returned', type: 'integer' },
  { key: 'totalResults', label: 'Total Matching Companies', type: 'integer' },
  { key: 'requestsMade', label: 'Requests Made', type: 'integer' },
  { key: 'stoppedEarly', label: 'Stopped Early', type: 'boolean' },
  { key: 'pagingNote', label: 'Paging Note', type: 'string' },
  CREDITS_CHARGED_FIELD,
  CREDITS_NOTE_FIELD,
  lineItemsField('companies', 'Companies', visitorOutputFields),
];

export const findVisitorsSample: FindVisitorsOutput = {
  trackedDomains: 'acme.com',
  visitsFrom: '2025-05-16',
  visitsTo: '2025-06-15',
  requestId: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
  resultCount: 1,
  totalResults: 142,
  requestsMade: 1,
  stoppedEarly: false,
  pagingNote:
    `1 of 142 companies matching returned (1 request). Raise Maximum Results (up to ${MAX_RESULTS.max}) or narrow ` +
    'the filters for more.',
  creditsCharged: 0,
  creditsNote: visitsCreditsNote(0, 1, { reason: 'enough' }),
  companies: [toLineItem(visitorSample)],
};

const inputErrors = (extra: string) =>
  `Tracked Domains is empty, has more than ${MAX_TRACKED_DOMAINS} domains or one that is not a domain; a Score Band ` +
  `is not hot, warm or cold; Minimum Score is outside 1–100; a visitor country is not a two-letter code, or is ` +
  `both included and excluded; ${extra}`;

const UNTRACKED = {
  when: 'A Tracked Domain is not set up for website visitor tracking in Lusha (400: the whole request fails)',
  error: 'Error' as const,
  action:
    'Set up tracking for the domain in the Lusha dashboard (or ask your Lusha admin), or remove it from Tracked ' +
    'Domains. The message quotes Lusha.',
};

export const findVisitorsContract: OperationContract = {
  endpoints: [ENDPOINT],
  credits:
    `${VISITS_BILLING}. A run makes one request per ${PAGE_SIZE} companies asked for (Maximum Results, default ` +
    `${MAX_RESULTS.default}, at most ${MAX_RESULTS.max}: 4 requests). creditsCharged is the sum of Lusha's ` +
    'billing.creditsCharged over the requests made; creditsNote says so, and names a request whose answer was lost ' +
    '(it may have been charged, and is not counted).',
  errors: [
    {
      when: inputErrors(
        `Sort By is not one of its choices; Maximum Results is outside 1–${MAX_RESULTS.max}; a date is not a date, ` +
          `the Start Date is after the End Date, or the dates span more than ${MAX_RANGE_MONTHS} months`,
      ),
      error: 'HaltedError',
      action: 'Fix the fields named in the message; nothing was sent to Lusha.',
    },
    UNTRACKED,
    {
      when: 'A later request fails (rate limit, timeout, Lusha unavailable...) while the first was answered',
      error: 'ThrottledError',
      action:
        'Nothing fails: the companies already returned are output, and Stopped Early and Paging Note say why the ' +
        'rest is missing. Only a failure of the first request fails the step, with the mapped error.',
    },
  ],
};

export const newVisitorContract: OperationContract = {
  endpoints: [ENDPOINT],
  credits:
    `${VISITS_BILLING}. Lusha is checked at most once per "Check At Most Every" interval ` +
    `(${Object.values(CHECK_INTERVALS)
      .map((i) => i.label)
      .join(
        ', ',
      )}); the polls in between make no call. A check asks for the companies that visited in the look-back, ` +
    `most recent visit first, ${PAGE_SIZE} a request, and asks for more (at most ${MAX_CHECKED_VISITORS} companies, ` +
    `${MAX_CHECKED_VISITORS / PAGE_SIZE} requests) only while the companies returned visited since the previous ` +
    'check. Loading samples in the editor makes one request for 3 companies, or none after a recent check.',
  errors: [
    {
      when: inputErrors(
        `Check At Most Every is not one of its choices; Look Back (Days) is outside 1–${MAX_LOOKBACK_DAYS} or not at ` +
          'least a day longer than the check interval',
      ),
      error: 'HaltedError',
      action: 'Fix the fields named in the message; nothing was sent to Lusha.',
    },
    UNTRACKED,
    {
      when: "A check's answer is lost after it reached Lusha (it may have been charged)",
      error: 'HaltedError',
      action:
        'Nothing: the trigger is not paid again on every poll; the next check waits 15 minutes, doubling with each ' +
        'such failure, never longer than the check interval.',
    },
  ],
};
