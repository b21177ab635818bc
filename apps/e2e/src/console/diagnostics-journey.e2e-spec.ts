import { INBOUND_REJECTION_REASONS } from '@app/rules';
import { maskPhone } from '@app/twilio';
import { randomPhone, waitFor } from '@app/testing';
import { consoleSuite, signIn } from './console-browser';

/**
 * The troubleshooting question "why did my WhatsApp message do nothing?" answered on the
 * Diagnostics page, in Debian's Chromium against the whole system.
 */
// A page step may wait up to 40 s on a busy CI (console-browser.ts); a journey has several.
jest.setTimeout(180_000);

describe('console: the Diagnostics page in a real browser', () => {
  const { system, browser, user } = consoleSuite({
    user: { email: 'diag@sunrise-dental.example', role: 'member' },
  });

  it('shows why a WhatsApp message to a number with WhatsApp off did nothing', async () => {
    const number = await system.phoneNumber(system.ws.key, { whatsappEnabled: false });
    const phone = randomPhone();
    await system.inbound({ from: phone, to: number.number, body: 'Is anyone there?', channel: 'whatsapp' });
    // The record exists before the page looks (the page itself refreshes only every so often).
    await waitFor(
      async () =>
        (await system.ok<{ items: unknown[] }>('GET', '/v1/diagnostics', system.ws.key)).items.length > 0 ||
        undefined,
      { message: 'the diagnostics record', timeoutMs: 30_000 },
    );

    const { context, page } = await browser.newPage();
    await signIn(page, browser, user.email, user.password);
    await page.getByRole('link', { name: 'Diagnostics', exact: true }).click();
    await page.getByRole('heading', { name: 'Diagnostics' }).waitFor();
    const table = page.getByRole('table', { name: 'Diagnostics' });
    const row = table.getByRole('row').filter({ hasText: INBOUND_REJECTION_REASONS.whatsapp_disabled });
    await row.waitFor();
    expect(await row.textContent()).toContain('Message dropped');
    expect(await row.textContent()).toContain(maskPhone(phone));
    expect(await row.textContent()).not.toContain(phone);
    await browser.screenshots(page, 'diagnostics');

    // The kind filter: nothing was skipped as a send, and the page says so.
    await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'Send skipped' });
    await page.getByText('No “Send skipped” records').waitFor();
    await browser.screenshots(page, 'diagnostics-empty');
    await context.close();
  });
});
