// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://mail.soctrang.gov.vn/", "settings": { "enableIframePageLoading": true, "disableJavaScriptEvaluation": true, "disableCSSFileLoading": true } }
/**
 * Reporting from Zimbra (lib/webmail/zimbra-soap.ts): the CSRF token taken from the pages Zimbra
 * serves (tests/fixtures/zimbra), the JSON SOAP requests built for SendMsg and MsgAction, and what
 * is done with Zimbra's answers. `fetch` is replaced by a recorder that answers like Zimbra; the
 * same requests against the fixture servlet, from the built extension, are in
 * tests/e2e/zimbra-report.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReportDraft } from '../../lib/webmail/types';
import { zimbraClassicAdapter } from '../../lib/webmail/zimbra-classic';
import { zimbraModernAdapter } from '../../lib/webmail/zimbra-modern';
import { ZimbraSoapError, zimbraCsrfToken, zimbraMessageId } from '../../lib/webmail/zimbra-soap';

const fixtures = join(import.meta.dirname, '../fixtures/zimbra');
const base = 'https://mail.soctrang.gov.vn';
/** The token in classic-reading-pane.html's inline script (as launchZCS.jsp writes it). */
const classicToken =
  '0_5f1c2b9e0a7d4c3e8b6a1f0e9d8c7b6a5f4e3d2c_69643d33363a61313562346332612d363063352d343839612d393532392d3564343364663864313537393b6578703d31333a313736373232353630303030303b';

const draft: ReportDraft = {
  addresses: ['tvthe@soctrang.gov.vn'],
  subject: '[Khiên Thư] Báo cáo thư nghi lừa đảo: Đã vượt quá hạn ngạch',
  body: 'Khiên Thư: thư nguy hiểm\n  1. [quota-lure] Thư báo hộp thư vượt quá dung lượng\n',
};

function fixturePage(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(fixtures, file), 'utf8'), 'text/html');
}

/** Puts a fixture page (head and body) into the live document, at `path`. */
function loadPage(file: string, path = '/'): Document {
  const parsed = fixturePage(file);
  history.replaceState(null, '', path);
  document.head.replaceWith(document.importNode(parsed.head, true));
  document.body.replaceWith(document.importNode(parsed.body, true));
  return document;
}

interface Sent {
  url: string;
  init: RequestInit;
  body: unknown;
  headers: Record<string, string>;
}

/** A fetch that records each request and answers with `answer(request)`. */
function recordFetch(answer: (sent: Sent) => Response | Promise<Response>): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const request: Sent = {
      url: String(input),
      init,
      body: JSON.parse(String(init.body)),
      headers: Object.fromEntries(Object.entries((init.headers ?? {}) as Record<string, string>).map(([name, value]) => [name.toLowerCase(), value])),
    };
    sent.push(request);
    return answer(request);
  });
  return sent;
}

const json = (status: number, payload: unknown) =>
  new Response(JSON.stringify(payload), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });

const sendMsgResponse = json(200, {
  Header: { context: { _jsns: 'urn:zimbra' } },
  Body: { SendMsgResponse: { _jsns: 'urn:zimbraMail', m: [{ id: '1042' }] } },
  _jsns: 'urn:zimbraSoap',
});

const fault = (code: string, reason: string) =>
  json(500, {
    Header: { context: { _jsns: 'urn:zimbra' } },
    Body: { Fault: { Code: { Value: 'soap:Sender' }, Reason: { Text: reason }, Detail: { Error: { _jsns: 'urn:zimbra', Code: code } } } },
    _jsns: 'urn:zimbraSoap',
  });

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('the CSRF token of the Zimbra session', () => {
  it("reads the Classic page's inline window.csrfToken (launchZCS.jsp), which the isolated world cannot read as a variable", () => {
    expect(zimbraCsrfToken(fixturePage('classic-reading-pane.html'))).toBe(classicToken);
  });

  it('reads the token modern.jsp left in localStorage when the page has no inline one (Modern)', () => {
    const doc = loadPage('modern-message.html', '/modern/email/Inbox/message/257');
    expect(zimbraCsrfToken(doc)).toBeUndefined();
    localStorage.setItem('csrfToken', '0_abc123_6964');
    expect(zimbraCsrfToken(doc)).toBe('0_abc123_6964');
  });

  it("prefers this page's inline token to an older one in localStorage", () => {
    localStorage.setItem('csrfToken', '0_stale_00');
    expect(zimbraCsrfToken(loadPage('classic-reading-pane.html'))).toBe(classicToken);
  });

  it('takes nothing that could break the request header', () => {
    const doc = fixturePage('classic-message-tab.html');
    const script = doc.createElement('script');
    script.textContent = 'window.csrfToken = "0_abc\\r\\nX-Evil: 1";';
    doc.head.append(script);
    expect(zimbraCsrfToken(doc)).toBeUndefined();
    localStorage.setItem('csrfToken', 'bad token\nX-Evil: 1');
    expect(zimbraCsrfToken(loadPage('modern-message.html', '/modern/email/Inbox/message/257'))).toBeUndefined();
  });
});

