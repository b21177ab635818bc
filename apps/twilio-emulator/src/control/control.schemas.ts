import { stripChannelPrefix } from '@app/twilio';
import { isE164 } from '@app/rules';
import { z } from 'zod';

const phone = z
  .string()
  .trim()
  .refine(
    (value) => isE164(stripChannelPrefix(value)),
    'expected an E.164 phone number (optionally whatsapp:-prefixed)',
  )
  .transform(stripChannelPrefix);

/** Epoch ms, or an ISO 8601 date-time string. */
const instant = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .refine((value) => !Number.isNaN(Date.parse(value)), 'expected epoch ms or an ISO 8601 date-time')
    .transform((value) => Date.parse(value)),
]);

export const windowSchema = z.object({ number: phone, phone, lastInboundAt: instant });

export const numberSchema = z.object({ number: phone, friendlyName: z.string().trim().min(1).optional() });

export const sandboxSchema = z.object({ number: phone, joinCode: z.string().trim().min(1) });

export const faultSchema = z.object({
  status: z.number().int().min(400).max(599),
  code: z.number().int().positive().optional(),
  message: z.string().min(1).optional(),
  times: z.number().int().min(1).default(1),
  to: phone.optional(),
});

export const outcomeSchema = z.object({
  to: phone,
  status: z.enum(['failed', 'undelivered']),
  errorCode: z.number().int().positive(),
  errorMessage: z.string().min(1).optional(),
});

export const messagesQuerySchema = z.object({
  to: z.string().trim().min(1).optional(),
  from: z.string().trim().min(1).optional(),
  channel: z.enum(['sms', 'whatsapp']).optional(),
  status: z.string().trim().min(1).optional(),
});

export const rateQuerySchema = z.object({ from: z.string().trim().min(1) });
