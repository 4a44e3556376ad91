/**
 * A controllable wall clock for tests of time-based behaviour (the signal triggers' poll
 * interval): Date.now() starts at a fixed instant and moves only when `advance` is called.
 * Timers are untouched, so HTTP (nock or a real server) keeps working.
 */
export function useClock(startIso: string) {
  const start = Date.parse(startIso);
  let offset = 0;
  beforeEach(() => {
    offset = 0;
    jest.spyOn(Date, 'now').mockImplementation(() => start + offset);
  });
  afterEach(() => jest.restoreAllMocks());
  return {
    now: () => start + offset,
    advance(ms: number) {
      offset += ms;
    },
  };
}

export const HOUR = 60 * 60 * 1000;
export const DAY = 24 * HOUR;
