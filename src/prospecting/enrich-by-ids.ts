/**
 * Enrich Prospected Contacts / Companies: reveal ids that a Prospect step found earlier in
 * the Zap (after a filter, say). Ids are valid only with the requestId of their search, so
 * both are taken: one Search Request ID for all ids, or one per id (ids gathered from
 * several pages of an "Up to N Results" search each carry their page's request id).
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { readList, readText } from '../shared/readers';
import { failureToReport, uniqueBy } from '../lusha/batch';
import type { LushaClient } from '../lusha/client';
import type { LineItemValue } from '../zapier/line-items';
import { SAMPLE_REQUEST_ID } from './records';
import type { PlainInputField } from '../zapier/fields';
import type { ErrorNote } from '../zapier/contract';
import { haltOnInputProblems } from '../zapier/input-problems';
import { counted, REVEAL_BATCH, revealCreditsNote, type RevealOutcome } from './reveal';

/** Most ids one step reveals: a few batches fit Zapier's 30 seconds. */
export const MAX_IDS = 500;

export interface EnrichByIdsRun<V> {
  /** The step's label, for messages: "Enrich Prospected Contacts". */
  step: string;
  what: 'contact' | 'company';
  idsField: string;
  idsLabel: string;
  reveal: (lusha: LushaClient, requestId: string, ids: string[]) => Promise<RevealOutcome<V>>;
  lineItem: (input: {
    id: string;
    requestId: string;
    reveal?: V;
    revealNote?: string | null;
    possiblyCharged?: boolean;
  }) => Record<string, LineItemValue>;
}

export function enrichByIdsFields(what: 'contact' | 'company', idsField: string, idsLabel: string): PlainInputField[] {
  const step = what === 'contact' ? 'Prospect Contacts' : 'Prospect Companies';
  return [
    {
      key: 'request_id',
      label: 'Search Request ID',
      type: 'string',
      list: true,
      required: true,
      helpText:
        `The Search Request ID from the ${step} step that found these ` +
        `${what === 'contact' ? 'contacts' : 'companies'}. ` +
        `One ID for all, or one per ${idsLabel.replace(/s$/, '')} in the same order ` +
        "(map the line items' Search Request ID when the results came from several pages).",
    },
    {
      key: idsField,
      label: idsLabel,
      type: 'string',
      list: true,
      required: true,
      helpText:
        `The ${idsLabel} to reveal, as output by ${step} (up to ${MAX_IDS}; sent ${REVEAL_BATCH} per call). ` +
        `**Costs credits:** ` +
        (what === 'contact' ? 'one per contact Lusha returns an email or phone for' : 'one per company Lusha returns') +
        '.',
    },
  ];
}

interface Row {
  id: string;
  requestId: string;
}

function readRows(
  inputData: Record<string, unknown>,
  run: EnrichByIdsRun<unknown>,
): { rows: Row[]; problems: string[] } {
  const problems: string[] = [];
  const ids = readList(inputData[run.idsField], run.idsLabel);
  const requestIds = readList(inputData.request_id, 'Search Request ID');
  if (!ids.ok) problems.push(ids.problem);
  if (!requestIds.ok) problems.push(requestIds.problem);
  if (!ids.ok || !requestIds.ok) return { rows: [], problems };
  if (ids.value.length === 0) problems.push(`${run.idsLabel} is empty: map the IDs to reveal`);
  if (ids.value.length > MAX_IDS)
    problems.push(`${run.idsLabel} has ${ids.value.length} IDs; at most ${MAX_IDS} per step`);
  if (requestIds.value.length === 0) problems.push('Search Request ID is empty: map it from the search step');
  const perId = requestIds.value.length === ids.value.length;
  if (requestIds.value.length > 1 && !perId) {
    problems.push(
      `Search Request ID has ${requestIds.value.length} values for ${ids.value.length} IDs: give one for all, or ` +
        `exactly one per ID`,
    );
  }
  for (const [index, value] of ids.value.entries()) {
    const id = readText(value, `Row ${index + 1}: ${run.idsLabel.replace(/s$/, '')}`);
    if (!id.ok) problems.push(id.problem);
  }
  if (problems.length > 0) return { rows: [], problems };
  const rows = ids.value.map((id, index) => ({
    id,
    requestId: (perId ? requestIds.value[index] : requestIds.value[0]) as string,
  }));
  return { rows, problems };
}

