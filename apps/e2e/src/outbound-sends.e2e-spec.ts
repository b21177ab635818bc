import { SendRequested } from '@app/contracts';
import { NatsTestClient, randomPhone, staysFalse, waitFor } from '@app/testing';
import { System } from './system';

const TEMPLATE = 'HX0123456789abcdef0123456789abcdef';

describe('outbound sends through the REST API, end to end', () => {
  const system = System.forSuite();
  let number: { id: string; number: string };

  beforeAll(async () => {
    const workflow = await system.workflow(system.ws.key, [{ reply: 'Hello {{member.first_name}}' }]);
    number = await system.phoneNumber(system.ws.key, { defaultWorkflowId: workflow.id });
  });

  async function member(fields: Record<string, unknown> = {}) {
    return system.ok<{ id: string; phone: string }>('POST', '/v1/members', system.ws.key, {
      firstName: 'Robin',
      phone: randomPhone(),
      ...fields,
    });
  }

  async function messageStatus(id: string, status: string) {
    return waitFor(
      async () => {
        const m = await system.ok<{ status: string; reason: string | null; errorCode: string | null }>(
          'GET',
          `/v1/messages/${id}`,
          system.ws.key,
        );
        return m.status === status ? m : undefined;
      },
      { message: `message ${id} to be ${status}` },
    );
  }

  it('skips a system WhatsApp send to a member who did not opt in, with the exact reason', async () => {
    const m = await member();
    const res = await system.api('POST', '/v1/messages', system.ws.key, {
      phoneNumberId: number.id,
      memberId: m.id,
      channel: 'whatsapp',
      body: 'Your appointment is tomorrow',
    });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({
      status: 'skipped',
      reason: 'Member has WhatsApp notifications disabled.',
    });
    expect(await system.sentTo(m.phone)).toHaveLength(0);
  });

  it('skips free-form WhatsApp outside the 24-hour window but sends a template, which is delivered and shown in the chat', async () => {
    const m = await member({ notifyWhatsapp: true });
    const freeForm = await system.ok('POST', '/v1/messages', system.ws.key, {
      phoneNumberId: number.id,
      memberId: m.id,
      channel: 'whatsapp',
      body: 'free text',
    });
    expect(freeForm).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/template/i) });

    const template = await system.ok<{ id: string }>('POST', '/v1/messages', system.ws.key, {
      phoneNumberId: number.id,
      memberId: m.id,
      channel: 'whatsapp',
      contentSid: TEMPLATE,
      contentVariables: { '1': 'Tuesday 10:00' },
    });
    await messageStatus(template.id, 'delivered');
    const [sent] = await system.waitForSent(m.phone, 1, 'whatsapp');
    expect(sent.contentSid).toBe(TEMPLATE);
    // The status callbacks came back through ingress and reached the chat.
    const chat = await waitFor(
      async () =>
        (
          await system.ok<{ items: Array<{ id: string }> }>(
            'GET',
            `/v1/chats?memberId=${m.id}&channel=whatsapp`,
            system.ws.key,
          )
        ).items[0],
    );
    await waitFor(
      async () => {
        const msgs = await system.ok<{
          items: Array<{ direction: string; status: string; twilioSid: string | null }>;
        }>('GET', `/v1/chats/${chat.id}/messages`, system.ws.key);
        return msgs.items.some(
          (x) => x.direction === 'outbound' && x.status === 'delivered' && x.twilioSid === sent.sid,
        );
      },
      { message: 'delivered status on the chat message' },
    );
  });

  it("records Twilio's 63016 failure with a human reason when WhatsApp's window has closed at Twilio", async () => {
    const phone = randomPhone();
    // The member wrote in, so our window is open...
    await system.inbound({ from: phone, to: number.number, body: 'hi', channel: 'whatsapp' });
    await system.waitForSent(phone, 1, 'whatsapp');
    const m = await system.memberByPhone(system.ws.key, phone);
    await system.ok('PATCH', `/v1/members/${m.id}`, system.ws.key, { notifyWhatsapp: true });
    // ...but Twilio says the member's last message was 25 hours ago.
    await system.emulatorControl('/emulator/window', {
      number: number.number,
      phone,
      lastInboundAt: Date.now() - 25 * 3600_000,
    });
    const send = await system.ok<{ id: string }>('POST', '/v1/messages', system.ws.key, {
      phoneNumberId: number.id,
      memberId: m.id,
      channel: 'whatsapp',
      body: 'Are you still there?',
    });
    const failed = await messageStatus(send.id, 'failed');
    expect(String(failed.errorCode)).toBe('63016');
    expect(failed.reason).toMatch(/24-hour|template/i);
  });

  it('fails a WhatsApp send from a number whose WhatsApp is off, and skips when the workspace lacks the feature', async () => {
    const m = await member({ notifyWhatsapp: true });
    const smsOnly = await system.phoneNumber(system.ws.key, { whatsappEnabled: false });
    const res = await system.ok('POST', '/v1/messages', system.ws.key, {
      phoneNumberId: smsOnly.id,
      memberId: m.id,
      channel: 'whatsapp',
      contentSid: TEMPLATE,
    });
    expect(res).toMatchObject({ status: 'failed', reason: 'Phone number does not have WhatsApp enabled.' });

    const noFeature = await system.workspace({ whatsapp: false, name: 'No WhatsApp' });
    const n = await system.phoneNumber(noFeature.key, { whatsappEnabled: false });
    const m2 = await system.ok<{ id: string }>('POST', '/v1/members', noFeature.key, {
      phone: randomPhone(),
      notifyWhatsapp: true,
    });
    const skipped = await system.ok('POST', '/v1/messages', noFeature.key, {
      phoneNumberId: n.id,
      memberId: m2.id,
      channel: 'whatsapp',
      contentSid: TEMPLATE,
    });
    expect(skipped).toMatchObject({
      status: 'skipped',
      reason: 'Workspace does not have WhatsApp feature enabled.',
    });
  });

  it('sends once for one idempotency key', async () => {
    const m = await member({ notifySms: true });
    const body = {
      phoneNumberId: number.id,
      memberId: m.id,
      channel: 'sms',
      body: 'once',
      idempotencyKey: `e2e-${m.id}`,
    };
    const answers = await Promise.all(
      [1, 2, 3].map(() => system.ok<{ id: string }>('POST', '/v1/messages', system.ws.key, body)),
    );
    expect(new Set(answers.map((a) => a.id)).size).toBe(1);
    await system.waitForSent(m.phone, 1, 'sms');
    await messageStatus(answers[0].id, 'delivered');
    expect(await system.sentTo(m.phone)).toHaveLength(1);
  });

  it('sends nothing to a phone that sent STOP, whether the send names the member or only the phone, through the API or NATS', async () => {
    const phone = randomPhone();
    await system.inbound({ from: phone, to: number.number, body: 'hi', channel: 'sms' });
    await system.waitForSent(phone, 1, 'sms');
    await system.inbound({ from: phone, to: number.number, body: 'STOP', channel: 'sms' });
    await system.waitForSent(phone, 2, 'sms'); // the confirmation
    const stopped = await waitFor(async () => {
      const found = await system.ok<{ items: Array<{ id: string; optedOut: boolean }> }>(
        'GET',
        `/v1/members?phone=${encodeURIComponent(phone)}`,
        system.ws.key,
      );
      return found.items[0]?.optedOut ? found.items[0] : undefined;
    });
    const OPTED_OUT = 'Member has opted out of messages (replied STOP).';

    // By address through the API: the address is the member's, so the member's checks apply.
    const byPhone = await system.ok<{ id: string }>('POST', '/v1/messages', system.ws.key, {
      phoneNumberId: number.id,
      to: phone,
      channel: 'sms',
      body: 'Flash sale today!',
    });
    expect(byPhone).toMatchObject({ status: 'skipped', reason: OPTED_OUT });
    // The send is recorded against the member it reached for.
    expect(await system.ok('GET', `/v1/messages/${byPhone.id}`, system.ws.key)).toMatchObject({
      status: 'skipped',
      memberId: stopped.id,
    });

    // The same send requested on NATS, by address and as a reply.
    const nats = await NatsTestClient.connect(system.namespace);
    try {
      for (const kind of ['system', 'reply'] as const) {
        const idempotencyKey = `e2e-stop-${kind}-${phone}`;
        await nats.publish(
          SendRequested,
          {
            idempotencyKey,
            workspaceId: system.ws.id,
            phoneNumberId: number.id,
            to: phone,
            channel: 'sms',
            body: `By ${kind}`,
            kind,
            origin: { service: 'e2e', ref: null },
          },
          idempotencyKey,
        );
      }
      expect(await staysFalse(async () => (await system.sentTo(phone)).length > 2, 2_000)).toBe(true);
    } finally {
      await nats.close();
    }

    // The phone moves to another member: no member has it now, and its STOP still holds.
    await system.ok('PATCH', `/v1/members/${stopped.id}`, system.ws.key, { phone: randomPhone() });
    const orphan = await system.ok('POST', '/v1/messages', system.ws.key, {
      phoneNumberId: number.id,
      to: phone,
      channel: 'sms',
      body: 'Anyone there?',
    });
    expect(orphan).toMatchObject({
      status: 'skipped',
      reason: 'This phone number has opted out of messages (replied STOP).',
    });
    expect(await system.sentTo(phone)).toHaveLength(2);

    // A phone nobody opted out still gets a send by address.
    const fresh = randomPhone();
    const ok = await system.ok<{ id: string }>('POST', '/v1/messages', system.ws.key, {
      phoneNumberId: number.id,
      to: fresh,
      channel: 'sms',
      body: 'Welcome',
    });
    await messageStatus(ok.id, 'delivered');
  });
});
