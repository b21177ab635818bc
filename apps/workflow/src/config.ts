import { z } from 'zod';
import {
  commaList,
  ConfigError,
  databaseServiceShape,
  loadConfig,
  mediaStoreConfigShape,
  secret,
  sendRateConfigShape,
  type Config,
} from '@app/config';

export const workflowConfigShape = {
  ...databaseServiceShape(3005),
  /** An OpenAI-compatible API, including its version path (e.g. http://localhost:11434/v1). Unset: agent steps send the fallback reply. */
  LLM_BASE_URL: z.string().url().optional(),
  LLM_API_KEY: secret(z.string().optional()),
  LLM_MODEL: z.string().min(1).default('gpt-4o-mini'),
  /** The models agent steps may name, comma-separated (the operator's choice); empty: any. */
  LLM_ALLOWED_MODELS: commaList(),
  /** One model call's deadline. */
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
  /** Model calls in one agent step (tool rounds included) before it gives up with the fallback. */
  AGENT_MAX_STEPS: z.coerce.number().int().min(1).max(50).default(6),
  /** The whole agent step's deadline, tool calls included. */
  AGENT_TIMEOUT_MS: z.coerce.number().int().positive().default(60_000),
  /** Where chats keeps the files members send (the same store as chats'). */
  ...mediaStoreConfigShape,
  /** A routine hands its sends to outbound at its number's rate; these are outbound's defaults (set them alike). */
  ...sendRateConfigShape,
};
export type WorkflowConfig = Config<typeof workflowConfigShape>;

export function loadWorkflowConfig(env: Record<string, string | undefined> = process.env): WorkflowConfig {
  const config = loadConfig(workflowConfigShape, env);
  if (config.LLM_ALLOWED_MODELS.length && !config.LLM_ALLOWED_MODELS.includes(config.LLM_MODEL)) {
    throw new ConfigError(
      `Invalid configuration: LLM_MODEL must be one of LLM_ALLOWED_MODELS (got "${config.LLM_MODEL}"; allowed: ${config.LLM_ALLOWED_MODELS.join(', ')})`,
    );
  }
  return config;
}
