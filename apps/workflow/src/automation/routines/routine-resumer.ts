import { Injectable } from '@nestjs/common';
import { PeriodicSweeper } from '@app/runtime';
import { RoutineRunsRepository } from './routine-runs.repository';
import { RoutineRunner } from './routine-runner';

const SWEEP_INTERVAL_MS = 10_000;

/**
 * Picks up runs left `running` with no owner: after a crash (at start-up), or when the replica
 * that had one stopped or paused it. The runner's advisory lock keeps each run to one owner.
 */
@Injectable()
export class RoutineResumer extends PeriodicSweeper {
  constructor(
    private readonly runs: RoutineRunsRepository,
    private readonly runner: RoutineRunner,
  ) {
    super({
      everyMs: SWEEP_INTERVAL_MS,
      failure: 'Could not look for unfinished routine runs',
      atStart: true,
    });
  }

  protected async sweepOnce(): Promise<void> {
    for (const runId of await this.runs.running()) {
      if (!this.runner.isActive(runId)) this.runner.launch(runId);
    }
  }
}
