import { randomPhone, waitFor } from '@app/testing';
import { consoleSuite, signIn } from './console-browser';

jest.setTimeout(300_000);

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/**
 * A chat's files and buttons in Debian's Chromium against the whole system: the member's photo
 * (kept), voice note (with its transcript) and a refused file with its reason, the buttons the
 * workflow offered (as outbound sent them, kept on the chat message) and the one the member pressed. Screenshots at 1280×800 and 390 px.
 */
describe("a chat's media in a real browser", () => {
  const { system, browser, user } = consoleSuite({
    system: { llm: true },
    user: { email: 'media@sunrise-dental.example', role: 'member' },
  });

  it('names kept and refused files, shows a transcript and the button the member pressed', async () => {
    const workflow = await system.workflow(system.ws.key, [
      {
        if: 'message.button_payload == ""',
        then: [
          {
            reply: 'Thanks! Shall I book you in?',
            buttons: [
              { id: 'book', title: 'Book me in' },
              { id: 'later', title: 'Later' },
            ],
          },
        ],
        else: [{ reply: 'Booked: {{message.button_text}}.' }],
      },
    ]);
    const number = await system.phoneNumber(system.ws.key, { defaultWorkflowId: workflow.id });
    const phone = randomPhone();
    const photo = await system.twilio.media('image/png', PNG);
    const voice = await system.twilio.media('audio/ogg', Buffer.from('OggS-voice'));
    const zip = await system.twilio.media('application/zip', Buffer.from('PK'));
    system.llm.scriptTranscripts('My tooth hurts since Monday.');
    await system.inbound({
      from: phone,
      to: number.number,
      body: 'Here it is',
      channel: 'whatsapp',
      profileName: 'Ana',
      media: [photo, voice, zip],
    });
    const [offer] = await system.waitForSent(phone, 1, 'whatsapp');
    await system.press(offer.sid, 'book');
    await system.waitForSent(phone, 2, 'whatsapp');
    const chat = await waitFor(() => system.chatOf<{ id: string }>(system.ws.key, phone));

    const { context, page } = await browser.newPage();
    await signIn(page, browser, user.email, user.password);
    await page.goto(`${system.apiUrl}/console/chats/${chat.id}`);
    const thread = page.getByRole('list', { name: 'Messages' });
    await thread.getByText('Photo (image/png), kept').waitFor();
    await thread.getByText('Transcript: My tooth hurts since Monday.').waitFor();
    await thread.getByText(/File \(application\/zip\): not kept, .*application\/zip/).waitFor();
    await thread.getByText('Buttons: Book me in · Later').waitFor();
    await thread.getByText('Pressed button book').waitFor();
    await thread.getByText('Booked: Book me in.').waitFor();
    await browser.screenshots(page, 'chat-media');
    await context.close();
  });
});
