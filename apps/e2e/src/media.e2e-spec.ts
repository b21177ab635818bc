import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomPhone, ScriptedLlm, waitFor } from '@app/testing';
import { System } from './system';

// A 1×1 PNG: what a phone's camera would send, small.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const VOICE_NOTE = Buffer.from('OggS-pretend-opus-voice-note');

type StoredMedia = {
  contentType: string;
  stored?: { key: string; size: number };
  refused?: { code: string; reason: string };
  transcript?: string;
};

describe('media: the AI reads photos and voice notes (emulator, scripted model and transcriber)', () => {
  let system: System;
  let llm: ScriptedLlm;
  let ws: { id: string; key: string };
  let number: { id: string; number: string };
  let mediaDir: string;

  beforeAll(async () => {
    llm = await ScriptedLlm.start();
    mediaDir = await mkdtemp(join(tmpdir(), 'e2e-media-'));
    system = await System.start({ llmBaseUrl: llm.baseUrl, env: { MEDIA_DIR: mediaDir } });
    ws = await system.workspace();
    const workflow = await system.workflow(ws.key, [
      { agent: { instructions: 'MARKER-MEDIA Help the member.' } },
    ]);
    number = await system.phoneNumber(ws.key, { defaultWorkflowId: workflow.id });
  });
  afterAll(async () => {
    await system?.stop();
    await llm?.stop();
  });

  /** The member's newest inbound message as chats stored it. */
  async function storedInbound(phone: string): Promise<{
    body: string | null;
    media: StoredMedia[];
    chatId: string;
    choice?: { kind: string; id: string; title: string };
  }> {
    return waitFor(async () => {
      const chats = await system.ok<{ items: Array<{ id: string; memberId: string }> }>(
        'GET',
        '/v1/chats',
        ws.key,
      );
      const members = await system.ok<{ items: Array<{ id: string }> }>(
        'GET',
        `/v1/members?phone=${encodeURIComponent(phone)}`,
        ws.key,
      );
      const chat = chats.items.find((c) => c.memberId === members.items[0]?.id);
      if (!chat) return undefined;
      const messages = await system.ok<{
        items: Array<{
          direction: string;
          body: string | null;
          media: StoredMedia[];
          chatId: string;
          choice?: { kind: string; id: string; title: string };
        }>;
      }>('GET', `/v1/chats/${chat.id}/messages`, ws.key);
      return messages.items.filter((m) => m.direction === 'inbound').at(-1);
    });
  }

  const lastUserContent = (index: number) => {
    const request = llm.requestsWith('MARKER-MEDIA')[index];
    return request.messages.filter((m) => m.role === 'user').at(-1)?.content;
  };

  it('gives the model a photo as an image part, fetched with the account credentials and kept', async () => {
    const phone = randomPhone();
    const photo = await system.twilio.media('image/png', PNG);
    llm.script({ text: 'Nice smile! Your whitening is booked.' });
    const sent = await system.inbound({
      from: phone,
      to: number.number,
      body: 'Is this normal?',
      channel: 'whatsapp',
      media: [photo],
    });
    const [reply] = await system.waitForSent(phone, 1, 'whatsapp');
    expect(reply.body).toBe('Nice smile! Your whitening is booked.');

    // While the model thought, the member saw us typing on their photo.
    expect(await system.twilio.typing(sent.messageSid)).toEqual([
      expect.objectContaining({ channel: 'whatsapp', messageId: sent.messageSid }),
    ]);
    expect(lastUserContent(0)).toEqual([
      { type: 'text', text: 'Is this normal?\n[The member sent a photo (image/png).]' },
      { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG.toString('base64')}` } },
    ]);
    const stored = await storedInbound(phone);
    expect(stored.media[0]).toMatchObject({ contentType: 'image/png', stored: { size: PNG.length } });
    expect(await readFile(join(mediaDir, stored.media[0].stored?.key ?? 'missing'))).toEqual(PNG);
  });

  it('gives the model a voice note as its transcript, stored with the message', async () => {
    const phone = randomPhone();
    const voice = await system.twilio.media('audio/ogg', VOICE_NOTE);
    llm.scriptTranscripts('Can we do Friday instead?').script({ text: 'Friday at 10 works.' });
    await system.inbound({ from: phone, to: number.number, body: '', channel: 'whatsapp', media: [voice] });
    const [reply] = await system.waitForSent(phone, 1, 'whatsapp');
    expect(reply.body).toBe('Friday at 10 works.');

    expect(lastUserContent(1)).toBe('[Voice note, transcribed:] Can we do Friday instead?');
    expect(llm.transcriptions.at(-1)).toEqual({
      model: 'whisper-1',
      contentType: 'audio/ogg',
      bytes: VOICE_NOTE.length,
    });
    const stored = await storedInbound(phone);
    expect(stored.media[0]).toMatchObject({
      transcript: 'Can we do Friday instead?',
      stored: { size: VOICE_NOTE.length },
    });
  });

  it('refuses an oversized photo and a file of a type it does not take, and says why in the chat and to the model', async () => {
    const phone = randomPhone();
    const big = await system.twilio.media('image/jpeg', { sizeBytes: 6 * 1024 * 1024 });
    const zip = await system.twilio.media('application/zip', Buffer.from('PK'));
    llm.script({ text: 'Sorry, I could not open those.' });
    await system.inbound({
      from: phone,
      to: number.number,
      body: 'Two files',
      channel: 'whatsapp',
      media: [big, zip],
    });
    await system.waitForSent(phone, 1, 'whatsapp');

    const stored = await storedInbound(phone);
    expect(stored.media.map((m) => [m.refused?.code, m.stored])).toEqual([
      ['too_large', undefined],
      ['unsupported_type', undefined],
    ]);
    expect(stored.media[0].refused?.reason).toContain('5 MB limit');
    const refusals = await waitFor(async () => {
      const page = await system.ok<{
        items: Array<{ code: string; reason: string; links: { chatId: string } }>;
      }>('GET', '/v1/diagnostics?kind=media_refused', ws.key);
      const mine = page.items.filter((d) => d.links.chatId === stored.chatId);
      return mine.length === 2 ? mine : undefined;
    });
    expect(refusals.map((d) => d.code).sort()).toEqual(['too_large', 'unsupported_type']);
    expect(refusals.find((d) => d.code === 'too_large')?.reason).toContain('5 MB');
    expect(lastUserContent(2)).toBe(
      [
        'Two files',
        `[The member sent a file (image/jpeg) that could not be kept: ${stored.media[0].refused?.reason}.]`,
        '[The member sent a file (application/zip) that could not be kept: files of type application/zip are not accepted.]',
      ].join('\n'),
    );
  });

  it("sends a reply's image and its quick-reply buttons in Twilio's shape; the press comes back with its payload", async () => {
    const workflow = await system.workflow(ws.key, [
      {
        if: 'message.button_payload != ""',
        then: [{ reply: 'You chose {{message.button_payload}} ({{message.button_text}}).' }],
        else: [
          { reply: 'Here is our menu.', media: ['https://cdn.example.com/menu.jpg'] },
          {
            reply: 'Shall I book you a table?',
            buttons: [
              { id: 'book:tonight', title: 'Book tonight' },
              { id: 'later', title: 'Later' },
            ],
          },
        ],
      },
    ]);
    const replies = await system.phoneNumber(ws.key, { defaultWorkflowId: workflow.id });
    const phone = randomPhone();
    await system.inbound({ from: phone, to: replies.number, body: 'Menu?', channel: 'whatsapp' });
    const [menu, offer] = await system.waitForSent(phone, 2, 'whatsapp');
    expect(menu).toMatchObject({
      body: 'Here is our menu.',
      mediaUrls: ['https://cdn.example.com/menu.jpg'],
    });
    expect(menu.sid).toMatch(/^MM/);
    expect(offer).toMatchObject({
      body: 'Shall I book you a table?',
      contentSid: expect.stringMatching(/^HX[0-9a-f]{32}$/),
      content: {
        'twilio/quick-reply': {
          body: '{{1}}',
          actions: [
            { type: 'QUICK_REPLY', title: 'Book tonight', id: 'book:tonight' },
            { type: 'QUICK_REPLY', title: 'Later', id: 'later' },
          ],
        },
      },
    });

    const press = await system.press(offer.sid, 'book:tonight');
    expect(press.params).toMatchObject({ ButtonPayload: 'book:tonight', ButtonText: 'Book tonight' });
    const sent = await system.waitForSent(phone, 3, 'whatsapp');
    expect(sent[2].body).toBe('You chose book:tonight (Book tonight).');
    const stored = await waitFor(async () => {
      const last = await storedInbound(phone);
      return last.choice ? last : undefined;
    });
    expect(stored).toMatchObject({
      body: 'Book tonight',
      choice: { kind: 'button', id: 'book:tonight', title: 'Book tonight' },
    });
  });
});
