import { Module } from '@nestjs/common';
import { ChatStarterLocator } from './chat-starter.locator';
import { SendActionRunner } from './send-action.runner';

/** Send WhatsApp / Send SMS actions, shared by event rules and routines. */
@Module({
  providers: [SendActionRunner, ChatStarterLocator],
  exports: [SendActionRunner],
})
export class ActionsModule {}
