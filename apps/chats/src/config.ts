import { z } from 'zod';
import { baseConfigShape, databaseConfigShape, loadConfig, type Config } from '@app/config';

export const chatsConfigShape = {
  ...baseConfigShape,
  ...databaseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(3004),
  /** How often each replica closes chats whose inactivity time has passed. */
  CHATS_CLOSE_SWEEP_MS: z.coerce.number().int().min(50).max(3_600_000).default(15_000),
};
export type ChatsConfig = Config<typeof chatsConfigShape>;

export const loadChatsConfig = (env: Record<string, string | undefined> = process.env): ChatsConfig =>
  loadConfig(chatsConfigShape, env);
