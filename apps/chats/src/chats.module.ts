import { type DynamicModule, Module } from '@nestjs/common';
import { MessagingModule } from '@app/messaging';
import { PersistenceModule, type PersistenceOptions } from '@app/persistence';
import { migrations } from './migrations';
import type { ChatsConfig } from './config';
import { ChatsQueriesModule } from './chats/chats.module';
import { InboundModule } from './inbound/inbound.module';
import { OutboundMessagesModule } from './outbound/outbound.module';
import { ChatMessageEntity } from './store/chat-message.entity';
import { ChatEntity } from './store/chat.entity';

export const SERVICE_NAME = 'chats';

export function chatsPersistence(config: ChatsConfig): PersistenceOptions {
  return {
    databaseUrl: config.DATABASE_URL,
    schema: config.DB_SCHEMA ?? 'chats',
    poolSize: config.DB_POOL_SIZE,
    entities: [ChatEntity, ChatMessageEntity],
    migrations,
  };
}

/** Chats and their messages with delivery status. */
@Module({})
export class ChatsModule {
  static forRoot(config: ChatsConfig): DynamicModule {
    return {
      module: ChatsModule,
      imports: [
        MessagingModule.forRoot({
          service: SERVICE_NAME,
          natsUrl: config.NATS_URL,
          namespace: config.NATS_NAMESPACE,
          streamReplicas: config.NATS_STREAM_REPLICAS,
        }),
        PersistenceModule.forRoot(chatsPersistence(config)),
        InboundModule,
        OutboundMessagesModule,
        ChatsQueriesModule,
      ],
    };
  }
}
