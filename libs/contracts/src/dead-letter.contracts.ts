import { z } from 'zod';
import { Timestamp } from './common';

/** What the messaging layer publishes on `dlq.<service>.<original subject>`. */
export const DeadLetter = z.object({
  service: z.string(),
  consumer: z.string(),
  subject: z.string(),
  /** The subject it was delivered on (`<subject>.<partition>` for a partitioned event), where a replay goes. */
  deliveredOn: z.string().optional(),
  msgId: z.string().nullable(),
  streamSequence: z.number(),
  deliveries: z.number(),
  error: z.string(),
  /** The payload as received (a string when it was not JSON). */
  payload: z.unknown(),
  failedAt: Timestamp,
});
export type DeadLetter = z.infer<typeof DeadLetter>;
export const deadLetterSubject = (service: string, subject: string) => `dlq.${service}.${subject}`;
