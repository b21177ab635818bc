import { PeriodicSweeper } from './periodic-sweeper';

/** A sweeper whose sweeps wait until the test lets them finish. */
class GatedSweeper extends PeriodicSweeper<number> {
  readonly started: Date[] = [];
  readonly warnings: string[] = [];
  private release: (() => void) | null = null;
  fail = false;

  constructor(everyMs = 60_000, atStart = false) {
    super({ everyMs, failure: 'Nothing swept', otherwise: -1, atStart });
    this.logger.warn = (message: unknown) => void this.warnings.push(String(message));
  }

  protected async sweepOnce(now: Date): Promise<number> {
    this.started.push(now);
    await new Promise<void>((resolve) => (this.release = resolve));
    if (this.fail) throw new Error('database away');
    return this.started.length;
  }

  finish(): void {
    this.release?.();
    this.release = null;
  }

  get isStopping(): boolean {
    return this.stopping;
  }
}

const tick = () => new Promise((r) => setImmediate(r));

describe('PeriodicSweeper', () => {
  it('runs one sweep at a time: a call during a sweep shares it', async () => {
    const sweeper = new GatedSweeper();
    const first = sweeper.sweep(new Date('2026-01-01T00:00:00Z'));
    const second = sweeper.sweep(new Date('2026-06-01T00:00:00Z'));
    await tick();
    sweeper.finish();
    expect(await Promise.all([first, second])).toEqual([1, 1]);
    expect(sweeper.started).toEqual([new Date('2026-01-01T00:00:00Z')]);

    const third = sweeper.sweep();
    await tick();
    sweeper.finish();
    expect(await third).toBe(2);
  });

  it('logs a failed sweep, answers `otherwise`, and sweeps again next time', async () => {
    const sweeper = new GatedSweeper();
    sweeper.fail = true;
    const failed = sweeper.sweep();
    await tick();
    sweeper.finish();
    expect(await failed).toBe(-1);
    expect(sweeper.warnings).toEqual(['Nothing swept: database away']);

    sweeper.fail = false;
    const next = sweeper.sweep();
    await tick();
    sweeper.finish();
    expect(await next).toBe(2);
  });

  it('sweeps on its timer from start-up, and shutdown waits for the sweep in progress', async () => {
    const sweeper = new GatedSweeper(10);
    sweeper.onApplicationBootstrap();
    for (let i = 0; i < 200 && !sweeper.started.length; i++) await new Promise((r) => setTimeout(r, 5));
    expect(sweeper.started).toHaveLength(1);

    let stopped = false;
    const stopping = sweeper.onModuleDestroy().then(() => (stopped = true));
    await tick();
    expect(sweeper.isStopping).toBe(true);
    expect(stopped).toBe(false);
    sweeper.finish();
    await stopping;
    expect(await sweeper.sweep()).toBe(-1);
    await new Promise((r) => setTimeout(r, 30));
    expect(sweeper.started).toHaveLength(1);
  });

  it('sweeps at once on start-up when asked to', async () => {
    const sweeper = new GatedSweeper(60_000, true);
    sweeper.onApplicationBootstrap();
    expect(sweeper.started).toHaveLength(1);
    sweeper.finish();
    await sweeper.onModuleDestroy();
  });
});
