import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppError, type SendRequest, type SendResult } from '@app/contracts';
import { backoffMs, DeferDelivery, sleep } from '@app/messaging';
import type { Refusal } from '@app/rules';
import { maskPhone, toTwilioAddress } from '@app/twilio';
import { OUTBOUND_CONFIG, type OutboundConfig } from '../config';
import { SEND_RATE_LIMITER, type SendRateLimiter } from '../rate-limit/send-rate-limiter';
import { classifyTwilioError, refusalReason, type TwilioCallFailure } from '../twilio/twilio-errors';
import { TWILIO_GATEWAY, type OutgoingMessage, type TwilioGateway } from '../twilio/twilio-gateway';
import { SendChecks, type CheckOutcome } from './send-checks';
import { rateSlotRetakes, rateSlotWait, sendsSettled, twilioCallFailures } from './send-metrics';
import { SendUpdatesPublisher, toResult } from './send-updates.publisher';
import type { SendEntity } from './send.entity';
import { SendsRepository, type Claim, type NewClaim } from './sends.repository';

interface DeliveryState {
  claim: Claim | null;
  /** A Twilio call may have created the message: keep the claim so a retry reconciles first. */
  twilioMayHaveIt: boolean;
  /** Its `pending` status was published (it waits, or waited before a deferral). */
  announced: boolean;
}

/**
 * A turn further away than this is waited for outside the consumer: the send goes back to
 * JetStream (keeping its turn) instead of holding one of the consumer's places meanwhile.
 */
export const DEFER_AFTER_MS = 2_000;

/** A deferred send comes back this long before its turn and waits the rest in place (redelivery is not to the millisecond). */
const DEFER_LEAD_MS = 1_000;

/** How a delivery may wait: outside the handler (deferred to JetStream), or only in place. */
export interface DeliveryOptions {
  mayDefer: boolean;
}

/** A send's booked turn: when it asks to go (local clock). */
interface Turn {
  dueAt: number;
}

/** How far back of a claim to look for a message a lost answer created (clock differences with Twilio). */
const RECONCILE_SLACK_MS = 5_000;

/**
 * Hands a send to Twilio, at most once: stored under its idempotency key, checked again right
 * before the call (after the rate-limit wait, so a STOP that arrived meanwhile stops it), claimed
 * for the call, retried on 429/5xx/no answer, and reconciled with Twilio's message list when an
 * earlier attempt may have created the message without us learning its SID.
 */
@Injectable()
export class DeliverSendUseCase {
  private readonly logger = new Logger('DeliverSend');

  constructor(
    private readonly sends: SendsRepository,
    private readonly checks: SendChecks,
    private readonly updates: SendUpdatesPublisher,
    @Inject(SEND_RATE_LIMITER) private readonly limiter: SendRateLimiter,
    @Inject(TWILIO_GATEWAY) private readonly twilio: TwilioGateway,
    @Inject(OUTBOUND_CONFIG) private readonly config: OutboundConfig,
  ) {}

  async execute(request: SendRequest, options: DeliveryOptions = { mayDefer: false }): Promise<SendResult> {
    // Checks first, then one statement stores the send (claimed for its call when allowed) or
    // reads the stored one: no look-up before. A redelivery runs the checks again, which its
    // delivery would do anyway unless the send already settled (rare: a crash or a lost ack).
    const outcome = await this.checks.run(request);
    const stored = await this.sends.insertOrGet(
      request,
      outcome.ok ? null : outcome.refusal,
      outcome,
      outcome.ok ? { token: randomUUID(), addresses: this.addresses(request, outcome) } : undefined,
    );
    const send = stored.send;
    // Already settled (a duplicate key or a redelivery): answer what we stored, publish it again (deduplicated).
    if (send.twilioSid || send.status !== 'pending') {
      await this.updates.publish(send);
      return toResult(send);
    }
    return this.deliver(request, send, options, outcome, stored.claim);
  }

