/**
 * Runs tasks with a global concurrency bound while keeping tasks of one key strictly in submission
 * order. This is how a consumer keeps one conversation in arrival order while different
 * conversations run in parallel.
 */
export class KeyedExecutor {
  private readonly tails = new Map<string, Promise<void>>();
  private running = 0;
  private readonly waiters: Array<() => void> = [];
  private readonly idleWaiters: Array<() => void> = [];
  private pending = 0;

  constructor(private readonly concurrency: number) {}

  /** Tasks queued or running. */
  get size(): number {
    return this.pending;
  }

  /** Places left under the bound (0 when full or over it). */
  get free(): number {
    return Math.max(0, this.concurrency - this.pending);
  }

  /** Resolves once there is a free place (at once if there is one). */
  async room(): Promise<void> {
    while (this.pending >= this.concurrency) await new Promise<void>((r) => this.waiters.push(r));
  }

  /** Waits until a slot is free (back-pressure for the consume loop), then queues the task. */
  async submit(key: string | undefined, task: () => Promise<void>): Promise<void> {
    await this.room();
    this.enqueue(key, task);
  }

  /**
   * Queues the task now, even over the bound: for work already taken that must not wait unseen
   * (a consumer sizes its pulls by `free`, so it goes over by at most what it pulled at once).
   */
  enqueue(key: string | undefined, task: () => Promise<void>): void {
    this.pending++;
    const previous = key === undefined ? undefined : this.tails.get(key);
    const run = (previous ?? Promise.resolve()).then(async () => {
      this.running++;
      try {
        await task();
      } catch {
        // Tasks handle their own errors; a failure must not block the key's queue.
      } finally {
        this.running--;
      }
    });
    const done = run.finally(() => {
      this.pending--;
      if (key !== undefined && this.tails.get(key) === done) this.tails.delete(key);
      // Every waiter checks again (one that gave up waiting must not swallow the wake-up).
      this.waiters.splice(0).forEach((r) => r());
      if (this.pending === 0) this.idleWaiters.splice(0).forEach((r) => r());
    });
    if (key !== undefined) this.tails.set(key, done);
  }

  /** Resolves once every submitted task has finished. */
  async idle(): Promise<void> {
    if (this.pending === 0) return;
    await new Promise<void>((r) => this.idleWaiters.push(r));
  }
}
