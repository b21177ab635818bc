import type {
  Channel,
  ChatMessage,
  Choice,
  Media,
  Member,
  PhoneNumber,
  SendKind,
  WorkspaceSummary,
} from '@app/contracts';
import { mediaKind } from '@app/rules';

/** One thing the member said that this turn answers. */
export interface TurnInput {
  /** The inbound twilioSid, or start:<hash> for the opening message of a started chat. */
  key: string;
  body: string;
  media: Media[];
  /** The button or list item the message pressed (its title is the body). */
  choice?: Choice;
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
  /** An agent step ran: time passed (a model call) in which the member may have replied STOP. */
  thought = false;
  /** The agent handed the chat to a person: its answer goes out, no later step runs. */
  handedOff = false;
  /** An agent step fell back to the apology. */
  fellBack = false;
}

/**
 * The text the workflow and the agent see for an input: a voice note becomes its transcript, any
 * other file a note saying what arrived (a photo also goes to the model as an image), never a link.
 */
export function inputText(input: { body: string | null; media: Media[] }): string {
  return [input.body?.trim() ?? '', ...input.media.map(mediaNote)].filter(Boolean).join('\n');
}

function mediaNote(media: Media): string {
  const type = media.contentType || 'unknown type';
  if (media.refused)
    return `[The member sent a file (${type}) that could not be kept: ${media.refused.reason}.]`;
  if (media.transcript) return `[Voice note, transcribed:] ${media.transcript}`;
  if (media.stored && mediaKind(type) === 'image') return `[The member sent a photo (${type}).]`;
  if (media.stored && mediaKind(type) === 'audio')
    return `[The member sent a voice note (${type}) that could not be transcribed.]`;
  return `[The member sent a file (${type}) that cannot be read.]`;
}
