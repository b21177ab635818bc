import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { StoreModule } from '../store/store.module';
import { OutboundHandlers } from './outbound.handlers';
import { RecordOutboundUpdateUseCase } from './record-outbound-update.usecase';

/** Outbound messages and their delivery status, projected from outbound's updates. */
@Module({
  imports: [StoreModule, ActivityModule, LifecycleModule],
  controllers: [OutboundHandlers],
  providers: [RecordOutboundUpdateUseCase],
})
export class OutboundMessagesModule {}
