/** How far ahead of its number a broadcast may get: outbound holds at most this many seconds of its sends. */
export const LEAD_SECONDS = 10;

/**
 * Paces a routine run's hand-over of sends to outbound at its number's rate (a token bucket): at
 * most `rate × lead` sends ahead of what the number could have sent since the run (re)started.
 * Outbound still books each send's slot; this keeps it from being handed thousands of sends to
 * check, store and defer at once (CPU that other workspaces' replies need), and leaves a cancelled
 * run with only a few seconds of accepted sends.
 */
export class SendPacer {
  private tokens: number;
  private refilledAt: number;

  constructor(
    private ratePerSecond: number,
    private readonly leadSeconds = LEAD_SECONDS,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = this.capacity();
    this.refilledAt = now();
  }

  /** The number's rate changed (the run re-reads its number every page): pace at the new one from now. */
  setRate(ratePerSecond: number): void {
    if (ratePerSecond === this.ratePerSecond) return;
    this.refill();
    this.ratePerSecond = ratePerSecond;
    this.tokens = Math.min(this.tokens, this.capacity());
  }

  /** Takes a send's turn if it is due: true, or false and `waitMs()` says when to ask again. */
  tryTake(): boolean {
    this.refill();
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** How long until the next turn is due. */
  waitMs(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil(((1 - this.tokens) / this.ratePerSecond) * 1000);
  }

  /** At least one send, so a rate below 1/lead still sends. */
  private capacity(): number {
    return Math.max(1, this.ratePerSecond * this.leadSeconds);
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(
      this.capacity(),
      this.tokens + ((now - this.refilledAt) / 1000) * this.ratePerSecond,
    );
    this.refilledAt = now;
  }
}
