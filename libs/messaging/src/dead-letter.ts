import type { DeadLetter } from '@app/contracts';

/** What a consumer publishes on `dlq.<service>.<subject>` for a message it gives up on. */
export function deadLetterEnvelope(input: {
  service: string;
  consumer: string;
  subject: string;
  deliveredOn?: string;
  msgId: string | null | undefined;
  streamSequence: number;
  deliveries: number;
  error: string;
  payload: unknown;
  at?: Date;
}): DeadLetter {
  return {
    service: input.service,
    consumer: input.consumer,
    subject: input.subject,
    ...(input.deliveredOn && input.deliveredOn !== input.subject && { deliveredOn: input.deliveredOn }),
    // A header that is missing or empty: no publisher id to trace back to.
    msgId: input.msgId || null,
    streamSequence: input.streamSequence,
    deliveries: input.deliveries,
    error: input.error,
    payload: input.payload,
    failedAt: (input.at ?? new Date()).toISOString(),
  };
}

/** One dead letter per (consumer, stream message), however often the message is given up on. */
export const deadLetterMsgId = (consumer: string, streamSequence: number) =>
  `dlq:${consumer}:${streamSequence}`;
