/**
 * Zimbra Classic and Modern, end to end on reproductions of their DOM (Zimbra cannot run here:
 * see tests/lab/zimbra-fixtures.ts), served as mail.laocai.gov.vn on loopback, with the built
 * extension in Debian's Chromium.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, screenshotsDir, type TestBrowser } from '../lab/browser';
import { startZimbraFixtures, type ZimbraFixtureServer } from '../lab/zimbra-fixtures';

const host = 'mail.soctrang.gov.vn';
let fixtures: ZimbraFixtureServer;
let browser: TestBrowser;

beforeAll(async () => {
  fixtures = await startZimbraFixtures();
  browser = await launchBrowser({ hosts: [host] }).catch(async (error: unknown) => {
    await fixtures.stop();
    throw error;
  });
});

afterAll(async () => {
  await browser?.close();
  await fixtures?.stop();
});

/** Waits for the extension's verdict on the open message to be `level`. */
async function verdictIs(page: Page, level: string): Promise<void> {
  await page.waitForFunction((want) => document.documentElement.getAttribute('data-khienthu-scanned') === want, level);
}

const show = (page: Page, which: 'lure' | 'benign') =>
  page.evaluate((w) => (window as unknown as { zimbraShow(which: string): void }).zimbraShow(w), which);

describe.each([
  ['Classic', '/'],
  ['Modern', '/modern/email/Inbox/message/257'],
])('Zimbra %s (reproduction)', (client, path) => {
  let page: Page;

  beforeAll(async () => {
    page = await browser.context.newPage();
    await page.goto(`http://${host}:${fixtures.port}${path}`);
  });

  afterAll(() => page.close());

  it('shows the danger banner in the top document, with the addresses Zimbra hides', async () => {
    await verdictIs(page, 'danger');
    const banner = page.locator('khienthu-banner');
    expect(await banner.getAttribute('data-khienthu-level')).toBe('danger');
    const text = (await banner.locator('section').textContent()) ?? '';
    // "Postmaster" is all the page shows of the sender: the address comes from the raw message
    expect(text).toContain('fem@fundacionhomi.org.co');
    expect(text).toContain('0299.3626800');
    expect(fixtures.rawRequests).toContain('257');
    await page.screenshot({ path: join(screenshotsDir, `zimbra-${client.toLowerCase()}-danger.png`) });
  });

  it('stops a click on the flagged link in the message body', async () => {
    // Classic's body is in an iframe that Zimbra writes; Modern's is a div of the page
    const body = client === 'Classic' ? page.frameLocator('iframe[id$="__body__iframe"]') : page;
    await body.locator('a[href^="https://upcorss.weebly.com"]').click();
    const dialog = page.locator('khienthu-link-guard [role="alertdialog"]');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('upcorss.weebly.com');
    await page.locator('khienthu-link-guard [data-khienthu-action="cancel"]').click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('follows the user to the next message and back', async () => {
    await show(page, 'benign');
    await verdictIs(page, 'safe');
    expect(await page.locator('khienthu-banner').count()).toBe(0);
    await show(page, 'lure');
    await verdictIs(page, 'danger');
    expect(await page.locator('khienthu-banner').count()).toBe(1);
  });

  it('keeps one banner however many messages are opened', async () => {
    for (let i = 0; i < 150; i += 1) {
      await show(page, 'benign');
      await verdictIs(page, 'safe');
      await show(page, 'lure');
      await verdictIs(page, 'danger');
    }
    expect(await page.locator('khienthu-banner').count()).toBe(1);
  }, 120_000);
});
