/**
 * Zimbra cannot run here, so its pages are reproduced (tests/fixtures/zimbra, each citing the
 * Zimbra templates and view code it follows) and served on loopback with a small driver that does
 * what Zimbra's own code does to them: write the body into the about:blank iframe with
 * document.open/write/close (DwtIframe), replace the message view for the next message
 * (ZmMailMsgView.reset + set), change the route (Modern). The REST endpoint that returns the raw
 * message (`/service/home/~/?auth=co&view=text&id=ID`) is stubbed with the test `.eml` files.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

const fixtures = join(import.meta.dirname, '../fixtures/zimbra');
const mails = join(import.meta.dirname, '../e2e/mails');

/** Message ids of the fixtures and the raw messages behind them. */
const rawMessages: Record<string, string> = {
  '257': join(mails, 'soctrang-quota-lure.eml'),
  '258': join(mails, 'meeting-invitation.eml'),
};

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
  stop(): Promise<void>;
}

export async function startZimbraFixtures(): Promise<ZimbraFixtureServer> {
  const bodies = { lure: bodyOf('lure-body.html'), benign: bodyOf('benign-body.html') };
  const classic = withDriver(fixture('classic-reading-pane.html'), `(${classicDriver.toString()})(${JSON.stringify(bodies)});`);
  const modern = withDriver(fixture('modern-message.html'), `(${modernDriver.toString()})();`);
  const rawRequests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://fixture');
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (url.pathname === '/') return send(200, 'text/html; charset=utf-8', classic);
    if (url.pathname.startsWith('/modern/email/')) return send(200, 'text/html; charset=utf-8', modern);
    if (url.pathname === '/service/home/~/' && url.searchParams.get('view') === 'text') {
      const id = url.searchParams.get('id') ?? '';
      rawRequests.push(id);
      const file = rawMessages[id];
      return file ? send(200, 'text/plain; charset=utf-8', readFileSync(file, 'utf8')) : send(404, 'text/plain', 'no such item');
    }
    return send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    rawRequests,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
