import { SendRequest } from '@app/contracts';
import { waitFor } from '@app/testing';
import { OutboundHarness } from '../testing/outbound-harness';

jest.setTimeout(30_000);

describe('outbound sends media by URL (real Postgres, NATS and the Twilio emulator)', () => {
  const h = OutboundHarness.forSuite();

  it('hands the media URLs to Twilio as MediaUrl and records them on the send and its update', async () => {
    const { ws, n, m } = h.workspaceWithMember();
    const mediaUrls = ['https://cdn.example.com/menu.jpg', 'https://cdn.example.com/map.png?v=2'];
    const result = await h.send(
      h.request(n, { memberId: m.id, channel: 'sms', body: 'Our menu', mediaUrls }),
    );
    const delivered = await h.waitForStatus(ws.id, result.id, 'delivered');
    expect(delivered.mediaUrls).toEqual(mediaUrls);
    const [sent] = await h.sentTo(m.phone!);
    expect(sent).toMatchObject({ sid: delivered.twilioSid, body: 'Our menu', mediaUrls });
    expect(sent.sid).toMatch(/^MM/);
    await waitFor(() => h.updates.find((u) => u.sendId === result.id && u.mediaUrls.length === 2));
  });

  it('sends media without a body', async () => {
    const { ws, n, m } = h.workspaceWithMember();
    const mediaUrls = ['https://cdn.example.com/only.jpg'];
    const result = await h.send(h.request(n, { memberId: m.id, channel: 'sms', body: undefined, mediaUrls }));
    await h.waitForStatus(ws.id, result.id, 'delivered');
    expect(await h.sentTo(m.phone!)).toMatchObject([{ body: '', mediaUrls }]);
  });

  it("ends as a failed send with Twilio's 11751 and a human reason when the media is too large", async () => {
    const { ws, n, m } = h.workspaceWithMember();
    const result = await h.send(
      h.request(n, {
        memberId: m.id,
        channel: 'sms',
        body: 'The video',
        mediaUrls: ['https://cdn.example.com/huge.mp4?emulator-media=too-large'],
      }),
    );
    const failed = await h.waitForStatus(ws.id, result.id, 'failed');
    expect(failed).toMatchObject({
      errorCode: '11751',
      reason: expect.stringMatching(/larger than the channel allows/),
    });
  });

  it('refuses media URLs that are not https, or more than ten, in the contract', () => {
    const base = h.request(h.number(h.workspace().id), { to: '+15550001111', channel: 'sms', body: 'x' });
    const http = SendRequest.safeParse({ ...base, mediaUrls: ['http://cdn.example.com/a.jpg'] });
    expect(http.success).toBe(false);
    expect(http.error?.issues[0]?.message).toBe('media URL must be an https URL');
    const many = SendRequest.safeParse({
      ...base,
      mediaUrls: Array(11).fill('https://cdn.example.com/a.jpg'),
    });
    expect(many.error?.issues[0]?.message).toBe('at most 10 media URLs on one message');
    const withTemplate = SendRequest.safeParse({
      ...base,
      body: undefined,
      contentSid: 'HX0123456789abcdef0123456789abcdef',
      mediaUrls: ['https://cdn.example.com/a.jpg'],
    });
    expect(withTemplate.success).toBe(false);
  });
});
