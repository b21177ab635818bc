import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AppError,
  CancelRoutineRun,
  CreateRoutine,
  DeleteRoutine,
  GetRoutine,
  ListRoutineRunResults,
  ListRoutines,
  RunRoutine,
  UpdateRoutine,
  type RequestPayload,
} from '@app/contracts';
import { OnRequest } from '@app/messaging';
import { CreateRoutineUseCase } from './create-routine.usecase';
import {
  CancelRoutineRunUseCase,
  DeleteRoutineUseCase,
  ListRoutineRunResultsUseCase,
  ListRoutinesUseCase,
  UpdateRoutineUseCase,
} from './manage-routines.usecases';
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
    private readonly listRoutines: ListRoutinesUseCase,
    private readonly updateRoutine: UpdateRoutineUseCase,
    private readonly cancelRun: CancelRoutineRunUseCase,
    private readonly deleteRoutine: DeleteRoutineUseCase,
    private readonly listResults: ListRoutineRunResultsUseCase,
  ) {}

  @OnRequest(ListRoutines)
  list(@Payload() request: RequestPayload<typeof ListRoutines>) {
    return this.listRoutines.execute(request);
  }

  @OnRequest(UpdateRoutine)
  update(@Payload() request: RequestPayload<typeof UpdateRoutine>) {
    return this.updateRoutine.execute(request);
  }

  @OnRequest(CancelRoutineRun)
  cancel(@Payload() request: RequestPayload<typeof CancelRoutineRun>) {
    return this.cancelRun.execute(request);
  }

  @OnRequest(DeleteRoutine)
  delete(@Payload() request: RequestPayload<typeof DeleteRoutine>) {
    return this.deleteRoutine.execute(request);
  }

  @OnRequest(ListRoutineRunResults)
  results(@Payload() request: RequestPayload<typeof ListRoutineRunResults>) {
    return this.listResults.execute(request);
  }

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
