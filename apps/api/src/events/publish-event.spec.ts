import { randomUUID } from 'node:crypto';
import { Id } from '@app/contracts';
import { eventIdFor, PublishEventBody } from './publish-event.usecase';

describe('event ids', () => {
  it('are stable per workspace and client key, distinct across workspaces, and valid UUIDs', () => {
    const a = randomUUID();
    const b = randomUUID();
    expect(eventIdFor(a, 'form-42')).toBe(eventIdFor(a, 'form-42'));
    expect(eventIdFor(a, 'form-42')).not.toBe(eventIdFor(a, 'form-43'));
    expect(eventIdFor(a, 'form-42')).not.toBe(eventIdFor(b, 'form-42'));
    for (let i = 0; i < 50; i++) expect(Id.safeParse(eventIdFor(randomUUID(), String(i))).success).toBe(true);
  });

  it('validates the body strictly with the contract event type rule', () => {
    expect(PublishEventBody.safeParse({ type: 'form_submitted', data: { a: 1 } }).success).toBe(true);
    expect(PublishEventBody.safeParse({ type: 'Form Submitted' }).error?.issues[0].path).toEqual(['type']);
    expect(
      PublishEventBody.safeParse({ type: 'x', workspaceId: randomUUID() }).error?.issues[0].message,
    ).toMatch(/workspaceId/);
  });
});
