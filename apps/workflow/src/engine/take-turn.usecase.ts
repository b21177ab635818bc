import { Injectable, Logger } from '@nestjs/common';
import {
  diagnosticMsgId,
  DiagnosticRecorded,
  GetChat,
  ListChatMessages,
  type ChatMessage,
  type ChatTurnReady,
} from '@app/contracts';
import { mayWorkflowAnswer, turnSkipReason } from '@app/rules';
import { maskPhone } from '@app/twilio';
import { MessagingClient } from '@app/messaging';
import { HISTORY_DEFAULTS, isAgentStep, isIfStep, type Step } from '../definitions/steps';
import { WorkflowStore } from '../definitions/workflow-store';
import { turnsTotal } from './engine-metrics';
import { RunTurn } from './run-turn.usecase';
import type { Turn, TurnInput } from '../turn/turn';
import { TurnStore, type ChatSession } from './turn-store';

export type TakeTurnResult =
  { outcome: 'duplicate' | 'answered' | 'fallback' | 'stopped' } | { outcome: 'skipped'; reason: string };

/**
 * Answers an inbound message with the chat's workflow. Turns of one chat arrive one at a time;
 * a turn answers its message and every later one of the chat that no turn has taken yet (they
 * queued while the previous turn ran), so a burst gets one answer, in order.
 */
@Injectable()
export class TakeTurn {
  private readonly logger = new Logger('TakeTurn');

  constructor(
    private readonly turns: TurnStore,
    private readonly workflows: WorkflowStore,
    private readonly runTurn: RunTurn,
    private readonly messaging: MessagingClient,
  ) {}

  async execute(event: ChatTurnReady): Promise<TakeTurnResult> {
    const result = await this.take(event);
    turnsTotal.inc({ outcome: result.outcome === 'skipped' ? `skipped_${result.reason}` : result.outcome });
    return result;
  }

  private async take(event: ChatTurnReady): Promise<TakeTurnResult> {
    const workspaceId = event.workspace.id;
    const seen = await this.turns.statusOf(workspaceId, event.twilioSid);
    // Answered (maybe together with an earlier message) or skipped already; `running` means an
    // attempt was interrupted: run again, the sends' keys keep it to one message each.
    if (seen && (seen.status !== 'running' || seen.leadKey !== event.twilioSid))
      return { outcome: 'duplicate' };

    const skip = skipReason(event);
    if (skip) return this.skip(event, skip);
    // A person holds the chat, it waits for one, or the number is answered by people only.
    const chat =
      holdAsStored(event) ?? (await this.messaging.request(GetChat, { workspaceId, chatId: event.chatId }));
    const verdict = mayWorkflowAnswer(event.phoneNumber.workMode, chat);
    if (!verdict.answer) return this.skip(event, verdict.reason);

    const session = await this.sessionFor(event);
    if (!session)
      return this.skip(
        event,
        event.phoneNumber.defaultWorkflowId ? 'workflow_missing' : 'no_default_workflow',
      );
    const version = await this.workflows.version(workspaceId, session.workflowId, session.version);
    if (!version) return this.skip(event, 'workflow_missing');

    // Only a model can read a burst as one conversation turn (and the history); template replies
    // answer each message without asking chats for the chat's messages.
    const { history, inputs } = containsAgentStep(version.steps)
      ? await this.gather(event, historyToFetch(version.steps))
      : { history: [], inputs: [ownInput(event)] };
    const held = await this.turns.claim(
      workspaceId,
      event.chatId,
      event.twilioSid,
      inputs.map((i) => i.key),
    );
    const answering = inputs.filter((i) => held.has(i.key));
    if (!answering.length) return { outcome: 'duplicate' };

    const turn: Turn = {
      leadKey: event.twilioSid,
      workspace: event.workspace,
      phoneNumber: event.phoneNumber,
      member: event.member,
      channel: event.channel,
      chatId: event.chatId,
      workflowId: session.workflowId,
      version: session.version,
      sendKind: 'reply',
      inReplyTo: { twilioSid: event.twilioSid, receivedAt: event.receivedAt },
      inputs: answering,
      history,
    };
    const { outcome } = await this.runTurn.execute(turn, version.steps);
    await this.turns.finish(
      workspaceId,
      event.twilioSid,
      'answered',
      outcome === 'answered' ? null : outcome,
    );
    this.logger.log(
      `Turn ${event.twilioSid} in chat ${event.chatId}: ${outcome} (${answering.length} message(s), workflow ${session.workflowId} v${session.version})`,
    );
    return { outcome };
  }

  private async skip(event: ChatTurnReady, reason: string): Promise<TakeTurnResult> {
    await this.turns.recordSkipped(event.workspace.id, event.chatId, event.twilioSid, reason);
    this.logger.log(`Turn ${event.twilioSid} in chat ${event.chatId} skipped: ${reason}`);
    // The operator's answer to "why did nothing reply?" (GET /v1/diagnostics).
    const record: DiagnosticRecorded = {
      key: `turn:${event.twilioSid}`,
      workspaceId: event.workspace.id,
      kind: 'turn_skipped',
      code: reason,
      reason: turnSkipReason(reason),
      channel: event.channel,
      address: event.member.phone ? maskPhone(event.member.phone) : null,
      links: {
        phoneNumberId: event.phoneNumber.id,
        memberId: event.member.id,
        chatId: event.chatId,
        messageSid: event.twilioSid,
        sendId: null,
        ruleRunId: null,
        routineRunId: null,
      },
      occurredAt: event.receivedAt,
    };
    await this.messaging.publish(DiagnosticRecorded, record, { msgId: diagnosticMsgId(record) });
    return { outcome: 'skipped', reason };
  }

