import { randomPhone, waitFor } from '@app/testing';
import type { Locator, Page } from 'playwright-core';
import { ADMIN_KEY } from '../system';
import { consoleSuite, signIn } from './console-browser';

const TEMPLATE = `HX${'0a1b'.repeat(8)}`;

/**
 * What an operator and an organisation admin do on the console beyond the first steps: the
 * WhatsApp feature and a number's keywords, an automation turned off and deleted, a routine's
 * results per member, an API key shown once and revoked. In Debian's Chromium against the whole
 * system; every change is checked through the API, and screenshots are kept at 1280×800 and 390 px.
 */
// A page step may wait up to 40 s on a busy CI (console-browser.ts); a journey has several.
jest.setTimeout(180_000);

describe('console operations in a real browser', () => {
  const wsName = `Lakeside Clinic ${Math.random().toString(36).slice(2, 7)}`;
  // Without the WhatsApp feature: the admin turns it on in the first journey.
  const { system, browser, user } = consoleSuite({
    system: { workspace: { name: wsName, whatsapp: false } },
    user: { email: 'admin@lakeside.example', role: 'admin' },
  });

  /** The admin page with this journey's workspace opened. */
  async function openWorkspace(page: Page): Promise<Locator> {
    await page.getByRole('link', { name: 'Admin', exact: true }).click();
    await page.getByRole('heading', { name: 'Admin' }).waitFor();
    await page.getByRole('button', { name: wsName }).click();
    const panel = page.getByRole('region', { name: wsName });
    await panel.getByRole('switch', { name: 'WhatsApp', exact: true }).waitFor();
    return panel;
  }

  it('turns the WhatsApp feature on, then WhatsApp and the keyword settings on a number, saved through the API', async () => {
    const number = await system.phoneNumber(system.ws.key, { whatsappEnabled: false, brandName: 'Lakeside' });
    const { context, page } = await browser.newPage();
    await signIn(page, browser, user.email, user.password);

    // Without the feature the number's form says why there is no WhatsApp switch.
    await page.goto(browser.url(`/phone-numbers/${number.id}`));
    await page.getByText('WhatsApp is not available in this workspace').waitFor();

    const panel = await openWorkspace(page);
    // The switch shows the server's state: it flips once the change is saved.
    await panel.getByRole('switch', { name: 'WhatsApp', exact: true }).click({ force: true });
    await waitFor(async () => {
      const got = await system.ok<{ features: string[] }>('GET', `/v1/workspaces/${system.ws.id}`, ADMIN_KEY);
      return got.features.includes('whatsapp');
    });
    await browser.screenshots(page, 'admin-workspace');

    await page.getByRole('link', { name: 'Phone numbers', exact: true }).click();
    await page.getByRole('link', { name: number.number }).click();
    await page.getByRole('switch', { name: 'WhatsApp', exact: true }).check({ force: true });
    const optOut = page.getByRole('combobox', { name: 'Opt-out keywords' });
    await optOut.fill('ARRET');
    await optOut.press('Enter');
    await page
      .getByRole('textbox', { name: 'Help reply' })
      .fill('Lakeside: call +15551230000. Reply STOP to stop.');
    await page.getByRole('textbox', { name: 'Opt-out confirmation' }).fill('Lakeside: no more messages.');
    await browser.screenshots(page, 'phone-number-keywords');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

    const saved = await system.ok('GET', `/v1/phone-numbers/${number.id}`, system.ws.key);
    expect(saved).toMatchObject({
      whatsappEnabled: true,
      keywordReplies: {
        help: 'Lakeside: call +15551230000. Reply STOP to stop.',
        optOut: 'Lakeside: no more messages.',
        optIn: null,
      },
    });
    expect(saved.keywords.optOut).toEqual(expect.arrayContaining(['STOP', 'ARRET']));

    // Taking STOP out is refused at its field, and nothing is saved.
    await page.reload();
    const list = page.getByRole('combobox', { name: 'Opt-out keywords' });
    const stop = page.locator('.mantine-TagsInput-pill', { hasText: /^STOP$/ }).first();
    await stop.locator('button').click({ force: true });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText(/must include STOP/).waitFor();
    expect(await list.getAttribute('aria-invalid')).toBe('true');
    expect(
      (await system.ok('GET', `/v1/phone-numbers/${number.id}`, system.ws.key)).keywords.optOut,
    ).toContain('STOP');
    await context.close();
  });

  it('turns an event rule off and deletes it', async () => {
    const number = await system.phoneNumber(system.ws.key, { whatsappEnabled: false });
    const rule = await system.ok('POST', '/v1/event-rules', system.ws.key, {
      event: 'invoice_overdue',
      action: { type: 'send_sms', phoneNumberId: number.id, template: 'Your invoice is overdue.' },
    });
    const { context, page } = await browser.newPage();
    await signIn(page, browser, user.email, user.password);
    await page.getByRole('link', { name: 'Automations', exact: true }).click();
    await page.getByRole('link', { name: 'invoice_overdue' }).click();
    const enabled = page.getByRole('switch', { name: 'Enabled' });
    expect(await enabled.isChecked()).toBe(true);
    await enabled.click({ force: true });
    await waitFor(async () => !(await system.ok('GET', `/v1/event-rules/${rule.id}`, system.ws.key)).enabled);
    await page.getByText('Off', { exact: true }).waitFor();
    await browser.screenshots(page, 'rule-disabled');

    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this rule?' });
    await dialog.getByRole('button', { name: 'Delete rule' }).click();
    await page.getByRole('heading', { name: 'Automations' }).waitFor();
    expect((await system.api('GET', `/v1/event-rules/${rule.id}`, system.ws.key)).status).toBe(404);
    await expectGone(page.getByRole('link', { name: 'invoice_overdue' }));
    await context.close();
  });

  it('runs a routine and reads its results per member, filtered by status', async () => {
    const number = await system.phoneNumber(system.ws.key, { whatsappEnabled: true });
    await system.ok('POST', '/v1/members', system.ws.key, {
      firstName: 'Kim',
      lastName: 'Routine',
      phone: randomPhone(),
      notifyWhatsapp: true,
    });
    await system.ok('POST', '/v1/members', system.ws.key, {
      firstName: 'Lee',
      lastName: 'Routine',
      phone: randomPhone(),
    });
    const routine = await system.ok('POST', '/v1/routines', system.ws.key, {
      name: 'Flu jab reminder',
      memberFilter: 'member.last_name == "Routine"',
      action: { type: 'send_whatsapp', phoneNumberId: number.id, contentSid: TEMPLATE },
    });

    const { context, page } = await browser.newPage();
    await signIn(page, browser, user.email, user.password);
    await page.getByRole('link', { name: 'Automations', exact: true }).click();
    await page.getByRole('tab', { name: 'Routines' }).click();
    await page.getByRole('link', { name: 'Flu jab reminder' }).click();
    await page.getByText('Not run yet').waitFor();
    await page.getByRole('button', { name: 'Run now' }).click();
    // The live progress reaches the end without a reload.
    await page.getByText(/Done .*: 2 of 2 members handled/).waitFor({ timeout: 60_000 });

    const results = page.getByRole('table', { name: 'Results per member' });
    await results
      .getByRole('row', { name: /Kim Routine/ })
      .getByText('Sent')
      .waitFor();
    await results
      .getByRole('row', { name: /Lee Routine/ })
      .getByText('Member has WhatsApp notifications disabled.')
      .waitFor();
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Skipped' }).click();
    await expectGone(results.getByRole('row', { name: /Kim Routine/ }));
    await results.getByRole('row', { name: /Lee Routine/ }).waitFor();
    await browser.screenshots(page, 'routine-results');

    // The API agrees: one sent, one skipped with its reason.
    const { progress } = await system.ok('GET', `/v1/routines/${routine.id}`, system.ws.key);
    expect(progress).toMatchObject({ state: 'done', matched: 2, sent: 1, skipped: 1 });

    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    expect((await system.ok('GET', `/v1/routines/${routine.id}`, system.ws.key)).paused).toBe(true);
    await context.close();
  });

  it('creates an API key shown once, which works until the admin revokes it', async () => {
    const { context, page } = await browser.newPage();
    await signIn(page, browser, user.email, user.password);
    const panel = await openWorkspace(page);
    await panel.getByRole('textbox', { name: 'Key name' }).fill('CRM sync');
    await panel.getByRole('button', { name: 'Create key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Your new API key' });
    await dialog.waitFor();
    const key = (await dialog.locator('pre, code').first().textContent())?.trim() ?? '';
    expect(key.length).toBeGreaterThan(20);
    await browser.screenshots(page, 'admin-key-created');
    expect((await system.api('GET', '/v1/members', key)).status).toBe(200);

    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // Shown once: nowhere on the page any more.
    expect(await page.content()).not.toContain(key);

    await panel.getByRole('button', { name: 'Revoke CRM sync' }).click();
    await page
      .getByRole('dialog', { name: 'Revoke this key?' })
      .getByRole('button', { name: 'Revoke key' })
      .click();
    await panel.getByText('Revoked').waitFor();
    await browser.screenshots(page, 'admin-key-revoked');
    await waitFor(async () => (await system.api('GET', '/v1/members', key)).status === 401);
    await context.close();
  });
});

async function expectGone(locator: Locator): Promise<void> {
  await locator.first().waitFor({ state: 'detached' });
  expect(await locator.count()).toBe(0);
}
