import { Injectable } from '@nestjs/common';
import {
  AppError,
  nullIfNotFound,
  CheckSend,
  GetMember,
  GetSender,
  Send,
  type Member,
  type SendAction,
  type SendRequest,
} from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import { SEND_REASONS } from '@app/rules';
import { failed, fromSendResult, skipped, type ActionOutcome } from './action-outcome';
import { ConversationStarter } from '../../engine/conversation-starter';
import { memberView } from './member-view';
import { actionChannel, senderRefusal, type Sender } from './sender-checks';
import { renderTemplate } from './template';

export interface ActionTarget {
  workspaceId: string;
  action: SendAction;
  memberId: string;
  /** Same key, same outcome: outbound sends once and the engine starts one chat per key. */
  idempotencyKey: string;
  /** Who asked, for outbound's records (e.g. `rule-run:<id>`). */
  originRef: string;
  /** Already known to the caller (a routine's member page); looked up otherwise. */
  member?: Member;
  /** A routine checks its number once per batch rather than once per member. */
  sender?: Sender;
  event?: { type: string; data: Record<string, unknown> };
}

type SendContent = Pick<SendRequest, 'body' | 'contentSid' | 'contentVariables'>;

const MAX_BODY = 1600;
const REQUEST_TIMEOUT_MS = 10_000;

/**
 * Runs a Send WhatsApp / Send SMS action for one member. Outbound applies every check with its
 * exact texts; the cheap ones (feature, number) are answered here without a round trip. Refusals
 * and the action's own mistakes become the outcome; a neighbour that is down throws
 * `unavailable`, so the caller retries with the same idempotency key.
 */
@Injectable()
export class SendActionRunner {
  constructor(
    private readonly messaging: MessagingClient,
    private readonly starter: ConversationStarter,
  ) {}

  async sender(workspaceId: string, phoneNumberId: string): Promise<Sender | null> {
    const options = { timeoutMs: REQUEST_TIMEOUT_MS };
    return nullIfNotFound(this.messaging.request(GetSender, { workspaceId, phoneNumberId }, options));
  }

  /** A number of another workspace (or none) is refused up front; its switches are checked per run. */
  async assertSenderExists(workspaceId: string, phoneNumberId: string): Promise<void> {
    if (!(await this.sender(workspaceId, phoneNumberId)))
      throw new AppError('not_found', SEND_REASONS.numberNotFound);
  }

  async run(target: ActionTarget): Promise<ActionOutcome> {
    const { action } = target;
    const sender = target.sender ?? (await this.sender(target.workspaceId, action.phoneNumberId));
    if (!sender) return failed(SEND_REASONS.numberNotFound);
    const refusal = senderRefusal(actionChannel(action), sender);
    if (refusal) return refusal;
    if (action.type === 'send_whatsapp' && action.workflowId) {
      // Template, then workflow: the template opens the conversation and the answer goes to the workflow.
      if (action.template !== undefined || action.contentSid !== undefined)
        return this.sendThenPin(target, action.workflowId, sender);
      return this.startChat(target, action.workflowId, action.initialMessage ?? null, sender);
    }
    return this.send(target, sender);
  }

  /** May this member be sent a system-started WhatsApp? The member as preferences knows it, or the outcome. */
  private async checkMember(target: ActionTarget): Promise<{ member: Member } | { outcome: ActionOutcome }> {
    try {
      const check = await this.messaging.request(
        CheckSend,
        { workspaceId: target.workspaceId, memberId: target.memberId, channel: 'whatsapp', kind: 'system' },
        { timeoutMs: REQUEST_TIMEOUT_MS },
      );
      if (check.allowed) return { member: check.member };
      return { outcome: check.outcome === 'skipped' ? skipped(check.reason) : failed(check.reason) };
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found')
        return { outcome: failed(SEND_REASONS.memberNotFound) };
      throw error;
    }
  }

  /**
   * Sends the template into the member's chat, pinned to the workflow first so the message is
   * part of that chat's history and the member's answer is handled by the workflow.
   */
  private async sendThenPin(
    target: ActionTarget,
    workflowId: string,
    sender: Sender,
  ): Promise<ActionOutcome> {
    const checked = await this.checkMember(target);
    if ('outcome' in checked) return checked.outcome;
    const content = this.content(target, checked.member, sender);
    if ('status' in content) return content;
    let chatId: string;
    try {
      ({ chatId } = await this.starter.pinChat({
        idempotencyKey: target.idempotencyKey,
        workspace: sender.workspace,
        phoneNumber: sender.phoneNumber,
        member: checked.member,
        channel: 'whatsapp',
        workflowId,
      }));
    } catch (error) {
      if (error instanceof AppError && error.code !== 'unavailable' && error.code !== 'internal')
        return failed(error.message);
      throw error;
    }
    return this.deliver(target, checked.member, content, chatId);
  }