describe('Zimbra message ids', () => {
  it('takes item ids, qualified or not, and refuses conversations and empty ids', () => {
    expect(zimbraMessageId({ id: '257' })).toBe('257');
    expect(zimbraMessageId({ id: '0d2b4a1c-60c5-489a-9529-5d43df8d1579:257' })).toBe('0d2b4a1c-60c5-489a-9529-5d43df8d1579:257');
    for (const id of ['', '-257', '0', 'C257', '257,258', '257;x']) {
      expect(() => zimbraMessageId({ id }), id).toThrow(ZimbraSoapError);
    }
  });

  it('reads a single-message conversation row of the Classic conversation list as its message', () => {
    const doc = document.implementation.createHTMLDocument('Zimbra');
    doc.body.innerHTML = `<div id="z_shell" class="DwtShell">
      <div id="zli__CLV-main__-257" class="Row Row-selected"></div>
      <div id="zv__CLV-main__MSG"><table class="MsgHeaderTable"></table><div class="MsgBody"></div></div></div>`;
    expect(zimbraClassicAdapter.openMessage(doc)).toEqual({ id: '257' });
    // A positive row id in the conversation list is a conversation, not a message.
    doc.getElementById('zli__CLV-main__-257')!.id = 'zli__CLV-main__312';
    expect(zimbraClassicAdapter.openMessage(doc)).toEqual({ id: '' });
  });
});

describe('sendReport, Zimbra Classic', () => {
  let doc: Document;
  beforeEach(() => {
    doc = loadPage('classic-reading-pane.html');
  });

  it('sends one SendMsgRequest on the same origin, in the JSON the web client sends, the open message attached by id', async () => {
    const sent = recordFetch(() => sendMsgResponse.clone());
    const ref = zimbraClassicAdapter.openMessage(doc)!;
    await zimbraClassicAdapter.sendReport(doc, ref, draft);
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request!.url).toBe(`${base}/service/soap/SendMsgRequest`);
    expect(request!.init).toMatchObject({ method: 'POST', credentials: 'same-origin', redirect: 'error' });
    expect(request!.headers['x-zimbra-csrf-token']).toBe(classicToken);
    expect(request!.headers['content-type']).toBe('application/soap+xml; charset=utf-8');
    expect(request!.body).toEqual({
      Header: { context: { _jsns: 'urn:zimbra', csrfToken: classicToken } },
      Body: {
        SendMsgRequest: {
          _jsns: 'urn:zimbraMail',
          m: {
            e: [{ t: 't', a: 'tvthe@soctrang.gov.vn' }],
            su: { _content: draft.subject },
            mp: [{ ct: 'text/plain', content: { _content: draft.body } }],
            attach: { m: [{ id: '257' }] },
          },
        },
      },
    });
  });

  it('addresses every help-desk address as To', async () => {
    const sent = recordFetch(() => sendMsgResponse.clone());
    await zimbraClassicAdapter.sendReport(doc, { id: '257' }, { ...draft, addresses: ['hotro@laichau.gov.vn', ' tvthe@soctrang.gov.vn '] });
    const m = (sent[0]!.body as { Body: { SendMsgRequest: { m: { e: unknown } } } }).Body.SendMsgRequest.m;
    expect(m.e).toEqual([
      { t: 't', a: 'hotro@laichau.gov.vn' },
      { t: 't', a: 'tvthe@soctrang.gov.vn' },
    ]);
  });

  it("rejects with Zimbra's own reason and code on a SOAP fault", async () => {
    recordFetch(() => fault('mail.NO_SUCH_MSG', 'no such message: 257'));
    const error = await zimbraClassicAdapter.sendReport(doc, { id: '257' }, draft).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ZimbraSoapError);
    expect((error as ZimbraSoapError).message).toBe('Zimbra refused SendMsgRequest: no such message: 257 (mail.NO_SUCH_MSG)');
    expect((error as ZimbraSoapError).code).toBe('mail.NO_SUCH_MSG');
    expect((error as ZimbraSoapError).status).toBe(500);
  });

  it('rejects on a refused CSRF token (service.AUTH_REQUIRED)', async () => {
    recordFetch(() => fault('service.AUTH_REQUIRED', 'no valid authtoken present'));
    await expect(zimbraClassicAdapter.sendReport(doc, { id: '257' }, draft)).rejects.toThrow(/AUTH_REQUIRED/);
  });

  it('rejects on a non-2xx answer, on an answer that is not JSON, and on one that is not a SendMsgResponse', async () => {
    recordFetch(() => new Response('Bad Gateway', { status: 502, headers: { 'content-type': 'text/html' } }));
    await expect(zimbraClassicAdapter.sendReport(doc, { id: '257' }, draft)).rejects.toThrow('Zimbra SendMsgRequest failed with HTTP 502');
    recordFetch(() => new Response('<html><form id="zLoginForm"></form></html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    await expect(zimbraClassicAdapter.sendReport(doc, { id: '257' }, draft)).rejects.toThrow('not a SendMsgResponse');
    recordFetch(() => json(200, { Body: { GetMsgResponse: {} } }));
    await expect(zimbraClassicAdapter.sendReport(doc, { id: '257' }, draft)).rejects.toThrow('not a SendMsgResponse');
  });

  it('rejects when the request cannot be made (offline, or redirected to the login page)', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    await expect(zimbraClassicAdapter.sendReport(doc, { id: '257' }, draft)).rejects.toThrow('Zimbra SendMsgRequest could not be sent (Failed to fetch)');
  });

  it('sends nothing without a message id or a valid address', async () => {
    const sent = recordFetch(() => sendMsgResponse.clone());
    await expect(zimbraClassicAdapter.sendReport(doc, { id: '' }, draft)).rejects.toThrow('nothing was sent');
    await expect(zimbraClassicAdapter.sendReport(doc, { id: '257' }, { ...draft, addresses: [] })).rejects.toThrow('no report address');
    await expect(zimbraClassicAdapter.sendReport(doc, { id: '257' }, { ...draft, addresses: ['Hỗ trợ <hotro@x.vn>'] })).rejects.toThrow('is not an address');
    expect(sent).toHaveLength(0);
  });
});

