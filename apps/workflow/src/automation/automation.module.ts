import { type DynamicModule, Module, type ModuleMetadata } from '@nestjs/common';
import { Sql } from '@app/persistence';
import { SendActionRunner } from './actions/send-action.runner';
import { DeliveryHandlers } from './delivery/delivery.handlers';
import { EventSweeper } from './events/event-sweeper';
import { EventsHandlers } from './events/events.handlers';
import { ScheduledEventsRepository } from './events/scheduled-events.repository';
import { RoutineResumer } from './routines/routine-resumer';
import { RoutineRunner } from './routines/routine-runner';
import { RoutineRunsRepository } from './routines/routine-runs.repository';
import { RoutineScheduler } from './routines/routine-scheduler';
import { RoutinesHandlers } from './routines/routines.handlers';
import { RoutinesRepository } from './routines/routines.repository';
import { ActionRunsRepository } from './rules/action-runs.repository';
import { EventRulesRepository } from './rules/event-rules.repository';
import { RulesHandlers } from './rules/rules.handlers';

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
        ScheduledEventsRepository,
        EventSweeper,
        RoutinesRepository,
        RoutineRunsRepository,
        RoutineRunner,
        RoutineResumer,
        RoutineScheduler,
        ...RulesHandlers.useCases,
        ...EventsHandlers.useCases,
        ...RoutinesHandlers.useCases,
        ...DeliveryHandlers.useCases,
      ],
    };
  }
}
