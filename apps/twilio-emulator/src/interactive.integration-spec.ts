import { useEmulatedAccount } from './testing/emulated-account';
import { control, waitUntil } from './testing/harness';

const ACCOUNT_SID = 'AC' + 'fedcba9876543210'.repeat(2);
const AUTH_TOKEN = 'interactive-auth-token';
const NUMBER = '+15550000200';
const PHONE = '+15550000201';

type Recorded = { sid: string; body: string; status: string; errorCode: number | null; content: unknown };

describe('twilio-emulator: Content API quick replies and list pickers, button presses, typing indicator', () => {
  const account = useEmulatedAccount(ACCOUNT_SID, AUTH_TOKEN, { statusDelayMs: 1, inbound: true });

  // The member wrote just now: the 24-hour window is open, so session messages may go out.
  const openWindow = () =>
    control(account.emulator.url, 'POST', '/emulator/window', {
      number: NUMBER,
      phone: PHONE,
      lastInboundAt: Date.now(),
    });

  const quickReply = {
    friendly_name: 'book-or-not',
    language: 'en',
    types: {
      'twilio/quick-reply': {
        body: 'Shall I book Friday 10:00?',
        actions: [
          { title: 'Yes, book it', id: 'book:fri-10' },
          { title: 'Another time', id: 'other' },
        ],
      },
    },
  };

  async function sendContent(contentSid: string, variables?: Record<string, string>): Promise<Recorded> {
    const sent = await account.client.messages.create({
      from: `whatsapp:${NUMBER}`,
      to: `whatsapp:${PHONE}`,
      contentSid,
      ...(variables ? { contentVariables: JSON.stringify(variables) } : {}),
    });
    return waitUntil(
      async () => {
        const { body } = await control<Recorded>(
          account.emulator.url,
          'GET',
          `/emulator/messages/${sent.sid}`,
        );
        return ['delivered', 'failed'].includes(body.status) ? body : undefined;
      },
      { what: `final status of ${sent.sid}` },
    );
  }

  it('creates a quick reply through the official client and sends it in session, recorded in the Content API shape', async () => {
    const content = await account.client.content.v1.contents.create(quickReply as never);
    expect(content.sid).toMatch(/^HX[0-9a-f]{32}$/);
    expect((await account.client.content.v1.contents(content.sid).fetch()).friendlyName).toBe('book-or-not');

    // Outside the 24-hour window a quick reply is no approved template: WhatsApp refuses it.
    const outside = await sendContent(content.sid);
    expect(outside).toMatchObject({ status: 'failed', errorCode: 63016 });

    await openWindow();
    const inside = await sendContent(content.sid);
    expect(inside).toMatchObject({
      status: 'delivered',
      body: 'Shall I book Friday 10:00?',
      content: quickReply.types,
    });

    // The member presses a button: an inbound message with its payload, signed as Twilio signs it.
    const pressed = await control<{ params: Record<string, string> }>(
      account.emulator.url,
      'POST',
      '/emulator/press',
      {
        messageSid: inside.sid,
        id: 'book:fri-10',
      },
    );
    expect(pressed.status).toBe(200);
    const webhook = await waitUntil(
      () => account.app.requests.find((r) => r.params.ButtonPayload === 'book:fri-10'),
      {
        what: 'the button press webhook',
      },
    );
    expect(webhook.signatureValid).toBe(true);
    expect(webhook.params).toMatchObject({
      From: `whatsapp:${PHONE}`,
      To: `whatsapp:${NUMBER}`,
      Body: 'Yes, book it',
      ButtonText: 'Yes, book it',
      MessageType: 'button',
      OriginalRepliedMessageSid: inside.sid,
    });
  });

  it('sends a list picker and a pick comes back with ListId and ListTitle', async () => {
    await openWindow();
    const content = await account.client.content.v1.contents.create({
      language: 'en',
      types: {
        'twilio/list-picker': {
          body: 'Which clinic?',
          button: 'Choose',
          items: [
            { item: 'Downtown', id: 'clinic:1', description: 'Main St 1' },
            { item: 'Harbour', id: 'clinic:2' },
          ],
        },
      },
    } as never);
    const sent = await sendContent(content.sid);
    expect(sent.status).toBe('delivered');
    await control(account.emulator.url, 'POST', '/emulator/press', {
      messageSid: sent.sid,
      title: 'Downtown',
    });
    const webhook = await waitUntil(() => account.app.requests.find((r) => r.params.ListId === 'clinic:1'), {
      what: 'the list pick webhook',
    });
    expect(webhook.params).toMatchObject({
      ListTitle: 'Downtown',
      ListItemDescription: 'Main St 1',
      MessageType: 'interactive',
    });
  });

  it('fails a quick reply whose body, its variable filled in, is over 1024 characters with 63021', async () => {
    await openWindow();
    const content = await account.client.content.v1.contents.create({
      language: 'en',
      variables: { 1: 'x' },
      types: { 'twilio/quick-reply': { body: '{{1}}', actions: [{ title: 'OK', id: 'ok' }] } },
    } as never);
    const failed = await sendContent(content.sid, { 1: 'y'.repeat(1025) });
    expect(failed.status).toBe('failed');
    expect(failed.errorCode).toBe(63021);
  });

  it('refuses content over WhatsApp limits, and a press of a button the message lacks', async () => {
    const tooMany = {
      language: 'en',
      types: {
        'twilio/quick-reply': {
          body: 'Pick',
          actions: ['a', 'b', 'c', 'd'].map((id) => ({ title: id, id })),
        },
      },
    };
    await expect(account.client.content.v1.contents.create(tooMany as never)).rejects.toMatchObject({
      status: 400,
    });
    const longTitle = {
      language: 'en',
      types: { 'twilio/quick-reply': { body: 'x', actions: [{ title: 'x'.repeat(21), id: 'x' }] } },
    };
    await expect(account.client.content.v1.contents.create(longTitle as never)).rejects.toMatchObject({
      status: 400,
    });

    const plain = await account.client.messages.create({ from: NUMBER, to: PHONE, body: 'no buttons' });
    const press = await control<{ message: string }>(account.emulator.url, 'POST', '/emulator/press', {
      messageSid: plain.sid,
      id: 'book',
    });
    expect(press.status).toBe(404);
    expect(press.body.message).toContain('has no button book');
  });

  it('shows a WhatsApp typing indicator for an inbound message and records it', async () => {
    const inbound = 'SM' + '1'.repeat(32);
    const answer = await account.client.messaging.v2.typingIndicator.create({
      channel: 'whatsapp',
      messageId: inbound,
    });
    expect(answer.success).toBe(true);
    const { body } = await control<{ indicators: Array<{ messageId: string; channel: string }> }>(
      account.emulator.url,
      'GET',
      `/emulator/typing?messageId=${inbound}`,
    );
    expect(body.indicators).toEqual([expect.objectContaining({ messageId: inbound, channel: 'whatsapp' })]);
    await expect(
      account.client.messaging.v2.typingIndicator.create({ channel: 'sms', messageId: inbound }),
    ).rejects.toMatchObject({ status: 400 });
  });
});
