import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { StoreModule } from '../store/store.module';
import { InboundHandlers } from './inbound.handlers';
import { ReceiveInboundUseCase } from './receive-inbound.usecase';
import { StoreInboundMessageUseCase } from './store-inbound-message.usecase';
import { TurnPublisher } from './turn.publisher';

/** Accepted inbound messages into chats, and the workflow's turn. */
@Module({
  imports: [StoreModule, ActivityModule, LifecycleModule],
  controllers: [InboundHandlers],
  providers: [StoreInboundMessageUseCase, TurnPublisher, ReceiveInboundUseCase],
})
export class InboundModule {}
