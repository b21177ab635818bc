import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { stripChannelPrefix, tryParseTwilioAddress } from '@app/twilio';
import { isE164 } from '@app/rules';
import { z } from 'zod';
import { parseJsonBody } from '../common/parse-json-body';
import { InboundService } from './inbound.service';

const phone = z
  .string()
  .trim()
  .refine(
    (value) => tryParseTwilioAddress(value) !== null && isE164(stripChannelPrefix(value)),
    'expected an E.164 phone number',
  );

const inboundSchema = z.object({
  from: phone,
  to: phone,
  body: z.string().default(''),
  channel: z.enum(['sms', 'whatsapp']).optional(),
  messageSid: z
    .string()
    .regex(/^[A-Z]{2}[0-9a-fA-F]{32}$/, 'expected a Twilio SID such as SM + 32 hex')
    .optional(),
  media: z.array(z.object({ url: z.url(), contentType: z.string().min(3) })).default([]),
  webhookUrl: z.url({ protocol: /^https?$/ }).optional(),
  profileName: z.string().optional(),
});

/** `POST /emulator/inbound`: a phone sends an SMS or WhatsApp message to one of the numbers. */
@Controller('emulator/inbound')
export class InboundController {
  constructor(private readonly inbound: InboundService) {}

  @Post()
  @HttpCode(200)
  async send(@Body() body: unknown) {
    const input = parseJsonBody(inboundSchema, body);
    const channel =
      input.channel ?? (tryParseTwilioAddress(input.from)?.channel === 'whatsapp' ? 'whatsapp' : 'sms');
    const result = await this.inbound.deliver({
      channel,
      fromPhone: stripChannelPrefix(input.from),
      toPhone: stripChannelPrefix(input.to),
      body: input.body,
      media: input.media,
      profileName: input.profileName,
      messageSid: input.messageSid,
      webhookUrl: input.webhookUrl,
    });
    return {
      messageSid: result.messageSid,
      status: result.status,
      body: result.body,
      contentType: result.contentType,
      params: result.params,
    };
  }
}
