/**
 * Zimbra cannot run here, so its pages are reproduced (tests/fixtures/zimbra, each citing the
 * Zimbra templates and view code it follows) and served on loopback with a small driver that does
 * what Zimbra's own code does to them: write the body into the about:blank iframe with
 * document.open/write/close (DwtIframe), replace the message view for the next message
 * (ZmMailMsgView.reset + set), change the route (Modern). The REST endpoint that returns the raw
 * message (`/service/home/~/?auth=co&view=text&id=ID`) is stubbed with the test `.eml` files.
 *
 * The SOAP servlet (`/service/soap/<Name>Request`) is stood in for the report: every request is
 * recorded, and it answers the way Zimbra/zm-mailbox does (SoapEngine.dispatch: no valid session
 * cookie or CSRF token → fault service.AUTH_REQUIRED; SendMsg.java: `SendMsgResponse.m[0].id` of the
 * copy in Sent; ItemAction.java: `MsgActionResponse.action` with the ids acted on; faults as
 * `Body.Fault` with `Reason.Text` and `Detail.Error.Code`, HTTP 500). `/public/modern.jsp` does what
 * Zimbra's modern.jsp does after a login: store the CSRF token in localStorage and go to /modern/.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const fixtures = join(import.meta.dirname, '../fixtures/zimbra');
const mails = join(import.meta.dirname, '../e2e/mails');

/** Message ids of the fixtures and the raw messages behind them. */
const rawMessages: Record<string, string> = {
  '257': join(mails, 'soctrang-quota-lure.eml'),
  '258': join(mails, 'meeting-invitation.eml'),
};

/** The session the fixture pages belong to: the cookie Zimbra sets at login, and the page's CSRF token. */
export const zimbraSession = {
  authCookie: 'ZM_AUTH_TOKEN',
  authToken: '0_fixture-auth-token',
  /** The token the Classic fixture's inline script carries (classic-reading-pane.html). */
  csrfToken:
    '0_5f1c2b9e0a7d4c3e8b6a1f0e9d8c7b6a5f4e3d2c_69643d33363a61313562346332612d363063352d343839612d393532392d3564343364663864313537393b6578703d31333a313736373232353630303030303b',
} as const;

/** What the fixture's SOAP servlet received. */
export interface RecordedSoapRequest {
  method: string;
  /** The path, `/service/soap/SendMsgRequest`. */
  path: string;
  /** Header names in lower case, as Node gives them. */
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body, or undefined when it was not JSON. */
  body: unknown;
}

/** A fault the next SOAP request gets instead of its answer (Zimbra's code and reason). */
export interface SoapFault {
  code: string;
  reason: string;
}

const fixture = (file: string) => readFileSync(join(fixtures, file), 'utf8');
const bodyOf = (file: string) => fixture(file).replace(/^\s*<!--[\s\S]*?-->\s*/, '');

/** Runs in the page (main world), standing in for Zimbra Classic's view code. */
const classicDriver = (bodies: { lure: string; benign: string }) => {
  const view = document.getElementById('zv__TV-main__MSG')!;
  // Dwt lays every control out with explicit bounds; the reproduction has none of that code.
  Object.assign(view.style, { left: '420px', top: '0px', width: '680px', height: '700px' });
  const lureView = view.innerHTML;
  const benignView = (document.getElementById('next-message') as HTMLTemplateElement).innerHTML;
  // An iframe just put in the page still has its about:blank load to come, which would wipe
  // anything written before it: DwtIframe writes once the frame is ready, and so does this.
  const writeBody = (html: string) => {
    const iframe = view.querySelector<HTMLIFrameElement>('iframe[id$="__body__iframe"]')!;
    if (iframe.contentDocument?.readyState === 'complete') writeInto(iframe, html);
    else iframe.addEventListener('load', () => writeInto(iframe, html), { once: true });
  };
  const writeInto = (iframe: HTMLIFrameElement, html: string) => {
    const body = iframe.contentDocument!;
    body.open();
    body.write(html);
    body.close();
    body.body.className = 'MsgBody MsgBody-html';
    // ZmMailMsgView sizes the iframe to its content once written
    iframe.style.height = `${body.documentElement.scrollHeight + 20}px`;
  };
  const show = (which: 'lure' | 'benign') => {
    for (const row of document.querySelectorAll('[id^="zli__TV-main__"]')) {
      row.classList.toggle('Row-selected', row.id === `zli__TV-main__${which === 'lure' ? 257 : 258}`);
    }
    view.replaceChildren();
    view.insertAdjacentHTML('beforeend', which === 'lure' ? lureView : benignView);
    writeBody(bodies[which]);
  };
  writeBody(bodies.lure);
  (window as unknown as { zimbraShow: typeof show }).zimbraShow = show;
};

