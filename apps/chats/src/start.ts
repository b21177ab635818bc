import { database } from '@app/persistence';
import { defineService, startService, type Env } from '@app/runtime';
import { ChatsQueriesModule } from './chats/chats.module';
import { loadChatsConfig } from './config';
import { ErasureModule } from './erasure/erasure.module';
import { InboundModule } from './inbound/inbound.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { InboxModule } from './inbox/inbox.module';
import { migrations } from './migrations';
import { OutboundMessagesModule } from './outbound/outbound.module';
import { ChatMessageEntity } from './store/chat-message.entity';
import { ChatEntity } from './store/chat.entity';

/** Chats and their messages with delivery status. */
export const chatsService = defineService('chats', {
  loadConfig: loadChatsConfig,
  database: database({ entities: [ChatEntity, ChatMessageEntity], migrations }),
  modules: [
    LifecycleModule,
    InboundModule,
    OutboundMessagesModule,
    ChatsQueriesModule,
    InboxModule,
    ErasureModule,
  ],
});

/** Starts the chats service from environment variables (validated first). */
export const startChats = (env?: Env) => startService(chatsService, env);
