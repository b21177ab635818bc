import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { perSuite } from '@app/testing';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ADMIN_KEY, System, type SuiteSystem } from '../system';

/** Where each journey's screenshots go (a test artefact under tmp/, never committed). */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', '..', '..', 'tmp', 'console-screenshots');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--no-first-run',
  '--disable-sync',
];

export const WIDE = { width: 1280, height: 800 };
export const NARROW = { width: 390, height: 844 };

/**
 * Debian's Chromium driven by playwright-core (CHROMIUM_PATH, default /usr/bin/chromium): the
 * console as an operator uses it, against the real stack. Page errors and CSP violations fail
 * the journey: they are collected and checked at the end.
 */
export class ConsoleBrowser {
  private constructor(
    private readonly browser: Browser,
    readonly baseUrl: string,
  ) {}

  /** Console errors, page errors and CSP reports seen so far (a journey expects none). */
  readonly problems: string[] = [];

  static async launch(apiUrl: string): Promise<ConsoleBrowser> {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
    });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    return new ConsoleBrowser(browser, apiUrl);
  }

  /** A fresh browser profile (no cookies) with one page at 1280×800. */
  async newPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await this.browser.newContext({ viewport: WIDE, locale: 'en-GB', timezoneId: 'UTC' });
    // Generous: in CI the journeys share two cores with the 10,000-row CLI import and the other e2e specs.
    context.setDefaultTimeout(40_000);
    const page = await context.newPage();
    page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      const text = message.text();
      // A 4xx/5xx the page asked for on purpose (a wrong password) is logged by Chromium as an error.
      if (
        message.type() === 'error' &&
        !/Failed to load resource: the server responded with a status of (401|404|409|422|429)/.test(text)
      )
        this.problems.push(`console error: ${text}`);
    });
    return { context, page };
  }

  url(path: string): string {
    return `${this.baseUrl}/console${path}`;
  }

  /** Keeps `<journey>-<step>` at 1280×800 and at 390 px wide (full page), then goes back to wide. */
  async screenshots(page: Page, name: string): Promise<void> {
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-1280.png`) });
    await page.setViewportSize(NARROW);
    await page.waitForTimeout(150); // Mantine's layout reacts to the width on the next frame.
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-390.png`), fullPage: true });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    if (overflow > 1) this.problems.push(`${name}: the page is ${overflow}px wider than a 390px screen`);
    await page.setViewportSize(WIDE);
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}

/** Signs in through the sign-in page; lands where the console sends a new session. */
export async function signIn(
  page: Page,
  browser: ConsoleBrowser,
  email: string,
  password: string,
): Promise<void> {
  await page.goto(browser.url('/'));
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor();
}

export interface ConsoleSuite {
  /** System.forSuite's system (its workspace is `system.ws`). */
  system: SuiteSystem;
  browser: ConsoleBrowser;
  /** The console user of the workspace the journeys sign in as. */
  user: { email: string; password: string };
}

/**
 * The console for the journeys of one describe block: the whole system with a workspace, a user
 * of it (created with the operator key) and Chromium, closed after. Every journey must leave no
 * page problem (page or console error, CSP violation, a page wider than a phone). Use the parts
 * inside tests, not at describe time.
 */
export function consoleSuite(options: {
  system?: Parameters<typeof System.forSuite>[0];
  user: { email: string; role: 'admin' | 'member' };
}): ConsoleSuite {
  const system = System.forSuite(options.system);
  const user = { email: options.user.email, password: 'correct horse battery staple' };
  const browser = perSuite(
    ConsoleBrowser,
    async () => {
      const body = { ...user, role: options.user.role, workspaceIds: [system.ws.id] };
      await system.ok('POST', '/v1/users', ADMIN_KEY, body);
      return ConsoleBrowser.launch(system.apiUrl);
    },
    (browser) => browser.close(),
  );
  afterEach(() => {
    expect(browser.problems.splice(0)).toEqual([]);
  });
  return { system, browser, user };
}
