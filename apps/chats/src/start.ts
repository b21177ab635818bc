import { migrateSchema } from '@app/persistence';
import { defineService, startService, type Env } from '@app/runtime';
import { loadChatsConfig } from './config';
import { ChatsModule, SERVICE_NAME, chatsPersistence } from './chats.module';

export const chatsService = defineService({
  name: SERVICE_NAME,
  loadConfig: loadChatsConfig,
  module: (config) => ChatsModule.forRoot(config),
  migrate: (config) => migrateSchema(chatsPersistence(config)),
});

/** Starts the chats service from environment variables (validated first). */
export const startChats = (env?: Env) => startService(chatsService, env);
