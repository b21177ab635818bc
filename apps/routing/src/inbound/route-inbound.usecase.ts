import { Inject, Injectable } from '@nestjs/common';
import {
  diagnosticMsgId,
  DiagnosticRecorded,
  MessageAccepted,
  ResolveMember,
  SendRequested,
  sendMsgId,
  SetMemberOptOut,
  type Channel,
  type InboundMessageReceived,
  type Keyword,
  type Member,
  type PhoneNumber,
  type SendRequest,
  type WorkspaceSummary,
} from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import {
  actingKeyword,
  channelClosure,
  confirmsKeyword,
  detectKeyword,
  inboundRejectionReason,
  isE164,
  joinsSandbox,
  keywordReply,
  parseSandboxJoin,
  type DetectedKeyword,
  type InboundRejection,
} from '@app/rules';
import { inboundChoice, maskPhone, tryParseTwilioAddress } from '@app/twilio';
import { isWithinBusinessHours } from '../phone-numbers/business-hours';
import { InboundNumberDirectory, type InboundNumber } from '../phone-numbers/inbound-number.directory';
import type { RejectReason } from './inbound-metrics';
import { KEYWORD_OUTCOMES, SANDBOX_JOINS, type SandboxJoins } from './inbound.tokens';
import type { KeywordOutcomes } from './keyword-outcomes.repository';

/** What routing needs of the bus: publishing events and asking preferences. */
export type Bus = Pick<MessagingClient, 'publish' | 'request'>;
export type NumberDirectory = Pick<InboundNumberDirectory, 'findByNumber'>;

export type RouteOutcome =
  | { accepted: true; channel: Channel; keyword: Keyword | null; offHours: boolean; memberCreated: boolean }
  | { accepted: false; reason: RejectReason; channel?: Channel; disabledMessageSent?: boolean };

const ORIGIN = 'routing';

/** What routing answers an inbound message with, by purpose (also its key's prefix): the send kind each is. */
const ANSWERS = { disabled: 'notice', offhours: 'reply', keyword: 'compliance' } as const;

/**
 * The inbound decision: channel, number, channel switches, member, keywords, business hours, and
 * the accepted message. Safe to run twice for one message: every output has a deterministic id.
 */
@Injectable()
export class RouteInboundUseCase {
  constructor(
    @Inject(MessagingClient) private readonly bus: Bus,
    @Inject(InboundNumberDirectory) private readonly directory: NumberDirectory,
    @Inject(KEYWORD_OUTCOMES) private readonly outcomes: KeywordOutcomes,
    @Inject(SANDBOX_JOINS) private readonly sandbox: SandboxJoins,
  ) {}

  /**
   * `streamSeq`: the message's INBOUND stream sequence. With `receivedAt` it is the position of a
   * STOP/START, so preferences applies only the newest of messages handled out of order.
   */
  async execute(message: InboundMessageReceived, streamSeq = 0): Promise<RouteOutcome> {
    const position = { at: message.receivedAt, seq: streamSeq };
    const from = tryParseTwilioAddress(message.from);
    const to = tryParseTwilioAddress(message.to);
    if (!from || !to || from.channel !== to.channel || !isE164(from.phone) || !isE164(to.phone)) {
      return { accepted: false, reason: 'invalid_address' };
    }
    const channel = from.channel;
    const found: InboundNumber = await this.directory.findByNumber(to.phone);
    if (!found.found) {
      await this.recordRejection(message, found.reason, channel, from.phone, {
        workspaceId: found.workspaceId ?? null,
        phoneNumberId: found.phoneNumberId ?? null,
      });
      return { accepted: false, reason: found.reason, channel };
    }
    const { phoneNumber, workspace } = found;

    const closed = channelClosure(channel, workspace, phoneNumber);
    if (closed) {
      // Rejected without storing anything: no member is created, nothing reaches chats.
      const notice = phoneNumber.smsDisabledMessage;
      if (notice) {
        await this.answer(message, { workspace, phoneNumber }, 'disabled', {
          to: from.phone,
          channel,
          body: notice,
        });
      }
      await this.recordRejection(message, closed, channel, from.phone, {
        workspaceId: workspace.id,
        phoneNumberId: phoneNumber.id,
      });
      return { accepted: false, reason: closed, channel, disabledMessageSent: Boolean(notice) };
    }

    // Twilio's sandbox reaches only members who sent its code: outbound asks before each send.
    if (channel === 'whatsapp' && phoneNumber.whatsappSandbox) {
      const code = parseSandboxJoin(message.body);
      if (code !== null && joinsSandbox(message.body, phoneNumber.whatsappSandboxJoinCode)) {
        await this.sandbox.recordJoin({
          workspaceId: workspace.id,
          phoneNumberId: phoneNumber.id,
          address: from.phone,
          joinCode: code,
          messageSid: message.messageSid,
          joinedAt: new Date(message.receivedAt),
        });
      }
    }

    const resolved = await this.bus.request(ResolveMember, {
      workspaceId: workspace.id,
      phone: from.phone,
      channel,
      profileName: message.profileName,
    });
    let member: Member = resolved.member;

    // Opt-in words act only for a member who is opted out; from anyone else they are answers.
    const word = detectKeyword(message.body, phoneNumber.keywords);
    const detected = actingKeyword(word, member.optedOut);
    if (word?.keyword === 'opt_in' && !detected) {
      // Still an opt-in to preferences: it changes nothing now, but it outranks an older STOP
      // from this member that another replica or a redelivery hands over after it.
      const result = await this.bus.request(SetMemberOptOut, {
        workspaceId: workspace.id,
        memberId: member.id,
        optedOut: false,
        channel,
        source: { type: 'keyword', ref: word.word },
        position,
      });
      member = result.member;
    }
    if (detected)
      member = await this.handleKeyword(
        message,
        position,
        detected,
        from.phone,
        channel,
        workspace,
        phoneNumber,
        member,
      );

    let offHours = false;
    if (!detected && phoneNumber.businessHours && phoneNumber.offHoursMessage) {
      // Judged at the time Twilio delivered the message, so a redelivery decides the same way.
      offHours = !isWithinBusinessHours(phoneNumber.businessHours, new Date(message.receivedAt));
      if (offHours && !member.optedOut) {
        await this.answer(message, { workspace, phoneNumber }, 'offhours', {
          memberId: member.id,
          channel,
          body: phoneNumber.offHoursMessage,
        });
      }
    }

    const choice = inboundChoice(message.params);
    await this.bus.publish(
      MessageAccepted,
      {
        twilioSid: message.messageSid,
        workspace,
        phoneNumber,
        member,
        channel,
        from: from.phone,
        to: to.phone,
        body: message.body,
        media: message.media,
        ...(choice ? { choice } : {}),
        keyword: detected?.keyword ?? null,
        memberOptedOut: member.optedOut,
        offHours,
        receivedAt: message.receivedAt,
      },
      { msgId: message.messageSid },
    );
    return {
      accepted: true,
      channel,
      keyword: detected?.keyword ?? null,
      offHours,
      memberCreated: resolved.created,
    };
  }

