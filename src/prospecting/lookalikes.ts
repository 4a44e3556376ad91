/**
 * Find Lookalike Contacts / Companies: Lusha's recommendations of contacts or companies
 * like the seeds given, with an exclude list, a limit (at most 25) and the requestId of an
 * earlier run to get the next ones for the same seeds. Lusha states what it charged.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { readLushaIdList, readText } from '../shared/readers';
import { readInteger } from '../shared/options';
import type { LushaClient } from '../lusha/client';
import type { PlainInputField } from '../zapier/fields';
import type { ErrorNote } from '../zapier/contract';
import { haltOnInputProblems } from '../zapier/input-problems';
import { counted, explainRequestIdError } from './reveal';

export const MAX_LIMIT = 25;
export const DEFAULT_LIMIT = 10;
/** Lusha takes at most 100 seeds. */
export const MAX_SEEDS = 100;

/** A recommendations request: the seeds, and Lusha's options as sent (only those given). */
export interface LookalikeRequest<S> {
  seeds: S[];
  exclude?: string[];
  limit: number;
  requestId?: string;
}

export interface LookalikeRun<S, R> {
  /** The step's label, for messages: "Find Lookalike Contacts". */
  step: string;
  what: 'contact' | 'company';
  /** The seeds from the step, or the problems with them (row numbers for line items). */
  readSeeds: (inputData: Record<string, unknown>) => { seeds: S[]; problems: string[] };
  /** One recommendations call: `request`'s options go to Lusha as they are, the seeds under Lusha's key for them. */
  ask: (
    lusha: LushaClient,
    request: LookalikeRequest<S>,
  ) => Promise<{ results: R[]; requestId?: string | null; creditsCharged?: number | null }>;
}

const excludeLabel = (what: 'contact' | 'company') =>
  what === 'contact' ? 'Exclude Person IDs' : 'Exclude Company IDs';

export function lookalikeOptionFields(what: 'contact' | 'company'): PlainInputField[] {
  const plural = what === 'contact' ? 'contacts' : 'companies';
  return [
    {
      key: 'exclude_ids',
      label: excludeLabel(what),
      type: 'string',
      list: true,
      required: false,
      helpText:
        `Lusha ${what === 'contact' ? 'person' : 'company'} IDs never to recommend (e.g. ${plural} already ` +
        `in your CRM).`,
    },
    {
      key: 'limit',
      label: 'Number of Recommendations',
      type: 'integer',
      required: false,
      helpText:
        `How many ${plural} to get, 1 to ${MAX_LIMIT} (default ${DEFAULT_LIMIT}). **Costs credits:** Lusha ` +
        `charges for the recommendations it returns.`,
    },
    {
      key: 'request_id',
      label: 'Request ID (for More)',
      type: 'string',
      required: false,
      helpText:
        `To get the next ${plural} for the same seeds, map the Request ID output by an earlier Find Lookalike ` +
        `${what === 'contact' ? 'Contacts' : 'Companies'} step; Lusha leaves out what it already recommended. Seeds ` +
        `are then optional.`,
    },
  ];
}

