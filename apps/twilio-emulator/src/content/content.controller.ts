import { Body, Controller, Get, HttpCode, Inject, Param, Post, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { TwilioApiError } from '../common/twilio-api.error';
import { type FormFields, formValue, newSid } from '../common/twilio-format';
import { EMULATOR_CONFIG, type EmulatorConfig } from '../config';
import { TwilioBasicAuthGuard } from '../messages/twilio-basic-auth.guard';
import { contentCreateSchema, toContentResource } from './content.model';
import { ContentStore } from './content-store.service';
import { TypingIndicators } from './typing-indicators.service';

const MESSAGE_SID = /^(SM|MM)[0-9a-fA-F]{32}$/;

/**
 * Twilio's Content API (`content.twilio.com/v1/Content`: quick replies, list pickers, text) and the
 * WhatsApp typing indicator (`messaging.twilio.com/v2/Indicators/Typing.json`). The official client
 * reaches both here because every Twilio domain is rebased onto the emulator.
 */
@Controller()
@UseGuards(TwilioBasicAuthGuard)
export class ContentController {
  constructor(
    @Inject(EMULATOR_CONFIG) private readonly config: EmulatorConfig,
    private readonly contents: ContentStore,
    private readonly typing: TypingIndicators,
  ) {}

  @Post('v1/Content')
  @HttpCode(201)
  create(@Body() body: unknown) {
    const parsed = contentCreateSchema.safeParse(body ?? {});
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
      throw new TwilioApiError(400, 20001, `Invalid Content: ${detail}`);
    }
    const content = {
      ...parsed.data,
      sid: newSid('HX'),
      accountSid: this.config.accountSid,
      createdAt: Date.now(),
    };
    this.contents.add(content);
    return toContentResource(content);
  }

  @Get('v1/Content/:sid')
  fetch(@Param('sid') sid: string) {
    const content = this.contents.get(sid);
    if (!content)
      throw new TwilioApiError(404, 20404, `The requested resource /v1/Content/${sid} was not found`);
    return toContentResource(content);
  }

  @Post('v2/Indicators/Typing.json')
  @HttpCode(200)
  typingIndicator(@Body() body: unknown) {
    const form = (body ?? {}) as FormFields;
    const input = z
      .object({ channel: z.literal('whatsapp'), messageId: z.string().regex(MESSAGE_SID) })
      .safeParse({ channel: formValue(form, 'channel'), messageId: formValue(form, 'messageId') });
    if (!input.success)
      throw new TwilioApiError(400, 20001, 'channel must be whatsapp and messageId an inbound message SID');
    this.typing.record({ ...input.data, at: Date.now() });
    return { success: true };
  }
}
