// Migrations of the api schema, in order. Hand-written SQL; table names are unqualified
// (the connection's search_path is the service's schema).
import type { MigrationInterface } from 'typeorm';
import { CreateApiKeys1732470000000 } from './1732470000000-create-api-keys';
import { CreateUsersAndSessions1732480000000 } from './1732480000000-create-users-and-sessions';
import { CreateRateLimitCounters1732490000000 } from './1732490000000-create-rate-limit-counters';
import { ApiKeyPermissionsAndExpiry1732500000000 } from './1732500000000-api-key-permissions-and-expiry';
import { CreateWebhooks1732510000000 } from './1732510000000-create-webhooks';
import { CreateDiagnostics1732530000000 } from './1732530000000-create-diagnostics';

export const migrations: Array<new () => MigrationInterface> = [
  CreateApiKeys1732470000000,
  CreateUsersAndSessions1732480000000,
  CreateRateLimitCounters1732490000000,
  ApiKeyPermissionsAndExpiry1732500000000,
  CreateWebhooks1732510000000,
  CreateDiagnostics1732530000000,
];
