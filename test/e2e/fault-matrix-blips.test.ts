/**
 * Fault matrix, part 5 (see test/support/fault-matrix.ts): every operation when a failure
 * happens once: a 503 (Lusha says it did not serve the request) is retried once, a dropped
 * connection is retried once on a free route and never on a paid one (Lusha may have charged).
 */
import { describeFaultMatrix } from '../support/fault-matrix';
import { BLIPS } from '../support/fault-matrix-slices';

describeFaultMatrix({ columns: BLIPS });
