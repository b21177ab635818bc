import { Logger } from '@nestjs/common';
import { z } from 'zod';
import { Interactive, isAppError, MediaUrls, Send, type Channel } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import type { Turn, TurnState } from '../turn/turn';
import type { Ability } from './ability';
import type { AbilityName } from '../definitions/ability-names';

const Args = z.object({
  message: z.string().trim().min(1).max(1600),
  media_urls: MediaUrls.optional(),
  buttons: z.array(z.object({ id: z.string(), title: z.string() })).optional(),
});

/** The buttons parameter, offered on WhatsApp only (SMS has none). */
export const BUTTONS_PARAMETER = {
  type: 'array',
  maxItems: 3,
  items: {
    type: 'object',
    properties: {
      id: { type: 'string', description: 'What comes back when the member presses it.' },
      title: { type: 'string', description: 'What the button says, at most 20 characters.' },
    },
    required: ['id', 'title'],
    additionalProperties: false,
  },
  description:
    'Optional: up to 3 buttons the member can press instead of typing (the message then at most 1024 characters, no media_urls).',
};

/** What sending a message is on one channel: the tool's name and words, what it offers there, when it is offered. */
export interface SendChannel {
  readonly channel: Channel;
  readonly name: AbilityName;
  readonly description: string;
  /** JSON schema of what this channel adds to the arguments. */
  readonly extraParameters: Record<string, unknown>;
  isAvailable(turn: Turn): boolean;
}

export const SEND_SMS_MESSAGE: SendChannel = {
  channel: 'sms',
  name: 'send_sms_message',
  description:
    'Send an SMS text message to the member of this conversation. Returns the send status and, when it did not go out, why.',
  extraParameters: {},
  isAvailable: () => true,
};

export const SEND_WHATSAPP_MESSAGE: SendChannel = {
  channel: 'whatsapp',
  name: 'send_whatsapp_message',
  description:
    'Send a WhatsApp message to the member of this conversation. Returns the send status and, when it did not go out, why.',
  extraParameters: { buttons: BUTTONS_PARAMETER },
  /** Only for workspaces with the WhatsApp feature: otherwise the model never sees the tool. */
  isAvailable: (turn) => turn.workspace.features.includes('whatsapp'),
};

/**
 * Sends a message the system starts (kind `system`: opt-out and the member's notification switch
 * apply) on one channel, through outbound's request-reply, so the model learns what happened.
 */
export class SendMessageAbility implements Ability {
  readonly name: AbilityName;
  readonly description: string;
  private readonly channel: Channel;
  private readonly logger = new Logger('SendMessageAbility');
  readonly parameters: Record<string, unknown>;

  constructor(
    private readonly messaging: MessagingClient,
    private readonly on: SendChannel,
  ) {
    this.name = on.name;
    this.description = on.description;
    this.channel = on.channel;
    this.parameters = {
      type: 'object',
      properties: {
        ...on.extraParameters,
        message: { type: 'string', description: 'The text to send, plain text, at most 1600 characters.' },
        media_urls: {
          type: 'array',
          items: { type: 'string' },
          maxItems: 10,
          description: 'Optional: https URLs of files (images, PDFs) to send with the message.',
        },
      },
      required: ['message'],
      additionalProperties: false,
    };
  }

  isAvailable(turn: Turn): boolean {
    return this.on.isAvailable(turn);
  }

  async invoke(args: unknown, turn: Turn, state: TurnState): Promise<Record<string, unknown>> {
    const parsed = Args.safeParse(args);
    if (!parsed.success)
      return {
        status: 'failed',
        reason:
          'The message must be non-empty text of at most 1600 characters, and media_urls at most 10 https URLs.',
      };
    const buttons = parsed.data.buttons?.length ? parsed.data.buttons : undefined;
    const interactive = buttons ? Interactive.safeParse({ type: 'buttons', buttons }) : undefined;
    if (interactive && (!interactive.success || this.channel !== 'whatsapp' || parsed.data.media_urls))
      return {
        status: 'failed',
        reason:
          'Buttons: at most 3, each with its own id and a title of at most 20 characters, on WhatsApp, without media_urls.',
      };
    const idempotencyKey = `ability:${turn.leadKey}:${++state.toolSends}`;
    try {
      const result = await this.messaging.request(
        Send,
        {
          idempotencyKey,
          workspaceId: turn.workspace.id,
          phoneNumberId: turn.phoneNumber.id,
          memberId: turn.member.id,
          channel: this.channel,
          body: parsed.data.message,
          ...(parsed.data.media_urls ? { mediaUrls: parsed.data.media_urls } : {}),
          ...(interactive?.success ? { interactive: interactive.data } : {}),
          kind: 'system',
          // The agent speaks inside a conversation: not queued behind broadcasts.
          lane: 'conversation',
          // Only the chat on this channel holds the message; another channel's send finds its own.
          ...(turn.channel === this.channel ? { chatId: turn.chatId } : {}),
          origin: { service: 'workflow', ref: `turn:${turn.leadKey}` },
        },
        { timeoutMs: 10_000 },
      );
      this.logger.log(
        `${this.name} in chat ${turn.chatId}: ${result.status}${result.reason ? ` (${result.reason})` : ''}`,
      );
      return { status: result.status, reason: result.reason };
    } catch (error) {
      // The model is told; the turn goes on (it may apologise or try another way).
      const reason = isAppError(error) ? error.message : 'The message could not be sent.';
      this.logger.warn(`${this.name} in chat ${turn.chatId} failed: ${reason}`);
      return { status: 'failed', reason };
    }
  }
}
