/**
 * The password guard end to end: log into the real Roundcube (the fingerprint is taken), then type
 * on pages of other loopback-mapped hosts, served by a small server in this file.
 *
 * "Nothing happened" is never a sleep: the background counts the keys it has checked (it counts a
 * key once any warning for it is on the page), and records the role it gave each page; the tests
 * ask for those counters through the options page (`khienthu:password-guard:status`).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../wxt.config';
import { launchBrowser, type TestBrowser } from '../lab/browser';
import { recordBrowser, type BrowserRecord } from '../lab/diagnostics';
import { guardStored, setUserOptions } from '../lab/extension';
import { loginToRoundcube } from '../lab/roundcube-page';
import { startSmtpSink, type SmtpSink } from '../lab/smtp-sink';
import { startLab, waitFor, type WebmailLab } from '../lab/webmail-lab';
import PostalMime from 'postal-mime';

const webmailHost = 'mail.laichau.gov.vn';
/** A lure's host, and an unrelated site that frames it. */
const foreignHost = 'dang-nhap-laichau.com';
const framingHost = 'tin-tuc-tinh.com';
/** The extension's warning page, where the background sends a tab to warn. */
const warningPage = `chrome-extension://${EXTENSION_ID}/warning.html`;

const pages: Record<string, string> = {
  // a password field, and nothing that names the webmail or the province
  '/plain': `<!doctype html><meta charset="utf-8"><title>Đăng ký hội thảo</title>
    <form><label>Email <input id="email"></label><label>Mật khẩu <input id="pw" type="password"></label><button type="button">Gửi</button></form>`,
  // an imitation of the webmail's login
  '/lookalike': `<!doctype html><meta charset="utf-8"><title>Roundcube Webmail :: Đăng nhập</title>
    <form><h1>Hộp thư công vụ tỉnh Lai Châu</h1><input id="user"><input id="pw" type="password"><button type="button">Đăng nhập</button></form>`,
};

interface Status {
  keysChecked: number;
  matches: number;
  lookalikes: number;
  pending: number;
  committed: number;
  discarded: number;
  rolesGiven: number;
  roles: { host: string; role: string; keys?: boolean }[];
}

type Chrome = typeof import('wxt/browser').browser;
const chromeOf = () => (globalThis as unknown as { chrome: Chrome }).chrome;

/** Every storage area the extension writes, as the service worker reads it. */
function allStorage(worker: Worker): Promise<string> {
  return worker.evaluate(async () => {
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    return JSON.stringify([await chrome.storage.local.get(), await chrome.storage.sync.get(), await chrome.storage.session.get()]);
  });
}

/** The fingerprint, in the background's IndexedDB. */
async function storedFingerprint(worker: Worker): Promise<Record<string, unknown> | undefined> {
  return (await guardStored(worker, 'passwordGuardFingerprint')) as Record<string, unknown> | undefined;
}

