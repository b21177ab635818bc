import { Injectable, Logger } from '@nestjs/common';
import { CloseChat, isAppError } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import type { Turn, TurnState } from '../turn/turn';
import type { Ability } from './ability';

/** Closes the conversation: the member's next message starts a new chat (and the latest workflow version). */
@Injectable()
export class EndChatAbility implements Ability {
  readonly name = 'end_chat';
  readonly description =
    'End this conversation when it is finished. Your final answer is still sent; the next message from the member starts a new conversation.';
  readonly parameters = { type: 'object', properties: {}, additionalProperties: false };
  private readonly logger = new Logger('EndChatAbility');

  constructor(private readonly messaging: MessagingClient) {}

  isAvailable(): boolean {
    return true;
  }

  async invoke(_args: unknown, turn: Turn, state: TurnState): Promise<Record<string, unknown>> {
    try {
      await this.messaging.request(CloseChat, {
        workspaceId: turn.workspace.id,
        chatId: turn.chatId,
        reason: 'agent',
      });
      state.chatClosed = true;
      this.logger.log(`chat ${turn.chatId} closed by the agent`);
      return { status: 'closed' };
    } catch (error) {
      const reason = isAppError(error) ? error.message : 'The conversation could not be closed.';
      return { status: 'failed', reason };
    }
  }
}
