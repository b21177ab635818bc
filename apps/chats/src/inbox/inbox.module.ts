import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { StoreModule } from '../store/store.module';
import { HandBackChatUseCase } from './hand-back-chat.usecase';
import { InboxHandlers } from './inbox.handlers';
import { MarkChatReadUseCase } from './mark-chat-read.usecase';
import { TakeOverChatUseCase } from './take-over-chat.usecase';

/** The inbox: people taking over chats and handing them back, the queue, unread counts. */
@Module({
  imports: [StoreModule, ActivityModule],
  controllers: [InboxHandlers],
  providers: [TakeOverChatUseCase, HandBackChatUseCase, MarkChatReadUseCase],
})
export class InboxModule {}
