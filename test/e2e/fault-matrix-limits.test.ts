/**
 * Fault matrix, part 2 (see test/support/fault-matrix.ts): every operation against rate
 * limits, the daily quota, GDPR refusals, Lusha failing (500) and an unreadable answer.
 */
import { describeFaultMatrix } from '../support/fault-matrix';
import { LIMITS } from '../support/fault-matrix-slices';

describeFaultMatrix({ columns: LIMITS });
