/**
 * Enrich Prospected Contacts / Companies: reveal ids that a Prospect step found earlier in
 * the Zap (after a filter, say), by V3's enrich by ids. V3 needs no search request id: the
 * ids alone identify the records. The 1.x Search Request ID input is still accepted (one
 * for all ids, or one per id) and only echoed in the output; it is never refused.
 */
import type { Bundle, ZObject } from 'zapier-platform-core';
import { readList, readText } from '../shared/readers';
import { failureToReport, uniqueBy } from '../lusha/batch';
import type { LushaClient } from '../lusha/client';
import type { LineItemValue } from '../zapier/line-items';
import { SAMPLE_REQUEST_ID } from './records';
import { CREDITS_CHARGED_FIELD, CREDITS_NOTE_FIELD, type PlainInputField } from '../zapier/fields';
import type { ErrorNote } from '../zapier/contract';
import { haltOnInputProblems } from '../zapier/input-problems';
import { counted, REVEAL_BATCH, revealCreditsNote, revealRule, type RevealOutcome } from './reveal';

/** Most ids one step reveals: a few batches fit Zapier's 30 seconds. */
export const MAX_IDS = 500;

export interface EnrichByIdsRun<V> {
  /** The step's label, for messages: "Enrich Prospected Contacts". */
  step: string;
  what: 'contact' | 'company';
  idsField: string;
  idsLabel: string;
  reveal: (lusha: LushaClient, ids: string[]) => Promise<RevealOutcome<V>>;
  lineItem: (input: {
    id: string;
    requestId: string | null;
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
      required: false,
      helpText:
        'No longer needed: Lusha V3 reveals by ID alone. Still accepted (one for all, or one per ID) and shown ' +
        `in the output, so Zaps that map it from ${step} keep working; leave it empty in new Zaps.`,
    },
    {
      key: idsField,
      label: idsLabel,
      type: 'string',
      list: true,
      required: true,
      helpText:
        `The ${idsLabel} to reveal, as output by ${step} (up to ${MAX_IDS}; sent ${REVEAL_BATCH} per call). ` +
        `**Costs credits:** ${revealRule(what)}.`,
    },
  ];
}

interface Row {
  id: string;
  /** The Search Request ID mapped for this id, if any (echoed, not sent). */
  requestId: string | null;
}

function readRows(
  inputData: Record<string, unknown>,
  run: EnrichByIdsRun<unknown>,
): { rows: Row[]; problems: string[] } {
  const problems: string[] = [];
  const ids = readList(inputData[run.idsField], run.idsLabel);
  if (!ids.ok) problems.push(ids.problem);
  if (!ids.ok) return { rows: [], problems };
  if (ids.value.length === 0) problems.push(`${run.idsLabel} is empty: map the IDs to reveal`);
  if (ids.value.length > MAX_IDS)
    problems.push(`${run.idsLabel} has ${ids.value.length} IDs; at most ${MAX_IDS} per step`);
  for (const [index, value] of ids.value.entries()) {
    const id = readText(value, `Row ${index + 1}: ${run.idsLabel.replace(/s$/, '')}`);
    if (!id.ok) problems.push(id.problem);
  }
  if (problems.length > 0) return { rows: [], problems };
  // The Search Request ID is accepted in any shape V2 took (or none): V3 does not read it.
  const requestIds = readList(inputData.request_id, 'Search Request ID');
  const given = requestIds.ok ? requestIds.value : [];
  const perId = given.length === ids.value.length;
  const rows = ids.value.map((id, index) => ({
    id,
    requestId: (perId ? given[index] : given.length === 1 ? given[0] : undefined) ?? null,
  }));
  return { rows, problems };
}

export async function runEnrichByIds<V>(run: EnrichByIdsRun<V>, lusha: LushaClient, z: ZObject, bundle: Bundle) {
  const { rows, problems } = readRows(
    (bundle.inputData ?? {}) as Record<string, unknown>,
    run as EnrichByIdsRun<unknown>,
  );
  haltOnInputProblems(z, run.step, problems);
  // Each id once, however often it was listed (V3 ids do not depend on the search that found them).
  const { unique } = uniqueBy(rows, (row) => row.id);
  const outcome = await run.reveal(
    lusha,
    unique.map((row) => row.id),
  );
  // Nothing revealed and every batch failed: nothing was billed, fail with Lusha's reason.
  if (outcome.allFailed !== undefined) throw failureToReport([outcome.allFailed]);

  const items = rows.map((row) =>
    run.lineItem({
      id: row.id,
      requestId: row.requestId,
      reveal: outcome.revealed.get(row.id),
      revealNote: outcome.notes.get(row.id) ?? null,
      possiblyCharged: outcome.possiblyCharged.has(row.id),
    }),
  );
  const all = [outcome];
  const revealedCount = outcome.revealed.size;
  const creditsCharged = outcome.creditsCharged;
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
    CREDITS_CHARGED_FIELD,
    CREDITS_NOTE_FIELD,
  ];
}

/** The errors both Enrich Prospected steps document: bad IDs, and a reveal Lusha refuses whole. */
export function enrichByIdsErrors(what: 'contact' | 'company'): ErrorNote[] {
  const step = what === 'contact' ? 'Prospect Contacts' : 'Prospect Companies';
  return [
    {
      when: `No IDs, more than ${MAX_IDS}, or an empty ID`,
      error: 'HaltedError',
      action: 'Fix the mapping; nothing was called.',
    },
    {
      when: 'Lusha rejects every batch of IDs (e.g. malformed IDs, 400)',
      error: 'HaltedError',
      action: `Map the IDs from a ${step} step (an ID Lusha does not know comes back unrevealed, with a Reveal Note).`,
    },
  ];
}

/** What a Zap built on 1.x sees differently in the Enrich Prospected steps since V3. */
export const ENRICH_BY_IDS_SINCE_V3 = [
  'Search Request ID is no longer required and no longer sent: V3 reveals by ID alone. It is still accepted in ' +
    'any shape (one for all, one per ID, or none) and echoed in the output; a stale one is no longer refused.',
];
