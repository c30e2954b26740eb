import 'fake-indexeddb/auto';
import { clear, createStore } from 'idb-keyval';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resolvePolicy } from '../policy/resolve';
import { guardMessage, passwordAlertMessage, type GuardWarning, type PasswordWarningData } from './protocol';
import { installPasswordGuard, setPasswordAlertDelivery, type PasswordAlertDelivery, type PasswordGuardService } from './service';
import { fingerprintKey, readAlerts, readFingerprint } from './store';

const webmail = 'http://mail.laichau.gov.vn:8080';
const password = 'Matkhau@LaiChau2024';

type Listener = (request: unknown, sender: Record<string, unknown>) => Promise<unknown> | undefined;

let listener: Listener;
let service: PasswordGuardService;
/** Every tab the background sent to the warning page, and what that page then learnt. */
let sentToTabs: { tabId: number; url: string; message: GuardWarning }[];
let options: { managed?: Record<string, unknown>; user?: Record<string, unknown> };

function frame(url: string, tabId = 7, frameId = 0) {
  return { id: fakeBrowser.runtime.id, url, origin: new URL(url).origin, tab: { id: tabId, url }, frameId };
}
/** The extension's warning page, in a tab. */
function warningPage(tabId: number) {
  return { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/warning.html'), tab: { id: tabId }, frameId: 0 };
}
const ask = (request: unknown, sender: Record<string, unknown>) => listener(request, sender);
const typeOn = async (sender: Record<string, unknown>, text: string) => {
  let checked = 0;
  for (const char of text) checked += ((await ask({ type: guardMessage.keys, text: char }, sender)) as { checked: number }).checked;
  return checked;
};

async function logIn(secret: string, { succeeds = true, tabId = 7 } = {}) {
  const login = frame(`${webmail}/?_task=login`, tabId);
  expect(await ask({ type: guardMessage.hello }, login)).toMatchObject({ role: 'webmail' });
  await ask({ type: guardMessage.login, password: secret, webmailUrl: `${webmail}/?_task=login`, client: 'roundcube' }, login);
  const next = frame(succeeds ? `${webmail}/?_task=mail&_mbox=INBOX` : `${webmail}/?_task=login`, tabId);
  return ask({ type: guardMessage.page, loggedIn: succeeds }, next);
}

beforeEach(async () => {
  fakeBrowser.reset();
  // the guard's IndexedDB (fake-indexeddb here), empty for every test
  await clear(createStore('khienthu-password-guard', 'kv'));
  options = { user: { passwordGuardEnabled: true } };
  sentToTabs = [];
  fakeBrowser.tabs.update = vi.fn(async (tabId: number, { url }: { url: string }) => {
    // the warning page, loaded in that tab, asks for its warning
    const message = (await listener({ type: guardMessage.warning }, warningPage(tabId))) as GuardWarning;
    sentToTabs.push({ tabId, url, message });
    return { id: tabId };
  }) as unknown as typeof fakeBrowser.tabs.update;
  const add = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  // few rounds and no pause in typing: each key typed here is checked at once
  service = installPasswordGuard((host) => Promise.resolve(resolvePolicy({ ...options, host: host || undefined })), { iterations: 1_000, pauseMs: 0 });
  listener = add.mock.calls[0]![0] as unknown as Listener;
});

afterEach(() => {
  service.stop();
  setPasswordAlertDelivery(undefined);
  vi.restoreAllMocks();
});

describe('taking the fingerprint at the webmail login', () => {
  it('keeps it pending at submit and stores it once the tab shows the mailbox; the password is nowhere in storage', async () => {
    expect(await logIn(password)).toEqual({ committed: true });
    const fp = await readFingerprint();
    expect(fp).toMatchObject({ host: 'mail.laichau.gov.vn', length: password.length, client: 'roundcube', webmailUrl: `${webmail}/` });
    expect(fp).toMatchObject({ version: 2, kdf: 'PBKDF2-SHA-256', iterations: 1_000, bits: 32 });
    // nothing in the storage areas content scripts can read, the fingerprint included
    const everything = JSON.stringify([await fakeBrowser.storage.local.get(), await fakeBrowser.storage.sync.get(), await fakeBrowser.storage.session.get()]);
    expect(everything).toBe('[{},{},{}]');
    expect(JSON.stringify(fp)).not.toContain(password.slice(0, 4));
    expect(everything).not.toContain(password.slice(0, 8));
    expect(service.status()).toMatchObject({ pending: 1, committed: 1, discarded: 0 });
  });

  it('discards it when the login form comes back (a wrong password)', async () => {
    expect(await logIn('not-the-password', { succeeds: false })).toEqual({ committed: false });
    expect(await readFingerprint()).toBeUndefined();
    expect(service.status()).toMatchObject({ pending: 1, committed: 0, discarded: 1 });
  });

  it('replaces it at the next successful login (the password changed)', async () => {
    await logIn(password);
    const first = await readFingerprint();
    await logIn('MatKhauMoi!2025');
    const second = await readFingerprint();
    expect(second?.length).toBe('MatKhauMoi!2025'.length);
    expect(second?.salt).not.toBe(first?.salt);
  });

  it('commits only for the same tab and host, from the top frame', async () => {
    const login = frame(`${webmail}/`, 7);
    await ask({ type: guardMessage.hello }, login);
    await ask({ type: guardMessage.login, password, webmailUrl: `${webmail}/`, client: 'roundcube' }, login);
    expect(await ask({ type: guardMessage.page, loggedIn: true }, frame(`${webmail}/?_task=mail`, 8))).toEqual({ committed: false });
    expect(await ask({ type: guardMessage.page, loggedIn: true }, frame(`${webmail}/?_task=mail`, 7, 3))).toEqual({ committed: false });
    expect(await ask({ type: guardMessage.page, loggedIn: true }, frame('https://evil.example.com/', 7))).toEqual({ committed: false });
    expect(await readFingerprint()).toBeUndefined();
  });

  it('takes no password from a foreign page, nor a webmail address on another host', async () => {
    await logIn(password);
    const foreign = frame('https://dang-nhap-laichau.com/login');
    expect(await ask({ type: guardMessage.login, password: 'x', webmailUrl: 'https://dang-nhap-laichau.com/', client: 'roundcube' }, foreign)).toEqual({ pending: false });
    const login = frame(`${webmail}/`);
    expect(await ask({ type: guardMessage.login, password: 'x', webmailUrl: 'https://dang-nhap-laichau.com/', client: 'roundcube' }, login)).toEqual({ pending: false });
  });
});

describe('watching other sites', () => {
  beforeEach(async () => {
    options = { user: { passwordGuardEnabled: true, hotlines: ['0213.3999.123'] } };
    await logIn(password);
  });

  it('warns the tab’s top frame when the password is typed on a foreign page, with the webmail’s password page', async () => {
    const page = frame('https://dang-nhap-laichau.com/login?user=canbo%40laichau.gov.vn', 9, 4);
    expect(await ask({ type: guardMessage.hello }, page)).toMatchObject({ role: 'watch', keys: true });
    expect(await typeOn(page, `abc ${password}`)).toBe(password.length + 4);
    expect(sentToTabs).toHaveLength(1);
    const [sent] = sentToTabs;
    expect(sent).toMatchObject({ tabId: 9, url: fakeBrowser.runtime.getURL('/warning.html'), message: { kind: 'password' } });
    const warning = (sent!.message as { warning: PasswordWarningData }).warning;
    expect(warning).toMatchObject({
      locale: 'vi',
      pageHost: 'dang-nhap-laichau.com',
      hotlines: ['0213.3999.123'],
      reportAddresses: ['hotro@laichau.gov.vn'],
      changePasswordUrl: `${webmail}/?_task=settings&_action=plugin.password`,
      alertsHelpDesk: false,
    });
    expect(service.status().matches).toBe(1);
  });

  it('says nothing for another password, and checks each key all the same', async () => {
    const page = frame('https://dang-nhap-laichau.com/login', 9);
    await ask({ type: guardMessage.hello }, page);
    expect(await typeOn(page, 'Matkhau@LaiChau2025')).toBe(19);
    expect(sentToTabs).toEqual([]);
    expect(service.status().keysChecked).toBe(19);
  });

  it('checks nothing on the webmail itself or on an allowlisted host', async () => {
    options.user!.passwordGuardAllowlist = ['*.sso.vn'];
    for (const url of [`${webmail}/?_task=login`, 'https://cong.sso.vn/login']) {
      const page = frame(url, 11);
      await ask({ type: guardMessage.hello }, page);
      expect(await typeOn(page, password)).toBe(0);
    }
    expect(sentToTabs).toEqual([]);
  });

  it('counts a paste as typed characters, and follows Backspace', async () => {
    const page = frame('https://dang-nhap-laichau.com/', 9);
    await ask({ type: guardMessage.hello }, page);
    await typeOn(page, password.slice(0, 5) + 'x');
    await ask({ type: guardMessage.keys, backspace: true }, page);
    await ask({ type: guardMessage.keys, text: password.slice(5) }, page);
    expect(sentToTabs).toHaveLength(1);
  });

  it('does nothing once the guard is turned off', async () => {
    options.user!.passwordGuardEnabled = false;
    const page = frame('https://dang-nhap-laichau.com/', 9);
    expect(await ask({ type: guardMessage.hello }, page)).toEqual({ role: 'off' });
    expect(await typeOn(page, password)).toBe(0);
    expect(sentToTabs).toEqual([]);
  });

  it('drops the fingerprint and alerts that earlier versions kept in storage.local', async () => {
    await fakeBrowser.storage.local.set({ [fingerprintKey]: { version: 1 }, passwordGuardAlerts: [{ pageUrl: 'https://x/' }] });
    service.stop();
    service = installPasswordGuard((host) => Promise.resolve(resolvePolicy({ ...options, host: host || undefined })));
    await vi.waitFor(async () => expect(await fakeBrowser.storage.local.get()).toEqual({}));
  });

  it('ignores messages from other extensions', async () => {
    const page = { ...frame('https://dang-nhap-laichau.com/', 9), id: 'another-extension' };
    expect(ask({ type: guardMessage.hello }, page)).toBeUndefined();
  });

  it('records the alert (page address without query, time) and hands it to the report flow when one is plugged in', async () => {
    const page = frame('https://dang-nhap-laichau.com/login?user=canbo%40laichau.gov.vn#x', 9);
    await ask({ type: guardMessage.hello }, page);
    await typeOn(page, password);
    // the warning page's button, not the page (nor our script in it): no help-desk mail from a page
    expect(await ask({ type: passwordAlertMessage }, page)).toBeUndefined();
    expect(await ask({ type: passwordAlertMessage }, warningPage(9))).toEqual({ recorded: true, delivered: false });
    const delivered = vi.fn<PasswordAlertDelivery>(async () => true);
    setPasswordAlertDelivery(delivered);
    expect(await ask({ type: passwordAlertMessage }, warningPage(9))).toEqual({ recorded: true, delivered: true });
    const alerts = await readAlerts();
    expect(alerts.map((a) => [a.pageUrl, a.kind])).toEqual([
      ['https://dang-nhap-laichau.com/login', 'user'],
      ['https://dang-nhap-laichau.com/login', 'user'],
    ]);
    expect(JSON.stringify(alerts)).not.toContain('canbo');
    expect(delivered.mock.calls[0]![0]).toMatchObject({ pageUrl: 'https://dang-nhap-laichau.com/login', kind: 'user' });
  });

  it('alerts the help desk by itself when the policy says so', async () => {
    options.managed = { passwordGuardAlertHelpDesk: true };
    const page = frame('https://dang-nhap-laichau.com/a', 9);
    await ask({ type: guardMessage.hello }, page);
    await typeOn(page, password);
    const alerts = await readAlerts();
    expect(alerts.map((a) => a.kind)).toEqual(['auto']);
    expect((sentToTabs[0]!.message as { warning: PasswordWarningData }).warning.alertsHelpDesk).toBe(true);
  });

  it('sends a tab with a lookalike login page to the warning, and not again once the user chose to go on', async () => {
    const page = frame('https://dang-nhap-laichau.com/', 9, 2);
    const role = await ask({ type: guardMessage.hello }, page);
    expect(role).toMatchObject({ role: 'watch', lookalikeWords: expect.arrayContaining(['Roundcube', 'Zimbra', 'Lai Châu']) });
    await ask({ type: guardMessage.lookalike, evidence: 'Lai Châu' }, page);
    expect(sentToTabs[0]).toMatchObject({ tabId: 9, message: { kind: 'lookalike', warning: { evidence: 'Lai Châu', pageHost: 'dang-nhap-laichau.com' } } });
    // only the warning page says the user goes on; the imitation itself cannot
    expect(await ask({ type: guardMessage.proceed }, page)).toBe(false);
    expect(await ask({ type: guardMessage.proceed }, warningPage(9))).toBe(true);
    await ask({ type: guardMessage.lookalike, evidence: 'Lai Châu' }, page);
    expect(sentToTabs).toHaveLength(1);
    // another tab still gets it
    await ask({ type: guardMessage.lookalike, evidence: 'Lai Châu' }, frame('https://dang-nhap-laichau.com/', 10));
    expect(sentToTabs.map((sent) => sent.tabId)).toEqual([9, 10]);
  });

  it('tells its warning to the extension’s own page in that tab only', async () => {
    const page = frame('https://dang-nhap-laichau.com/', 9);
    await ask({ type: guardMessage.hello }, page);
    await typeOn(page, password);
    expect(await ask({ type: guardMessage.warning }, page)).toBeUndefined();
    expect(await ask({ type: guardMessage.warning }, warningPage(9))).toMatchObject({ kind: 'password' });
    expect(await ask({ type: guardMessage.warning }, warningPage(12))).toBeUndefined();
  });

  it('forgets the fingerprint when the options page asks, and stops checking', async () => {
    const page0 = frame('https://dang-nhap-laichau.com/', 9);
    expect(await ask({ type: guardMessage.forget }, page0)).toBeUndefined();
    const optionsPage = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html'), tab: { id: 3 } };
    expect(await ask({ type: guardMessage.fingerprint }, page0)).toBeUndefined();
    expect(await ask({ type: guardMessage.fingerprint }, optionsPage)).toMatchObject({ host: 'mail.laichau.gov.vn', iterations: 1_000, bits: 32 });
    expect(await ask({ type: guardMessage.forget }, optionsPage)).toBe(true);
    expect(await ask({ type: guardMessage.fingerprint }, optionsPage)).toBeNull();
    const page = frame('https://dang-nhap-laichau.com/', 9);
    expect(await ask({ type: guardMessage.hello }, page)).toMatchObject({ role: 'watch', keys: false });
    expect(await typeOn(page, password)).toBe(0);
  });

  it('answers its status to the extension’s own pages only', async () => {
    expect(await ask({ type: guardMessage.status }, frame('https://dang-nhap-laichau.com/'))).toBeUndefined();
    const options = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html'), tab: { id: 3 } };
    expect(await ask({ type: guardMessage.status }, options)).toMatchObject({ committed: 1 });
  });
});
