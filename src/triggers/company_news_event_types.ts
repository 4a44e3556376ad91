/**
 * Hidden trigger behind the "News Event Types" dropdown of the signal operations
 * (src/signals/dropdowns.ts): Lusha V3's values, kept a day.
 */
import { defineTrigger } from 'zapier-platform-core';
import type { OperationContract } from '../zapier/contract';
import { signalDropdownContract, signalDropdownTrigger } from '../signals/dropdowns';

export default defineTrigger(signalDropdownTrigger('company_news_event_types'));

export const contract: OperationContract = signalDropdownContract('company_news_event_types');
