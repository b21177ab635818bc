import { Inject, Injectable } from '@nestjs/common';
import {
  AppError,
  CheckSend,
  CheckSendToAddress,
  GetSandboxMembership,
  GetSender,
  type PhoneNumber,
  type SendRequest,
  type WorkspaceSummary,
} from '@app/contracts';
import { defaultSendRates } from '@app/config';
import { MessagingClient, sleep } from '@app/messaging';
import {
  checkSender,
  senderRate,
  fail,
  isWindowOpen,
  needsSandboxJoin,
  needsWindow,
  SEND_REASONS,
  skip,
  type Refusal,
} from '@app/rules';
import { OUTBOUND_CONFIG, type OutboundConfig } from '../config';
import { WindowsRepository } from '../windows/windows.repository';

export interface Sender {
  workspace: WorkspaceSummary;
  phoneNumber: PhoneNumber;
  /** The operator's daily send quota of the workspace (null: none), applied when the send is stored. */
  dailySendQuota: number | null;
}

/** What a send names that this workspace does not have: a request-reply caller gets not_found. */
export type Unknown = 'Phone number' | 'Member';

/** Who a send reaches: the phone, and its member (named by the send, or found by the phone). */
interface Recipient {
  phone: string;
  memberId: string | null;
}
type RecipientRefusal = { refusal: Refusal; memberId: string | null; unknown?: Unknown };

export type CheckOutcome =
  | { ok: false; refusal: Refusal; toPhone: string | null; memberId: string | null; unknown?: Unknown }
  | {
      ok: true;
      sender: Sender;
      toPhone: string;
      memberId: string | null;
      ratePerSecond: number;
      dailySendQuota: number | null;
    };

/**
 * The checks before a send, in the order operators read them: workspace feature, the number
 * (channel on, not archived), the recipient (preferences applies opt-in and opt-out, for a member
 * or for a bare phone), a sandbox number's join, then the 24-hour window. A neighbour that is down throws `unavailable`
 * (the caller retries).
 */
@Injectable()
export class SendChecks {
  /** GetSender requests on their way, by workspace and number. */
  private readonly sendersAsked = new Map<string, Promise<Sender | { refusal: Refusal }>>();

  constructor(
    private readonly messaging: MessagingClient,
    private readonly windows: WindowsRepository,
    @Inject(OUTBOUND_CONFIG) private readonly config: OutboundConfig,
  ) {}

  async run(request: SendRequest): Promise<CheckOutcome> {
    const named = request.memberId ?? null;
    const sender = await this.sender(request);
    if ('refusal' in sender)
      return { ok: false, refusal: sender.refusal, toPhone: null, memberId: named, unknown: 'Phone number' };
    const senderRefusal = checkSender(request.channel, sender, request.kind);
    if (senderRefusal) return { ok: false, refusal: senderRefusal, toPhone: null, memberId: named };

    const recipient = await this.recipient(request);
    if ('refusal' in recipient) return { ok: false, toPhone: null, ...recipient };
    const { phone, memberId } = recipient;

    // Said before the send, where Twilio would only fail it afterwards (63015).
    if (needsSandboxJoin(request.channel, sender.phoneNumber)) {
      const membership = await this.messaging.request(GetSandboxMembership, {
        workspaceId: request.workspaceId,
        phoneNumberId: request.phoneNumberId,
        address: phone,
      });
      if (!membership.joined)
        return { ok: false, refusal: skip(SEND_REASONS.sandboxNotJoined), toPhone: phone, memberId };
    }

    if (needsWindow(request) && !(await this.windowOpen(request, recipient))) {
      return { ok: false, refusal: skip(SEND_REASONS.outsideWindow), toPhone: phone, memberId };
    }
    const ratePerSecond = senderRate(sender.phoneNumber, request.channel, defaultSendRates(this.config));
    return {
      ok: true,
      sender,
      toPhone: phone,
      memberId,
      ratePerSecond,
      dailySendQuota: sender.dailySendQuota,
    };
  }

  /**
   * A send joins the GetSender already on its way for its number (a broadcast's sends arrive
   * together): one request for them all. The answer is no older than one asked for this send
   * alone would be (routing reads it after the send began, or the reply was already on its way).
   */
  private sender(request: SendRequest): Promise<Sender | { refusal: Refusal }> {
    const key = `${request.workspaceId}:${request.phoneNumberId}`;
    let asked = this.sendersAsked.get(key);
    if (!asked) {
      asked = this.askSender(request).finally(() => this.sendersAsked.delete(key));
      this.sendersAsked.set(key, asked);
    }
    return asked;
  }

  private async askSender(request: SendRequest): Promise<Sender | { refusal: Refusal }> {
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

  /** The recipient once preferences allowed the send: a member by id, else whoever has the phone. */
  private recipient(request: SendRequest): Promise<Recipient | RecipientRefusal> {
    if (request.memberId) return this.member(request, request.memberId);
    if (request.to) return this.address(request, request.to);
    return Promise.resolve({ refusal: fail(SEND_REASONS.noRecipient), memberId: null });
  }

  private async member(request: SendRequest, memberId: string): Promise<Recipient | RecipientRefusal> {
    let check;
    try {
      check = await this.messaging.request(CheckSend, {
        workspaceId: request.workspaceId,
        memberId,
        channel: request.channel,
        kind: request.kind,
      });
    } catch (error) {
      if (error instanceof AppError && error.code === 'not_found')
        return { refusal: fail(SEND_REASONS.memberNotFound), memberId, unknown: 'Member' };
      throw error;
    }
    if (!check.allowed)
      return {
        refusal: { status: check.outcome, reason: check.reason },
        memberId,
        // Preferences answers a decision, not an error, for a member it does not have.
        ...(check.member ? {} : { unknown: 'Member' as const }),
      };
    const phone = check.member.phone ?? request.to;
    return phone ? { phone, memberId } : { refusal: fail(SEND_REASONS.memberHasNoPhone), memberId };
  }

  /** A send by phone: the member who has it is checked like any member; a phone without one only for its STOP. */
  private async address(request: SendRequest, phone: string): Promise<Recipient | RecipientRefusal> {
    const check = await this.messaging.request(CheckSendToAddress, {
      workspaceId: request.workspaceId,
      phone,
      channel: request.channel,
      kind: request.kind,
    });
    const memberId = check.member?.id ?? null;
    if (!check.allowed) return { refusal: { status: check.outcome, reason: check.reason }, memberId };
    return { phone, memberId };
  }

  /**
   * A reply or compliance message answers a message the member just sent, which our window
   * projection may not have seen yet (it is another consumer): give it a moment before refusing.
   */
  private async windowOpen(request: SendRequest, { phone, memberId }: Recipient): Promise<boolean> {
    // A reply names the message it answers: that message opened (or renewed) the window. When
    // it alone shows the window open, the projection (newer or not) cannot close it: not read.
    const answered =
      request.kind !== 'system' && request.inReplyTo ? new Date(request.inReplyTo.receivedAt) : null;
    if (isWindowOpen(answered, new Date())) return true;
    const deadline = Date.now() + (request.kind === 'system' ? 0 : this.config.WINDOW_GRACE_MS);
    for (;;) {
      const projected = await this.windows.lastInbound(
        request.workspaceId,
        request.phoneNumberId,
        request.channel,
        { memberId: memberId ?? undefined, phone },
      );
      const last = answered && (!projected || answered > projected) ? answered : projected;
      if (isWindowOpen(last, new Date())) return true;
      if (Date.now() >= deadline) return false;
      await sleep(100);
    }
  }
}
