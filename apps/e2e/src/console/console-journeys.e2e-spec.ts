import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomPhone, waitFor } from '@app/testing';
import { ADMIN_KEY } from '../system';
import { consoleSuite, SCREENSHOT_DIR, signIn } from './console-browser';

/**
 * The console in Debian's Chromium against the whole system (every service on real Postgres and
 * NATS, the Twilio emulator): what the product documentation asks an operator to do, done on the
 * pages, and checked through the API. Each journey keeps screenshots at 1280×800 and 390 px.
 */
// A page step may wait up to 40 s on a busy CI (console-browser.ts); a journey has several.
jest.setTimeout(180_000);

describe('console journeys in a real browser', () => {
  const { system, browser, user } = consoleSuite({
    user: { email: 'ops@sunrise-dental.example', role: 'admin' },
  });

  it('signs in with email and password, and lands on Phone numbers', async () => {
    const { context, page } = await browser.newPage();
    await page.goto(browser.url('/members'));
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await browser.screenshots(page, 'sign-in');
    await page.getByLabel('Email', { exact: true }).fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Back where the operator was going, signed in.
    await page.getByRole('heading', { name: 'Members' }).waitFor();
    for (const name of ['Phone numbers', 'Members', 'Chats', 'Workflows', 'Automations', 'Diagnostics'])
      await page.getByRole('link', { name, exact: true }).waitFor();
    const cookie = (await context.cookies()).find((c) => c.name === 'ta_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    await page.getByRole('link', { name: 'Phone numbers', exact: true }).click();
    await page.getByRole('heading', { name: 'Phone numbers' }).waitFor();
    await browser.screenshots(page, 'phone-numbers-empty');
    await context.close();
  });

  it('refuses a wrong password with a message', async () => {
    const { context, page } = await browser.newPage();
    await page.goto(browser.url('/'));
    await page.getByLabel('Email', { exact: true }).fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expectText(page.getByRole('alert'), 'Email or password is incorrect.');
    await browser.screenshots(page, 'sign-in-refused');
    expect((await context.cookies()).find((c) => c.name === 'ta_session')).toBeUndefined();
    await context.close();
  });

  it('turns WhatsApp on for a number, and the API has it saved', async () => {
    const number = await system.phoneNumber(system.ws.key, {
      whatsappEnabled: false,
      brandName: 'Sunrise Dental',
    });
    const { context, page } = await browser.newPage();
    await signIn(page, browser, user.email, user.password);
    await page.getByRole('link', { name: 'Phone numbers', exact: true }).click();
    await browser.screenshots(page, 'phone-numbers');
    await page.getByRole('link', { name: number.number }).click();
    const whatsapp = page.getByRole('switch', { name: 'WhatsApp', exact: true });
    expect(await whatsapp.isChecked()).toBe(false);
    await whatsapp.check({ force: true });
    await browser.screenshots(page, 'phone-number-edit');
    await page.getByRole('button', { name: 'Save' }).click();
    await expectText(page.getByRole('status'), 'Saved.');
    const saved = await system.ok('GET', `/v1/phone-numbers/${number.id}`, system.ws.key);
    expect(saved).toMatchObject({ whatsappEnabled: true, smsEnabled: true, brandName: 'Sunrise Dental' });
    await context.close();
  });

  it("changes a member's notification switches", async () => {
    const member = await system.ok('POST', '/v1/members', system.ws.key, {
      firstName: 'Ana María',
      lastName: 'López',
      phone: randomPhone(),
    });
    const { context, page } = await browser.newPage();
    await signIn(page, browser, user.email, user.password);
    await page.getByRole('link', { name: 'Members', exact: true }).click();
    await page.getByRole('textbox', { name: 'Search' }).fill('maría lóp');
    await page.getByRole('link', { name: 'Ana María López' }).click();
    await page.getByRole('switch', { name: 'WhatsApp', exact: true }).check({ force: true });
    await page.getByRole('switch', { name: 'Voice', exact: true }).uncheck({ force: true });
    await page.getByRole('button', { name: 'Save' }).click();
    await expectText(page.getByRole('status').filter({ hasText: 'Saved.' }), 'Saved.');
    expect(await system.ok('GET', `/v1/members/${member.id}`, system.ws.key)).toMatchObject({
      notifyWhatsapp: true,
      notifyVoice: false,
      notifySms: true,
      notifyEmail: true,
    });
    // The preference history shows both changes.
    await page.getByText('WhatsApp notifications: off → on').waitFor();
    await page.getByText('Voice notifications: on → off').waitFor();
    await browser.screenshots(page, 'member-edit');
    await context.close();
  });

  it("reads a rule's run log: who was sent to, who was skipped and why", async () => {
    const number = await system.phoneNumber(system.ws.key, { whatsappEnabled: true });
    const optedIn = await system.ok('POST', '/v1/members', system.ws.key, {
      firstName: 'Kim',
      phone: randomPhone(),
      notifyWhatsapp: true,
    });
    const notOptedIn = await system.ok('POST', '/v1/members', system.ws.key, {
      firstName: 'Lee',
      phone: randomPhone(),
    });
    const rule = await system.ok('POST', '/v1/event-rules', system.ws.key, {
      event: 'appointment_booked',
      action: {
        type: 'send_whatsapp',
        phoneNumberId: number.id,
        // An approved template: delivered outside the 24-hour window too.
        contentSid: `HX${'0a1b'.repeat(8)}`,
      },
    });
    for (const m of [optedIn, notOptedIn])
      await system.ok('POST', '/v1/events', system.ws.key, {
        type: 'appointment_booked',
        memberId: m.id,
        data: {},
      });
    await waitFor(async () => {
      const runs = await system.ok('GET', `/v1/event-rules/${rule.id}/runs`, system.ws.key);
      // Settled: Kim's send handed to Twilio (sent), Lee's skipped.
      return (
        runs.items.filter((r: { status: string }) => r.status !== 'pending' && r.status !== 'accepted')
          .length === 2
      );
    });

    const { context, page } = await browser.newPage();
    await signIn(page, browser, user.email, user.password);
    await page.getByRole('link', { name: 'Automations', exact: true }).click();
    await browser.screenshots(page, 'automations');
    await page.getByRole('link', { name: 'appointment_booked' }).click();
    const log = page.getByRole('table', { name: 'Run log' });
    await log
      .getByRole('row', { name: /Lee/ })
      .getByText('Member has WhatsApp notifications disabled.')
      .waitFor();
    const kim = log.getByRole('row', { name: /Kim/ });
    await kim.waitFor();
    expect(await kim.textContent()).toMatch(/Sent/);
    await browser.screenshots(page, 'rule-run-log');
    await context.close();
  });

  it('imports 1,000 members from a CSV file, with progress', async () => {
    const importWs = await system.workspace({ name: 'Import Clinic' });
    const importer = `import-${importWs.id.slice(0, 8)}@sunrise-dental.example`;
    await system.ok('POST', '/v1/users', ADMIN_KEY, {
      email: importer,
      password: user.password,
      role: 'member',
      workspaceIds: [importWs.id],
    });
    const rows = Array.from(
      { length: 1000 },
      (_, i) =>
        `Member${i},Test,+1555${String(2_000_000 + i).padStart(7, '0')},${i % 3 === 0 ? 'yes' : 'no'}`,
    );
    const file = join(SCREENSHOT_DIR, 'members-1000.csv');
    writeFileSync(
      file,
      ['first name,last name,phone,whatsapp', ...rows, 'Nobody,Without Phone,,no'].join('\n'),
    );

    const { context, page } = await browser.newPage();
    await signIn(page, browser, importer, user.password);
    await page.getByRole('link', { name: 'Members', exact: true }).click();
    await page.getByRole('link', { name: 'Import CSV' }).click();
    await page.locator('input[type="file"]').setInputFiles(file);
    await page.getByText('1000 members ready to import').waitFor();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const progress = page.getByRole('progressbar', { name: 'Import progress' });
    await progress.waitFor();
    // Progress moves before the end (it is not a spinner that jumps to done).
    await waitFor(
      async () => {
        const value = Number(await progress.getAttribute('aria-valuenow'));
        return value > 0 && value < 100;
      },
      { timeoutMs: 60_000, intervalMs: 20 },
    ).catch(() => undefined);
    await browser.screenshots(page, 'member-import-running');
    await page.getByText('Done: 1000 of 1000 members imported.').waitFor({ timeout: 180_000 });
    // The last row has no phone: reported on its line, not imported.
    await page
      .getByRole('table', { name: 'Rows not imported' })
      .getByRole('row', { name: /1002 No phone or email/ })
      .waitFor();
    await browser.screenshots(page, 'member-import-done');

    let count = 0;
    let cursor: string | null = null;
    do {
      const answer: { items: Array<{ notifyWhatsapp: boolean }>; nextCursor: string | null } =
        await system.ok('GET', `/v1/members?limit=1000${cursor ? `&cursor=${cursor}` : ''}`, importWs.key);
      count += answer.items.length;
      cursor = answer.nextCursor;
    } while (cursor);
    expect(count).toBe(1000);
    await context.close();
  }, 300_000);
});

async function expectText(locator: import('playwright-core').Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
  expect(await locator.filter({ hasText: text }).first().textContent()).toContain(text);
}
