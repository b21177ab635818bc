import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { SendRequest } from '@app/contracts';
import type { WorkspaceCaller } from '../auth/key-scope';
import { ClientIdempotencyKey } from '../http/idempotency-key';

const fields = SendRequest.shape;

/** `POST /v1/messages`: a member (or address), a channel, and a body or an approved template. */
export const SendMessageBody = z
  .object({
    phoneNumberId: fields.phoneNumberId,
    memberId: fields.memberId,
    to: fields.to,
    channel: fields.channel,
    body: fields.body,
    contentSid: fields.contentSid,
    contentVariables: fields.contentVariables,
    idempotencyKey: ClientIdempotencyKey.optional(),
  })
  .strict()
  .refine((r) => (r.body === undefined) !== (r.contentSid === undefined), {
    message: 'give either body or contentSid, not both',
    path: ['body'],
  })
  .refine((r) => r.memberId !== undefined || r.to !== undefined, {
    message: 'give memberId or to',
    path: ['memberId'],
  })
  .refine((r) => r.contentVariables === undefined || r.contentSid !== undefined, {
    message: 'contentVariables need a contentSid',
    path: ['contentVariables'],
  });
export type SendMessageBody = z.infer<typeof SendMessageBody>;

/**
 * The send request outbound gets. A send through the API is one the system starts (kind `system`:
 * opt-out and notification switches apply). The idempotency key is scoped to the workspace, so
 * two workspaces using the same client key never collapse into one message.
 */
export function toSendRequest(
  ws: WorkspaceCaller,
  body: SendMessageBody,
  clientKey: string | undefined,
): z.input<typeof SendRequest> {
  const { idempotencyKey: _ignored, ...message } = body;
  return {
    ...message,
    workspaceId: ws.workspaceId,
    idempotencyKey: `api:${ws.workspaceId}:${clientKey ?? randomUUID()}`,
    kind: 'system',
    origin: { service: 'api', ref: ws.actor },
  };
}
