/**
 * A failure inside the extension never breaks the webmail, in Chromium on a real Roundcube. The
 * test loads a copy of the built extension whose content script has one fault injected ahead of
 * it: in the extension's isolated world only, the query the Roundcube adapter's `readMessage` makes
 * (`#attachment-list > li`) throws. The product code is the build's own, unchanged; the page's
 * world is untouched (isolated worlds have their own DOM prototypes), so Roundcube itself runs as
 * always. Roundcube must go on working — open, switch, full view, compose — with no page error,
 * `data-khienthu-scanned="error"` and no banner on each message, and one warning per message.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../wxt.config';
import { chromeBuild, launchBrowser, type TestBrowser } from '../lab/browser';
import { loginToRoundcube, openRoundcubeMessage, waitForRoundcubeInbox } from '../lab/roundcube-page';
import { startLab, type WebmailLab } from '../lab/webmail-lab';
import { verdictOf } from '../lab/extension';

const host = 'mail.soctrang.gov.vn';
const mails = join(import.meta.dirname, 'mails');
const lureSubject = 'Đã vượt quá hạn ngạch';
const benignSubject = 'Lịch họp giao ban tuần sau';
const warning = '[Khiên Thư] could not check this message:';

/** Runs first in the content script's isolated world; the page's own world never sees it. */
const faultInjection = `/* e2e fault injection (tests/e2e/failure.test.ts): the Roundcube adapter's reading throws */
(() => {
  const query = Document.prototype.querySelectorAll;
  Document.prototype.querySelectorAll = function (selectors) {
    if (String(selectors).includes('#attachment-list')) throw new Error('fault injected: the adapter cannot read this page');
    return query.call(this, selectors);
  };
})();
`;

describe('Roundcube with a failing adapter', () => {
  let lab: WebmailLab;
  let browser: TestBrowser;
  let page: Page;
  let faulty: string;
  let base: string;
  const warnings: { text: string; url: string }[] = [];
  /** Message documents the content script checked (each switch in Roundcube loads a new one). */
  let checkedDocuments = 0;
  const pageErrors: string[] = [];

  const onConsole = (message: ConsoleMessage) => {
    if (message.text().startsWith(warning)) warnings.push({ text: message.text(), url: message.location().url });
  };

  beforeAll(async () => {
    faulty = mkdtempSync(join(tmpdir(), 'khienthu-faulty-'));
    cpSync(chromeBuild, faulty, { recursive: true });
    const script = join(faulty, 'content-scripts/webmail.js');
    writeFileSync(script, faultInjection + readFileSync(script, 'utf8'));

    lab = await startLab({
      domain: 'soctrang.gov.vn',
      messages: [join(mails, 'soctrang-quota-lure.eml'), join(mails, 'meeting-invitation.eml')],
    });
    browser = await launchBrowser({ hosts: [host], extensionDir: faulty });
    base = `http://${host}:${lab.port}`;
    browser.context.on('page', (p) => {
      p.on('console', onConsole);
      p.on('pageerror', (error) => pageErrors.push(`${p.url()}: ${error.message}`));
    });
    page = await browser.context.newPage();
    await loginToRoundcube(page, base, lab);
    await waitForRoundcubeInbox(page, lureSubject);
  });

  afterAll(async () => {
    await browser?.close();
    await lab?.stop();
    if (faulty) rmSync(faulty, { recursive: true, force: true });
  });

  it('loads the altered copy under the same ID', () => {
    expect(browser.extensionId).toBe(EXTENSION_ID);
  });

  it('marks each message "error", draws nothing, and warns once per message', async () => {
    const lure = await openRoundcubeMessage(page, lureSubject);
    expect(await verdictOf(lure)).toBe('error');
    expect(await lure.locator('khienthu-banner').count()).toBe(0);
    await expect.poll(() => warnings.length).toBe(1);
    expect(warnings[0]!.text).toContain('fault injected');

    const benign = await openRoundcubeMessage(page, benignSubject);
    expect(await verdictOf(benign)).toBe('error');
    await expect.poll(() => warnings.length).toBe(2);
    checkedDocuments += 2;
  });

  it('leaves Roundcube working: messages open and switch, the body is there, compose opens', async () => {
    for (const subject of [lureSubject, benignSubject, lureSubject]) {
      const frame = await openRoundcubeMessage(page, subject);
      expect(await verdictOf(frame)).toBe('error');
      checkedDocuments += 1;
      expect(await frame.locator('#messagebody').innerText()).not.toBe('');
    }
    // the full view, in a page of its own
    const preview = await openRoundcubeMessage(page, lureSubject);
    const full = new URL(preview.url());
    full.searchParams.set('_action', 'show');
    full.searchParams.delete('_framed');
    const view = await browser.context.newPage();
    await view.goto(full.toString());
    expect(await verdictOf(view.mainFrame())).toBe('error');
    checkedDocuments += 1;
    expect(await view.locator('#messagebody').innerText()).toContain('Hộp thư của bạn');
    await view.close();
    // Roundcube's own script answers its own buttons
    await page.goto(`${base}/?_task=mail&_action=compose`);
    await page.locator('#compose-subject').waitFor();
    await page.fill('#compose-subject', 'Roundcube vẫn chạy');
    expect(await page.inputValue('#compose-subject')).toBe('Roundcube vẫn chạy');
  });

  it('caused no error in the page, and exactly one warning per checked message, never a storm', () => {
    expect(pageErrors).toEqual([]);
    console.log(`${warnings.length} warnings from the content script for ${checkedDocuments} checked message documents`);
    expect(warnings).toHaveLength(checkedDocuments);
  });
});

