import { randomBytes } from 'node:crypto';
import * as contracts from '@app/contracts';
import { natsUsers, renderNatsAuthConfig } from '@app/messaging';
import { randomPhone, startNatsServer, uniqueNamespace, type PrivateNatsServer } from '@app/testing';
import { System } from './system';

/**
 * Every service on a NATS that runs `npm run nats:config`'s accounts, each with its own user: the
 * product still works, and no service needed a subject it was not given (nats-server logs every
 * refused publish or subscription as a violation).
 */
describe('the whole system on a NATS with per-service users', () => {
  const namespace = uniqueNamespace();
  const users = natsUsers(contracts.contractsIn(contracts), namespace);
  const passwords = Object.fromEntries(users.map((u) => [u.user, `p${randomBytes(16).toString('hex')}`]));
  let nats: PrivateNatsServer;
  let system: System;

  beforeAll(async () => {
    nats = await startNatsServer({
      config: renderNatsAuthConfig(users),
      env: Object.fromEntries(users.map((u) => [u.passwordVariable, passwords[u.user]])),
    });
    const violations = setInterval(() => {
      const seen = nats.output().match(/.*violation.*/gi);
      if (seen) process.stderr.write(`DEBUG ${seen.slice(0, 10).join('\n')}\n`);
    }, 5000);
    try {
      system = await System.start({
        namespace,
        envOf: (service) => ({ NATS_URL: nats.url, NATS_USER: service, NATS_PASSWORD: passwords[service] }),
      });
    } finally {
      clearInterval(violations);
    }
  }, 120_000);
  afterAll(async () => {
    await system?.stop();
    await nats?.stop();
  });

  it('answers an inbound message and honours STOP, with no permission violation', async () => {
    const ws = await system.workspace();
    const workflow = await system.workflow(ws.key, [
      { reply: 'Hello from {{brand.name}}: {{message.body}}' },
    ]);
    const number = await system.phoneNumber(ws.key, { defaultWorkflowId: workflow.id });
    const phone = randomPhone();

    const first = await system.inbound({ from: phone, to: number.number, body: 'Hi', channel: 'sms' });
    expect(first.status).toBe(200);
    const [reply] = await system.waitForSent(phone, 1, 'sms', 60_000);
    expect(reply.body).toBe('Hello from Sunrise Dental: Hi');

    // STOP goes routing -> preferences (set-opt-out), and its confirmation through outbound.
    await system.inbound({ from: phone, to: number.number, body: 'STOP', channel: 'sms' });
    const sent = await system.waitForSent(phone, 2, 'sms', 60_000);
    expect(sent[1].body).toMatch(/you have been unsubscribed/);

    expect(nats.output()).not.toMatch(/violation/i);
  });
});
