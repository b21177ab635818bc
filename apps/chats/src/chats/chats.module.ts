import { Module } from '@nestjs/common';
import { ActivityModule } from '../activity/activity.module';
import { LifecycleModule } from '../lifecycle/lifecycle.module';
import { StoreModule } from '../store/store.module';
import { ChatsHandlers } from './chats.handlers';
import { CloseChatUseCase } from './close-chat.usecase';
import { GetChatUseCase } from './get-chat.usecase';
import { ListChatMessagesUseCase } from './list-chat-messages.usecase';
import { ListChatsUseCase } from './list-chats.usecase';
import { MediaLinks } from '../media/media-links';
import { OpenChatUseCase } from './open-chat.usecase';

/** rpc.chats.*: reading chats and their messages, opening and closing chats. */
@Module({
  imports: [StoreModule, ActivityModule, LifecycleModule],
  controllers: [ChatsHandlers],
  providers: [
    ListChatsUseCase,
    GetChatUseCase,
    ListChatMessagesUseCase,
    OpenChatUseCase,
    CloseChatUseCase,
    MediaLinks,
  ],
})
export class ChatsQueriesModule {}
