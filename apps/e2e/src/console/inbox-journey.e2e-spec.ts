import type { Locator } from 'playwright-core';
import { maskPhone } from '@app/rules';
import { randomPhone, staysFalse, waitFor } from '@app/testing';
import { consoleSuite, signIn } from './console-browser';

jest.setTimeout(300_000);

const MARKER = 'MARKER-INBOX-JOURNEY';

interface Chat {
  id: string;
  waitingSince: string | null;
  unreadCount: number;
  heldBy: { actor: string; name: string } | null;
}

/**
 * The inbox in Debian's Chromium against the whole system, the AI played by the scripted model:
 * a member's WhatsApp message appears without reload, the AI answers, the user takes over, the
 * member writes and no AI reply goes out, the user's reply reaches the phone, hand back, and the
 * AI answers again. Screenshots at 1280×800 and 390 px.
 */
describe('the inbox in a real browser', () => {
  const { system, browser, user } = consoleSuite({
    system: { llm: true },
    user: { email: 'desk@sunrise-dental.example', role: 'member' },
  });

  const chatOf = (phone: string) => system.chatOf<Chat>(system.ws.key, phone);

  it('shows new chats live; take over, reply, hand back, and the AI answers again', async () => {
    const workflow = await system.workflow(system.ws.key, [
      { agent: { instructions: `${MARKER} You are the front desk.` } },
    ]);
    const number = await system.phoneNumber(system.ws.key, { defaultWorkflowId: workflow.id });
    const ana = randomPhone();
    const unnamed = randomPhone();
    const sayAna = (body: string) =>
      system.inbound({ from: ana, to: number.number, body, channel: 'whatsapp', profileName: 'Ana María' });
    const sentToAna = async () => (await system.sentTo(ana, 'whatsapp')).map((m) => m.body);

    const { context, page } = await browser.newPage();
    await signIn(page, browser, user.email, user.password);
    await page.getByRole('link', { name: 'Chats', exact: true }).click();
    await page.getByText('No chats yet').waitFor();
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await browser.screenshots(page, 'inbox-empty');
    // A reload would clear this: the journey checks at the end that the page never reloaded.
    await page.evaluate('window.__sameInboxPage = true');

    // A member's WhatsApp message arrives through the emulator and appears without reload.
    system.llm.script({ text: 'Hi Ana! We open at 9.' });
    await sayAna('Hello, when do you open?');
    const chats = page.getByRole('list', { name: 'Chats' });
    const anaRow = chats.getByRole('link', { name: /Ana María/ });
    await anaRow.waitFor();
    await expectText(anaRow, 'WhatsApp');
    // The AI answers (the scripted model), and the chat's line shows it.
    expect(await system.waitForSent(ana, 1, 'whatsapp').then((s) => s.map((m) => m.body))).toEqual([
      'Hi Ana! We open at 9.',
    ]);
    await expectText(anaRow, 'Sent: Hi Ana! We open at 9.');
    await anaRow.getByLabel('1 unread').waitFor();

    // A member without a name shows as their masked phone, with the SMS label.
    system.llm.script({ text: 'Hello! How can we help?' });
    await system.inbound({ from: unnamed, to: number.number, body: 'hi', channel: 'sms', profileName: '' });
    const unnamedRow = chats.getByRole('link', { name: new RegExp(escape(maskPhone(unnamed))) });
    await unnamedRow.waitFor();
    await expectText(unnamedRow, 'SMS');
    expect(await unnamedRow.textContent()).not.toContain(unnamed);
    await system.waitForSent(unnamed, 1, 'sms');
    await browser.screenshots(page, 'inbox-list');

    // Opening the chat shows its thread beside the list, and marks it read.
    await anaRow.click();
    const chat = await chatOf(ana);
    await page.waitForURL(`**/console/chats/${chat.id}`);
    const thread = page.getByRole('list', { name: 'Messages' });
    await expectText(thread, 'Hello, when do you open?');
    await expectText(thread, 'Hi Ana! We open at 9.');
    await waitFor(
      async () => (await system.ok<Chat>('GET', `/v1/chats/${chat.id}`, system.ws.key)).unreadCount === 0,
      { message: 'the chat marked read' },
    );
    await anaRow.getByLabel('1 unread').waitFor({ state: 'detached' });
    await page.getByText('The AI answers', { exact: true }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Reply' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Send' }).isDisabled()).toBe(true);

    // Take over: the user holds the chat.
    await page.getByRole('button', { name: 'Take over' }).click();
    await page.getByText('You hold this chat').waitFor();
    const held = await system.ok<Chat>('GET', `/v1/chats/${chat.id}`, system.ws.key);
    expect(held.heldBy).toMatchObject({ actor: expect.stringMatching(/^user:/), name: user.email });
    await browser.screenshots(page, 'inbox-taken-over');

    // The member writes again: it shows, and no AI reply goes out.
    const modelCalls = () => system.llm.requestsWith(MARKER).length;
    const callsBefore = modelCalls();
    await sayAna('Is anyone there?');
    await expectText(thread, 'Is anyone there?');
    expect(
      await staysFalse(async () => (await sentToAna()).length > 1 || modelCalls() > callsBefore, 3_000),
    ).toBe(true);

    // The user replies: the emulator's phone receives it.
    await page.getByRole('textbox', { name: 'Reply' }).fill('Sam here, how can I help?');
    await page.getByRole('button', { name: 'Send' }).click();
    await system.waitForSent(ana, 2, 'whatsapp');
    expect(await sentToAna()).toEqual(['Hi Ana! We open at 9.', 'Sam here, how can I help?']);
    await expectText(thread, 'Sam here, how can I help?');
    expect(await page.getByRole('textbox', { name: 'Reply' }).inputValue()).toBe('');
    await browser.screenshots(page, 'inbox-replied');

    // Hand back: the AI answers the member's next message again.
    await page.getByRole('button', { name: 'Hand back' }).click();
    await page.getByText('The AI answers', { exact: true }).waitFor();
    expect((await system.ok<Chat>('GET', `/v1/chats/${chat.id}`, system.ws.key)).heldBy).toBeNull();
    system.llm.script({ text: 'Glad to help, Ana!' });
    await sayAna('Thanks!');
    await system.waitForSent(ana, 3, 'whatsapp');
    // Had the AI answered "Is anyone there?", its reply would be here (one chat's turns are in order).
    expect(await sentToAna()).toEqual([
      'Hi Ana! We open at 9.',
      'Sam here, how can I help?',
      'Glad to help, Ana!',
    ]);
    await expectText(thread, 'Thanks!');
    await expectText(thread, 'Glad to help, Ana!');
    // The model saw what happened while the person held the chat.
    const history = JSON.stringify(system.llm.requestsWith(MARKER).at(-1)?.messages);
    expect(history).toContain('Is anyone there?');
    expect(history).toContain('Sam here, how can I help?');
    expect(await page.evaluate('window.__sameInboxPage')).toBe(true);
    await browser.screenshots(page, 'inbox-handed-back');
    await context.close();
  });

  it('shows the waiting queue live: a chat on a number answered by people waits until someone takes it', async () => {
    const number = await system.phoneNumber(system.ws.key, { workMode: 'human' });
    const phone = randomPhone();
    const { context, page } = await browser.newPage();
    await signIn(page, browser, user.email, user.password);
    await page.getByRole('link', { name: 'Chats', exact: true }).click();
    await page.getByText('Waiting', { exact: true }).click();
    await page.getByText('Nobody is waiting').waitFor();
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();

    await system.inbound({
      from: phone,
      to: number.number,
      body: 'I need a person',
      channel: 'whatsapp',
      profileName: 'Lee',
    });
    const queue = page.getByRole('list', { name: 'Chats' });
    const row = queue.getByRole('link', { name: /Lee/ });
    await row.waitFor();
    await expectText(row, 'Waiting');
    await expectText(row, 'I need a person');
    await page.getByText('Waiting (1)').waitFor();
    await browser.screenshots(page, 'inbox-waiting');

    await row.click();
    await page.getByText(/Waiting for a person since/).waitFor();
    await page.getByRole('button', { name: 'Take over' }).click();
    await page.getByText('You hold this chat').waitFor();
    // Taken: out of the queue, without reload.
    await page.getByText('Nobody is waiting').waitFor();
    const chat = await chatOf(phone);
    expect(chat).toMatchObject({ waitingSince: null, heldBy: { name: user.email } });
    await context.close();
  });
});

async function expectText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
  expect(await locator.filter({ hasText: text }).first().textContent()).toContain(text);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
