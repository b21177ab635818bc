import type {
  Channel,
  ChatMessage,
  Media,
  Member,
  PhoneNumber,
  SendKind,
  WorkspaceSummary,
} from '@app/contracts';

/** One thing the member said that this turn answers. */
export interface TurnInput {
  /** The inbound twilioSid, or start:<hash> for the opening message of a started chat. */
  key: string;
  body: string;
  media: Media[];
}

/** Everything a turn needs, whoever started it (an inbound message or an action that opens a chat). */
export interface Turn {
  /** Names the turn: idempotency keys of its sends derive from it. */
  leadKey: string;
  workspace: WorkspaceSummary;
  phoneNumber: PhoneNumber;
  member: Member;
  channel: Channel;
  chatId: string;
  workflowId: string;
  version: number;
  /** `reply` when answering a member who wrote in; `system` when the system opened the chat. */
  sendKind: Extract<SendKind, 'reply' | 'system'>;
  /** The member's message this turn answers (none when the system opened the chat). */
  inReplyTo?: { twilioSid: string; receivedAt: string };
  inputs: TurnInput[];
  /** The chat's earlier messages (inputs excluded), oldest first: the agent's memory. */
  history: ChatMessage[];
}

/** What happened during a turn so far; steps and abilities update it. */
export class TurnState {
  /** Replies sent so far (their idempotency keys count from 1). */
  replies = 0;
  /** Messages abilities sent (idempotency keys count from 1). */
  toolSends = 0;
  /** What this turn already said, for an agent step that follows a reply step. */
  readonly said: string[] = [];
  /** The member can no longer be messaged (STOP arrived while the turn ran). */
  stopped = false;
  /** An ability closed the chat. */
  chatClosed = false;
  /** An agent step fell back to the apology. */
  fellBack = false;
}

/** The text the workflow and the agent see for an input: media becomes a note, never a link. */
export function inputText(input: { body: string | null; media: Media[] }): string {
  const notes = input.media.map(
    (m) => `[The member sent a file (${m.contentType || 'unknown type'}) that cannot be read.]`,
  );
  return [input.body?.trim() ?? '', ...notes].filter(Boolean).join('\n');
}
