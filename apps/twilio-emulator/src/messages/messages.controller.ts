import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { TwilioApiError } from '../common/twilio-api.error';
import type { FormFields } from '../common/twilio-format';
import { toTwilioResource } from './message.model';
import { MessagesService } from './messages.service';
import { TwilioBasicAuthGuard } from './twilio-basic-auth.guard';

/** Twilio's Messages REST API (2010-04-01), as the official client calls it. */
@Controller('2010-04-01/Accounts/:accountSid')
@UseGuards(TwilioBasicAuthGuard)
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Post('Messages.json')
  @HttpCode(201)
  create(@Body() form: FormFields | undefined) {
    return toTwilioResource(this.messages.create(form ?? {}));
  }

  @Get('Messages.json')
  list(@Query() query: FormFields) {
    const page = this.messages.list(query);
    return {
      end: page.end,
      first_page_uri: page.firstPageUri,
      next_page_uri: page.nextPageUri,
      page: page.page,
      page_size: page.pageSize,
      previous_page_uri: page.previousPageUri,
      messages: page.messages.map(toTwilioResource),
      start: page.start,
      uri: page.uri,
    };
  }

  @Get('Messages/:file')
  fetch(@Param('file') file: string, @Req() request: FastifyRequest) {
    const path = request.url.split('?')[0];
    if (!file.endsWith('.json'))
      throw new TwilioApiError(404, 20404, `The requested resource ${path} was not found`);
    return toTwilioResource(this.messages.fetch(file.slice(0, -'.json'.length), path));
  }
}
