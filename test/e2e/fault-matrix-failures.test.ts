/**
 * Fault matrix, part 2b (see test/support/fault-matrix.ts): every operation against a GDPR
 * refusal (451), Lusha failing (500) and an answer that is not JSON.
 */
import { describeFaultMatrix } from '../support/fault-matrix';
import { FAILURES } from '../support/fault-matrix-slices';

describeFaultMatrix({ columns: FAILURES });
