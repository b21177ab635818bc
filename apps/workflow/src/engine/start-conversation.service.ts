import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AppError, ListChatMessages, OpenChat } from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import { SEND_REASONS } from '@app/rules';
import { found } from '@app/persistence';
import { WorkflowStore } from '../definitions/workflow-store';
import { ConversationStarter } from './conversation-starter';
import { turnsTotal } from './engine-metrics';
import { RunTurn } from './run-turn.usecase';
import { historyToFetch } from './take-turn.usecase';
import type { Turn } from '../turn/turn';
import { TurnStore } from './turn-store';

type StartChatInput = Parameters<ConversationStarter['startChat']>[0];

/**
 * Opens a chat that a workflow drives (a Send WhatsApp action with a workflow) and runs its first
 * turn, with the initial message as what the member "said". Its sends are the system's (kind
 * `system`: opt-out and notification switches apply); later turns answer the member as usual.
 */
@Injectable()
export class StartConversation extends ConversationStarter {
  private readonly logger = new Logger('StartConversation');

  constructor(
    private readonly messaging: MessagingClient,
    private readonly workflows: WorkflowStore,
    private readonly turns: TurnStore,
    private readonly runTurn: RunTurn,
  ) {
    super();
  }

  async pinChat(input: Omit<StartChatInput, 'initialMessage'>): Promise<{ chatId: string }> {
    const workspaceId = input.workspace.id;
    if (input.member.optedOut) throw new AppError('rule_violation', SEND_REASONS.memberOptedOut);
    const previous = await this.turns.startedChat(workspaceId, input.idempotencyKey);
    if (previous && (await this.turns.session(workspaceId, previous))) return { chatId: previous };
    const { workflow, chat } = await this.openChat(input);
    await this.turns.pin(
      workspaceId,
      { chatId: chat.id, workflowId: workflow.id, version: workflow.version },
      'action',
    );
    this.logger.log(
      `Pinned chat ${chat.id} to workflow ${workflow.id} v${workflow.version} for the member's answer`,
    );
    return { chatId: chat.id };
  }

  /** The workflow's latest version, and the member's chat on the number (opened if none), recorded as this start's. */
  private async openChat(input: Omit<StartChatInput, 'initialMessage'>) {
    const workspaceId = input.workspace.id;
    const workflow = found(await this.workflows.latest(workspaceId, input.workflowId), 'Workflow');
    const { chat } = await this.messaging.request(OpenChat, {
      workspaceId,
      phoneNumberId: input.phoneNumber.id,
      memberId: input.member.id,
      channel: input.channel,
      inactivityCloseAfter: input.phoneNumber.inactivityCloseAfter,
    });
    await this.turns.recordStart(workspaceId, input.idempotencyKey, chat.id);
    return { workflow, chat };
  }

  async startChat(input: StartChatInput): Promise<{ chatId: string }> {
    const workspaceId = input.workspace.id;
    // STOP stops new workflow starts.
    if (input.member.optedOut) throw new AppError('rule_violation', SEND_REASONS.memberOptedOut);
    const leadKey = `start:${createHash('sha256').update(`${workspaceId}:${input.idempotencyKey}`).digest('hex').slice(0, 40)}`;

    const previous = await this.turns.startedChat(workspaceId, input.idempotencyKey);
    if (previous) {
      const status = await this.turns.statusOf(workspaceId, leadKey);
      if (status && status.status !== 'running') return { chatId: previous };
    }

    const { workflow, chat } = await this.openChat(input);
    // A retry after a crash finds the pin it made; a new start re-pins to the latest version.
    const existing = await this.turns.session(workspaceId, chat.id);
    const session =
      previous && existing
        ? existing
        : await this.turns.pin(
            workspaceId,
            { chatId: chat.id, workflowId: workflow.id, version: workflow.version },
            'action',
          );
    const steps = (await this.workflows.version(workspaceId, session.workflowId, session.version))?.steps;
    if (!steps) throw AppError.notFound('Workflow version');

    await this.turns.claim(workspaceId, chat.id, leadKey, [leadKey]);
    const history = await this.messaging.request(ListChatMessages, {
      workspaceId,
      chatId: chat.id,
      limit: historyToFetch(steps),
      newest: true,
    });
    const turn: Turn = {
      leadKey,
      workspace: input.workspace,
      phoneNumber: input.phoneNumber,
      member: input.member,
      channel: input.channel,
      chatId: chat.id,
      workflowId: session.workflowId,
      version: session.version,
      sendKind: 'system',
      inputs: input.initialMessage?.trim() ? [{ key: leadKey, body: input.initialMessage, media: [] }] : [],
      history: [...history.items].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    };
    const { outcome } = await this.runTurn.execute(turn, steps);
    await this.turns.finish(workspaceId, leadKey, 'answered', outcome === 'answered' ? null : outcome);
    turnsTotal.inc({ outcome: `started_${outcome}` });
    this.logger.log(
      `Started chat ${chat.id} with workflow ${session.workflowId} v${session.version}: ${outcome}`,
    );
    return { chatId: chat.id };
  }
}
