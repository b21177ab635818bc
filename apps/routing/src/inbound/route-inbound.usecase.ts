import { Inject, Injectable } from '@nestjs/common';
import {
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
  isE164,
  keywordReply,
  type DetectedKeyword,
} from '@app/rules';
import { tryParseTwilioAddress } from '@app/twilio';
import { isWithinBusinessHours } from '../phone-numbers/business-hours';
import { InboundNumberDirectory, type InboundNumber } from '../phone-numbers/inbound-number.directory';
import type { RejectReason } from './inbound-metrics';
import { KEYWORD_OUTCOMES } from './inbound.tokens';
import type { KeywordOutcomes } from './keyword-outcomes.repository';

/** What routing needs of the bus: publishing events and asking preferences. */
export type Bus = Pick<MessagingClient, 'publish' | 'request'>;
export type NumberDirectory = Pick<InboundNumberDirectory, 'findByNumber'>;

export type RouteOutcome =
  | { accepted: true; channel: Channel; keyword: Keyword | null; offHours: boolean; memberCreated: boolean }
  | { accepted: false; reason: RejectReason; channel?: Channel; disabledMessageSent?: boolean };

const ORIGIN = 'routing';

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
  ) {}

  async execute(message: InboundMessageReceived): Promise<RouteOutcome> {
    const from = tryParseTwilioAddress(message.from);
    const to = tryParseTwilioAddress(message.to);
    if (!from || !to || from.channel !== to.channel || !isE164(from.phone) || !isE164(to.phone)) {
      return { accepted: false, reason: 'invalid_address' };
    }
    const channel = from.channel;
    const found: InboundNumber = await this.directory.findByNumber(to.phone);
    if (!found.found) return { accepted: false, reason: found.reason, channel };
    const { phoneNumber, workspace } = found;

    const closed = channelClosure(channel, workspace, phoneNumber);
    if (closed) {
      // Rejected without storing anything: no member is created, nothing reaches chats.
      const notice = phoneNumber.smsDisabledMessage;
      if (notice) {
        await this.send({
          idempotencyKey: `disabled:${message.messageSid}`,
          workspaceId: workspace.id,
          phoneNumberId: phoneNumber.id,
          to: from.phone,
          channel,
          body: notice,
          kind: 'notice',
          origin: { service: ORIGIN, ref: message.messageSid },
          inReplyTo: { twilioSid: message.messageSid, receivedAt: message.receivedAt },
        });
      }
      return { accepted: false, reason: closed, channel, disabledMessageSent: Boolean(notice) };
    }

    const resolved = await this.bus.request(ResolveMember, {
      workspaceId: workspace.id,
      phone: from.phone,
      channel,
      profileName: message.profileName,
    });
    let member: Member = resolved.member;

    // Opt-in words act only for a member who is opted out; from anyone else they are answers.
    const detected = actingKeyword(detectKeyword(message.body, phoneNumber.keywords), member.optedOut);
    if (detected)
      member = await this.handleKeyword(
        message,
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
        await this.send({
          idempotencyKey: `offhours:${message.messageSid}`,
          workspaceId: workspace.id,
          phoneNumberId: phoneNumber.id,
          memberId: member.id,
          channel,
          body: phoneNumber.offHoursMessage,
          kind: 'reply',
          origin: { service: ORIGIN, ref: message.messageSid },
          inReplyTo: { twilioSid: message.messageSid, receivedAt: message.receivedAt },
        });
      }
    }

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
      });
      member = result.member;
      const lastAckAt = result.changed ? null : await this.outcomes.lastAck(phoneNumber.id, phone, keyword);
      const owed = confirmsKeyword(keyword, { changed: result.changed, lastAckAt, now: receivedAt });
      confirm = await this.outcomes.decide(workspace.id, message.messageSid, owed);
    }
    if (confirm) {
      await this.send({
        idempotencyKey: `keyword:${message.messageSid}`,
        workspaceId: workspace.id,
        phoneNumberId: phoneNumber.id,
        memberId: member.id,
        channel,
        body: keywordReply(keyword, phoneNumber.keywordReplies, phoneNumber.brandName ?? workspace.name),
        kind: 'compliance',
        origin: { service: ORIGIN, ref: message.messageSid },
        inReplyTo: { twilioSid: message.messageSid, receivedAt: message.receivedAt },
      });
      if (keyword !== 'help')
        await this.outcomes.recordAck(workspace.id, phoneNumber.id, phone, keyword, receivedAt);
    }
    return member;
  }

  private async send(request: SendRequest): Promise<void> {
    await this.bus.publish(SendRequested, request, { msgId: sendMsgId(request) });
  }
}
