import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { StoreModule } from '../store/store.module';
import { AssignChatUseCase } from './assign-chat.usecase';
import { HandBackChatUseCase } from './hand-back-chat.usecase';
import { HandOffChatUseCase } from './hand-off-chat.usecase';
import { HoldingSweeper } from './holding-sweeper';
import { InboxHandlers } from './inbox.handlers';
import { MarkChatReadUseCase } from './mark-chat-read.usecase';
import { TakeOverChatUseCase } from './take-over-chat.usecase';

/** The inbox: people taking over chats and handing them back, the AI's handoff, the queue and its holding message, assignment, unread counts. */
@Module({
  imports: [StoreModule, ActivityModule],
  controllers: [InboxHandlers],
  providers: [
    TakeOverChatUseCase,
    HandBackChatUseCase,
    MarkChatReadUseCase,
    HandOffChatUseCase,
    AssignChatUseCase,
    HoldingSweeper,
  ],
})
export class InboxModule {}
