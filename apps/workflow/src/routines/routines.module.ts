import { Module } from '@nestjs/common';
import { RulesModule } from '../rules/rules.module';
import { Sql } from '../rules/sql';
import { CreateRoutineUseCase } from './create-routine.usecase';
import { RoutineResumer } from './routine-resumer';
import { RoutineRunner } from './routine-runner';
import { RoutineRunsRepository } from './routine-runs.repository';
import { RoutineScheduler } from './routine-scheduler';
import { RoutinesHandlers } from './routines.handlers';
import { RoutinesRepository } from './routines.repository';
import { RunRoutineUseCase } from './run-routine.usecase';

/** Routines: broadcasts of an action to every member a filter matches, now or on a schedule. */
@Module({
  imports: [RulesModule],
  controllers: [RoutinesHandlers],
  providers: [
    Sql,
    RoutinesRepository,
    RoutineRunsRepository,
    CreateRoutineUseCase,
    RunRoutineUseCase,
    RoutineRunner,
    RoutineResumer,
    RoutineScheduler,
  ],
  exports: [RoutineRunsRepository],
})
export class RoutinesModule {}
