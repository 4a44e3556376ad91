/**
 * Fault matrix, part 1 (see test/support/fault-matrix.ts): every operation with no fault, a
 * 400 and a 401 (402 to 404: fault-matrix-http-4xx); and the table's own rules.
 */
import { FAULT_CLASSES } from '../support/fault-classes';
import { describeFaultMatrix, expectedOutcome } from '../support/fault-matrix';
import { ALL_SLICES, HTTP } from '../support/fault-matrix-slices';
import { appOperationKeys, OPERATIONS } from '../support/operations';

describe('the table', () => {
  it('has a row for every operation of the app', () => {
    expect(new Set(OPERATIONS.map((row) => row.key))).toEqual(new Set(appOperationKeys()));
  });

  it('uses the Zap-off-prone Error only where the user must act: 403, 500 and an unreadable answer', () => {
    const errorColumns = OPERATIONS.flatMap((row) =>
      FAULT_CLASSES.filter((fault) => {
        const outcome = expectedOutcome(row, fault);
        return 'error' in outcome && outcome.error === 'Error';
      }).map((fault) => fault.name),
    );
    expect(new Set(errorColumns)).toEqual(new Set(['403', '500', 'malformed JSON']));
  });

  it('is run whole by the fault-matrix files', () => {
    expect(FAULT_CLASSES.map((fault) => fault.name).sort()).toEqual(ALL_SLICES.flat().sort());
  });
});

describeFaultMatrix({ columns: HTTP });
