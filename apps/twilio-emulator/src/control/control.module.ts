import { Module } from '@nestjs/common';
import { ContentModule } from '../content/content.module';
import { FaultsModule } from '../faults/faults.module';
import { MessagesModule } from '../messages/messages.module';
import { NumbersModule } from '../numbers/numbers.module';
import { StatusCallbacksModule } from '../status-callbacks/status-callbacks.module';
import { WhatsAppModule } from '../whatsapp/whatsapp.module';
import { ControlController } from './control.controller';

/** `/emulator/*`: what tests use to inspect the emulator and steer it. */
@Module({
  imports: [
    ContentModule,
    MessagesModule,
    NumbersModule,
    WhatsAppModule,
    FaultsModule,
    StatusCallbacksModule,
  ],
  controllers: [ControlController],
})
export class ControlModule {}
