/**
 * Fault matrix, part 2 (see test/support/fault-matrix.ts): every operation against Lusha's rate
 * limits (429, with and without Retry-After) and an exhausted daily quota.
 */
import { describeFaultMatrix } from '../support/fault-matrix';
import { LIMITS } from '../support/fault-matrix-slices';

describeFaultMatrix({ columns: LIMITS });
