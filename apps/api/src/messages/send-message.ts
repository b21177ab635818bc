import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { SendFields, withSendRules, type SendRequest } from '@app/contracts';
import type { WorkspaceCaller } from '../auth/key-scope';
import { ClientIdempotencyKey } from '../http/idempotency-key';

/** `POST /v1/messages`: a member (or address), a channel, and a body with media URLs or WhatsApp buttons, or an approved template. */
export const SendMessageBody = withSendRules(
  SendFields.pick({
    phoneNumberId: true,
    memberId: true,
    to: true,
    channel: true,
    body: true,
    mediaUrls: true,
    interactive: true,
    contentSid: true,
    contentVariables: true,
  })
    .extend({ idempotencyKey: ClientIdempotencyKey.optional() })
    .strict(),
);
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
