import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { RoutineRunsRepository } from './routine-runs.repository';
import { RoutineRunner } from './routine-runner';

const SWEEP_INTERVAL_MS = 10_000;

/**
 * Picks up runs left `running` with no owner: after a crash (at start-up), or when the replica
 * that had one stopped or paused it. The runner's advisory lock keeps each run to one owner.
 */
@Injectable()
export class RoutineResumer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('RoutineResumer');
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly runs: RoutineRunsRepository,
    private readonly runner: RoutineRunner,
  ) {}

  onApplicationBootstrap(): void {
    void this.sweep();
    this.timer = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async sweep(): Promise<void> {
    try {
      for (const runId of await this.runs.running()) {
        if (!this.runner.isActive(runId)) this.runner.launch(runId);
      }
    } catch (error) {
      this.logger.warn(
        `Could not look for unfinished routine runs: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