describe('password guard', () => {
  let lab: WebmailLab | undefined;
  let smtp: SmtpSink | undefined;
  let server: Server | undefined;
  let browser: TestBrowser | undefined;
  let worker: Worker;
  let record: BrowserRecord | undefined;
  let options: Page;
  let port: number;
  let webmail: string;

  const status = (): Promise<Status> =>
    options.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({ type: 'khienthu:password-guard:status' }));
  const foreign = (path: string, host = foreignHost) => `http://${host}:${port}${path}`;
  /** Opens a page and waits until the guard's content script has been told what to do there. */
  async function openWatched(url: string, host: string, role = 'watch'): Promise<Page> {
    const before = (await status()).rolesGiven;
    const page = await browser!.context.newPage();
    await page.goto(url);
    // the last 20 roles are kept: the ones given since `before` are at the end
    await waitFor(async () => {
      const now = await status();
      return now.roles.slice(Math.max(0, now.roles.length - (now.rolesGiven - before))).some((r) => r.host === host && r.role === role);
    }, 10_000);
    return page;
  }
  /** Types as a person does, and waits until the background has checked every key. */
  async function typeChecked(page: Page, selector: string, text: string): Promise<void> {
    const before = (await status()).keysChecked;
    await page.locator(selector).click();
    await page.keyboard.type(text);
    await waitFor(async () => (await status()).keysChecked >= before + text.length, 10_000);
  }

  beforeAll(async () => {
    try {
      // Roundcube sends through a real SMTP receiver on loopback (the help-desk alert)
      smtp = await startSmtpSink();
      lab = await startLab({ domain: 'laichau.gov.vn', smtpHost: `127.0.0.1:${smtp.port}` });
      server = createServer((request, response) => {
        const path = new URL(request.url ?? '/', 'http://x').pathname;
        const frame = path === '/framed' ? `<!doctype html><meta charset="utf-8"><title>Tin tức</title><iframe id="f" src="${foreign('/plain')}"></iframe>` : undefined;
        const body = frame ?? pages[path];
        response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? '');
      });
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
      webmail = `http://${webmailHost}:${lab.port}`;
      browser = await launchBrowser({ hosts: [webmailHost, foreignHost, framingHost] });
      worker = browser.serviceWorker!;
      record = recordBrowser(browser.context, worker);
      // the user turns the guard on in their options (no managed policy here: opt-in)
      await setUserOptions(worker, { passwordGuardEnabled: true });
      options = await browser.context.newPage();
      await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
      await options.locator('body[data-khienthu-ready]').waitFor();
      const mail = await browser.context.newPage();
      await loginToRoundcube(mail, webmail, lab);
      await waitFor(async () => (await storedFingerprint(worker)) !== undefined, 10_000);
      await mail.close();
    } catch (error) {
      await browser?.close();
      server?.close();
      await lab?.stop();
      await smtp?.stop();
      throw error;
    }
  });

  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    // the browser's own list of tabs (Playwright may not know a tab the extension opened) and the reports in progress
    const inside = await options
      .evaluate(async () => {
        const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
        const tabs = (await chrome.tabs.query({})).map(({ id, url, pendingUrl, status, active, discarded }) => ({ id, url, pendingUrl, status, active, discarded }));
        return JSON.stringify({ tabs, session: await chrome.storage.session.get() }, null, 1);
      })
      .catch((error: unknown) => String(error));
    console.log(`What the browser and Roundcube did:\n${record?.dump()}\n${inside}\n${lab?.log()}`);
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await lab?.stop();
    await smtp?.stop();
  });

  it('stores a fingerprint at login: salt, 32-bit slow hash, length, host, and nothing of the password', async () => {
    const fp = (await storedFingerprint(worker))!;
    expect(fp).toMatchObject({ version: 2, bits: 32, kdf: 'PBKDF2-SHA-256', iterations: 600_000, length: lab!.password.length, host: webmailHost, client: 'roundcube' });
    expect(fp.hash).toMatch(/^[0-9a-f]{8}$/);
    expect(Buffer.from(fp.salt as string, 'base64')).toHaveLength(16);
    const everything = (await allStorage(worker)) + JSON.stringify(fp);
    const secret = lab!.password;
    for (let start = 0; start + 6 <= secret.length; start += 1) expect(everything).not.toContain(secret.slice(start, start + 6));
    expect(everything).not.toContain(Buffer.from(secret).toString('base64'));
    expect(everything).not.toContain(Buffer.from(secret).toString('hex'));
    expect((await status()).committed).toBe(1);
  });

  it('says nothing when another password is typed on a foreign page', async () => {
    const page = await openWatched(foreign('/plain'), foreignHost);
    await typeChecked(page, '#pw', 'mat-khau-khac-2024');
    expect(page.url()).toBe(foreign('/plain'));
    expect((await status()).matches).toBe(0);
    await page.close();
  });

  it('sends the tab to the full warning when the webmail password is typed there', async () => {
    const page = await openWatched(foreign('/plain'), foreignHost);
    await typeChecked(page, '#email', 'canbo@laichau.gov.vn');
    await typeChecked(page, '#pw', lab!.password);
    // the extension's own page, in place of the foreign one
    await page.waitForURL(warningPage);
    const dialog = page.locator('[role="alertdialog"][data-khienthu-warning="password"]');
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await dialog.locator('h2').innerText()).toBe('Bạn vừa gõ mật khẩu hộp thư công vụ vào một trang lạ');
    expect(await page.title()).toBe('Bạn vừa gõ mật khẩu hộp thư công vụ vào một trang lạ');
    expect(await dialog.innerText()).toContain(foreignHost);
    const change = dialog.locator('[data-khienthu-action="change-password"]');
    expect(await change.getAttribute('href')).toBe(`${webmail}/?_task=settings&_action=plugin.password`);
    // the keyboard is on the first thing to do
    expect(await change.evaluate((link) => document.activeElement === link)).toBe(true);
    // Lai Châu's preset hotlines, as phone links
    expect(await dialog.locator('a[href="tel:02133798788"]').count()).toBe(1);
    // covers the whole page
    const box = await page.locator('.pg__backdrop').boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 1280, height: 800 });

    // report: recorded (page address and time only) and mailed to the help desk through Roundcube's compose
    await dialog.locator('[data-khienthu-action="password-alert"]').click();
    await dialog.locator('[data-khienthu-report="delivered"]').waitFor();
    const mail = await smtp!.nth(1);
    expect(mail.to).toEqual(['hotro@laichau.gov.vn']);
    expect((await PostalMime.parse(mail.raw)).text).toContain('Người dùng bấm nút báo cho bộ phận hỗ trợ.');
    const alerts = (await guardStored(worker, 'passwordGuardAlerts')) as { pageUrl: string; kind: string }[];
    expect(alerts.map(({ pageUrl, kind }) => ({ pageUrl, kind }))).toEqual([{ pageUrl: foreign('/plain'), kind: 'user' }]);
    expect((await status()).matches).toBe(1);
    await page.close();
  });

  it('shows the warning in the top page when the password is typed in a framed foreign page', async () => {
    const page = await browser!.context.newPage();
    const before = (await status()).keysChecked;
    await page.goto(foreign('/framed', framingHost));
    const frame = page.frameLocator('#f');
    await frame.locator('#pw').waitFor();
    await waitFor(async () => (await status()).roles.some((r) => r.host === foreignHost), 10_000);
    await frame.locator('#pw').click();
    await page.keyboard.type(lab!.password);
    await waitFor(async () => (await status()).keysChecked >= before + lab!.password.length, 10_000);
    // the whole tab goes to the warning, not only the frame
    await page.waitForURL(warningPage);
    await page.locator('[role="alertdialog"][data-khienthu-warning="password"]').waitFor();
    await page.close();
  });

  it('warns before anything is typed on a page that imitates the webmail login, and lets the user go on', async () => {
    const page = await openWatched(foreign('/lookalike'), foreignHost);
    await page.waitForURL(warningPage);
    const warning = page.locator('[role="alertdialog"][data-khienthu-warning="lookalike"]');
    const text = await warning.innerText();
    expect(text).toContain('Trang này giả dạng trang đăng nhập hộp thư công vụ?');
    expect(text).toMatch(/Roundcube|Lai Châu/);
    const lookalikes = (await status()).lookalikes;
    await warning.locator('[data-khienthu-action="stay"]').click();
    await page.waitForURL(foreign('/lookalike'));
    // back on the page, which the guard still watches, and does not send to the warning again
    await typeChecked(page, '#user', 'canbo');
    expect(page.url()).toBe(foreign('/lookalike'));
    expect((await status()).lookalikes).toBe(lookalikes);
    await page.close();
  });

  it("says nothing on the webmail's own login page, where a login refreshes the fingerprint", async () => {
    const before = await storedFingerprint(worker);
    const counts = await status();
    await browser!.context.clearCookies();
    const page = await openWatched(`${webmail}/`, webmailHost, 'webmail');
    await page.locator('#rcmloginuser').fill(lab!.user);
    await page.locator('#rcmloginpwd').click();
    await page.keyboard.type(lab!.password);
    await Promise.all([page.waitForURL(/_task=mail/), page.locator('#rcmloginsubmit').click()]);
    await waitFor(async () => (await status()).committed === counts.committed + 1, 10_000);
    const after = await status();
    expect(after.keysChecked).toBe(counts.keysChecked);
    expect(after.matches).toBe(counts.matches);
    expect(page.url()).toContain(webmail);
    const fp = await storedFingerprint(worker);
    expect(fp?.length).toBe(lab!.password.length);
    expect(fp?.salt).not.toBe(before?.salt);
    await page.close();
  });

  it('keeps the fingerprint when a login fails', async () => {
    const before = await storedFingerprint(worker);
    const counts = await status();
    await browser!.context.clearCookies();
    const page = await openWatched(`${webmail}/`, webmailHost, 'webmail');
    await page.locator('#rcmloginuser').fill(lab!.user);
    await page.locator('#rcmloginpwd').fill('sai-mat-khau');
    await page.locator('#rcmloginsubmit').click();
    await waitFor(async () => (await status()).discarded === counts.discarded + 1, 15_000);
    expect(await storedFingerprint(worker)).toEqual(before);
    await page.close();
  });

  it('mails the help desk a short alert through Roundcube when policy asks: page and time, no password', async () => {
    await setUserOptions(worker, { passwordGuardEnabled: true, passwordGuardAlertHelpDesk: true });
    // a webmail session (the test before ended it with a failed login)
    const committed = (await status()).committed;
    const mailPage = await browser!.context.newPage();
    await loginToRoundcube(mailPage, webmail, lab!);
    await waitFor(async () => (await status()).committed === committed + 1, 10_000);
    await mailPage.close();
    const sent = smtp!.received.length;
    const page = await openWatched(`${foreign('/plain')}?ref=canbo%40laichau.gov.vn`, foreignHost);
    await typeChecked(page, '#pw', lab!.password);
    // Roundcube's compose, in a tab of its own, sends it
    const mail = await smtp!.nth(sent + 1);
    expect(mail.to).toEqual(['hotro@laichau.gov.vn']);
    expect(mail.from).toBe(`${lab!.user}@${lab!.domain}`);
    const parsed = await PostalMime.parse(mail.raw);
    expect(parsed.subject).toContain('[Khiên Thư] Cảnh báo');
    expect(parsed.attachments).toHaveLength(0);
    expect(parsed.text).toContain(`http://${foreignHost}:${port}/plain`);
    expect(parsed.text).toContain('Gửi tự động theo chính sách của đơn vị.');
    // the page's query (which may carry the user's address or a token) stays out, and so does the password
    expect(parsed.text).not.toContain('ref=');
    expect(mail.raw.toString('latin1')).not.toContain(lab!.password);
    // the tab the alert was sent from is closed, not left behind on the message list
    await waitFor(async () => !browser!.context.pages().some((p) => p.url().startsWith(webmail)), 10_000);
    await page.close();
  });

  it('waits for a compose that Roundcube sets up late (a slow PC), and sends the alert with its text', async () => {
    // Roundcube's own script, with its set-up put off by 1.5 s, on every compose page until undone
    const late = lab!.fault('late-compose-init', 100, { delayMs: 1_500 });
    try {
      const sent = smtp!.received.length;
      const page = await openWatched(foreign('/plain'), foreignHost);
      await typeChecked(page, '#pw', lab!.password);
      const mail = await smtp!.nth(sent + 1);
      expect(late.served()).toBeGreaterThan(0);
      expect(mail.to).toEqual(['hotro@laichau.gov.vn']);
      // the body was written after Roundcube had reset it to its default, not before
      expect((await PostalMime.parse(mail.raw)).text).toContain(`http://${foreignHost}:${port}/plain`);
      await page.close();
    } finally {
      late.undo();
    }
  });

  it('opens the compose again when Roundcube loses it (its session overwritten by another tab), and sends the alert', async () => {
    const lost = lab!.fault('lose-compose', 1);
    try {
      const sent = smtp!.received.length;
      const page = await openWatched(foreign('/plain'), foreignHost);
      await typeChecked(page, '#pw', lab!.password);
      const mail = await smtp!.nth(sent + 1);
      expect(lost.served()).toBe(1);
      expect(mail.to).toEqual(['hotro@laichau.gov.vn']);
      const text = (await PostalMime.parse(mail.raw)).text ?? '';
      // once: the lost compose took nothing
      expect(text.split(`http://${foreignHost}:${port}/plain`)).toHaveLength(2);
      await waitFor(async () => !browser!.context.pages().some((p) => p.url().startsWith(webmail)), 10_000);
      expect(smtp!.received).toHaveLength(sent + 1);
      await page.close();
    } finally {
      lost.undo();
    }
  });

  it('forgets the fingerprint from the options page, and then checks nothing', async () => {
    await options.reload();
    await options.locator('body[data-khienthu-ready]').waitFor();
    const section = options.locator('[data-password-guard]');
    expect(await section.innerText()).toContain('32 bit đầu của mã băm chậm PBKDF2-SHA-256');
    expect(await section.locator('[data-fingerprint="stored"]').innerText()).toContain(webmailHost);
    await section.locator('[data-khienthu-action="forget-fingerprint"]').click();
    await waitFor(async () => (await storedFingerprint(worker)) === undefined, 10_000);
    await section.locator('[data-fingerprint="none"]').waitFor();

    const counts = await status();
    const page = await openWatched(foreign('/plain'), foreignHost);
    // told to watch for imitations only: without a fingerprint, no key leaves the page
    // (the latest role for that host: the alert's compose tab of the test before may still be loading pages)
    expect((await status()).roles.findLast((r) => r.host === foreignHost)).toEqual({ host: foreignHost, role: 'watch', keys: false });
    await page.locator('#pw').click();
    await page.keyboard.type(lab!.password);
    expect((await status()).keysChecked).toBe(counts.keysChecked);
    expect(page.url()).toBe(foreign('/plain'));
    await page.close();
  });

  it('asks the background nothing from any page or frame while the guard is off, and asks again once it is on', async () => {
    const switchedTo = async (on: boolean) =>
      waitFor(async () => (await worker.evaluate(async () => (await (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('passwordGuardOn')).passwordGuardOn)) === on, 10_000);
    await setUserOptions(worker, { passwordGuardEnabled: false });
    await switchedTo(false);
    const before = (await status()).rolesGiven;
    // a page with a frame, both of which load the guard's script
    const off = await browser!.context.newPage();
    await off.goto(foreign('/framed', framingHost));
    await off.frameLocator('#f').locator('#pw').waitFor();

    await setUserOptions(worker, { passwordGuardEnabled: true });
    await switchedTo(true);
    const on = await openWatched(foreign('/plain'), foreignHost);
    // the one page opened since the guard came back on is the only one that asked
    const after = await status();
    expect(after.rolesGiven).toBe(before + 1);
    expect(after.roles.at(-1)).toMatchObject({ host: foreignHost, role: 'watch' });
    await Promise.all([off.close(), on.close()]);
  });
});
