import { randomBytes } from 'node:crypto';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream } from '@nats-io/jetstream';
import * as contracts from '@app/contracts';
import { startNatsServer, uniqueNamespace, type PrivateNatsServer } from '@app/testing';
import { Namespace, natsAuthOptions, natsUsers, renderNatsAuthConfig } from '@app/messaging';

/**
 * A nats-server run with `npm run nats:config`'s accounts (for this test's namespace): nobody gets
 * in without credentials, and each service's user reaches only its own subjects.
 */
describe('NATS users and permissions generated from the contracts', () => {
  const namespace = uniqueNamespace();
  const ns = new Namespace(namespace);
  const users = natsUsers(contracts.contractsIn(contracts), namespace);
  const passwords = Object.fromEntries(users.map((u) => [u.user, `p${randomBytes(12).toString('hex')}`]));
  let server: PrivateNatsServer;
  const open: NatsConnection[] = [];

  const as = async (service: string) => {
    const nc = await connect({
      servers: server.url,
      ...natsAuthOptions({ service, user: service, password: passwords[service] }),
    });
    open.push(nc);
    return nc;
  };

  beforeAll(async () => {
    server = await startNatsServer({
      config: renderNatsAuthConfig(users),
      env: Object.fromEntries(users.map((u) => [u.passwordVariable, passwords[u.user]])),
    });
  });
  afterAll(async () => {
    await Promise.all(open.map((nc) => nc.close()));
    await server?.stop();
  });

  it('refuses a connection without credentials or with a wrong password', async () => {
    await expect(connect({ servers: server.url, reconnect: false })).rejects.toThrow(/authorization/i);
    await expect(
      connect({ servers: server.url, reconnect: false, user: 'outbound', pass: 'not-the-password' }),
    ).rejects.toThrow(/authorization/i);
  });

  it('lets routing ask preferences to opt a member out, and refuses the same request from outbound (faking a STOP)', async () => {
    const subject = ns.subject(contracts.SetMemberOptOut.subject);
    const preferences = await as('preferences');
    preferences.subscribe(subject, { queue: 'preferences', callback: (_e, m) => void m.respond('ok') });
    await preferences.flush();

    const routing = await as('routing');
    const answer = await routing.request(subject, '{}', { timeout: 10_000 });
    expect(answer.string()).toBe('ok');

    const outbound = await as('outbound');
    await expect(outbound.request(subject, '{}', { timeout: 10_000 })).rejects.toThrow(
      /permissions violation/i,
    );
  });

  it("refuses ingress publishing on outbound's send subject, and outbound publishing routing's events", async () => {
    const ingress = await as('ingress');
    await expect(
      jetstream(ingress).publish(ns.subject(contracts.SendRequested.subject), '{}', { timeout: 10_000 }),
    ).rejects.toThrow(/permissions violation/i);
    const outbound = await as('outbound');
    await expect(
      jetstream(outbound).publish(ns.subject(contracts.MessageAccepted.subject), '{}', { timeout: 10_000 }),
    ).rejects.toThrow(/permissions violation/i);
  });

  it("refuses a service listening on another's requests or reading another's inbox", async () => {
    const ingress = await as('ingress');
    for (const subject of [ns.subject(contracts.GetMember.subject), '_INBOX_api.>']) {
      const sub = ingress.subscribe(subject);
      await expect(sub.closed).resolves.toEqual(
        expect.objectContaining({ message: expect.stringMatching(/permissions violation/i) }),
      );
    }
  });
});
