import { Injectable } from '@nestjs/common';
import { AppError, type RequestPayload, type RunRoutine } from '@app/contracts';
import type { Answer } from '@app/messaging';
import { found } from '@app/persistence';
import { RoutineRunsRepository } from './routine-runs.repository';
import { RoutineRunner } from './routine-runner';
import { routineView } from './routine-view';
import { RoutinesRepository } from './routines.repository';

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

  async execute({ workspaceId, routineId }: RequestPayload<typeof RunRoutine>): Answer<typeof RunRoutine> {
    const routine = found(await this.routines.get(workspaceId, routineId), 'Routine');
    if (routine.paused)
      throw new AppError('conflict', 'The routine is paused: resume it (paused: false) to run it.');
    const started = await this.runs.start(workspaceId, routineId, null);
    if (started) this.runner.launch(started.id);
    return routineView(routine, started ?? (await this.runs.latest(workspaceId, routineId)));
  }
}
