import { Module } from '@nestjs/common';
import { InboundModule } from '../inbound/inbound.module';
import { MessagesModule } from '../messages/messages.module';
import { ContentModule } from './content.module';
import { PressController } from './press.controller';

/** The member's side of interactive messages: pressing a button sends its payload back. */
@Module({
  imports: [ContentModule, MessagesModule, InboundModule],
  controllers: [PressController],
})
export class InteractiveModule {}
