import { Injectable, Logger } from '@nestjs/common';
import {
  AppError,
  isAppError,
  SendRequested,
  sendMsgId,
  type SendRequest,
  type SendResult,
} from '@app/contracts';
import { MessagingClient } from '@app/messaging';
import { SendChecks, type CheckOutcome } from './send-checks';
import { SendUpdatesPublisher, toResult } from './send-updates.publisher';
import type { SendEntity } from './send.entity';
import { SendsRepository } from './sends.repository';

/**
 * The request-reply form of a send: stores it, runs the checks now so the caller learns at once
 * whether it was skipped or failed, and queues an allowed send on JetStream, where
 * DeliverSendUseCase hands it to Twilio at the sender's rate and in conversation order.
 */
@Injectable()
export class AcceptSendUseCase {
  private readonly logger = new Logger('AcceptSend');

  constructor(
    private readonly sends: SendsRepository,
    private readonly checks: SendChecks,
    private readonly updates: SendUpdatesPublisher,
    private readonly messaging: MessagingClient,
  ) {}

  async execute(request: SendRequest): Promise<SendResult> {
    const existing = await this.sends.findByKey(request.workspaceId, request.idempotencyKey);
    if (existing) return this.settle(request, existing);

    let outcome: CheckOutcome | null = null;
    try {
      outcome = await this.checks.run(request);
    } catch (error) {
      // A neighbour is down: accept the send anyway; delivery re-runs every check before Twilio.
      if (!isAppError(error) || error.code !== 'unavailable') throw error;
      this.logger.warn(`Checks deferred for a send: ${error.message}`);
    }
    // A number or member this workspace does not have is the caller's mistake: answered, not stored.
    if (outcome && !outcome.ok && outcome.unknown) throw AppError.notFound(outcome.unknown);
    const refusal = outcome && !outcome.ok ? outcome.refusal : null;
    const { send, created } = await this.sends.insertOrGet(request, refusal, {
      toPhone: outcome?.toPhone ?? null,
      memberId: outcome?.memberId ?? null,
      dailySendQuota: outcome?.ok ? outcome.dailySendQuota : null,
    });
    if (!created) return this.settle(request, send);
    await this.updates.publish(send);
    if (send.status === 'pending') await this.enqueue(request);
    return toResult(send);
  }

  /** A send already stored (a retry, or a concurrent duplicate): answer it, re-queue it if it never left. */
  private async settle(request: SendRequest, send: SendEntity): Promise<SendResult> {
    await this.updates.publish(send);
    if (send.status === 'pending' && !send.twilioSid) await this.enqueue(request);
    return toResult(send);
  }

  private async enqueue(request: SendRequest): Promise<void> {
    await this.messaging.publish(SendRequested, request, { msgId: sendMsgId(request) });
  }
}
