import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { FaultsModule } from '../faults/faults.module';
import { StatusCallbacksModule } from '../status-callbacks/status-callbacks.module';
import { WhatsAppModule } from '../whatsapp/whatsapp.module';
import { MessageStore } from './message-store.service';
import { MessagesController } from './messages.controller';
import { MessagesService } from './messages.service';
import { TwilioBasicAuthGuard } from './twilio-basic-auth.guard';

/** Twilio's Messages API and the in-memory record of outbound messages. */
@Module({
  imports: [ContentModule, FaultsModule, WhatsAppModule, StatusCallbacksModule],
  controllers: [MessagesController],
  providers: [MessageStore, MessagesService, TwilioBasicAuthGuard],
  exports: [MessageStore],
})
export class MessagesModule {}
