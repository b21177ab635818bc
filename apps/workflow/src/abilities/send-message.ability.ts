import { Logger } from '@nestjs/common';
import { z } from 'zod';
import { isAppError, Send, type Channel } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import type { Turn, TurnState } from '../turn/turn';
import type { Ability } from './ability';
import type { AbilityName } from '../definitions/ability-names';

const Args = z.object({ message: z.string().trim().min(1).max(1600) });

/**
 * Sends a message the system starts (kind `system`: opt-out and the member's notification switch
 * apply) on one channel, through outbound's request-reply, so the model learns what happened.
 */
export abstract class SendMessageAbility implements Ability {
  abstract readonly name: AbilityName;
  abstract readonly description: string;
  protected abstract readonly channel: Channel;
  private readonly logger = new Logger('SendMessageAbility');
  readonly parameters = {
    type: 'object',
    properties: {
      message: { type: 'string', description: 'The text to send, plain text, at most 1600 characters.' },
    },
    required: ['message'],
    additionalProperties: false,
  };

  constructor(private readonly messaging: MessagingClient) {}

  abstract isAvailable(turn: Turn): boolean;

  async invoke(args: unknown, turn: Turn, state: TurnState): Promise<Record<string, unknown>> {
    const parsed = Args.safeParse(args);
    if (!parsed.success)
      return { status: 'failed', reason: 'The message must be non-empty text of at most 1600 characters.' };
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
          kind: 'system',
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
