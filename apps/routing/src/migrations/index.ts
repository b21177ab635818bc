// Migrations of the routing schema, in order. Hand-written SQL; table names are unqualified
// (the connection's search_path is the service's schema).
import type { MigrationInterface } from 'typeorm';
import { CreateRouting1732460000000 } from './1732460000000-create-routing';
import { KeywordsPerNumber1732480000000 } from './1732480000000-keywords-per-number';
import { DailySendQuota1732496000000 } from './1732496000000-daily-send-quota';
import { ChatInactivityAndSandboxCode1732510000000 } from './1732510000000-chat-inactivity-and-sandbox-code';
import { WorkMode1732520000000 } from './1732520000000-work-mode';
import { SandboxMembers1732530000000 } from './1732530000000-sandbox-members';

export const migrations: Array<new () => MigrationInterface> = [
  CreateRouting1732460000000,
  KeywordsPerNumber1732480000000,
  DailySendQuota1732496000000,
  ChatInactivityAndSandboxCode1732510000000,
  WorkMode1732520000000,
  SandboxMembers1732530000000,
];
