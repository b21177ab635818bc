import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { RoutineRunsRepository } from './routine-runs.repository';
import { RoutineRunner } from './routine-runner';
import { RoutinesRepository } from './routines.repository';
import { dueTick } from './schedule';

const TICK_INTERVAL_MS = 5_000;

/**
 * Fires scheduled routines. Every replica looks for owed ticks; a tick becomes a run by inserting
 * it under the unique (routine, tick) key, so exactly one replica fires it. A tick that finds the
 * routine still running waits for that run to end (one run at a time), then fires once.
 */
@Injectable()
export class RoutineScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RoutineScheduler');
  private timer?: NodeJS.Timeout;
  private ticking = false;

  constructor(
    private readonly routines: RoutinesRepository,
    private readonly runs: RoutineRunsRepository,
    private readonly runner: RoutineRunner,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.tick(), TICK_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async tick(now = new Date()): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      for (const routine of await this.routines.scheduled()) {
        const since = [routine.lastTick, routine.scheduledFrom, routine.createdAt]
          .filter((d): d is Date => d !== null)
          .reduce((a, b) => (a > b ? a : b));
        const due = dueTick(routine.schedule!, since, now);
        if (!due) continue;
        const run = await this.runs.start(routine.workspaceId, routine.id, due);
        if (run) {
          this.logger.log(`Routine ${routine.id} fired for ${due.toISOString()} (run ${run.id})`);
          this.runner.launch(run.id);
        }
      }
    } catch (error) {
      this.logger.warn(
        `Scheduled routines not checked this time: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      this.ticking = false;
    }
  }
}
