import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { AppError, type SendRequest, type SendResult } from '@app/contracts';
import { backoffMs, DeferDelivery, sleep } from '@app/messaging';
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

/** A send late for its slot books a new one at most this many times, then goes. */
const MAX_SLOT_RETAKES = 5;

/**
 * A slot further away than this is waited for outside the consumer: the send goes back to
 * JetStream (keeping its slot) instead of holding one of the consumer's places meanwhile.
 */
export const DEFER_AFTER_MS = 2_000;

/** A deferred send comes back this long before its slot and waits the rest in place (redelivery is not to the millisecond). */
const DEFER_LEAD_MS = 1_000;

/** How a delivery may wait: outside the handler (deferred to JetStream), or only in place. */
export interface DeliveryOptions {
  mayDefer: boolean;
}

interface Slot {
  /** When the send may go (local clock). */
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
      // Back from waiting outside the consumer: its slot is under a second away.
      const kept = attempt === 1 ? this.keptSlot(send, options) : null;
      // Checks just run when the send was stored need not run twice.
      const outcome = attempt === 1 ? checked : await this.checks.run(request);
      if (!outcome.ok)
        return this.settle(send, { status: outcome.refusal.status, reason: outcome.refusal.reason });

      const senderKey = `${request.phoneNumberId}:${request.channel}`;
      const mayDefer = attempt === 1 && options.mayDefer;
      let slot = kept ?? (await this.reserveSlot(senderKey, outcome.ratePerSecond, mayDefer, send));
      if (slot.dueAt - Date.now() > DEFER_AFTER_MS) {
        await this.announce(send, state);
        // A long wait in place (it may not go back to JetStream): most of it now, then the checks
        // again, since the member may have sent STOP, the number been switched off.
        await sleep(slot.dueAt - Date.now() - DEFER_LEAD_MS);
        storedClaimHolds = false;
        const again = await this.checks.run(request);
        if (!again.ok)
          return this.settle(send, { status: again.refusal.status, reason: again.refusal.reason });
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

      // The last stretch of the wait right before the call, so nothing else makes it late.
      await sleep(slot.dueAt - Date.now());
      // Too late for the slot (a busy process): a later message may already be on time, so take a new one.
      for (
        let retake = 0;
        retake < MAX_SLOT_RETAKES && Date.now() - slot.dueAt > this.lateToleranceMs();
        retake++
      ) {
        rateSlotRetakes.inc();
        slot = await this.reserveSlot(senderKey, outcome.ratePerSecond, mayDefer, send);
        await sleep(slot.dueAt - Date.now());
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
   * Books the sender's next slot. A slot more than DEFER_AFTER_MS away, when it may, is kept on
   * the send and the message goes back to JetStream until shortly before it (DeferDelivery),
   * holding none of the consumer's places meanwhile; a nearer one is waited for in place.
   */
  private async reserveSlot(
    senderKey: string,
    ratePerSecond: number,
    mayDefer: boolean,
    send: SendEntity,
  ): Promise<Slot> {
    const { waitMs } = await this.limiter.reserve(senderKey, ratePerSecond);
    const dueAt = Date.now() + waitMs;
    rateSlotWait.observe({ channel: send.channel }, waitMs / 1000);
    if (mayDefer && waitMs > DEFER_AFTER_MS) {
      await this.sends.keepSlot(send.workspaceId, send.id, new Date(dueAt));
      throw new DeferDelivery(waitMs - DEFER_LEAD_MS);
    }
    return { dueAt };
  }

  /**
   * The slot this send booked before it was deferred: null when it has none, or is too late for
   * it (then it books another, as a send that woke late does). Still far off (an early
   * redelivery), it is deferred again without booking.
   */
  private keptSlot(send: SendEntity, options: DeliveryOptions): Slot | null {
    if (!send.rateSlotAt) return null;
    const dueAt = send.rateSlotAt.getTime();
    const waitMs = dueAt - Date.now();
    if (-waitMs > this.lateToleranceMs()) {
      rateSlotRetakes.inc();
      return null;
    }
    if (options.mayDefer && waitMs > DEFER_AFTER_MS) throw new DeferDelivery(waitMs - DEFER_LEAD_MS);
    return { dueAt };
  }

  /**
   * How late a send may leave its slot and still keep the sender under its rate: the headroom
   * between slots adds up to this much over rate+1 slots. Half of it is left for the network.
   */
  private lateToleranceMs(): number {
    return (1000 * this.config.SEND_RATE_HEADROOM) / 2;
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
