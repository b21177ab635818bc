import { randomUUID } from 'node:crypto';
import { SendRequest } from '@app/contracts';
import { SendMessageBody, toSendRequest } from './send-message';

const keyId = randomUUID();
const ws = { workspaceId: randomUUID(), keyId, userId: null, actor: `api-key:${keyId}` };
const base = {
  phoneNumberId: randomUUID(),
  memberId: randomUUID(),
  channel: 'whatsapp' as const,
  body: 'Your appointment is tomorrow',
};

describe('POST /v1/messages request', () => {
  it('becomes a system send scoped to the key workspace, valid for the contract', () => {
    const request = toSendRequest(ws, SendMessageBody.parse(base), 'retry-1');
    expect(request).toMatchObject({
      workspaceId: ws.workspaceId,
      kind: 'system',
      idempotencyKey: `api:${ws.workspaceId}:retry-1`,
      origin: { service: 'api', ref: `api-key:${ws.keyId}` },
    });
    expect(SendRequest.safeParse(request).success).toBe(true);
  });

  it('generates a fresh idempotency key when the client gives none', () => {
    const a = toSendRequest(ws, SendMessageBody.parse(base), undefined);
    const b = toSendRequest(ws, SendMessageBody.parse(base), undefined);
    expect(a.idempotencyKey).not.toBe(b.idempotencyKey);
    expect(a.idempotencyKey.startsWith(`api:${ws.workspaceId}:`)).toBe(true);
  });

  it('gives the same client key different send keys in different workspaces', () => {
    const other = { ...ws, workspaceId: randomUUID() };
    expect(toSendRequest(ws, SendMessageBody.parse(base), 'k').idempotencyKey).not.toBe(
      toSendRequest(other, SendMessageBody.parse(base), 'k').idempotencyKey,
    );
  });

  it('names the field for body and template mistakes and unknown fields', () => {
    const both = SendMessageBody.safeParse({ ...base, contentSid: 'HX0123456789abcdef0123456789abcdef' });
    expect(both.success).toBe(false);
    expect(both.error?.issues[0].path).toEqual(['body']);
    const unknown = SendMessageBody.safeParse({ ...base, priority: 'high' });
    expect(unknown.error?.issues[0].message).toMatch(/priority/);
    expect(SendMessageBody.safeParse({ ...base, memberId: undefined }).error?.issues[0].path).toEqual([
      'memberId',
    ]);
  });
});
