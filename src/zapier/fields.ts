/**
 * Zapier's field types: the input field type, which zapier-platform-core does not export by
 * name (helpers that build fields return it, so a typo in a field property fails to
 * compile), and the output field.
 */
import type { defineCreate } from 'zapier-platform-core';

type AnyInputField = NonNullable<ReturnType<typeof defineCreate>['operation']['inputFields']>[number];

/** A static input field (not a function that computes fields). */
export type PlainInputField = Exclude<AnyInputField, (...args: never[]) => unknown>;

/** An output field as Zapier declares it. */
export interface OutputField {
  key: string;
  label: string;
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'datetime';
  list?: boolean;
  children?: OutputField[];
}

/** What Lusha billed for the step, as its answers' `billing.creditsCharged` say. */
export const CREDITS_CHARGED_FIELD: OutputField = {
  key: 'creditsCharged',
  label: 'Credits Charged',
  type: 'integer',
};

/** The sentence that explains the step's credits (what was charged, and why). */
export const CREDITS_NOTE_FIELD: OutputField = { key: 'creditsNote', label: 'Credits Note', type: 'string' };
