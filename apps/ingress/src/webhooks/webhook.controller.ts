import { Controller, Inject, Post, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FormFields } from './form-fields';
import {
  WEBHOOK_SETTINGS,
  WebhookIntake,
  type WebhookAnswer,
  type WebhookRequest,
  type WebhookSettings,
} from './webhook-intake.service';
import type { WebhookKind } from './webhook-metrics';
import { publicUrl } from './public-url';

const FORM = /^application\/x-www-form-urlencoded/i;

/** The HTTP binding of the Twilio webhooks. Kept thin: the intake decides, this only translates. */
@Controller('twilio')
export class WebhookController {
  private readonly publicBaseUrl: string | undefined;

  constructor(
    private readonly intake: WebhookIntake,
    @Inject(WEBHOOK_SETTINGS) settings: WebhookSettings,
  ) {
    this.publicBaseUrl = settings.publicBaseUrl;
  }

  @Post('messaging')
  async messaging(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    send(reply, await this.intake.receive(this.toWebhook('messaging', req)));
  }

  @Post('status')
  async status(@Req() req: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const query = req.query as Record<string, string | string[] | undefined> | undefined;
    const sendId = query?.sendId;
    send(
      reply,
      await this.intake.receive({
        ...this.toWebhook('status', req),
        sendId: typeof sendId === 'string' ? sendId : sendId?.[0],
      }),
    );
  }

  private toWebhook(kind: WebhookKind, req: FastifyRequest): WebhookRequest {
    const contentType = req.headers['content-type'];
    const isForm =
      contentType !== undefined &&
      FORM.test(contentType) &&
      typeof req.body === 'object' &&
      req.body !== null;
    const signature = req.headers['x-twilio-signature'];
    return {
      kind,
      form: isForm ? (req.body as FormFields) : null,
      signature: typeof signature === 'string' ? signature : undefined,
      url: publicUrl(this.publicBaseUrl, { url: req.url, protocol: req.protocol, host: req.host }),
    };
  }
}

function send(reply: FastifyReply, answer: WebhookAnswer): void {
  void reply.code(answer.status).header('content-type', answer.contentType).send(answer.body);
}
