import { Module } from '@nestjs/common';
import { ChatsRepository } from './chats.repository';
import { MessagesRepository } from './messages.repository';

/** The chats schema: chats and their messages, shared by the feature modules. */
@Module({
  providers: [ChatsRepository, MessagesRepository],
  exports: [ChatsRepository, MessagesRepository],
})
export class StoreModule {}
