import { Inject, Injectable } from '@nestjs/common';
import {
  AppError,
  CheckSend,
  GetSender,
  type Channel,
  type PhoneNumber,
  type SendRequest,
  type WorkspaceSummary,
} from '@app/contracts';
import { MessagingClient, sleep } from '@app/messaging';
import { checkSender, fail, isWindowOpen, needsWindow, SEND_REASONS, skip, type Refusal } from '@app/rules';
import { OUTBOUND_CONFIG, type OutboundConfig } from '../config';
import { WindowsRepository } from '../windows/windows.repository';
import { senderRate } from './sender-rate';

export interface Sender {
  workspace: WorkspaceSummary;
  phoneNumber: PhoneNumber;
}

export type CheckOutcome =
  | { ok: false; refusal: Refusal; toPhone: string | null }
  | { ok: true; sender: Sender; toPhone: string; ratePerSecond: number };

/**
 * The checks before a send, in the order operators read them: workspace feature, the number
 * (channel on, not archived), the member (preferences applies opt-in and opt-out), then the
 * 24-hour window. A neighbour that is down throws `unavailable` (the caller retries).
 */
@Injectable()
export class SendChecks {
  constructor(
    private readonly messaging: MessagingClient,
    private readonly windows: WindowsRepository,
    @Inject(OUTBOUND_CONFIG) private readonly config: OutboundConfig,
  ) {}

  async run(request: SendRequest): Promise<CheckOutcome> {
    const sender = await this.sender(request);
    if ('refusal' in sender) return { ok: false, refusal: sender.refusal, toPhone: null };
    const senderRefusal = checkSender(request.channel, sender, request.kind);
    if (senderRefusal) return { ok: false, refusal: senderRefusal, toPhone: null };

    const recipient = await this.recipient(request);
    if ('refusal' in recipient) return { ok: false, refusal: recipient.refusal, toPhone: null };

    if (needsWindow(request) && !(await this.windowOpen(request, recipient.phone))) {
      return { ok: false, refusal: skip(SEND_REASONS.outsideWindow), toPhone: recipient.phone };
    }
    const ratePerSecond = senderRate(sender.phoneNumber, request.channel, this.defaultRates());
    return { ok: true, sender, toPhone: recipient.phone, ratePerSecond };
  }

  private defaultRates(): Record<Channel, number> {
    return { sms: this.config.SMS_SEND_RATE_PER_SECOND, whatsapp: this.config.WHATSAPP_SEND_RATE_PER_SECOND };
  }

  private async sender(request: SendRequest): Promise<Sender | { refusal: Refusal }> {
    try {
      return await this.messaging.request(GetSender, {
        workspaceId: request.workspaceId,
        phoneNumberId: request.phoneNumberId,
      });
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found')
        return { refusal: fail(SEND_REASONS.numberNotFound) };
      throw error;
    }
  }

  /** The member's phone after preferences allowed the send; a bare address skips the member checks. */
  private async recipient(request: SendRequest): Promise<{ phone: string } | { refusal: Refusal }> {
    if (!request.memberId) {
      if (!request.to) return { refusal: fail(SEND_REASONS.noRecipient) };
      return { phone: request.to };
    }
    let check;
    try {
      check = await this.messaging.request(CheckSend, {
        workspaceId: request.workspaceId,
        memberId: request.memberId,
        channel: request.channel,
        kind: request.kind,
      });
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found')
        return { refusal: fail(SEND_REASONS.memberNotFound) };
      throw error;
    }
    if (!check.allowed) return { refusal: { status: check.outcome, reason: check.reason } };
    const phone = check.member.phone ?? request.to;
    return phone ? { phone } : { refusal: fail(SEND_REASONS.memberHasNoPhone) };
  }

  /**
   * A reply or compliance message answers a message the member just sent, which our window
   * projection may not have seen yet (it is another consumer): give it a moment before refusing.
   */
  private async windowOpen(request: SendRequest, phone: string): Promise<boolean> {
    const deadline = Date.now() + (request.kind === 'system' ? 0 : this.config.WINDOW_GRACE_MS);
    for (;;) {
      const projected = await this.windows.lastInbound(
        request.workspaceId,
        request.phoneNumberId,
        request.channel,
        { memberId: request.memberId, phone },
      );
      // A reply names the message it answers: that message opened (or renewed) the window.
      const answered =
        request.kind !== 'system' && request.inReplyTo ? new Date(request.inReplyTo.receivedAt) : null;
      const last = answered && (!projected || answered > projected) ? answered : projected;
      if (isWindowOpen(last, new Date())) return true;
      if (Date.now() >= deadline) return false;
      await sleep(100);
    }
  }
}
