import { Module } from '@nestjs/common';
import { RulesModule } from '../rules/rules.module';
import { EventsHandlers } from './events.handlers';
import { HandleEventUseCase } from './handle-event.usecase';

/** Workspace events from any service (and POST /v1/events), matched against event rules. */
@Module({
  imports: [RulesModule],
  controllers: [EventsHandlers],
  providers: [HandleEventUseCase],
})
export class EventsModule {}
