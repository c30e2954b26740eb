/**
 * "I know this sender", end to end in the real Roundcube with the built extension: a software
 * vendor's help desk writing from Gmail is a caution; the user trusts that exact address from the
 * banner; the message is checked again at once and the banner goes, and stays gone when the
 * message is opened again. A password lure from the same address (its account hijacked) still
 * gets the danger banner. The options page undoes it, and the open message is checked again.
 */
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../lab/browser';
import { loginToRoundcube, openRoundcubeMessage, waitForRoundcubeInbox } from '../lab/roundcube-page';
import { startLab, type WebmailLab } from '../lab/webmail-lab';
import { idbValue, verdictOf } from '../lab/extension';

const host = 'mail.soctrang.gov.vn';
const mails = join(import.meta.dirname, 'mails');
const noticeSubject = 'Lịch bảo trì phần mềm quản lý văn bản';
const lureSubject = 'Xác minh tài khoản hộp thư trước khi bảo trì';
const sender = 'hotro.saomai.vn@gmail.com';

type Chrome = typeof import('wxt/browser').browser;

/** Waits until the extension has checked the message in this frame and decided `level`. */
async function waitForVerdict(frame: Frame, level: string): Promise<void> {
  await frame.waitForFunction((expected) => document.documentElement.getAttribute('data-khienthu-scanned') === expected, level);
}

describe('trusting a sender in Roundcube (elastic)', () => {
  let lab: WebmailLab;
  let browser: TestBrowser;
  let page: Page;

  /** The extension's trust list, read where it lives (the extension's IndexedDB), from the service worker. */
  const storedTrust = async () => (await idbValue(browser.serviceWorker!, 'khienthu-trust', 'trustedSenders')) ?? {};

  const askActiveTab = () =>
    browser.serviceWorker!.evaluate(async () => {
      const { tabs } = (globalThis as unknown as { chrome: Chrome }).chrome;
      const [tab] = await tabs.query({ active: true, lastFocusedWindow: true });
      return tabs.sendMessage(tab!.id!, { type: 'khienthu:status' });
    });

  beforeAll(async () => {
    lab = await startLab({
      skin: 'elastic',
      domain: 'soctrang.gov.vn',
      messages: [join(mails, 'vendor-maintenance-notice.eml'), join(mails, 'trusted-sender-password-lure.eml')],
    });
    try {
      browser = await launchBrowser({ hosts: [host] });
      page = await browser.context.newPage();
      await loginToRoundcube(page, `http://${host}:${lab.port}`, lab);
      await waitForRoundcubeInbox(page, noticeSubject);
    } catch (error) {
      await browser?.close();
      await lab.stop();
      throw error;
    }
  });

  afterAll(async () => {
    await browser?.close();
    await lab?.stop();
  });

  it('offers no trust on the password lure', async () => {
    const frame = await openRoundcubeMessage(page, lureSubject);
    expect(await verdictOf(frame)).toBe('danger');
    const banner = frame.locator('khienthu-banner');
    await banner.locator('section').waitFor();
    expect(await banner.locator('[data-khienthu-action="trust"]').count()).toBe(0);
  });

  it('trusts the exact address from the caution banner: the banner goes, and stays gone on re-opening', async () => {
    let frame = await openRoundcubeMessage(page, noticeSubject);
    expect(await verdictOf(frame)).toBe('caution');
    const trust = frame.locator('khienthu-banner [data-khienthu-action="trust"]');
    expect(await trust.innerText()).toBe(`Tôi biết người gửi này (${sender})`);

    await trust.click();
    // checked again at once, with the new list: nothing left to warn about
    await waitForVerdict(frame, 'safe');
    expect(await frame.locator('khienthu-banner').count()).toBe(0);
    expect(await storedTrust()).toEqual({ [host]: [sender] });
    await page.bringToFront();
    expect(await askActiveTab()).toMatchObject({ subject: noticeSubject, level: 'safe', sender: { address: sender, trusted: true } });

    await openRoundcubeMessage(page, lureSubject);
    frame = await openRoundcubeMessage(page, noticeSubject);
    expect(await verdictOf(frame)).toBe('safe');
    expect(await frame.locator('khienthu-banner').count()).toBe(0);
  });

  it('still shows the danger banner on a password lure from the trusted address', async () => {
    const frame = await openRoundcubeMessage(page, lureSubject);
    expect(await verdictOf(frame)).toBe('danger');
    const banner = frame.locator('khienthu-banner');
    await banner.locator('section').waitFor();
    expect(await banner.getAttribute('data-khienthu-level')).toBe('danger');
    const reasons = await banner.locator('[data-reason]').evaluateAll((items) => items.map((li) => li.getAttribute('data-reason')));
    expect(reasons).toContain('credentials.username-password');
    // the reasons about who the sender is are set aside, and the banner says so
    expect(reasons).not.toContain('sender.free-mail');
    expect(await banner.locator('[data-khienthu-trusted]').getAttribute('data-khienthu-trusted')).toBe(sender);
    expect(await banner.locator('[data-khienthu-action="trust"]').count()).toBe(0);
  });

  it('is undone on the options page, and the open message is warned about again', async () => {
    const frame = await openRoundcubeMessage(page, noticeSubject);
    await waitForVerdict(frame, 'safe');
    const options = await browser.context.newPage();
    try {
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      const entry = options.locator(`[data-trusted-senders] [data-host="${host}"] [data-address="${sender}"]`);
      await entry.locator('button', { hasText: 'Bỏ tin cậy' }).click();
      await options.locator('[data-trusted-senders] [role="status"]', { hasText: sender }).waitFor();
      await entry.waitFor({ state: 'detached' });
      expect(await storedTrust()).toEqual({});
    } finally {
      await options.close();
    }
    // the webmail heard of it and checked the open message again
    await waitForVerdict(frame, 'caution');
    expect(await frame.locator('khienthu-banner [data-khienthu-action="trust"]').count()).toBe(1);
  });
});
