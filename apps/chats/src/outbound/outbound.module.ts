import { Module } from '@nestjs/common';
import { StoreModule } from '../store/store.module';
import { OutboundHandlers } from './outbound.handlers';
import { RecordOutboundUpdateUseCase } from './record-outbound-update.usecase';

/** Outbound messages and their delivery status, projected from outbound's updates. */
@Module({
  imports: [StoreModule],
  controllers: [OutboundHandlers],
  providers: [RecordOutboundUpdateUseCase],
})
export class OutboundMessagesModule {}
