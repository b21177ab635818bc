import { Injectable, Logger } from '@nestjs/common';
import { z } from 'zod';
import { HandOffChat, isAppError } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import { mayHandOff } from '@app/rules';
import type { Turn, TurnState } from '../turn/turn';
import type { Ability } from './ability';

const Args = z.object({ reason: z.string().trim().min(1).max(500) });

/**
 * Hands the conversation to a person (numbers in `ai_with_handoff` mode): chats puts it in the
 * inbox's queue with the reason, and the workflow stays silent until a person hands it back.
 */
@Injectable()
export class HandoffToHumanAbility implements Ability {
  readonly name = 'handoff_to_human';
  readonly description =
    'Hand this conversation to a person on our team when the member asks for one or you cannot help. Give the reason the person will read. Your final answer is still sent (tell the member a person will follow up); after that you do not answer this conversation until a person hands it back.';
  readonly parameters = {
    type: 'object',
    properties: {
      reason: {
        type: 'string',
        description: 'Why a person should take over, for the person who will (at most 500 characters).',
      },
    },
    required: ['reason'],
    additionalProperties: false,
  };
  private readonly logger = new Logger('HandoffToHumanAbility');

  constructor(private readonly messaging: MessagingClient) {}

  /** Only where the number's work mode lets the AI hand off. */
  isAvailable(turn: Turn): boolean {
    return mayHandOff(turn.phoneNumber.workMode);
  }

  async invoke(args: unknown, turn: Turn, state: TurnState): Promise<Record<string, unknown>> {
    const parsed = Args.safeParse(args);
    if (!parsed.success)
      return { status: 'failed', reason: 'Give a reason: text of at most 500 characters.' };
    try {
      await this.messaging.request(HandOffChat, {
        workspaceId: turn.workspace.id,
        chatId: turn.chatId,
        reason: parsed.data.reason,
        holding: {
          handoffTimeoutSeconds: turn.phoneNumber.handoffTimeoutSeconds,
          holdingMessage: turn.phoneNumber.holdingMessage,
        },
      });
      state.handedOff = true;
      this.logger.log(`chat ${turn.chatId} handed to a person by the agent`);
      return { status: 'handed_off' };
    } catch (error) {
      const reason = isAppError(error) ? error.message : 'The conversation could not be handed to a person.';
      this.logger.warn(`handoff_to_human in chat ${turn.chatId} failed: ${reason}`);
      return { status: 'failed', reason };
    }
  }
}
