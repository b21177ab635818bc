import { Module } from '@nestjs/common';
import { EventRulesController } from './event-rules.controller';

/** Event rules and their action runs (owned by workflow). */
@Module({ controllers: [EventRulesController] })
export class EventRulesModule {}
