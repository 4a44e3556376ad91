/**
 * Fault matrix, part 3 (see test/support/fault-matrix.ts): every operation when Lusha is
 * unavailable (502/503), the connection drops, or the body stalls past the deadline. The
 * stalls use the client's real timings, all at once, with the bulk operations' stalled chunk
 * and the longest deadline paths.
 */
import { STALL } from '../support/fault-classes';
import { describeFaultMatrix } from '../support/fault-matrix';
import { TRANSPORT } from '../support/fault-matrix-slices';

describeFaultMatrix({ columns: TRANSPORT, bulkColumns: [STALL], deadlinePaths: true });
