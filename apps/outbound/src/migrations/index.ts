// Migrations of the outbound schema, in order. Hand-written SQL; table names are unqualified
// (the connection's search_path is the service's schema).
import type { MigrationInterface } from 'typeorm';
import { CreateOutbound1732450000000 } from './1732450000000-create-outbound';
import { DailySendCounts1732496000000 } from './1732496000000-daily-send-counts';
import { SendMediaUrls1764490000000 } from './1764490000000-send-media-urls';
import { SendInteractive1764500000000 } from './1764500000000-send-interactive';
import { SendRateSlot1764510000000 } from './1764510000000-send-rate-slot';

export const migrations: Array<new () => MigrationInterface> = [
  CreateOutbound1732450000000,
  DailySendCounts1732496000000,
  SendMediaUrls1764490000000,
  SendInteractive1764500000000,
  SendRateSlot1764510000000,
];
