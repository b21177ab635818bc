import { Controller } from '@nestjs/common';
import {
  CancelRoutineRun,
  CreateRoutine,
  DeleteRoutine,
  GetRoutine,
  ListRoutineRunResults,
  ListRoutines,
  RunRoutine,
  UpdateRoutine,
} from '@app/contracts';
import { answer, HandOver } from '@app/messaging';
import { CreateRoutineUseCase } from './create-routine.usecase';
import {
  CancelRoutineRunUseCase,
  DeleteRoutineUseCase,
  GetRoutineUseCase,
  ListRoutineRunResultsUseCase,
  ListRoutinesUseCase,
  UpdateRoutineUseCase,
} from './manage-routines.usecases';
import { RunRoutineUseCase } from './run-routine.usecase';

@Controller()
export class RoutinesHandlers extends HandOver(
  answer(ListRoutines, ListRoutinesUseCase),
  answer(UpdateRoutine, UpdateRoutineUseCase),
  answer(CancelRoutineRun, CancelRoutineRunUseCase),
  answer(DeleteRoutine, DeleteRoutineUseCase),
  answer(ListRoutineRunResults, ListRoutineRunResultsUseCase),
  answer(CreateRoutine, CreateRoutineUseCase),
  answer(GetRoutine, GetRoutineUseCase),
  answer(RunRoutine, RunRoutineUseCase),
) {}
