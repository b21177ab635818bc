import { randomPhone, staysFalse, waitFor } from '@app/testing';
import { computeTwilioSignature } from '@app/twilio';
import { ACCOUNT_SID, AUTH_TOKEN, System } from './system';

/** The product's first journey: a member texts or WhatsApps a number and gets an answer. */
describe('inbound SMS and WhatsApp, end to end', () => {
  const system = System.forSuite();

  const channelWorkflow = [
    {
      if: 'chat.channel == "whatsapp"',
      then: [
        {
          reply: 'Hi {{member.first_name}} on WhatsApp from {{brand.name}} & co. You said: {{message.body}}',
        },
      ],
      else: [{ reply: 'SMS from {{brand.name}}: {{message.body}}' }],
    },
  ];

  async function numberWithWorkflow(fields: Record<string, unknown> = {}, key = system.ws.key) {
    const workflow = await system.workflow(key, channelWorkflow);
    return system.phoneNumber(key, { defaultWorkflowId: workflow.id, ...fields });
  }

  async function chatsOf(key: string, query = '') {
    return (
      await system.ok<{ items: Array<{ id: string; channel: string; memberId: string }> }>(
        'GET',
        `/v1/chats${query}`,
        key,
      )
    ).items;
  }

  it('answers WhatsApp as WhatsApp and SMS as SMS on the same number, in separate chats', async () => {
    const number = await numberWithWorkflow();
    const phone = randomPhone();
    /** The member writes to the number on `channel`. */
    const writes = (channel: 'sms' | 'whatsapp', body: string) =>
      system.inbound({ from: phone, to: number.number, body, channel });

    const wa = await writes('whatsapp', 'Is Tuesday ok?');
    expect(wa.status).toBe(200);
    expect(wa.body).toContain('<Response');
    const [waReply] = await system.waitForSent(phone, 1, 'whatsapp');
    expect(waReply.to).toBe(`whatsapp:${phone}`);
    expect(waReply.from).toBe(`whatsapp:${number.number}`);
    // Plain text: no HTML escaping of "&", and the member's words are data, not a template.
    expect(waReply.body).toBe('Hi Alex on WhatsApp from Sunrise Dental & co. You said: Is Tuesday ok?');

    await writes('sms', 'And {{member.phone}}?');
    const [smsReply] = await system.waitForSent(phone, 1, 'sms');
    expect(smsReply.to).toBe(phone);
    expect(smsReply.body).toBe('SMS from Sunrise Dental: And {{member.phone}}?');

    const chats = await waitFor(async () => {
      const list = await chatsOf(system.ws.key);
      const mine = list.filter(
        (c) => [number.number].length && c.memberId === list.find((x) => x.channel === 'sms')?.memberId,
      );
      return mine.length === 2 ? mine : undefined;
    });
    expect(chats.map((c) => c.channel).sort()).toEqual(['sms', 'whatsapp']);
    const whatsappChats = await chatsOf(system.ws.key, `?channel=whatsapp&memberId=${chats[0].memberId}`);
    expect(whatsappChats).toHaveLength(1);
    const messages = await system.ok<{
      items: Array<{ direction: string; body: string; twilioSid: string | null; status: string }>;
    }>('GET', `/v1/chats/${whatsappChats[0].id}/messages`, system.ws.key);
    await waitFor(
      async () => {
        const m = await system.ok<{ items: Array<{ direction: string; status: string }> }>(
          'GET',
          `/v1/chats/${whatsappChats[0].id}/messages`,
          system.ws.key,
        );
        return m.items.length === 2 && m.items[1].status === 'delivered';
      },
      { message: 'the reply delivered in the chat' },
    );
    expect(messages.items[0]).toMatchObject({
      direction: 'inbound',
      body: 'Is Tuesday ok?',
      twilioSid: wa.messageSid,
    });

    // SMS keeps working when WhatsApp is switched off on the number.
    await system.ok('PATCH', `/v1/phone-numbers/${number.id}`, system.ws.key, { whatsappEnabled: false });
    await writes('sms', 'still there?');
    await system.waitForSent(phone, 2, 'sms');
  });

  it('rejects WhatsApp without storing anything when the feature or the switch is off, and sends the disabled message', async () => {
    const noFeature = await system.workspace({ whatsapp: false });
    const workflow = await system.workflow(noFeature.key, channelWorkflow);
    const number = await system.phoneNumber(noFeature.key, {
      whatsappEnabled: false,
      defaultWorkflowId: workflow.id,
      smsDisabledMessage: 'This number does not take WhatsApp messages. Please text us instead.',
    });
    // Turning WhatsApp on without the workspace feature is refused.
    const refused = await system.api('PATCH', `/v1/phone-numbers/${number.id}`, noFeature.key, {
      whatsappEnabled: true,
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ statusCode: 422, message: expect.stringMatching(/WhatsApp/) });

    const phone = randomPhone();
    const res = await system.inbound({ from: phone, to: number.number, body: 'hello?', channel: 'whatsapp' });
    expect(res.status).toBe(200);
    const [notice] = await system.waitForSent(phone, 1, 'whatsapp');
    expect(notice.body).toBe('This number does not take WhatsApp messages. Please text us instead.');
    expect(await staysFalse(async () => (await chatsOf(noFeature.key)).length > 0, 800)).toBe(true);
    expect(await system.membersWithPhone(noFeature.key, phone)).toHaveLength(0);

    // Feature on but the number's switch off: same, and without a disabled message nothing is sent.
    const number2 = await numberWithWorkflow({ whatsappEnabled: false });
    const phone2 = randomPhone();
    await system.inbound({ from: phone2, to: number2.number, body: 'hi', channel: 'whatsapp' });
    expect(await staysFalse(async () => (await system.sentTo(phone2)).length > 0, 800)).toBe(true);
    expect(await system.membersWithPhone(system.ws.key, phone2)).toHaveLength(0);
  });

  it('refuses a wrong signature with 403 and stores nothing; the same MessageSid three times is one message and one reply', async () => {
    const number = await numberWithWorkflow();
    const phone = randomPhone();
    const params = {
      AccountSid: ACCOUNT_SID,
      MessageSid: `SM${'f'.repeat(32)}`,
      From: `whatsapp:${phone}`,
      To: `whatsapp:${number.number}`,
      Body: 'forged',
      NumMedia: '0',
    };
    const forged = await fetch(`${system.ingressUrl}/twilio/messaging`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-twilio-signature': computeTwilioSignature(
          'wrong-token',
          `${system.ingressUrl}/twilio/messaging`,
          params,
        ),
      },
      body: new URLSearchParams(params).toString(),
    });
    expect(forged.status).toBe(403);
    expect(await staysFalse(async () => (await system.sentTo(phone)).length > 0, 800)).toBe(true);
    expect(await system.membersWithPhone(system.ws.key, phone)).toHaveLength(0);

    const messageSid = `SM${'a1'.repeat(16)}`;
    for (let i = 0; i < 3; i++) {
      const res = await system.inbound({
        from: phone,
        to: number.number,
        body: 'only once',
        channel: 'whatsapp',
        messageSid,
      });
      expect(res.status).toBe(200);
    }
    await system.waitForSent(phone, 1);
    expect(await staysFalse(async () => (await system.sentTo(phone)).length > 1, 1500)).toBe(true);
    const [chat] = await waitFor(async () => {
      const list = (await chatsOf(system.ws.key)).filter((c) => c.channel === 'whatsapp');
      for (const c of list) {
        const m = await system.ok<{ items: Array<{ twilioSid: string | null }> }>(
          'GET',
          `/v1/chats/${c.id}/messages`,
          system.ws.key,
        );
        if (m.items.some((x) => x.twilioSid === messageSid)) return [m];
      }
      return undefined;
    });
    expect(chat.items.filter((m) => m.twilioSid === messageSid)).toHaveLength(1);
    void AUTH_TOKEN;
  });

  it('answers five quick messages of one conversation in order', async () => {
    const workflow = await system.workflow(system.ws.key, [{ reply: 'got: {{message.body}}' }]);
    const number = await system.phoneNumber(system.ws.key, { defaultWorkflowId: workflow.id });
    const phone = randomPhone();
    for (let i = 1; i <= 5; i++) {
      await system.inbound({ from: phone, to: number.number, body: `message ${i}`, channel: 'whatsapp' });
    }
    const sent = await system.waitForSent(phone, 5);
    expect(sent.map((m) => m.body)).toEqual([1, 2, 3, 4, 5].map((i) => `got: message ${i}`));
  });
});
