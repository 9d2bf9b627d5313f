/**
 * Fixed-window request budget: Pipedrive's per-token burst limit (N requests per 2-second
 * window; 80 is the Professional plan's api_token figure), Insightly's 10 requests per second.
 */
export class RateWindow {
  private start = 0;
  private used = 0;
  /** The window's clock; tests that pace against it set their own, so no real time decides. */
  now: () => number = Date.now;

  constructor(
    public limit: number,
    public windowMs: number,
  ) {}

  /** Spends one request; false when the window is exhausted. */
  consume(now = this.now()): boolean {
    if (now - this.start >= this.windowMs) {
      this.start = now;
      this.used = 0;
    }
    if (this.used >= this.limit) return false;
    this.used += 1;
    return true;
  }

  remaining(now = this.now()): number {
    return now - this.start >= this.windowMs ? this.limit : Math.max(0, this.limit - this.used);
  }

  /** Whole seconds until the window resets (at least 1, as a Retry-After value). */
  resetSeconds(now = this.now()): number {
    const left =
      now - this.start >= this.windowMs ? this.windowMs : this.start + this.windowMs - now;
    return Math.max(1, Math.ceil(left / 1000));
  }

  configure(opts: { limit?: number; windowMs?: number }): void {
    this.limit = opts.limit ?? this.limit;
    this.windowMs = opts.windowMs ?? this.windowMs;
  }

  reset(): void {
    this.start = 0;
    this.used = 0;
  }
}
