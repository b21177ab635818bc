import { Module } from '@nestjs/common';
import { EventsController } from './events.controller';
import { PublishEvent } from './publish-event.usecase';

/** Workspace events published to JetStream for the rules. */
@Module({ controllers: [EventsController], providers: [PublishEvent] })
export class EventsModule {}
