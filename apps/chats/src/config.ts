import { z } from 'zod';
import { databaseServiceShape, loadConfig, mediaStoreConfigShape, secret, type Config } from '@app/config';

export const chatsConfigShape = {
  ...databaseServiceShape(3004),
  /** How often each replica closes chats whose inactivity time has passed. */
  CHATS_CLOSE_SWEEP_MS: z.coerce.number().int().min(50).max(3_600_000).default(15_000),
  /** How often each replica sends the holding messages that are due (chats waiting past the number's handoff timeout). */
  CHATS_HOLDING_SWEEP_MS: z.coerce.number().int().min(50).max(3_600_000).default(5_000),
  /** Twilio's credentials: media URLs can require them (HTTP Basic). */
  TWILIO_ACCOUNT_SID: z.string().optional(),
  TWILIO_AUTH_TOKEN: secret(z.string().optional()),
  /** Where the files members send are kept; chats writes, workflow reads (share it). */
  ...mediaStoreConfigShape,
  /** An OpenAI-compatible server for voice notes (`/audio/transcriptions`); default: the chat model's (LLM_BASE_URL). */
  TRANSCRIPTION_BASE_URL: z.string().url().optional(),
  TRANSCRIPTION_API_KEY: secret(z.string().optional()),
  TRANSCRIPTION_MODEL: z.string().min(1).default('whisper-1'),
  LLM_BASE_URL: z.string().url().optional(),
  LLM_API_KEY: secret(z.string().optional()),
};
export type ChatsConfig = Config<typeof chatsConfigShape>;

export const loadChatsConfig = (env: Record<string, string | undefined> = process.env): ChatsConfig =>
  loadConfig(chatsConfigShape, env);
