import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AppError, CreateRoutine, GetRoutine, RunRoutine, type RequestPayload } from '@app/contracts';
import { OnRequest } from '@app/messaging';
import { CreateRoutineUseCase } from './create-routine.usecase';
import { RoutineRunsRepository } from './routine-runs.repository';
import { routineView } from './routine-view';
import { RoutinesRepository } from './routines.repository';
import { RunRoutineUseCase } from './run-routine.usecase';

@Controller()
export class RoutinesHandlers {
  constructor(
    private readonly createRoutine: CreateRoutineUseCase,
    private readonly runRoutine: RunRoutineUseCase,
    private readonly routines: RoutinesRepository,
    private readonly runs: RoutineRunsRepository,
  ) {}

  @OnRequest(CreateRoutine)
  async create(@Payload() request: RequestPayload<typeof CreateRoutine>) {
    return routineView(await this.createRoutine.execute(request), null);
  }

  @OnRequest(GetRoutine)
  async get(@Payload() request: RequestPayload<typeof GetRoutine>) {
    const routine = await this.routines.get(request.workspaceId, request.routineId);
    if (!routine) throw AppError.notFound('Routine');
    return routineView(routine, await this.runs.latest(request.workspaceId, routine.id));
  }

  @OnRequest(RunRoutine)
  async run(@Payload() request: RequestPayload<typeof RunRoutine>) {
    const { routine, run } = await this.runRoutine.execute(request.workspaceId, request.routineId);
    return routineView(routine, run);
  }
}
