import { Injectable } from '@nestjs/common';
import { AppError } from '@app/contracts';
import { RoutineRunsRepository, type RoutineRun } from './routine-runs.repository';
import { RoutineRunner } from './routine-runner';
import { RoutinesRepository, type RoutineRecord } from './routines.repository';

/**
 * Starts a run now and answers at once; progress follows in the run's counters. A routine that
 * is already running is not started twice: the answer shows the run in progress.
 */
@Injectable()
export class RunRoutineUseCase {
  constructor(
    private readonly routines: RoutinesRepository,
    private readonly runs: RoutineRunsRepository,
    private readonly runner: RoutineRunner,
  ) {}

  async execute(
    workspaceId: string,
    routineId: string,
  ): Promise<{ routine: RoutineRecord; run: RoutineRun | null }> {
    const routine = await this.routines.get(workspaceId, routineId);
    if (!routine) throw AppError.notFound('Routine');
    if (routine.paused)
      throw new AppError('conflict', 'The routine is paused: resume it (paused: false) to run it.');
    const started = await this.runs.start(workspaceId, routineId, null);
    if (started) this.runner.launch(started.id);
    return { routine, run: started ?? (await this.runs.latest(workspaceId, routineId)) };
  }
}
