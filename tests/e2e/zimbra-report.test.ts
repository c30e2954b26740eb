/**
 * Reporting from Zimbra, end to end: the reproductions of Zimbra Classic and Modern (see
 * tests/lab/zimbra-fixtures.ts) served as mail.soctrang.gov.vn with the fixture's SOAP servlet,
 * in Debian's Chromium with the built extension loaded.
 *
 * The adapter's `sendReport` / `disposeOriginal` (lib/webmail/zimbra-soap.ts) run where the
 * content script runs them: in an isolated world of the page (created over CDP), which shares the
 * DOM, localStorage, cookies and origin with Zimbra but none of its JavaScript variables, so the
 * CSRF token has to be found the way the adapter finds it. The recorded requests are what Zimbra
 * would receive.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { policyForPage } from '../../lib/check';
import { launchBrowser, type TestBrowser } from '../lab/browser';
import { deleteIdbValue } from '../lab/extension';
import { startZimbraFixtures, zimbraSession, type RecordedSoapRequest, type ZimbraFixtureServer } from '../lab/zimbra-fixtures';

const host = 'mail.soctrang.gov.vn';
let fixtures: ZimbraFixtureServer;
let browser: TestBrowser;
/** The Zimbra adapters bundled for the page, as `globalThis.khienthuZimbra`. */
let adapters: string;

beforeAll(async () => {
  const bundled = await build({
    stdin: {
      contents: `import { zimbraClassicAdapter } from './zimbra-classic';
import { zimbraModernAdapter } from './zimbra-modern';
globalThis.khienthuZimbra = { classic: zimbraClassicAdapter, modern: zimbraModernAdapter };`,
      resolveDir: join(import.meta.dirname, '../../lib/webmail'),
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    target: 'chrome120',
    write: false,
  });
  adapters = bundled.outputFiles[0]!.text;
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

beforeEach(() => {
  fixtures.soapRequests.length = 0;
  fixtures.nextSoapFault = undefined;
});

const origin = () => `http://${host}:${fixtures.port}`;
const reportAddresses = policyForPage(`https://${host}/`).reportAddresses;

/** What the content script's isolated world gives back from a call: a value, or the error's message. */
type Outcome = { ok: true; value: unknown; pageToken: string } | { ok: false; error: string; name: string };

/**
 * Runs `call` (the body of an async function of `zimbra`, the bundled adapters) in a fresh
 * isolated world of the page's main frame. `pageToken` says whether the page's own
 * `window.csrfToken` was visible there (it must not be).
 */
async function inIsolatedWorld(page: Page, call: string): Promise<Outcome> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'khienthu-zimbra-report' });
    const expression = `${adapters}
(async () => {
  const zimbra = globalThis.khienthuZimbra;
  const pageToken = typeof window.csrfToken;
  try {
    const value = await (async () => { ${call} })();
    return { ok: true, value, pageToken };
  } catch (error) {
    return { ok: false, error: String(error && error.message), name: String(error && error.name) };
  }
})()`;
    const result = await cdp.send('Runtime.evaluate', { expression, contextId: executionContextId, awaitPromise: true, returnByValue: true });
    if (result.exceptionDetails) throw new Error(`isolated world: ${result.exceptionDetails.text}`);
    return result.result.value as Outcome;
  } finally {
    await cdp.detach();
  }
}

async function verdictIs(page: Page, level: string): Promise<void> {
  await page.waitForFunction((want) => document.documentElement.getAttribute('data-khienthu-scanned') === want, level);
}

