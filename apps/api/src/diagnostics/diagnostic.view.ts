import { z } from 'zod';
import { Channel, DiagnosticKind, DiagnosticLinks, Id, Timestamp } from '@app/contracts';

/** One record of the diagnostics feed, as GET /v1/diagnostics answers it. */
export const Diagnostic = z
  .object({
    id: Id,
    kind: DiagnosticKind.meta({
      description:
        'inbound_rejected (routing dropped the message), media_refused (a file not kept), turn_skipped (the workflow did not answer), send_skipped / send_failed (outbound refused a send before Twilio), delivery_failed (Twilio could not deliver).',
    }),
    code: z.string().meta({ description: 'A stable code for the reason.', example: 'whatsapp_disabled' }),
    reason: z.string().meta({ description: 'Why, in words an operator can act on.' }),
    channel: Channel.nullable(),
    address: z
      .string()
      .nullable()
      .meta({ description: "The member's address, masked.", example: '+1555***0001' }),
    links: DiagnosticLinks.required(),
    occurredAt: Timestamp,
  })
  .meta({
    example: {
      id: '5c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
      kind: 'inbound_rejected',
      code: 'whatsapp_disabled',
      reason:
        'WhatsApp message dropped: WhatsApp is turned off on this phone number (open the number, turn on WhatsApp, Save).',
      channel: 'whatsapp',
      address: '+1555***0001',
      links: {
        phoneNumberId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        memberId: null,
        chatId: null,
        messageSid: 'SM0123456789abcdef0123456789abcdef',
        sendId: null,
        ruleRunId: null,
        routineRunId: null,
      },
      occurredAt: '2026-11-30T09:15:00.000Z',
    },
  });
export type Diagnostic = z.infer<typeof Diagnostic>;
