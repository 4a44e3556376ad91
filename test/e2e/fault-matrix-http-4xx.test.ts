/**
 * Fault matrix, part 1b (see test/support/fault-matrix.ts): every operation against Lusha's
 * 402 (no credits), 403 (not on the plan) and 404.
 */
import { describeFaultMatrix } from '../support/fault-matrix';
import { HTTP_4XX } from '../support/fault-matrix-slices';

describeFaultMatrix({ columns: HTTP_4XX });
