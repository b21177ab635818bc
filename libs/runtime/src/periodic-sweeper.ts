import { Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';

export interface PeriodicSweeperOptions<T> {
  /** How often a sweep starts while the service runs. */
  everyMs: number;
  /** Said with the error when a sweep fails, e.g. 'Holding messages not sent this time'. */
  failure: string;
  /** What a failed sweep, or one asked for after shutdown began, answers (void sweeps: none). */
  otherwise?: T;
  /** Also sweep once at start-up (e.g. to pick up what a crash left). */
  atStart?: boolean;
}

/**
 * A service that repeats one piece of work on a timer on every replica (claiming due rows,
 * deleting expired ones): subclasses write `sweepOnce`. One sweep at a time: a call while one is
 * in progress shares it. A failure is logged as a warning and the next sweep tries again; shutdown
 * waits for the sweep in progress. The timer never keeps the process alive.
 */
export abstract class PeriodicSweeper<T = void> implements OnApplicationBootstrap, OnModuleDestroy {
  protected readonly logger = new Logger(this.constructor.name);
  private timer?: NodeJS.Timeout;
  private running: Promise<T> | null = null;
  private stopped = false;

  constructor(private readonly sweepOptions: PeriodicSweeperOptions<T>) {}

  /** One sweep; `now` is when it began (tests may name another time). */
  protected abstract sweepOnce(now: Date): Promise<T>;

  /** True once shutdown began: a long sweep checks it to end early. */
  protected get stopping(): boolean {
    return this.stopped;
  }

  onApplicationBootstrap(): void {
    if (this.sweepOptions.atStart) void this.sweep();
    this.timer = setInterval(() => void this.sweep(), this.sweepOptions.everyMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  /** Sweeps now, or joins the sweep in progress; never rejects. */
  sweep(now = new Date()): Promise<T> {
    if (this.stopped) return Promise.resolve(this.sweepOptions.otherwise as T);
    this.running ??= this.sweepOnce(now)
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        this.logger.warn(`${this.sweepOptions.failure}: ${message}`);
        return this.sweepOptions.otherwise as T;
      })
      .finally(() => (this.running = null));
    return this.running;
  }
}
