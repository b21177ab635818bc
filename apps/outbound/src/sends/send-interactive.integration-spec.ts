import { SendRequest } from '@app/contracts';
import { waitFor } from '@app/testing';
import { OutboundHarness } from '../testing/outbound-harness';
import { contentRequest } from '../twilio/twilio-api.gateway';

jest.setTimeout(30_000);

describe('outbound sends WhatsApp buttons and lists through the Content API (real Postgres, NATS, emulator)', () => {
  const h = OutboundHarness.forSuite();

  const buttons = {
    type: 'buttons' as const,
    buttons: [
      { id: 'book:fri', title: 'Friday' },
      { id: 'book:mon', title: 'Monday' },
    ],
  };

  it('makes a quick reply once and sends each message with it, the body as its variable', async () => {
    const { ws, n, m } = h.workspaceWithMember({ notifyWhatsapp: true });
    await h.memberWrote(n, m);
    const first = await h.send(
      h.request(n, {
        memberId: m.id,
        channel: 'whatsapp',
        body: 'Which day suits you?',
        interactive: buttons,
      }),
    );
    const delivered = await h.waitForStatus(ws.id, first.id, 'delivered');
    expect(delivered.interactive).toEqual(buttons);
    const second = await h.send(
      h.request(n, { memberId: m.id, channel: 'whatsapp', body: 'Still deciding?', interactive: buttons }),
    );
    await h.waitForStatus(ws.id, second.id, 'delivered');

    const sent = await h.sentTo(m.phone!);
    expect(sent.map((s) => s.body)).toEqual(['Which day suits you?', 'Still deciding?']);
    expect(sent[0].content).toEqual({
      'twilio/quick-reply': {
        body: '{{1}}',
        actions: [
          { type: 'QUICK_REPLY', title: 'Friday', id: 'book:fri' },
          { type: 'QUICK_REPLY', title: 'Monday', id: 'book:mon' },
        ],
      },
    });
    // One Content resource serves both messages.
    expect(sent[1].contentSid).toBe(sent[0].contentSid);
    await waitFor(() => h.updates.find((u) => u.sendId === first.id && u.interactive?.type === 'buttons'));
  });

  it('sends a list picker', async () => {
    const { ws, n, m } = h.workspaceWithMember({ notifyWhatsapp: true });
    await h.memberWrote(n, m);
    const list = {
      type: 'list' as const,
      button: 'Clinics',
      items: [
        { id: 'c1', title: 'Downtown', description: 'Main St 1' },
        { id: 'c2', title: 'Harbour' },
      ],
    };
    const result = await h.send(
      h.request(n, { memberId: m.id, channel: 'whatsapp', body: 'Where shall we meet?', interactive: list }),
    );
    await h.waitForStatus(ws.id, result.id, 'delivered');
    const [sent] = await h.sentTo(m.phone!);
    expect(sent.content).toEqual(contentRequest(list).types);
    expect(sent.body).toBe('Where shall we meet?');
  });

  it('refuses buttons on SMS, with media, over WhatsApp limits, or with a body over 1024 characters', () => {
    const base = h.request(h.number(h.workspace().id), {
      to: '+15550001111',
      channel: 'whatsapp',
      body: 'Pick',
    });
    const problem = (fields: Partial<SendRequest>) =>
      SendRequest.safeParse({ ...base, ...fields }).error?.issues[0]?.message;
    expect(problem({ interactive: buttons })).toBeUndefined();
    expect(problem({ channel: 'sms', interactive: buttons })).toMatch(/buttons and lists go on WhatsApp/);
    expect(problem({ interactive: buttons, mediaUrls: ['https://cdn.example.com/a.jpg'] })).toMatch(
      /without media/,
    );
    expect(problem({ body: 'x'.repeat(1025), interactive: buttons })).toMatch(/at most 1024/);
    expect(
      problem({
        interactive: { type: 'buttons', buttons: ['a', 'b', 'c', 'd'].map((id) => ({ id, title: id })) },
      }),
    ).toBe('WhatsApp shows at most 3 buttons');
    expect(
      problem({ interactive: { type: 'buttons', buttons: [{ id: 'a', title: 'A title far over twenty' }] } }),
    ).toMatch(/20/);
  });
});