  private async startChat(
    target: ActionTarget,
    workflowId: string,
    initialMessage: string | null,
    sender: Sender,
  ): Promise<ActionOutcome> {
    // A chat is a system-started conversation: the member must have opted in, like any send.
    const checked = await this.checkMember(target);
    if ('outcome' in checked) return checked.outcome;
    const check = checked;
    const rendered =
      initialMessage === null ? null : this.render(initialMessage, target, check.member, sender);
    if (rendered !== null && 'error' in rendered) return failed(rendered.error);
    try {
      const { chatId } = await this.starter.startChat({
        idempotencyKey: target.idempotencyKey,
        workspace: sender.workspace,
        phoneNumber: sender.phoneNumber,
        member: check.member,
        channel: 'whatsapp',
        workflowId,
        initialMessage: rendered?.text.trim() ? rendered.text : null,
      });
      return { status: 'sent', reason: null, sendId: null, chatId };
    } catch (error) {
      if (error instanceof AppError && error.code !== 'unavailable' && error.code !== 'internal')
        return failed(error.message);
      throw error;
    }
  }

  private async send(target: ActionTarget, sender: Sender): Promise<ActionOutcome> {
    const member = target.member ?? (await this.member(target.workspaceId, target.memberId));
    if (!member) return failed(SEND_REASONS.memberNotFound);
    const content = this.content(target, member, sender);
    if ('status' in content) return content;
    return this.deliver(target, member, content, null);
  }

  /** The message the action sends this member: its template rendered, or why it cannot be. */
  private content(target: ActionTarget, member: Member, sender: Sender): SendContent | ActionOutcome {
    const { action } = target;
    if (action.type === 'send_whatsapp' && action.contentSid) {
      const variables: Record<string, string> = {};
      for (const [key, source] of Object.entries(action.contentVariables ?? {})) {
        const value = this.render(source, target, member, sender);
        if ('error' in value) return failed(value.error);
        variables[key] = value.text;
      }
      return {
        contentSid: action.contentSid,
        contentVariables: action.contentVariables ? variables : undefined,
      };
    }
    if (!action.template) return failed('The action has no message template.');
    const body = this.render(action.template, target, member, sender);
    if ('error' in body) return failed(body.error);
    if (!body.text.trim()) return failed('The message template gave an empty message for this member.');
    if (body.text.length > MAX_BODY)
      return failed(`The message is longer than ${MAX_BODY} characters for this member.`);
    return { body: body.text };
  }

  private async deliver(
    target: ActionTarget,
    member: Member,
    content: SendContent,
    chatId: string | null,
  ): Promise<ActionOutcome> {
    try {
      const result = await this.messaging.request(
        Send,
        {
          idempotencyKey: target.idempotencyKey,
          workspaceId: target.workspaceId,
          phoneNumberId: target.action.phoneNumberId,
          memberId: member.id,
          channel: actionChannel(target.action),
          ...content,
          ...(chatId ? { chatId } : {}),
          kind: 'system',
          origin: { service: 'workflow', ref: target.originRef },
        },
        { timeoutMs: REQUEST_TIMEOUT_MS },
      );
      return fromSendResult(result, chatId);
    } catch (error) {
      // Outbound refused the request itself (e.g. a content SID it rejects): the action's fault, not a retry.
      if (
        error instanceof AppError &&
        (error.code === 'invalid_input' || error.code === 'rule_violation' || error.code === 'not_found')
      )
        return failed(error.message);
      throw error;
    }
  }

  private async member(workspaceId: string, memberId: string): Promise<Member | null> {
    const options = { timeoutMs: REQUEST_TIMEOUT_MS };
    return nullIfNotFound(this.messaging.request(GetMember, { workspaceId, memberId }, options));
  }

  private render(
    source: string,
    target: ActionTarget,
    member: Member,
    sender: Sender,
  ): { text: string } | { error: string } {
    try {
      return {
        text: renderTemplate(source, {
          member: memberView(member),
          workspace: { name: sender.workspace.name },
          event: target.event ?? null,
        }),
      };
    } catch (error) {
      return {
        error: `The message template could not be rendered: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`,
      };
    }
  }
}