  private async deliver(
    request: SendRequest,
    send: SendEntity,
    options: DeliveryOptions,
    checked: CheckOutcome,
    stored: Claim | null,
  ): Promise<SendResult> {
    // A send back from waiting for its slot announced itself before it went to wait.
    const state: DeliveryState = {
      claim: stored,
      twilioMayHaveIt: false,
      announced: Boolean(send.rateSlotAt),
    };
    try {
      return await this.attempts(request, send, state, options, checked);
    } catch (error) {
      // Nothing of ours is outstanding at Twilio: free the claim so the retry need not wait for it to go stale.
      if (state.claim && !state.twilioMayHaveIt)
        await this.sends.releaseClaim(send.workspaceId, send.id, state.claim.token).catch(() => undefined);
      // It waits for its slot outside, or for a retry: shown as pending meanwhile.
      await this.announce(send, state).catch(() => undefined);
      throw error;
    }
  }

  /**
   * Publishes `pending` for a send that has to wait (its rate slot, a retry). One that goes to
   * Twilio at once is first published `queued`: one update (and its handling by every consumer)
   * less per message, and the chat shows the message a few milliseconds later.
   */
  private async announce(send: SendEntity, state: DeliveryState): Promise<void> {
    if (state.announced) return;
    state.announced = true;
    await this.updates.publish(send);
  }

  private async attempts(
    request: SendRequest,
    send: SendEntity,
    state: DeliveryState,
    options: DeliveryOptions,
    checked: CheckOutcome,
  ): Promise<SendResult> {
    // The claim taken as the send was stored serves its first call, unless a long wait came between.
    let claim: Claim | null = state.claim;
    let storedClaimHolds = claim !== null;
    let uncertainSeen = false;
    for (let attempt = 1; ; attempt++) {
      // Back from waiting outside the consumer: its turn is under a second away, or past.
      const kept = attempt === 1 ? this.keptTurn(send, options) : null;
      // Checks just run when the send was stored need not run twice.
      const outcome = attempt === 1 ? checked : await this.checks.run(request);
      if (!outcome.ok)
        return this.settle(send, { status: outcome.refusal.status, reason: outcome.refusal.reason });

      const senderKey = `${request.phoneNumberId}:${request.channel}`;
      const mayDefer = attempt === 1 && options.mayDefer;
      // A new send goes at once when its sender is free (null: admitted), else gets a turn; a
      // retried Twilio call asks again as one that holds a turn.
      const turn =
        kept ??
        (attempt === 1
          ? await this.firstAsk(senderKey, outcome.ratePerSecond, mayDefer, send)
          : { dueAt: Date.now() });
      if (turn && turn.dueAt - Date.now() > DEFER_AFTER_MS) {
        await this.announce(send, state);
        const stopped = await this.waitLong(turn.dueAt, request);
        storedClaimHolds = false;
        if (stopped) return this.settle(send, stopped);
      }

      const message = this.outgoing(request, send, outcome.sender.phoneNumber.number, outcome.toPhone);
      const addresses = { toPhone: outcome.toPhone, fromAddress: message.from, toAddress: message.to };
      claim =
        (attempt === 1 && storedClaimHolds ? claim : null) ??
        (await this.sends.claim(
          send.workspaceId,
          send.id,
          claim?.token ?? null,
          this.config.SEND_CLAIM_STALE_MS,
          addresses,
        ));
      if (!claim) return this.claimedElsewhere(send);
      state.claim = claim;

      const mayExist = claim.previous !== null && (claim.previous.token !== claim.token || uncertainSeen);
      if (mayExist) {
        // Since the send was stored: an unanswered attempt may be older than the last claim.
        const found = await this.findCreated(message, send.createdAt);
        if (found) return this.settle(send, { status: 'queued', twilioSid: found });
      }

      // Admitted right before the call, so nothing else makes it late or early.
      if (turn) {
        const stopped = await this.admitAtTurn(senderKey, outcome.ratePerSecond, turn.dueAt, request);
        if (stopped) return this.settle(send, stopped);
      }
      state.twilioMayHaveIt = true;
      const call = await this.callTwilio(message);
      if (call.ok) return this.settle(send, { status: 'queued', twilioSid: call.sid });
      const failure = call.failure;
      twilioCallFailures.inc({ outcome: failure.outcome });
      uncertainSeen ||= failure.outcome === 'uncertain';
      state.twilioMayHaveIt = uncertainSeen;
      if (failure.outcome === 'final') {
        return this.settle(send, {
          status: 'failed',
          reason: refusalReason(failure),
          errorCode: failure.code,
          errorMessage: failure.message,
        });
      }
      if (attempt >= this.config.TWILIO_MAX_ATTEMPTS) {
        if (uncertainSeen) {
          // It may exist after all: one last look before calling it failed.
          const found = await this.findCreated(message, send.createdAt);
          if (found) return this.settle(send, { status: 'queued', twilioSid: found });
        }
        return this.settle(send, {
          status: 'failed',
          reason: `Twilio did not accept the message after ${attempt} attempts (last: ${failure.httpStatus ?? 'no answer'} ${failure.message}); send it again later.`,
          errorCode: failure.code,
          errorMessage: failure.message,
        });
      }
      this.logger.warn(
        `Twilio call for send ${send.id} to ${maskPhone(message.to)} failed (${failure.httpStatus ?? failure.message}); retrying`,
      );
      await this.announce(send, state);
      await sleep(backoffMs(attempt, this.config.TWILIO_RETRY_BASE_MS, 10_000));
    }
  }

