/**
 * A sliding-window limiter: at most `limit` request starts in any `windowMs`. One client
 * (one Zap run) shares one limiter, so bulk chunks sent concurrently still stay under
 * Lusha's per-second limit.
 */
export class RateLimiter {
  private readonly starts: number[] = [];

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number,
    private readonly sleep: (ms: number) => Promise<void>,
  ) {}

  /** Resolves when one more request may start, and counts it. */
  async take(): Promise<void> {
    for (;;) {
      const now = this.now();
      while (this.starts.length > 0 && (this.starts[0] as number) <= now - this.windowMs) this.starts.shift();
      if (this.starts.length < this.limit) {
        this.starts.push(now);
        return;
      }
      await this.sleep((this.starts[0] as number) + this.windowMs - now + 1);
    }
  }
}