  /** The chat keeps the version it started with; a chat without one starts the number's default workflow. */
  private async sessionFor(event: ChatTurnReady): Promise<ChatSession | null> {
    const workflowId = event.phoneNumber.defaultWorkflowId;
    if (workflowId) {
      const settled = await this.turns.sessionOrPinLatest(event.workspace.id, event.chatId, workflowId);
      if (settled) return settled;
    }
    const existing = await this.turns.session(event.workspace.id, event.chatId);
    if (existing) return existing;
    if (!workflowId) return null;
    const latest = await this.workflows.latest(event.workspace.id, workflowId);
    if (!latest) {
      this.logger.warn(
        `Number ${event.phoneNumber.id} points at workflow ${workflowId}, which this workspace does not have`,
      );
      return null;
    }
    return this.turns.pin(
      event.workspace.id,
      { chatId: event.chatId, workflowId, version: latest.version },
      'inbound',
    );
  }

  /**
   * This message and the chat's later inbound messages no turn has taken, plus the history
   * before it. Falls back to the event alone when chats does not list the message (yet).
   */
  private async gather(
    event: ChatTurnReady,
    limit: number,
  ): Promise<{ history: ChatMessage[]; inputs: TurnInput[] }> {
    const own = ownInput(event);
    const page = await this.messaging.request(ListChatMessages, {
      workspaceId: event.workspace.id,
      chatId: event.chatId,
      limit,
      newest: true,
    });
    const messages = [...page.items].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    const at = messages.findIndex(
      (m) => m.id === event.messageId || (m.twilioSid !== null && m.twilioSid === event.twilioSid),
    );
    if (at < 0) return { history: messages, inputs: [own] };

    const later = messages
      .slice(at + 1)
      .filter(
        (m): m is ChatMessage & { twilioSid: string } => m.direction === 'inbound' && m.twilioSid !== null,
      );
    const taken = await this.turns.takenKeys(
      event.workspace.id,
      event.chatId,
      later.map((m) => m.twilioSid),
    );
    const queued = later.filter((m) => !taken.has(m.twilioSid) || taken.get(m.twilioSid) === event.twilioSid);
    const inputs = [
      own,
      ...queued.map((m) => ({ key: m.twilioSid, body: m.body ?? '', media: m.media, choice: m.choice })),
    ];
    const answered = new Set(inputs.map((i) => i.key));
    return {
      history: messages.filter(
        (m) => !(m.twilioSid !== null && answered.has(m.twilioSid)) && m.id !== event.messageId,
      ),
      inputs,
    };
  }
}

/** The turn's own message as a step's input. */
function ownInput(event: ChatTurnReady): TurnInput {
  return { key: event.twilioSid, body: event.body, media: event.media, choice: event.choice };
}

/**
 * Messages to ask chats for: the newest ones, as many as the hungriest agent step sees, plus room
 * for this turn's own message and those queued after it (each step trims to its own limits).
 */
export function historyToFetch(steps: Step[]): number {
  let most: number = HISTORY_DEFAULTS.messages;
  const visit = (list: Step[]) => {
    for (const step of list) {
      if (isAgentStep(step)) most = Math.max(most, step.agent.history?.messages ?? HISTORY_DEFAULTS.messages);
      if (isIfStep(step)) {
        visit(step.then);
        visit(step.else ?? []);
      }
    }
  };
  visit(steps);
  return Math.min(500, most + 50);
}

function containsAgentStep(steps: Step[]): boolean {
  return steps.some(
    (step) =>
      isAgentStep(step) ||
      (isIfStep(step) && (containsAgentStep(step.then) || containsAgentStep(step.else ?? []))),
  );
}

/**
 * The chat's hold as chats stored the message, when it is still the one to go by: null to ask
 * chats. Only our own handoff_to_human changes the hold between a message's storing and its turn
 * in ways a turn must see (an earlier turn of the chat handed it off meanwhile), so a chat that
 * may hand off and is not this message's own new chat is asked. (A person taking over meanwhile
 * is a race either way: it can as well happen while a turn runs.) An older publisher's event
 * carries no chat.
 */
function holdAsStored(event: ChatTurnReady): ChatTurnReady['chat'] | null {
  if (!event.chat) return null;
  return event.phoneNumber.workMode === 'ai_with_handoff' && !event.chatCreated ? null : event.chat;
}

/** Messages the workflow must not answer: routing handled them, or the member may not get one now. */
function skipReason(event: ChatTurnReady): string | null {
  if (event.keyword) return `keyword_${event.keyword}`;
  if (event.memberOptedOut) return 'opted_out';
  if (event.offHours) return 'off_hours';
  return null;
}