  /**
   * Applies STOP/START, and sends one confirmation: HELP always; STOP/START once per change of
   * state; a STOP that changed nothing at most once a day. Decided once per message, so a
   * redelivery sends what the first attempt owed, with the same key.
   */
  private async handleKeyword(
    message: InboundMessageReceived,
    position: { at: string; seq: number },
    { keyword, word }: DetectedKeyword,
    phone: string,
    channel: Channel,
    workspace: WorkspaceSummary,
    phoneNumber: PhoneNumber,
    member: Member,
  ): Promise<Member> {
    const receivedAt = new Date(message.receivedAt);
    let confirm = true;
    if (keyword !== 'help') {
      const result = await this.bus.request(SetMemberOptOut, {
        workspaceId: workspace.id,
        memberId: member.id,
        optedOut: keyword === 'opt_out',
        channel,
        source: { type: 'keyword', ref: word },
        position,
      });
      member = result.member;
      const lastAckAt = result.changed ? null : await this.outcomes.lastAck(phoneNumber.id, phone, keyword);
      const owed = confirmsKeyword(keyword, { changed: result.changed, lastAckAt, now: receivedAt });
      confirm = await this.outcomes.decide(workspace.id, message.messageSid, owed);
    }
    if (confirm) {
      await this.answer(message, { workspace, phoneNumber }, 'keyword', {
        memberId: member.id,
        channel,
        body: keywordReply(keyword, phoneNumber.keywordReplies, phoneNumber.brandName ?? workspace.name),
      });
      if (keyword !== 'help')
        await this.outcomes.recordAck(workspace.id, phoneNumber.id, phone, keyword, receivedAt);
    }
    return member;
  }

  /** A dropped message in the workspace's diagnostics (a number no workspace has: the operator's). */
  private async recordRejection(
    message: InboundMessageReceived,
    code: InboundRejection,
    channel: Channel,
    sender: string,
    where: { workspaceId: string | null; phoneNumberId: string | null },
  ): Promise<void> {
    const record: DiagnosticRecorded = {
      key: `inbound:${message.messageSid}`,
      workspaceId: where.workspaceId,
      kind: 'inbound_rejected',
      code,
      reason: inboundRejectionReason(code),
      channel,
      address: maskPhone(sender),
      links: {
        phoneNumberId: where.phoneNumberId,
        memberId: null,
        chatId: null,
        messageSid: message.messageSid,
        sendId: null,
        ruleRunId: null,
        routineRunId: null,
      },
      occurredAt: message.receivedAt,
    };
    await this.bus.publish(DiagnosticRecorded, record, { msgId: diagnosticMsgId(record) });
  }

  /**
   * Answers the inbound message itself, from the number it reached: keyed by `purpose` and the
   * message SID, so a redelivery sends once.
   */
  private async answer(
    message: InboundMessageReceived,
    to: { workspace: WorkspaceSummary; phoneNumber: PhoneNumber },
    purpose: keyof typeof ANSWERS,
    reply: Omit<
      SendRequest,
      'idempotencyKey' | 'workspaceId' | 'phoneNumberId' | 'kind' | 'origin' | 'inReplyTo'
    >,
  ): Promise<void> {
    const request: SendRequest = {
      ...reply,
      kind: ANSWERS[purpose],
      workspaceId: to.workspace.id,
      phoneNumberId: to.phoneNumber.id,
      idempotencyKey: `${purpose}:${message.messageSid}`,
      origin: { service: ORIGIN, ref: message.messageSid },
      inReplyTo: { twilioSid: message.messageSid, receivedAt: message.receivedAt },
    };
    await this.bus.publish(SendRequested, request, { msgId: sendMsgId(request) });
  }
}
