import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { StoreModule } from '../store/store.module';
import { ChatClosedPublisher } from './chat-closed.publisher';
import { InactivitySweeper } from './inactivity-sweeper';

/** Chats end: the inactivity sweep and the chat.closed outbox. */
@Module({
  imports: [StoreModule, ActivityModule],
  providers: [ChatClosedPublisher, InactivitySweeper],
  exports: [ChatClosedPublisher],
})
export class LifecycleModule {}
