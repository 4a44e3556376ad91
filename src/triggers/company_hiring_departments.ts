/**
 * Hidden trigger behind the "Hiring Departments" dropdown of the signal operations
 * (src/signals/dropdowns.ts): Lusha V3's values, kept a day.
 */
import { defineTrigger } from 'zapier-platform-core';
import type { OperationContract } from '../zapier/contract';
import { signalDropdownContract, signalDropdownTrigger } from '../signals/dropdowns';

export default defineTrigger(signalDropdownTrigger('company_hiring_departments'));

export const contract: OperationContract = signalDropdownContract('company_hiring_departments');