  /**
   * A new send's first ask: admitted (null), it goes now. Refused, it has a turn: one more than
   * DEFER_AFTER_MS away, when it may, is kept on the send and the message goes back to JetStream
   * until shortly before it (DeferDelivery), holding none of the consumer's places meanwhile; a
   * nearer one is waited for in place.
   */
  private async firstAsk(
    senderKey: string,
    ratePerSecond: number,
    mayDefer: boolean,
    send: SendEntity,
  ): Promise<Turn | null> {
    const { admitted, waitMs } = await this.limiter.admit(senderKey, ratePerSecond, false);
    rateSlotWait.observe({ channel: send.channel }, waitMs / 1000);
    if (admitted) return null;
    const dueAt = Date.now() + waitMs;
    if (mayDefer && waitMs > DEFER_AFTER_MS) {
      await this.sends.keepSlot(send.workspaceId, send.id, new Date(dueAt));
      throw new DeferDelivery(waitMs - DEFER_LEAD_MS);
    }
    return { dueAt };
  }

  /**
   * Sleeps until the send's turn, then asks to go: it goes when the sender's rate allows, late or
   * not (a send that woke late takes the capacity it left, not a turn at the back). Refused (the
   * rate was used meanwhile, by sends that came late), it gets a turn at the front and waits in
   * place: deferred again, a later send of its conversation could overtake it. It never goes
   * unadmitted. Answers the refusal when the checks stop it during a long wait.
   */
  private async admitAtTurn(
    senderKey: string,
    ratePerSecond: number,
    dueAt: number,
    request: SendRequest,
  ): Promise<Refusal | null> {
    for (;;) {
      await sleep(dueAt - Date.now());
      const { admitted, waitMs } = await this.limiter.admit(senderKey, ratePerSecond, true);
      if (admitted) return null;
      rateSlotRetakes.inc();
      dueAt = Date.now() + waitMs;
      if (waitMs > DEFER_AFTER_MS) {
        const stopped = await this.waitLong(dueAt, request);
        if (stopped) return stopped;
      }
    }
  }

  /**
   * A long wait in place: most of it now, then the checks again, since the member may have sent
   * STOP or the number been switched off meanwhile. Answers the refusal, or null to go on.
   */
  private async waitLong(dueAt: number, request: SendRequest): Promise<Refusal | null> {
    await sleep(dueAt - Date.now() - DEFER_LEAD_MS);
    const again = await this.checks.run(request);
    return again.ok ? null : again.refusal;
  }

