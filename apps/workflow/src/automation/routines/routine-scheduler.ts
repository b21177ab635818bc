import { Injectable } from '@nestjs/common';
import { PeriodicSweeper } from '@app/runtime';
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
export class RoutineScheduler extends PeriodicSweeper {
  constructor(
    private readonly routines: RoutinesRepository,
    private readonly runs: RoutineRunsRepository,
    private readonly runner: RoutineRunner,
  ) {
    super({ everyMs: TICK_INTERVAL_MS, failure: 'Scheduled routines not checked this time' });
  }

  /** Fires the ticks owed at `now` (tests name the time). */
  tick(now = new Date()): Promise<void> {
    return this.sweep(now);
  }

  protected async sweepOnce(now: Date): Promise<void> {
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
  }
}