/**
 * The other failure: the page is read, but the background gives no verdict (it threw, or the
 * extension was updated under the page and its worker is gone). The content script's messages of
 * type `khienthu:check` are answered with an error in its own isolated world; everything else,
 * Roundcube included, is the real thing.
 */
const noVerdict = `/* e2e fault injection (tests/e2e/failure.test.ts): the background answers no check */
(() => {
  const wrap = (runtime) => {
    const send = runtime.sendMessage.bind(runtime);
    runtime.sendMessage = function (...args) {
      if (args[0] && args[0].type === 'khienthu:check') {
        const reply = { ok: false, error: 'fault injected: the background could not check' };
        const callback = typeof args[args.length - 1] === 'function' ? args[args.length - 1] : undefined;
        if (!callback) return Promise.resolve(reply);
        setTimeout(() => callback(reply), 0);
        return undefined;
      }
      return send(...args);
    };
  };
  wrap(chrome.runtime);
  if (globalThis.browser && globalThis.browser.runtime && globalThis.browser.runtime !== chrome.runtime) wrap(globalThis.browser.runtime);
})();
`;

describe('Roundcube with a background that gives no verdict', () => {
  let lab: WebmailLab;
  let browser: TestBrowser;
  let page: Page;
  let faulty: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    faulty = mkdtempSync(join(tmpdir(), 'khienthu-faulty-'));
    cpSync(chromeBuild, faulty, { recursive: true });
    const script = join(faulty, 'content-scripts/webmail.js');
    writeFileSync(script, noVerdict + readFileSync(script, 'utf8'));
    lab = await startLab({
      domain: 'soctrang.gov.vn',
      messages: [join(mails, 'soctrang-quota-lure.eml'), join(mails, 'meeting-invitation.eml')],
    });
    browser = await launchBrowser({ hosts: [host], extensionDir: faulty });
    browser.context.on('page', (p) => p.on('pageerror', (error) => pageErrors.push(`${p.url()}: ${error.message}`)));
    page = await browser.context.newPage();
    await loginToRoundcube(page, `http://${host}:${lab.port}`, lab);
    await waitForRoundcubeInbox(page, lureSubject);
  });

  afterAll(async () => {
    await browser?.close();
    await lab?.stop();
    if (faulty) rmSync(faulty, { recursive: true, force: true });
  });

  it('says the message could not be checked, rather than nothing, on every message', async () => {
    for (const subject of [lureSubject, benignSubject]) {
      const frame = await openRoundcubeMessage(page, subject);
      expect(await verdictOf(frame)).toBe('error');
      const notice = frame.locator('khienthu-banner');
      expect(await notice.count()).toBe(1);
      expect(await notice.getAttribute('data-khienthu-level')).toBe('unchecked');
      const text = await notice.locator('section[role="status"]').innerText();
      expect(text).toContain('Khiên Thư chưa kiểm tra được thư này');
      expect(text).toContain('Không có cảnh báo không có nghĩa là thư an toàn');
      // no verdict, so no score, no reasons and no report button
      expect(text).not.toMatch(/\/100/);
      expect(await notice.locator('[data-khienthu-action]').count()).toBe(0);
      // and the message is there as Roundcube shows it
      expect(await frame.locator('#messagebody').innerText()).not.toBe('');
    }
    expect(pageErrors).toEqual([]);
  });
});
