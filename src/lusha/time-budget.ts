/**
 * How much time one more request needs, learnt from the run itself: a run that pages or sends
 * batches starts the next request only when the time left before its deadline covers the
 * slowest request seen so far, with a margin. So a slow Lusha makes a run stop early with what
 * it has, instead of starting requests whose answers (and credits) the deadline would cut off.
 */
export interface TimeBudgetOptions {
  /** Never start a request with less than this left (ms). */
  minimumMs?: number;
  /** The slowest request seen so far, times this, must fit. */
  factor?: number;
  /** Kept in hand on top, for the work after the answer (ms). */
  reserveMs?: number;
}

export class TimeBudget {
  private slowestMs = 0;
  private readonly minimumMs: number;
  private readonly factor: number;
  private readonly reserveMs: number;

  constructor(
    private readonly timeLeft: () => number,
    options: TimeBudgetOptions = {},
    private readonly now: () => number = Date.now,
  ) {
    this.minimumMs = options.minimumMs ?? 3_000;
    this.factor = options.factor ?? 1.25;
    this.reserveMs = options.reserveMs ?? 750;
  }

  /** Whether one more request, as slow as the slowest so far, can finish before the deadline. */
  fits(): boolean {
    return this.timeLeft() >= Math.max(this.minimumMs, this.slowestMs * this.factor + this.reserveMs);
  }

  /** Runs `work` (one request, or one page with its reveal) and learns how long it took. */
  async time<T>(work: () => Promise<T>): Promise<T> {
    const started = this.now();
    try {
      return await work();
    } finally {
      this.slowestMs = Math.max(this.slowestMs, this.now() - started);
    }
  }
}
