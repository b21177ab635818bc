import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { SendActionRunner } from './actions/send-action.runner';
import { EventsHandlers } from './events/events.handlers';
import { HandleEventUseCase } from './events/handle-event.usecase';
import { EventSweeper } from './events/event-sweeper';
import { ScheduledEventsRepository } from './events/scheduled-events.repository';
import {
  CancelScheduledEventUseCase,
  ListScheduledEventsUseCase,
  ScheduleEventUseCase,
} from './events/scheduled-events.usecases';
import { DeliveryHandlers } from './delivery/delivery.handlers';
import { FollowSendUseCase } from './delivery/follow-send.usecase';
import { CreateRoutineUseCase } from './routines/create-routine.usecase';
import {
  CancelRoutineRunUseCase,
  DeleteRoutineUseCase,
  ListRoutineRunResultsUseCase,
  ListRoutinesUseCase,
  UpdateRoutineUseCase,
  GetRoutineUseCase,
} from './routines/manage-routines.usecases';
import {
  GetEventRuleUseCase,
  ListActionRunsUseCase,
  ListEventRulesUseCase,
} from './rules/read-event-rules.usecases';
import { DeleteEventRuleUseCase } from './rules/delete-event-rule.usecase';
import { UpdateEventRuleUseCase } from './rules/update-event-rule.usecase';
import { RoutineResumer } from './routines/routine-resumer';
import { RoutineRunner } from './routines/routine-runner';
import { RoutineRunsRepository } from './routines/routine-runs.repository';
import { RoutineScheduler } from './routines/routine-scheduler';
import { RoutinesHandlers } from './routines/routines.handlers';
import { RoutinesRepository } from './routines/routines.repository';
import { RunRoutineUseCase } from './routines/run-routine.usecase';
import { ActionRunsRepository } from './rules/action-runs.repository';
import { CreateEventRuleUseCase } from './rules/create-event-rule.usecase';
import { EventRulesRepository } from './rules/event-rules.repository';
import { RulesHandlers } from './rules/rules.handlers';
import { Sql } from '@app/persistence';

type ModuleImport = NonNullable<ModuleMetadata['imports']>[number];

/**
 * The automation half of the workflow service: event rules, the events that run them, routines,
 * and the Send actions they share. It depends on the engine one way, through the
 * ConversationStarter port that `engine` provides (the EngineModule; a stand-in in tests).
 */
@Module({})
export class AutomationModule {
  static forRoot(engine: ModuleImport): DynamicModule {
    return {
      module: AutomationModule,
      imports: [engine],
      controllers: [RulesHandlers, EventsHandlers, RoutinesHandlers, DeliveryHandlers],
      providers: [
        Sql,
        SendActionRunner,
        EventRulesRepository,
        ActionRunsRepository,
        CreateEventRuleUseCase,
        UpdateEventRuleUseCase,
        DeleteEventRuleUseCase,
        ListRoutinesUseCase,
        UpdateRoutineUseCase,
        CancelRoutineRunUseCase,
        DeleteRoutineUseCase,
        ListRoutineRunResultsUseCase,
        GetRoutineUseCase,
        GetEventRuleUseCase,
        ListEventRulesUseCase,
        ListActionRunsUseCase,
        HandleEventUseCase,
        ScheduledEventsRepository,
        EventSweeper,
        ScheduleEventUseCase,
        CancelScheduledEventUseCase,
        ListScheduledEventsUseCase,
        FollowSendUseCase,
        RoutinesRepository,
        RoutineRunsRepository,
        CreateRoutineUseCase,
        RunRoutineUseCase,
        RoutineRunner,
        RoutineResumer,
        RoutineScheduler,
      ],
    };
  }
}
