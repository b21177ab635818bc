import { Headers } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { GetSendRecord, Send, SendRecord, SendResult } from '@app/contracts';
import { Workspace } from '../auth/workspace.decorator';
import type { WorkspaceCaller } from '../auth/key-scope';
import { ApiController, Endpoint } from '../http/api-controller.decorator';
import { clientIdempotencyKey } from '../http/idempotency-key';
import { schemaRef } from '../http/openapi';
import { ServiceClient } from '../http/service-client';
import { IdParam, ZodBody } from '../http/validation';
import { SendMessageBody, toSendRequest } from './send-message';
import { NeedsPermission } from '../auth/access.guard';

@ApiController('messages', 'workspace', 'Messages')
export class MessagesController {
  constructor(private readonly services: ServiceClient) {}

  @NeedsPermission('send')
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Retrying with the same key sends at most one message (or give idempotencyKey in the body).',
  })
  @Endpoint('POST', '', {
    summary:
      'Send an SMS or WhatsApp message to a member, or to a phone (the member who has it, if any, is checked like any member; a phone that replied STOP is refused). Checks run first: the answer says sent, skipped or failed and why',
    status: 202,
    response: schemaRef('SendResult', SendResult),
    errors: [404, 422],
  })
  send(
    @Workspace() ws: WorkspaceCaller,
    @ZodBody(SendMessageBody) body: SendMessageBody,
    @Headers('idempotency-key') header: string | undefined,
  ) {
    return this.services.ask(
      Send,
      toSendRequest(ws, body, clientIdempotencyKey(header, body.idempotencyKey)),
    );
  }

  @Endpoint('GET', ':id', {
    summary: 'A sent message with its current delivery status',
    response: schemaRef('SendRecord', SendRecord),
    errors: [404],
  })
  get(@Workspace() ws: WorkspaceCaller, @IdParam() sendId: string) {
    return this.services.askAs(ws, GetSendRecord, { sendId });
  }
}
