/**
 * Hidden trigger behind the "Company Signal Types" dropdown of the signal operations
 * (src/signals/dropdowns.ts): Lusha V3's values, kept a day.
 */
import { defineTrigger } from 'zapier-platform-core';
import type { OperationContract } from '../zapier/contract';
import { signalDropdownContract, signalDropdownTrigger } from '../signals/dropdowns';

export default defineTrigger(signalDropdownTrigger('company_signal_types'));

export const contract: OperationContract = signalDropdownContract('company_signal_types');