/** Runs in the page, standing in for the Modern UI's router and viewer. */
const modernDriver = () => {
  const title = document.querySelector('[class*="viewer-title_headerText"]')!;
  const viewer = document.querySelector('[class*="zimbra-client_viewer_viewer"]')!;
  const lure = { title: title.innerHTML, viewer: viewer.innerHTML };
  const benign = {
    title: (document.getElementById('next-title') as HTMLTemplateElement).innerHTML,
    viewer: (document.getElementById('next-viewer') as HTMLTemplateElement).innerHTML,
  };
  const show = (which: 'lure' | 'benign') => {
    history.pushState(null, '', `/modern/email/Inbox/message/${which === 'lure' ? 257 : 258}`);
    const next = which === 'lure' ? lure : benign;
    title.innerHTML = next.title;
    viewer.innerHTML = next.viewer;
  };
  (window as unknown as { zimbraShow: typeof show }).zimbraShow = show;
};

function withDriver(page: string, driver: string): string {
  // The drivers are TypeScript functions sent as source; esbuild (tsx) may wrap them in its
  // `__name` helper, which the page must then have.
  return page.replace('</body>', `<script>var __name = (fn) => fn;\n${driver}</script>\n</body>`);
}

export interface ZimbraFixtureServer {
  port: number;
  /** Raw-message requests received, by id: the adapter's REST fetches. */
  rawRequests: string[];
  /** Every request to /service/soap/, in order. */
  soapRequests: RecordedSoapRequest[];
  /** Set to make the next SOAP request fail with this fault (it is then cleared). */
  nextSoapFault: SoapFault | undefined;
  stop(): Promise<void>;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/** Zimbra's JSON fault envelope (store/docs/soap.txt, SOAP 1.2 fault in JSON). */
function faultEnvelope(fault: SoapFault): string {
  return JSON.stringify({
    Header: { context: { _jsns: 'urn:zimbra' } },
    Body: {
      Fault: {
        Code: { Value: 'soap:Sender' },
        Reason: { Text: fault.reason },
        Detail: { Error: { _jsns: 'urn:zimbra', Code: fault.code, Trace: 'fixture' } },
      },
    },
    _jsns: 'urn:zimbraSoap',
  });
}

function cookieOf(request: IncomingMessage, name: string): string | undefined {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * The answer Zimbra would give to a request that passed authentication, or the fault it would
 * raise for what this reproduction can check (unknown message, unknown operation, missing fields).
 */
function soapAnswer(name: string, request: Json | undefined, sent: number): Json | SoapFault {
  if (!request || request._jsns !== 'urn:zimbraMail') return { code: 'service.INVALID_REQUEST', reason: 'invalid request: no urn:zimbraMail request' };
  if (name === 'SendMsg') {
    const m = first(request.m);
    if (!isObject(m)) return { code: 'service.INVALID_REQUEST', reason: 'missing required element: m' };
    const attach = first(m.attach);
    for (const attached of (isObject(attach) && Array.isArray(attach.m) ? attach.m : isObject(attach) ? [attach.m] : [])) {
      const id = isObject(attached) ? String(attached.id ?? '') : '';
      if (!rawMessages[id.slice(id.lastIndexOf(':') + 1)]) return { code: 'mail.NO_SUCH_MSG', reason: `no such message: ${id}` };
    }
    return { m: [{ id: String(1000 + sent) }] };
  }
  if (name === 'MsgAction') {
    const action = first(request.action);
    if (!isObject(action) || typeof action.id !== 'string' || typeof action.op !== 'string') {
      return { code: 'service.INVALID_REQUEST', reason: 'missing required attribute: op' };
    }
    if (!['spam', 'trash', 'move', 'read', 'flag', 'tag', 'delete'].includes(action.op.replace(/^!/, ''))) {
      return { code: 'service.INVALID_REQUEST', reason: `unknown operation: ${action.op}` };
    }
    const known = action.id.split(',').filter((id) => rawMessages[id.slice(id.lastIndexOf(':') + 1)]);
    return { action: { id: known.join(','), op: action.op } };
  }
  return { code: 'service.UNKNOWN_DOCUMENT', reason: `unknown document: ${name}Request` };
}

export async function startZimbraFixtures(): Promise<ZimbraFixtureServer> {
  const bodies = { lure: bodyOf('lure-body.html'), benign: bodyOf('benign-body.html') };
  const classic = withDriver(fixture('classic-reading-pane.html'), `(${classicDriver.toString()})(${JSON.stringify(bodies)});`);
  const modern = withDriver(fixture('modern-message.html'), `(${modernDriver.toString()})();`);
  const rawRequests: string[] = [];
  const soapRequests: RecordedSoapRequest[] = [];
  const state: ZimbraFixtureServer = {
    port: 0,
    rawRequests,
    soapRequests,
    nextSoapFault: undefined,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  // The login sets the session cookie; the pages are what a logged-in user gets.
  const session = `${zimbraSession.authCookie}=${zimbraSession.authToken}; Path=/; HttpOnly`;
  const soap = (request: IncomingMessage, url: URL, send: (status: number, type: string, body: string) => void) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      soapRequests.push({ method: request.method ?? '', path: url.pathname, headers: { ...request.headers }, body });
      const json = (status: number, payload: string) => send(status, 'application/json; charset=utf-8', payload);
      const name = /^\/service\/soap\/(\w+)Request$/.exec(url.pathname)?.[1];
      const envelope = isObject(body) ? body : undefined;
      const requestBody = name && isObject(envelope?.Body) ? first(envelope.Body[`${name}Request`]) : undefined;
      if (request.method !== 'POST' || !name || !envelope) {
        return json(500, faultEnvelope({ code: 'service.PARSE_ERROR', reason: 'parse error: not a JSON SOAP request' }));
      }
      // SoapEngine.dispatch: the auth token (cookie), then the CSRF token from the header or the context.
      const context = isObject(envelope.Header) && isObject(envelope.Header.context) ? envelope.Header.context : {};
      const csrf = request.headers['x-zimbra-csrf-token'] ?? context.csrfToken;
      if (cookieOf(request, zimbraSession.authCookie) !== zimbraSession.authToken || csrf !== zimbraSession.csrfToken) {
        return json(500, faultEnvelope({ code: 'service.AUTH_REQUIRED', reason: 'no valid authtoken present' }));
      }
      if (state.nextSoapFault) {
        const fault = state.nextSoapFault;
        state.nextSoapFault = undefined;
        return json(500, faultEnvelope(fault));
      }
      const answer = soapAnswer(name, isObject(requestBody) ? requestBody : undefined, soapRequests.length);
      if ('code' in answer && 'reason' in answer) return json(500, faultEnvelope(answer as SoapFault));
      return json(
        200,
        JSON.stringify({ Header: { context: { _jsns: 'urn:zimbra' } }, Body: { [`${name}Response`]: { _jsns: 'urn:zimbraMail', ...answer } }, _jsns: 'urn:zimbraSoap' }),
      );
    });
  };
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fixture');
    const send = (status: number, type: string, body: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
      response.end(body);
    };
    if (url.pathname === '/') return send(200, 'text/html; charset=utf-8', classic, { 'set-cookie': session });
    if (url.pathname === '/public/modern.jsp') {
      // Zimbra/zm-web-client WebRoot/public/modern.jsp, with the session's token written in.
      const page = `<!DOCTYPE html><script>
    localStorage.setItem("csrfToken" , ${JSON.stringify(zimbraSession.csrfToken)});
    const currentURL = new URL(window.location.href);
    const redirectToPath = currentURL.searchParams.get("RelayState") || '';
    if (redirectToPath.indexOf('/modern/') === 0 && !redirectToPath.includes('/../')) {
        window.location.href = window.location.origin + redirectToPath;
    } else {
        window.location.href = window.location.origin + "/modern/";
    }
</script>`;
      return send(200, 'text/html; charset=utf-8', page, { 'set-cookie': session });
    }
    if (url.pathname.startsWith('/modern/email/')) return send(200, 'text/html; charset=utf-8', modern);
    if (url.pathname.startsWith('/service/soap/')) return soap(request, url, send);
    if (url.pathname === '/service/home/~/' && url.searchParams.get('view') === 'text') {
      const id = url.searchParams.get('id') ?? '';
      rawRequests.push(id);
      const file = rawMessages[id];
      return file ? send(200, 'text/plain; charset=utf-8', readFileSync(file, 'utf8')) : send(404, 'text/plain', 'no such item');
    }
    return send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  return state;
}
