// Migrations of the chats schema, in order. Hand-written SQL; table names are unqualified
// (the connection's search_path is the service's schema).
import type { MigrationInterface } from 'typeorm';
import { CreateChats1732470000000 } from './1732470000000-create-chats';
import { Inbox1732490000000 } from './1732490000000-inbox';
import { ChatLifecycle1732510000000 } from './1732510000000-chat-lifecycle';
import { MessageChoice1764500000000 } from './1764500000000-message-choice';
import { MessageInteractive1764510000000 } from './1764510000000-message-interactive';

export const migrations: Array<new () => MigrationInterface> = [
  CreateChats1732470000000,
  Inbox1732490000000,
  ChatLifecycle1732510000000,
  MessageChoice1764500000000,
  MessageInteractive1764510000000,
];
