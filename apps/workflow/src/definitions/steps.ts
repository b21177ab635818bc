import type { Interactive } from '@app/contracts';
import type { AbilityName } from './ability-names';

/** A workflow step, as stored (validated) in a definition version. */
export type Step = ReplyStep | IfStep | AgentStep;

export interface ReplyStep {
  /** Handlebars over the workflow context; rendered as plain text and sent to the member. */
  reply: string;
  /** Files sent with the reply: https URLs, each a Handlebars template (at most 10). */
  media?: string[];
  /**
   * Quick-reply buttons under the reply (WhatsApp: up to 3, titles up to 20 characters; `id` comes
   * back as `message.button_payload` when pressed). On SMS they are listed as lines of the text.
   */
  buttons?: Array<{ id: string; title: string }>;
  /** A list the member opens and picks from (WhatsApp; `id` comes back as `message.list_id`). */
  list?: { button: string; items: Array<{ id: string; title: string; description?: string }> };
}

/** A reply step's buttons or list as a send carries them. */
export function replyInteractive(step: ReplyStep): Interactive | undefined {
  if (step.buttons) return { type: 'buttons', buttons: step.buttons };
  if (step.list) return { type: 'list', ...step.list };
  return undefined;
}

export interface IfStep {
  /** CEL over the workflow context, e.g. `chat.channel == "whatsapp"`. */
  if: string;
  then: Step[];
  else?: Step[];
}

export interface AgentStep {
  agent: {
    instructions: string;
    abilities: AbilityName[];
    /** Overrides LLM_MODEL for this step. */
    model?: string;
    /** How much of the chat the model sees: the newest `messages` (default 50) within `tokens`. */
    history?: HistoryLimits;
    /** Photos the member sends reach the model as images (default); false for a model that takes none. */
    images?: boolean;
  };
}

export interface HistoryLimits {
  messages?: number;
  tokens?: number;
}

/** What an agent sees of its chat unless its step says otherwise. */
export const HISTORY_DEFAULTS = { messages: 50, tokens: 16_000 } as const;
export const HISTORY_BOUNDS = { messages: [1, 500], tokens: [200, 200_000] } as const;

export const isReplyStep = (s: Step): s is ReplyStep => 'reply' in s;
export const isIfStep = (s: Step): s is IfStep => 'if' in s;
export const isAgentStep = (s: Step): s is AgentStep => 'agent' in s;
