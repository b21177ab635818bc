import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import { PersistenceModule, persistenceOptions, type PersistenceOptions } from '@app/persistence';
import { migrations } from './migrations';
import type { ChatsConfig } from './config';
import { ChatsQueriesModule } from './chats/chats.module';
import { InboundModule } from './inbound/inbound.module';
import { OutboundMessagesModule } from './outbound/outbound.module';
import { ChatMessageEntity } from './store/chat-message.entity';
import { ChatEntity } from './store/chat.entity';

export const SERVICE_NAME = 'chats';

export function chatsPersistence(config: ChatsConfig): PersistenceOptions {
  return persistenceOptions(SERVICE_NAME, config, { entities: [ChatEntity, ChatMessageEntity], migrations });
}

/** Chats and their messages with delivery status. */
@Module({})
export class ChatsModule {
  static forRoot(config: ChatsConfig): DynamicModule {
    return {
      module: ChatsModule,
      imports: [
        MessagingModule.forService(SERVICE_NAME, config),
        PersistenceModule.forRoot(chatsPersistence(config)),
        InboundModule,
        OutboundMessagesModule,
        ChatsQueriesModule,
      ],
    };
  }
}
