/**
 * Hidden trigger behind the "Contact Signal Types" dropdown of the signal operations
 * (src/signals/dropdowns.ts): Lusha V3's values, kept a day.
 */
import { defineTrigger } from 'zapier-platform-core';
import type { OperationContract } from '../zapier/contract';
import { signalDropdownContract, signalDropdownTrigger } from '../signals/dropdowns';

export default defineTrigger(signalDropdownTrigger('contact_signal_types'));

export const contract: OperationContract = signalDropdownContract('contact_signal_types');
