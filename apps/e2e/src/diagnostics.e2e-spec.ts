import { INBOUND_REJECTION_REASONS, SEND_REASONS, TURN_SKIP_REASONS } from '@app/rules';
import { maskPhone } from '@app/twilio';
import { randomPhone, staysFalse, waitFor } from '@app/testing';
import { System } from './system';

const TEMPLATE = 'HX0123456789abcdef0123456789abcdef';

interface Diagnostic {
  kind: string;
  code: string;
  reason: string;
  channel: string | null;
  address: string | null;
  links: Record<string, string | null>;
  occurredAt: string;
}

/** Why nothing happened, answered by GET /v1/diagnostics; the WhatsApp sandbox's join, end to end. */
describe('diagnostics and the WhatsApp sandbox, end to end', () => {
  const system = System.forSuite();

  async function diagnostic(match: (d: Diagnostic) => boolean, query = ''): Promise<Diagnostic> {
    return waitFor(
      async () => {
        const page = await system.ok<{ items: Diagnostic[] }>(
          'GET',
          `/v1/diagnostics${query}`,
          system.ws.key,
        );
        return page.items.find(match);
      },
      { message: 'the diagnostics record', timeoutMs: 30_000 },
    );
  }

  it('records a WhatsApp message to a number with WhatsApp off, with the reason and a masked address', async () => {
    const number = await system.phoneNumber(system.ws.key, { whatsappEnabled: false });
    const phone = randomPhone();
    const sent = await system.inbound({
      from: phone,
      to: number.number,
      body: 'Hello?',
      channel: 'whatsapp',
    });
    expect(sent.status).toBe(200);
    const record = await diagnostic((d) => d.links.phoneNumberId === number.id, '?kind=inbound_rejected');
    expect(record).toMatchObject({
      kind: 'inbound_rejected',
      code: 'whatsapp_disabled',
      reason: INBOUND_REJECTION_REASONS.whatsapp_disabled,
      channel: 'whatsapp',
      address: maskPhone(phone),
    });
    expect(record.links.messageSid).toMatch(/^SM/);
    expect(JSON.stringify(record)).not.toContain(phone);
  });

  it('records a turn no workflow answered (no default workflow), linked to its chat', async () => {
    const number = await system.phoneNumber(system.ws.key);
    const phone = randomPhone();
    await system.inbound({ from: phone, to: number.number, body: 'Anyone there?', channel: 'sms' });
    const record = await diagnostic((d) => d.links.phoneNumberId === number.id, '?kind=turn_skipped');
    expect(record).toMatchObject({
      code: 'no_default_workflow',
      reason: TURN_SKIP_REASONS.no_default_workflow,
      channel: 'sms',
      address: maskPhone(phone),
    });
    const chat = await system.ok<{ id: string; phoneNumberId: string }>(
      'GET',
      `/v1/chats/${record.links.chatId}`,
      system.ws.key,
    );
    expect(chat.phoneNumberId).toBe(number.id);
  });

  it('records a file the member sent that was not kept (a type we do not keep), linked to the chat', async () => {
    const number = await system.phoneNumber(system.ws.key);
    const phone = randomPhone();
    await system.inbound({
      from: phone,
      to: number.number,
      body: 'Here is the archive',
      channel: 'whatsapp',
      // Refused for its type before any download: the URL is never fetched.
      media: [{ url: 'http://127.0.0.1:9/files/archive.zip', contentType: 'application/zip' }],
    });
    const record = await diagnostic((d) => d.links.phoneNumberId === number.id, '?kind=media_refused');
    expect(record).toMatchObject({
      code: 'unsupported_type',
      channel: 'whatsapp',
      address: maskPhone(phone),
    });
    expect(record.reason).toMatch(/type we do not keep.*application\/zip/);
    expect(record.links.chatId).toEqual(expect.any(String));
  });

  it('skips a WhatsApp send from a sandbox number to a member who has not joined (63015) before Twilio, and sends once they join', async () => {
    const number = await system.phoneNumber(system.ws.key, {
      whatsappSandbox: true,
      whatsappSandboxJoinCode: 'bright-tiger',
    });
    // The emulator plays Twilio's sandbox: without our check, Twilio would fail the send with 63015.
    await system.emulatorControl('/emulator/sandbox', { number: number.number, joinCode: 'bright-tiger' });
    const member = await system.ok<{ id: string; phone: string }>('POST', '/v1/members', system.ws.key, {
      firstName: 'Robin',
      phone: randomPhone(),
      notifyWhatsapp: true,
    });
    const send = (n: number) =>
      system.ok<{ id: string; status: string; reason: string | null }>(
        'POST',
        '/v1/messages',
        system.ws.key,
        {
          phoneNumberId: number.id,
          memberId: member.id,
          channel: 'whatsapp',
          contentSid: TEMPLATE,
          idempotencyKey: `sandbox-${member.id}-${n}`,
        },
      );

    const before = await send(1);
    expect(before).toMatchObject({ status: 'skipped', reason: SEND_REASONS.sandboxNotJoined });
    const record = await diagnostic((d) => d.links.sendId === before.id, '?kind=send_skipped');
    expect(record).toMatchObject({
      code: 'sandbox_not_joined',
      reason: SEND_REASONS.sandboxNotJoined,
      address: maskPhone(member.phone),
    });
    expect(await staysFalse(async () => (await system.sentTo(member.phone)).length > 0, 500)).toBe(true);

    // A wrong code joins nothing; the right one (any case) does.
    await system.inbound({
      from: member.phone,
      to: number.number,
      body: 'join calm-lake',
      channel: 'whatsapp',
    });
    await system.inbound({
      from: member.phone,
      to: number.number,
      body: 'JOIN Bright-Tiger',
      channel: 'whatsapp',
    });
    // Routing records the join before it accepts the message: once both are in the chat, it is known.
    await waitFor(
      async () => {
        const chats = await system.ok<{ items: Array<{ id: string }> }>(
          'GET',
          `/v1/chats?memberId=${member.id}&channel=whatsapp`,
          system.ws.key,
        );
        if (!chats.items[0]) return undefined;
        const messages = await system.ok<{ items: unknown[] }>(
          'GET',
          `/v1/chats/${chats.items[0].id}/messages`,
          system.ws.key,
        );
        return messages.items.length >= 2 ? true : undefined;
      },
      { message: 'both join messages in the chat', timeoutMs: 30_000 },
    );
    const after = await send(2);
    expect(after.status).not.toBe('skipped');
    const [delivered] = await system.waitForSent(member.phone, 1, 'whatsapp');
    expect(delivered.to).toBe(`whatsapp:${member.phone}`);
  });
});
