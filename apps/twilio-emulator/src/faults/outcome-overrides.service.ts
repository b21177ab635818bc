import { Injectable } from '@nestjs/common';
import { describeTwilioError, stripChannelPrefix, TWILIO_ERRORS } from '@app/twilio';
import type { MessageOutcome } from '../messages/message.model';

export interface OutcomeSpec {
  to: string;
  status: 'failed' | 'undelivered';
  errorCode: number;
  errorMessage?: string;
}

/** Forced outcomes for the next messages to a recipient (any channel), used one per message. */
@Injectable()
export class OutcomeOverrides {
  private readonly byPhone = new Map<string, MessageOutcome[]>();

  add(spec: OutcomeSpec): MessageOutcome {
    const outcome: MessageOutcome = {
      status: spec.status,
      errorCode: spec.errorCode,
      errorMessage:
        spec.errorMessage ?? TWILIO_ERRORS.get(spec.errorCode)?.title ?? describeTwilioError(spec.errorCode),
    };
    const phone = stripChannelPrefix(spec.to);
    const queue = this.byPhone.get(phone);
    if (queue) queue.push(outcome);
    else this.byPhone.set(phone, [outcome]);
    return outcome;
  }

  take(toPhone: string): MessageOutcome | undefined {
    const queue = this.byPhone.get(toPhone);
    if (!queue) return undefined;
    const outcome = queue.shift();
    if (queue.length === 0) this.byPhone.delete(toPhone);
    return outcome;
  }

  reset(): void {
    this.byPhone.clear();
  }
}