export async function runEnrichByIds<V>(run: EnrichByIdsRun<V>, lusha: LushaClient, z: ZObject, bundle: Bundle) {
  const { rows, problems } = readRows(
    (bundle.inputData ?? {}) as Record<string, unknown>,
    run as EnrichByIdsRun<unknown>,
  );
  haltOnInputProblems(z, run.step, problems);
  // Each (request id, id) once, however often it was listed.
  const { unique, uniqueIndexOf } = uniqueBy(rows, (row) => `${row.requestId}\u0000${row.id}`);
  const byRequest = new Map<string, string[]>();
  for (const row of unique) byRequest.set(row.requestId, [...(byRequest.get(row.requestId) ?? []), row.id]);

  const outcomes = new Map<string, RevealOutcome<V>>();
  for (const [requestId, ids] of byRequest) outcomes.set(requestId, await run.reveal(lusha, requestId, ids));
  const all = [...outcomes.values()];
  if (all.length > 0 && all.every((o) => o.allFailed !== undefined)) throw failureToReport(all.map((o) => o.allFailed));

  const items = rows.map((row, index) => {
    const outcome = outcomes.get(row.requestId);
    const first = unique[uniqueIndexOf[index] as number] as Row;
    return run.lineItem({
      id: row.id,
      requestId: row.requestId,
      reveal: outcome?.revealed.get(first.id),
      revealNote: outcome?.notes.get(first.id) ?? null,
      possiblyCharged: outcome?.possiblyCharged.has(first.id) ?? false,
    });
  });
  const revealedCount = all.reduce((sum, o) => sum + o.revealed.size, 0);
  const creditsCharged = all.reduce((sum, o) => sum + o.creditsCharged, 0);
  const plural = run.what === 'contact' ? 'contacts' : 'companies';
  return {
    requestId: rows[0]?.requestId ?? null,
    requested: unique.length,
    revealedCount,
    creditsCharged,
    creditsNote:
      revealCreditsNote(
        run.what,
        unique.length,
        revealedCount,
        creditsCharged,
        all.reduce((sum, o) => sum + o.possiblyCharged.size, 0),
      ) + (unique.length < rows.length ? ` ${counted(rows.length - unique.length, 'repeated ID')} revealed once.` : ''),
    [plural]: items,
  };
}

/** The summary of a sample run: one ID revealed for one credit (the operation adds the line item). */
export function enrichSummarySample(what: 'contact' | 'company') {
  return {
    requestId: SAMPLE_REQUEST_ID,
    requested: 1,
    revealedCount: 1,
    creditsCharged: 1,
    creditsNote: revealCreditsNote(what, 1, 1, 1),
  };
}

export function enrichSummaryFields(what: 'contact' | 'company') {
  const plural = what === 'contact' ? 'Contacts' : 'Companies';
  return [
    { key: 'requestId', label: 'Search Request ID', type: 'string' as const },
    { key: 'requested', label: `${plural} Requested`, type: 'integer' as const },
    { key: 'revealedCount', label: `${plural} Revealed`, type: 'integer' as const },
    { key: 'creditsCharged', label: 'Credits Charged', type: 'integer' as const },
    { key: 'creditsNote', label: 'Credits Note', type: 'string' as const },
  ];
}

/** The errors both Enrich Prospected steps document: bad IDs, and IDs Lusha will not reveal for that search. */
export function enrichByIdsErrors(what: 'contact' | 'company'): ErrorNote[] {
  const step = what === 'contact' ? 'Prospect Contacts' : 'Prospect Companies';
  return [
    {
      when: `No IDs, more than ${MAX_IDS}, or Search Request IDs that are neither one nor one per ID`,
      error: 'HaltedError',
      action: 'Fix the mapping; nothing was called.',
    },
    {
      when: 'Lusha does not know the Search Request ID (stale, from another search or account) or rejects the IDs',
      error: 'HaltedError',
      action: `Map the Search Request ID and the IDs from the same ${step} step, or run the search again.`,
    },
  ];
}