export async function runLookalikes<S, R>(run: LookalikeRun<S, R>, lusha: LushaClient, z: ZObject, bundle: Bundle) {
  const inputData = (bundle.inputData ?? {}) as Record<string, unknown>;
  const { seeds, problems } = run.readSeeds(inputData);
  const seedRowsHaveProblems = problems.length > 0;
  const excludeIds = readLushaIdList(inputData.exclude_ids, excludeLabel(run.what));
  if (!excludeIds.ok) problems.push(...excludeIds.problems);
  const exclude = excludeIds.ok ? excludeIds.value : [];
  const limit = readInteger(inputData.limit, 'Number of Recommendations', 1, MAX_LIMIT);
  if (!limit.ok) problems.push(limit.problem);
  const requestId = readText(inputData.request_id, 'Request ID');
  if (!requestId.ok) problems.push(requestId.problem);
  if (seeds.length === 0 && !seedRowsHaveProblems && requestId.ok && !requestId.value) {
    problems.push(
      run.what === 'contact'
        ? 'Add at least one seed (a Person ID with its Company ID), or a Request ID from an earlier run'
        : 'Add at least one seed Company ID, or a Request ID from an earlier run',
    );
  }
  if (seeds.length > MAX_SEEDS) problems.push(`At most ${MAX_SEEDS} seeds per step (got ${seeds.length})`);
  haltOnInputProblems(z, run.step, problems);

  const request: LookalikeRequest<S> = {
    seeds,
    limit: (limit.ok ? limit.value : undefined) ?? DEFAULT_LIMIT,
    ...(exclude.length > 0 ? { exclude: [...new Set(exclude)] } : {}),
    ...(requestId.ok && requestId.value ? { requestId: requestId.value } : {}),
  };
  let answer;
  try {
    answer = await run.ask(lusha, request);
  } catch (error) {
    throw request.requestId
      ? explainRequestIdError(
          error,
          request.requestId,
          `it must come from an earlier Find Lookalike ${run.what === 'contact' ? 'Contacts' : 'Companies'} step of ` +
            `this Lusha account, and Lusha forgets it after a while: clear Request ID to start again from the seeds`,
        )
      : error;
  }
  const creditsCharged = answer.creditsCharged ?? 0;
  return {
    requestId: answer.requestId ?? request.requestId ?? null,
    count: answer.results.length,
    creditsCharged,
    creditsNote: lookalikeCreditsNote(run.what, answer.results.length, creditsCharged, Boolean(request.requestId)),
    [pluralOf(run.what)]: answer.results,
  };
}

const pluralOf = (what: 'contact' | 'company') => (what === 'contact' ? 'contacts' : 'companies');

/** Plain words on what a run found and cost. */
function lookalikeCreditsNote(
  what: 'contact' | 'company',
  count: number,
  creditsCharged: number,
  forRequestId: boolean,
): string {
  const plural = pluralOf(what);
  if (count === 0) {
    return (
      `No ${plural} to recommend${forRequestId ? ' beyond those already returned for this Request ID' : ''}: ` +
      `${counted(creditsCharged, 'credit')} charged.`
    );
  }
  const found = counted(count, `recommended ${what}`, `recommended ${plural}`);
  return (
    `${found}: Lusha charged ${counted(creditsCharged, 'credit')}. Map this step's Request ID into another run ` +
    `to get more.`
  );
}

/** The summary of a sample run: one recommendation, one credit (the operation adds the line item). */
export function lookalikeSummarySample(what: 'contact' | 'company', requestId: string) {
  return { requestId, count: 1, creditsCharged: 1, creditsNote: lookalikeCreditsNote(what, 1, 1, false) };
}

export function lookalikeSummaryFields(what: 'contact' | 'company') {
  return [
    { key: 'requestId', label: 'Request ID', type: 'string' as const },
    { key: 'count', label: what === 'contact' ? 'Contacts Returned' : 'Companies Returned', type: 'integer' as const },
    { key: 'creditsCharged', label: 'Credits Charged', type: 'integer' as const },
    { key: 'creditsNote', label: 'Credits Note', type: 'string' as const },
  ];
}

/** What both Find Lookalike steps cost, in their contracts' words. */
export const LOOKALIKE_CREDITS =
  'Lusha charges for the recommendations it returns and states the charge (creditsCharged); ' +
  'Number of Recommendations caps it.';

/** The error both Find Lookalike steps document for a Request ID Lusha no longer knows. */
export const UNKNOWN_REQUEST_ID_ERROR: ErrorNote = {
  when: 'Lusha does not know the Request ID (stale, or from another account or kind)',
  error: 'HaltedError',
  action: 'Clear Request ID to start again from the seeds, or map it from an earlier run of this step.',
};
