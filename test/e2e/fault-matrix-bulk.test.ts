/**
 * Fault matrix, part 4 (see test/support/fault-matrix.ts): the operations that send lists in
 * chunks of 100, with only the second chunk of 150 entries faulted, for every failure class
 * (the stalled chunk runs with the real timings in fault-matrix-transport.test.ts).
 */
import { FAULT_CLASSES, STALL } from '../support/fault-classes';
import { describeFaultMatrix } from '../support/fault-matrix';

describeFaultMatrix({
  columns: [],
  bulkColumns: FAULT_CLASSES.map((fault) => fault.name).filter((name) => name !== STALL),
});
