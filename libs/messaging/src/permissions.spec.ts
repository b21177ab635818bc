import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as contracts from '@app/contracts';
import { natsPermissions, natsUsers, renderNatsAuthConfig } from './permissions';

const all = contracts.contractsIn(contracts);

describe('natsPermissions (from the contracts)', () => {
  it.each([
    // [service, may publish, may not publish]
    ['ingress', 'inbound.message.received', 'outbound.send.requested'],
    ['routing', 'rpc.preferences.member.set-opt-out', 'inbound.message.received'],
    ['outbound', 'outbound.message.updated', 'rpc.preferences.member.set-opt-out'],
    ['outbound', 'dlq.outbound.outbound.send.requested', 'cache.preferences.member-changed'],
    ['api', 'events.workspace.published', 'conversation.message.accepted'],
    ['workflow', 'rpc.outbound.send', 'rpc.routing.workspace.create'],
  ] as const)('%s may publish %s but not %s', (service, allowed, denied) => {
    const { publish } = natsPermissions(service, all, 'ns');
    const matches = (subject: string) =>
      publish.some((p) => p === subject || (p.endsWith('.>') && subject.startsWith(p.slice(0, -1))));
    expect(matches(`ns.${allowed}`)).toBe(true);
    expect(matches(`ns.${denied}`)).toBe(false);
  });

  it('lets only the answering service listen on a request and answer it', () => {
    expect(natsPermissions('preferences', all).subscribe).toContain('rpc.preferences.member.get');
    expect(natsPermissions('preferences', all).allowResponses).toBe(true);
    expect(natsPermissions('routing', all).subscribe).not.toContain('rpc.preferences.member.get');
    expect(natsPermissions('ingress', all)).toMatchObject({
      subscribe: ['_INBOX_ingress.>'],
      allowResponses: false,
    });
  });

  it("lets only a stream's owner change its settings", () => {
    expect(natsPermissions('routing', all).publish).toContain('$JS.API.STREAM.UPDATE.CONVERSATION');
    expect(natsPermissions('chats', all).publish).not.toContain('$JS.API.STREAM.UPDATE.CONVERSATION');
    expect(natsPermissions('chats', all).publish).toContain('$JS.API.STREAM.INFO.CONVERSATION');
  });

  it('gives an integration its own inbox, durables and dead letters', () => {
    const reminders = natsUsers(all, '', ['reminders']).find((u) => u.user === 'reminders')!;
    expect(reminders.permissions.subscribe).toEqual(['_INBOX_reminders.>']);
    expect(reminders.permissions.publish).toContain('$JS.API.CONSUMER.MSG.NEXT.OUTBOUND.*');
    expect(reminders.permissions.publish).toContain('dlq.reminders.>');
    expect(reminders.permissions.publish.join(' ')).not.toMatch(/integration/);
  });

  it('deploy/k8s/base/nats/auth.conf is what npm run nats:config writes (run it after changing a contract)', () => {
    const file = readFileSync(join(__dirname, '../../../deploy/k8s/base/nats/auth.conf'), 'utf8');
    expect(file).toBe(renderNatsAuthConfig(natsUsers(all)));
  });
});
