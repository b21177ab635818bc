import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module';
import { RoutinesModule } from '../routines/routines.module';
import { RulesModule } from './rules.module';

/** The automation half of the workflow service: event rules, the events that run them, routines. */
@Module({
  imports: [RulesModule, EventsModule, RoutinesModule],
})
export class AutomationModule {}
