/**
 * Fault matrix, part 4 (see test/support/fault-matrix.ts): every operation when Lusha does the
 * work and charges for it, then its answer is lost (the connection drops, or a gateway answers
 * 504), and when Lusha is slow but one request still fits in the step's time (16 s, past the
 * 15 s that used to cut every request). A paid request is sent once and never retried; a free
 * one is retried once.
 */
import { describeFaultMatrix } from '../support/fault-matrix';
import { CHARGED, SLOW_COLUMNS } from '../support/fault-matrix-slices';

describeFaultMatrix({ columns: [...CHARGED, ...SLOW_COLUMNS] });
