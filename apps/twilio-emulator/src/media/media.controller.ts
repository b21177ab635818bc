import { Body, Controller, Get, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { parseJsonBody } from '../common/parse-json-body';
import { TwilioApiError } from '../common/twilio-api.error';
import { newSid } from '../common/twilio-format';
import { TwilioBasicAuthGuard } from '../messages/twilio-basic-auth.guard';
import { MediaLibrary } from './media-library.service';

const uploadSchema = z
  .object({
    contentType: z.string().min(3),
    /** The file, base64; or `sizeBytes` for a file of that many bytes (a large one without uploading it). */
    base64: z.string().optional(),
    sizeBytes: z
      .number()
      .int()
      .min(0)
      .max(64 * 1024 * 1024)
      .optional(),
  })
  .refine((u) => (u.base64 === undefined) !== (u.sizeBytes === undefined), 'give base64 or sizeBytes');

/**
 * Media a phone sends, as Twilio hosts it: `MediaUrlN` points at the message's Media resource,
 * which answers the file itself only with the account's HTTP Basic credentials (as Twilio does
 * when media authentication is on).
 */
@Controller()
export class MediaController {
  constructor(private readonly library: MediaLibrary) {}

  /** Test control: keeps a file and answers the URL to put in an inbound message's media. */
  @Post('emulator/media')
  @HttpCode(201)
  upload(@Body() body: unknown, @Req() request: FastifyRequest) {
    const input = parseJsonBody(uploadSchema, body);
    const bytes =
      input.base64 !== undefined ? Buffer.from(input.base64, 'base64') : Buffer.alloc(input.sizeBytes ?? 0);
    const messageSid = newSid('MM');
    const mediaSid = newSid('ME');
    this.library.add(mediaSid, { contentType: input.contentType, bytes });
    const base = `${request.protocol}://${request.headers.host}`;
    const { accountSid } = this.library;
    return {
      sid: mediaSid,
      url: `${base}/2010-04-01/Accounts/${accountSid}/Messages/${messageSid}/Media/${mediaSid}`,
      size: bytes.length,
    };
  }

  @Get('2010-04-01/Accounts/:accountSid/Messages/:messageSid/Media/:mediaSid')
  @UseGuards(TwilioBasicAuthGuard)
  download(@Param('mediaSid') mediaSid: string, @Res() reply: FastifyReply) {
    const media = this.library.get(mediaSid);
    if (!media)
      throw new TwilioApiError(404, 20404, `The requested resource Media/${mediaSid} was not found`);
    void reply
      .header('content-type', media.contentType)
      .header('content-length', media.bytes.length)
      .send(media.bytes);
  }
}
