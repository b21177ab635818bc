import type { MediaStoreSettings } from '@app/media';

export interface AgentOptions {
  /** OpenAI-compatible base URL (with its /v1); null: no model, agent steps send the fallback. */
  baseUrl: string | null;
  apiKey: string | null;
  model: string;
  /** LLM_ALLOWED_MODELS: a step naming another model falls back instead of calling it (empty: any). */
  allowedModels: string[];
  timeoutMs: number;
  maxSteps: number;
  totalTimeoutMs: number;
  /** Where chats keeps the files members send (MEDIA_STORE...): photos go to the model from there. */
  media: MediaStoreSettings;
}

export const AGENT_OPTIONS = Symbol('AGENT_OPTIONS');