/** The reasons the banner shows, one per line, as the report body carries them. */
async function bannerReasons(page: Page): Promise<string[]> {
  const items = await page.locator('khienthu-banner li[data-reason]').allTextContents();
  return items.map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

interface SendMsgBody {
  Header: { context: { _jsns: string; csrfToken?: string } };
  Body: { SendMsgRequest: { _jsns: string; m: { e: unknown; su: unknown; mp: Array<{ ct: string; content: { _content: string } }>; attach: unknown } } };
}

function expectSameOriginSoap(request: RecordedSoapRequest, name: string): void {
  expect(request.method).toBe('POST');
  expect(request.path).toBe(`/service/soap/${name}Request`);
  expect(request.headers.host).toBe(`${host}:${fixtures.port}`);
  expect(request.headers.origin).toBe(origin());
  expect(request.headers['x-zimbra-csrf-token']).toBe(zimbraSession.csrfToken);
  expect(String(request.headers.cookie)).toContain(`${zimbraSession.authCookie}=${zimbraSession.authToken}`);
  expect(request.body).toMatchObject({ Header: { context: { _jsns: 'urn:zimbra', csrfToken: zimbraSession.csrfToken } } });
}

describe.each([
  ['Classic', '/', 'classic'],
  // modern.jsp stores the CSRF token in localStorage after the login, then opens the Modern UI.
  ['Modern', '/public/modern.jsp?RelayState=%2Fmodern%2Femail%2FInbox%2Fmessage%2F257', 'modern'],
])('Zimbra %s (reproduction): the report route', (client, path, adapter) => {
  let page: Page;

  /** Opens the client as after a login (the page sets the session cookie), with the lure open. */
  const open = async () => {
    await page.goto(`${origin()}${path}`);
    if (client === 'Modern') await page.waitForURL('**/modern/email/Inbox/message/257');
    await verdictIs(page, 'danger');
  };

  beforeAll(async () => {
    page = await browser.context.newPage();
    await open();
  });

  afterAll(() => page.close());

  it('sends the open message to the help desk in one same-origin SendMsgRequest, with the CSRF token the page carries', async () => {
    expect(reportAddresses).toEqual(['tvthe@soctrang.gov.vn']);
    const reasons = await bannerReasons(page);
    expect(reasons.length).toBeGreaterThan(0);
    const draft = { addresses: reportAddresses, subject: '[Khiên Thư] Đã vượt quá hạn ngạch', body: ['Khiên Thư: thư nguy hiểm', ...reasons].join('\n') };
    const outcome = await inIsolatedWorld(
      page,
      `const ref = zimbra.${adapter}.openMessage(document);
       await zimbra.${adapter}.sendReport(document, ref, ${JSON.stringify(draft)});
       return ref;`,
    );
    expect(outcome).toMatchObject({ ok: true, value: { id: '257' }, pageToken: 'undefined' });
    expect(fixtures.soapRequests).toHaveLength(1);
    const [request] = fixtures.soapRequests;
    expectSameOriginSoap(request!, 'SendMsg');
    const m = (request!.body as SendMsgBody).Body.SendMsgRequest.m;
    expect((request!.body as SendMsgBody).Body.SendMsgRequest._jsns).toBe('urn:zimbraMail');
    expect(m.e).toEqual([{ t: 't', a: 'tvthe@soctrang.gov.vn' }]);
    expect(m.su).toEqual({ _content: draft.subject });
    expect(m.mp).toEqual([{ ct: 'text/plain', content: { _content: draft.body } }]);
    for (const reason of reasons) expect(m.mp[0]!.content._content).toContain(reason);
    expect(m.attach).toEqual({ m: [{ id: '257' }] });
  });

  it("rejects with Zimbra's reason when the servlet answers with a fault", async () => {
    fixtures.nextSoapFault = { code: 'mail.SEND_FAILURE', reason: 'message sending failed: Invalid address: tvthe@soctrang.gov.vn' };
    const outcome = await inIsolatedWorld(
      page,
      `await zimbra.${adapter}.sendReport(document, zimbra.${adapter}.openMessage(document), { addresses: ['tvthe@soctrang.gov.vn'], subject: 's', body: 'b' });`,
    );
    expect(outcome).toEqual({
      ok: false,
      name: 'ZimbraSoapError',
      error: 'Zimbra refused SendMsgRequest: message sending failed: Invalid address: tvthe@soctrang.gov.vn (mail.SEND_FAILURE)',
    });
    expect(fixtures.soapRequests).toHaveLength(1);
  });

  it('moves the original to Junk with the op the Junk button sends, and to Trash', async () => {
    const outcome = await inIsolatedWorld(
      page,
      `const ref = zimbra.${adapter}.openMessage(document);
       await zimbra.${adapter}.disposeOriginal(document, ref, 'junk');
       await zimbra.${adapter}.disposeOriginal(document, ref, 'delete');`,
    );
    expect(outcome).toMatchObject({ ok: true });
    expect(fixtures.soapRequests.map((request) => request.path)).toEqual(['/service/soap/MsgActionRequest', '/service/soap/MsgActionRequest']);
    for (const request of fixtures.soapRequests) expectSameOriginSoap(request, 'MsgAction');
    expect(fixtures.soapRequests.map((request) => (request.body as { Body: { MsgActionRequest: unknown } }).Body.MsgActionRequest)).toEqual([
      { _jsns: 'urn:zimbraMail', action: { id: '257', op: 'spam' } },
      { _jsns: 'urn:zimbraMail', action: { id: '257', op: 'trash' } },
    ]);
  });

  it(`is refused without the session (${client}): no cookie, no report`, async () => {
    await browser.context.clearCookies();
    try {
      const outcome = await inIsolatedWorld(
        page,
        `await zimbra.${adapter}.sendReport(document, zimbra.${adapter}.openMessage(document), { addresses: ['tvthe@soctrang.gov.vn'], subject: 's', body: 'b' });`,
      );
      expect(outcome).toMatchObject({ ok: false, error: expect.stringContaining('(service.AUTH_REQUIRED)') });
    } finally {
      // Log in again for whatever runs next.
      await open();
    }
  });
});

describe('Zimbra Classic (reproduction): the banner\'s report button', () => {
  let page: Page;

  beforeAll(async () => {
    page = await browser.context.newPage();
    await page.goto(`${origin()}/`);
    await verdictIs(page, 'danger');
  });

  afterAll(() => page.close());

  /** Clicks "report" and confirms in the dialog when the policy asks for one. */
  async function report(): Promise<void> {
    await page.locator('khienthu-banner [data-khienthu-action="report"]').click();
    const confirm = page.locator('khienthu-report-dialog [data-khienthu-action="report-confirm"]');
    const notice = page.locator('khienthu-report-notice [data-khienthu-notice]');
    await confirm.or(notice).first().waitFor();
    if (await confirm.isVisible()) await confirm.click();
  }

  it('sends the open message to the policy report address through SendMsg, once', async () => {
    const reasons = await bannerReasons(page);
    await report();
    await page.locator('khienthu-report-notice [data-khienthu-notice="thanks"]').waitFor();
    const sends = fixtures.soapRequests.filter((request) => request.path === '/service/soap/SendMsgRequest');
    expect(sends).toHaveLength(1);
    expectSameOriginSoap(sends[0]!, 'SendMsg');
    const m = (sends[0]!.body as SendMsgBody).Body.SendMsgRequest.m;
    expect(m.e).toEqual(reportAddresses.map((a) => ({ t: 't', a })));
    expect(String((m.su as { _content: string })._content)).toContain('Đã vượt quá hạn ngạch');
    expect(m.mp).toHaveLength(1);
    expect(m.mp[0]!.ct).toBe('text/plain');
    for (const reason of reasons) expect(m.mp[0]!.content._content).toContain(reason);
    expect(m.attach).toEqual({ m: [{ id: '257' }] });
    // Whatever the policy does with the original, it is done to the same message, after the send.
    for (const request of fixtures.soapRequests.slice(fixtures.soapRequests.indexOf(sends[0]!) + 1)) {
      expectSameOriginSoap(request, 'MsgAction');
      expect(request.body).toMatchObject({ Body: { MsgActionRequest: { action: { id: '257' } } } });
    }
    expect(fixtures.soapRequests.indexOf(sends[0]!)).toBe(0);
  });

  it('says the message was already reported on a second click, and sends nothing', async () => {
    const before = fixtures.soapRequests.length;
    await report();
    await page.locator('khienthu-report-notice [data-khienthu-notice="already"]').waitFor();
    expect(fixtures.soapRequests.slice(before)).toEqual([]);
  });

  it('falls back to the .eml and a mailto: to the help desk when Zimbra refuses, and says so', async () => {
    // a message not yet reported: forget the report above
    await deleteIdbValue(browser.serviceWorker!, 'khienthu-reports', 'reportedMessages');
    // the notice of the test before is closed, as a user would
    await page.locator('khienthu-report-notice [data-khienthu-action="notice-close"]').click();
    await page.locator('khienthu-report-notice').waitFor({ state: 'detached' });
    fixtures.nextSoapFault = { code: 'mail.SEND_FAILURE', reason: 'message sending failed: relay refused' };
    const download = page.waitForEvent('download');
    await report();
    const notice = page.locator('khienthu-report-notice [data-khienthu-notice="fallback"]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('relay refused');
    // the original, as the webmail gave it for the check, saved as .eml
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('Đã vượt quá hạn ngạch.eml');
    expect(readFileSync((await saved.path())!, 'latin1')).toMatch(/^Message-ID: <20211124123800\.5C1F2@fundacionhomi\.org\.co>$/m);
    // and the report as a mailto: to the help desk, offered again in the notice
    const mailto = new URL((await notice.locator('[data-khienthu-action="mailto"]').getAttribute('href'))!);
    expect(decodeURIComponent(mailto.pathname)).toBe(reportAddresses.join(','));
    expect(mailto.searchParams.get('subject')).toContain('Đã vượt quá hạn ngạch');
    expect(mailto.searchParams.get('body')).toContain('[reply-to.');
    expect(await notice.locator('[data-khienthu-action="download-eml"]').getAttribute('download')).toBe('Đã vượt quá hạn ngạch.eml');
  });
});