  /**
   * The turn this send was booked before it was deferred (null: none). Still far off (an early
   * redelivery), it is deferred again without asking; late, it asks at once and goes if the rate
   * allows.
   */
  private keptTurn(send: SendEntity, options: DeliveryOptions): Turn | null {
    if (!send.rateSlotAt) return null;
    const dueAt = send.rateSlotAt.getTime();
    const waitMs = dueAt - Date.now();
    if (options.mayDefer && waitMs > DEFER_AFTER_MS) throw new DeferDelivery(waitMs - DEFER_LEAD_MS);
    return { dueAt };
  }

  private async callTwilio(
    message: OutgoingMessage,
  ): Promise<{ ok: true; sid: string } | { ok: false; failure: TwilioCallFailure }> {
    try {
      const created = await this.twilio.create(message);
      return { ok: true, sid: created.sid };
    } catch (error) {
      return { ok: false, failure: classifyTwilioError(error) };
    }
  }

  /** The addresses of the call, as the checks found the sender and recipient. */
  private addresses(request: SendRequest, outcome: CheckOutcome & { ok: true }): NewClaim['addresses'] {
    return {
      toPhone: outcome.toPhone,
      fromAddress: toTwilioAddress(request.channel, outcome.sender.phoneNumber.number),
      toAddress: toTwilioAddress(request.channel, outcome.toPhone),
    };
  }

  private outgoing(request: SendRequest, send: SendEntity, from: string, to: string): OutgoingMessage {
    const base = this.config.PUBLIC_BASE_URL.replace(/\/+$/, '');
    return {
      from: toTwilioAddress(request.channel, from),
      to: toTwilioAddress(request.channel, to),
      body: request.body,
      mediaUrls: request.mediaUrls,
      interactive: request.interactive,
      contentSid: request.contentSid,
      contentVariables: request.contentVariables,
      statusCallback: `${base}/twilio/status?sendId=${send.id}`,
    };
  }

  /** A message to this recipient from this sender created since the claim, with our content, that no send owns yet. */
  private async findCreated(message: OutgoingMessage, since: Date): Promise<string | null> {
    const from = new Date(since.getTime() - RECONCILE_SLACK_MS);
    const candidates = (await this.twilio.listSince(message.from, message.to, from)).filter(
      (m) =>
        m.dateCreated.getTime() >= from.getTime() &&
        (message.contentSid !== undefined || m.body === message.body),
    );
    const owned = await this.sends.knownSids(candidates.map((c) => c.sid));
    const match = candidates.find((c) => !owned.has(c.sid));
    if (match)
      this.logger.log(
        `Adopted Twilio message ${match.sid} created by an earlier attempt instead of sending again`,
      );
    return match?.sid ?? null;
  }

  private async settle(
    send: SendEntity,
    change: Parameters<SendsRepository['transition']>[2],
  ): Promise<SendResult> {
    const updated =
      (await this.sends.transition(send.workspaceId, send.id, change)) ??
      (await this.sends.findById(send.workspaceId, send.id));
    if (!updated) throw new Error(`Send ${send.id} disappeared`);
    sendsSettled.inc({ channel: updated.channel, status: updated.status });
    await this.updates.publish(updated);
    return toResult(updated);
  }

  /** Another worker holds a fresh claim (a duplicate delivery): try again once it has finished or gone stale. */
  private async claimedElsewhere(send: SendEntity): Promise<SendResult> {
    const current = await this.sends.findById(send.workspaceId, send.id);
    if (current && (current.twilioSid || current.status !== 'pending')) {
      await this.updates.publish(current);
      return toResult(current);
    }
    throw new AppError(
      'unavailable',
      'Another worker is handing this send to Twilio; it will be checked again shortly.',
    );
  }
}
