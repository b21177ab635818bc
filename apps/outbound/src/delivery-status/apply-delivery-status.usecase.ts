import { Injectable, Logger } from '@nestjs/common';
import { Id, type DeliveryStatusReceived, type SendStatus } from '@app/contracts';
import { describeTwilioError } from '@app/twilio';
import { SendUpdatesPublisher } from '../sends/send-updates.publisher';
import { fromTwilioStatus } from '../sends/send-status';
import { SendsRepository } from '../sends/sends.repository';

export type StatusOutcome = 'updated' | 'unchanged' | 'unknown_send' | 'ignored';

/**
 * Records a Twilio status callback on its send. Statuses only move forward, so late or
 * out-of-order callbacks (a `sent` after `delivered`) leave the message where it is.
 */
@Injectable()
export class ApplyDeliveryStatusUseCase {
  private readonly logger = new Logger('DeliveryStatus');

  constructor(
    private readonly sends: SendsRepository,
    private readonly updates: SendUpdatesPublisher,
  ) {}

  /**
   * `handledBefore`: this callback was handled before (redelivered, or retried in place), so an
   * earlier attempt may have moved the send and stopped before publishing.
   */
  async execute(callback: DeliveryStatusReceived, { handledBefore = false } = {}): Promise<StatusOutcome> {
    const next = fromTwilioStatus(callback.status);
    if (!next) return 'ignored';
    const sendId = callback.sendId && Id.safeParse(callback.sendId).success ? callback.sendId : null;
    const ref = { sendId, twilioSid: callback.messageSid };
    // Twilio's `queued` right after ours (published when the call answered), a late `sent`: no statement.
    if (sendId && this.updates.alreadyPast(sendId, callback.messageSid, next)) return 'unchanged';
    const failed = next === 'failed' || next === 'undelivered';
    // One statement: the send moves forward, or is answered as it stands to tell why not.
    const applied = await this.sends.applyCallback(ref, {
      status: next,
      twilioSid: callback.messageSid,
      ...(failed
        ? {
            reason: failureReason(next, callback.errorCode),
            errorCode: callback.errorCode,
            errorMessage: callback.errorMessage,
          }
        : {}),
    });
    if (!applied) {
      // A message someone sent outside this system, or a callback URL from another installation.
      this.logger.debug(`Status callback for an unknown send (${callback.messageSid})`);
      return 'unknown_send';
    }
    const { moved, send } = applied;
    if (moved) {
      await this.updates.publish(send);
      return 'updated';
    }
    if (send.twilioSid && send.twilioSid !== callback.messageSid) {
      this.logger.warn(
        `Status callback for send ${send.id} names Twilio message ${callback.messageSid}, not ${send.twilioSid}; ignored`,
      );
      return 'ignored';
    }
    // Already there. Whoever moved it published it, or will on its own redelivery (the send's
    // `queued` after the Twilio call, Twilio's own `queued` callback arriving next, is the usual
    // case): only a callback handled before publishes again, in case it was the one that moved the
    // send and stopped before publishing. The msgId deduplicates.
    if (handledBefore && send.status === next) await this.updates.publish(send);
    return 'unchanged';
  }
}

function failureReason(status: SendStatus, errorCode: string | null): string {
  if (errorCode) return describeTwilioError(errorCode);
  return status === 'undelivered'
    ? 'The carrier could not deliver the message (Twilio gave no error code).'
    : 'Twilio could not send the message (no error code given).';
}
