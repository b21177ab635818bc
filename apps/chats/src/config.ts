import { z } from 'zod';
import { baseConfigShape, databaseConfigShape, loadConfig, type Config } from '@app/config';

export const chatsConfigShape = {
  ...baseConfigShape,
  ...databaseConfigShape,
  PORT: z.coerce.number().int().min(0).max(65535).default(3004),
};
export type ChatsConfig = Config<typeof chatsConfigShape>;

export const loadChatsConfig = (env: Record<string, string | undefined> = process.env): ChatsConfig =>
  loadConfig(chatsConfigShape, env);
