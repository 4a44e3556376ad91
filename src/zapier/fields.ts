/**
 * Zapier's input field type, which zapier-platform-core does not export by name: helpers
 * that build fields return it, so a typo in a field property fails to compile.
 */
import type { defineCreate } from 'zapier-platform-core';

type AnyInputField = NonNullable<ReturnType<typeof defineCreate>['operation']['inputFields']>[number];

/** A static input field (not a function that computes fields). */
export type PlainInputField = Exclude<AnyInputField, (...args: never[]) => unknown>;
