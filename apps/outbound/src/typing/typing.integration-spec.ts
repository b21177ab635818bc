import { ShowTyping } from '@app/contracts';
import { OutboundHarness } from '../testing/outbound-harness';

jest.setTimeout(30_000);

describe('outbound shows the WhatsApp typing indicator (real NATS and the Twilio emulator)', () => {
  const h = OutboundHarness.forSuite();

  it("asks Twilio's typing indicator for the member's message on WhatsApp, and declines on SMS", async () => {
    const ws = h.workspace();
    const n = h.number(ws.id);
    const messageSid = `SM${'a1'.repeat(16)}`;
    const request = { workspaceId: ws.id, phoneNumberId: n.id, messageSid };
    await expect(h.nats.request(ShowTyping, { ...request, channel: 'whatsapp' })).resolves.toEqual({
      shown: true,
      reason: null,
    });
    expect(await h.typingShown(messageSid)).toEqual([
      expect.objectContaining({ channel: 'whatsapp', messageId: messageSid }),
    ]);

    await expect(h.nats.request(ShowTyping, { ...request, channel: 'sms' })).resolves.toMatchObject({
      shown: false,
    });
    // Twilio refuses an id that is no message: answered, not thrown.
    const refused = await h.nats.request(ShowTyping, { ...request, channel: 'whatsapp', messageSid: 'nope' });
    expect(refused).toMatchObject({ shown: false, reason: expect.any(String) });
    expect(await h.typingShown(messageSid)).toHaveLength(1);
  });
});
