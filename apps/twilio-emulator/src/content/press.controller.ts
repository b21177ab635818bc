import { Body, Controller, Get, HttpCode, NotFoundException, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { parseJsonBody } from '../common/parse-json-body';
import { InboundService } from '../inbound/inbound.service';
import { MessageStore } from '../messages/message-store.service';
import { contentChoices } from './content.model';
import { TypingIndicators } from './typing-indicators.service';

const pressSchema = z.object({
  /** The outbound message (quick reply or list picker) whose button the member presses. */
  messageSid: z.string().min(1),
  /** The button's or item's id (its payload); or `title`, as the member sees it. */
  id: z.string().min(1).optional(),
  title: z.string().min(1).optional(),
  webhookUrl: z.url({ protocol: /^https?$/ }).optional(),
});

/** Test control: the member presses a button (or picks a list item) of a message the business sent. */
@Controller('emulator')
export class PressController {
  constructor(
    private readonly messages: MessageStore,
    private readonly inbound: InboundService,
    private readonly typing: TypingIndicators,
  ) {}

  @Post('press')
  @HttpCode(200)
  async press(@Body() body: unknown) {
    const input = parseJsonBody(pressSchema, body);
    const message = this.messages.get(input.messageSid);
    if (!message) throw new NotFoundException(`No message ${input.messageSid}`);
    const choices = message.content ? contentChoices(message.content) : [];
    const choice = choices.find((c) => c.id === input.id || c.title === input.title);
    if (!choice || !message.fromPhone)
      throw new NotFoundException(
        `Message ${message.sid} has no button ${input.id ?? input.title} (it offers: ${choices.map((c) => c.id).join(', ') || 'none'})`,
      );
    // The press is the member's message: from the phone the buttons went to, to the number that sent them.
    const result = await this.inbound.deliver({
      channel: message.channel,
      fromPhone: message.toPhone,
      toPhone: message.fromPhone,
      body: choice.title,
      media: [],
      choice: { ...choice, repliedToSid: message.sid },
      webhookUrl: input.webhookUrl,
    });
    return { messageSid: result.messageSid, status: result.status, params: result.params };
  }

  /** Typing indicators the business showed, oldest first (`?messageId=` for one inbound message). */
  @Get('typing')
  list(@Query('messageId') messageId?: string) {
    const indicators = this.typing.list(messageId);
    return { count: indicators.length, indicators };
  }
}