describe('sendReport, Zimbra Modern', () => {
  it('attaches the message of the route, with the token modern.jsp stored', async () => {
    const doc = loadPage('modern-message.html', '/modern/email/Inbox/message/257');
    localStorage.setItem('csrfToken', '0_modern_746f6b656e');
    const sent = recordFetch(() => sendMsgResponse.clone());
    await zimbraModernAdapter.sendReport(doc, zimbraModernAdapter.openMessage(doc)!, draft);
    expect(sent[0]!.url).toBe(`${base}/service/soap/SendMsgRequest`);
    expect(sent[0]!.headers['x-zimbra-csrf-token']).toBe('0_modern_746f6b656e');
    expect(sent[0]!.body).toMatchObject({
      Header: { context: { csrfToken: '0_modern_746f6b656e' } },
      Body: { SendMsgRequest: { m: { attach: { m: [{ id: '257' }] } } } },
    });
  });

  it('sends nothing from a conversation route, which names no message', async () => {
    const doc = loadPage('modern-message.html', '/modern/email/Inbox/conversation/312');
    const sent = recordFetch(() => sendMsgResponse.clone());
    await expect(zimbraModernAdapter.sendReport(doc, zimbraModernAdapter.openMessage(doc)!, draft)).rejects.toThrow(ZimbraSoapError);
    expect(sent).toHaveLength(0);
  });
});

describe('disposeOriginal', () => {
  const actionResponse = (id: string, op: string) =>
    json(200, { Body: { MsgActionResponse: { _jsns: 'urn:zimbraMail', action: { id, op } } } });

  it.each([
    ['junk', 'spam'],
    ['delete', 'trash'],
  ] as const)('%s: a MsgActionRequest with op "%s", as the client\'s own button sends', async (action, op) => {
    const doc = loadPage('classic-reading-pane.html');
    const sent = recordFetch(() => actionResponse('257', op));
    await zimbraClassicAdapter.disposeOriginal(doc, { id: '257' }, action);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe(`${base}/service/soap/MsgActionRequest`);
    expect(sent[0]!.body).toEqual({
      Header: { context: { _jsns: 'urn:zimbra', csrfToken: classicToken } },
      Body: { MsgActionRequest: { _jsns: 'urn:zimbraMail', action: { id: '257', op } } },
    });
  });

  it('rejects when Zimbra acted on nothing, or refused', async () => {
    const doc = loadPage('modern-message.html', '/modern/email/Inbox/message/257');
    recordFetch(() => actionResponse('', 'spam'));
    await expect(zimbraModernAdapter.disposeOriginal(doc, { id: '257' }, 'junk')).rejects.toThrow('did not act on message 257');
    recordFetch(() => fault('service.PERM_DENIED', 'permission denied: you do not have sufficient permissions'));
    await expect(zimbraModernAdapter.disposeOriginal(doc, { id: '257' }, 'delete')).rejects.toThrow(
      'Zimbra refused MsgActionRequest: permission denied: you do not have sufficient permissions (service.PERM_DENIED)',
    );
  });
});
