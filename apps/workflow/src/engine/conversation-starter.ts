import type { Channel, Member, PhoneNumber, WorkspaceSummary } from '@app/contracts';

/**
 * Starts a chat that a workflow drives, for actions that open a conversation (a Send WhatsApp
 * rule with a workflow). The engine implements it; rules and routines depend only on this.
 */
export abstract class ConversationStarter {
  /**
   * Opens (or reuses) the member's chat on this number and channel, pins the workflow's current
   * version to it, and runs the first turn with `initialMessage` as the member's first message
   * (not sent to anyone; it is the user turn the workflow answers). Idempotent per `idempotencyKey`.
   */
  abstract startChat(input: {
    idempotencyKey: string;
    workspace: WorkspaceSummary;
    phoneNumber: PhoneNumber;
    member: Member;
    channel: Channel;
    workflowId: string;
    initialMessage: string | null;
  }): Promise<{ chatId: string }>;

  /**
   * Opens (or reuses) the member's chat on this number and channel and pins the workflow's
   * current version to it, running no turn: the action sends its template into this chat, and
   * the member's answer is the workflow's first turn. Idempotent per `idempotencyKey` (a retry
   * finds the same chat and keeps its pin).
   */
  abstract pinChat(input: Omit<Parameters<ConversationStarter['startChat']>[0], 'initialMessage'>): Promise<{
    chatId: string;
  }>;
}
