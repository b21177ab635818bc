import { GetSendRecord, Send, SendRecord, SendResult } from '@app/contracts';
import { Workspace } from '../auth/workspace.decorator';
import type { WorkspaceCaller } from '../auth/key-scope';
import { ApiController, Endpoint } from '../http/api-controller.decorator';
import { clientIdempotencyKey, IdempotencyKey, SENDS_ONCE } from '../http/idempotency-key';
import { schemaRef } from '../http/openapi';
import { ContractRoutes } from '../http/contract-routes';
import { ZodBody } from '../http/validation';
import { SendMessageBody, toSendRequest } from './send-message';
import { NeedsPermission } from '../auth/access.guard';

@ApiController('messages', 'workspace', 'Messages')
export class MessagesController extends ContractRoutes(
  { ids: { id: 'sendId' } },
  {
    get: {
      route: 'GET :id',
      summary: 'A sent message with its current delivery status',
      response: schemaRef('SendRecord', SendRecord),
      errors: [404],
      contract: GetSendRecord,
    },
  },
) {
  @NeedsPermission('send')
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
    @IdempotencyKey(SENDS_ONCE) header: string | undefined,
  ) {
    return this.services.ask(
      Send,
      toSendRequest(ws, body, clientIdempotencyKey(header, body.idempotencyKey)),
    );
  }
}
