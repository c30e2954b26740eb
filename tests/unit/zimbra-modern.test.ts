// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://mail.soctrang.gov.vn/modern/email/Inbox/message/257", "settings": { "disableJavaScriptEvaluation": true, "disableCSSFileLoading": true } }
/**
 * The Zimbra Modern UI adapter on a viewer rebuilt from the zm-x-web sources
 * (tests/fixtures/zimbra/modern-message.html; low confidence, see its header).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkMessage, policyForPage } from '../../lib/check';
import { fromDomMessage } from '../../lib/webmail/message';
import { roundcubeAdapter } from '../../lib/webmail/roundcube';
import { zimbraClassicAdapter } from '../../lib/webmail/zimbra-classic';
import { zimbraModernAdapter } from '../../lib/webmail/zimbra-modern';

const fixtures = join(import.meta.dirname, '../fixtures/zimbra');
const base = 'https://mail.soctrang.gov.vn';

function loadPage(path = '/modern/email/Inbox/message/257'): Document {
  const parsed = new DOMParser().parseFromString(readFileSync(join(fixtures, 'modern-message.html'), 'utf8'), 'text/html');
  history.replaceState(null, '', path);
  document.body.replaceWith(document.importNode(parsed.body, true));
  return document;
}

describe('Zimbra Modern detection', () => {
  it('recognises the Modern client, and no other adapter takes it', () => {
    const doc = loadPage();
    expect(zimbraModernAdapter.detect(doc)).toBe(true);
    expect(zimbraClassicAdapter.detect(doc)).toBe(false);
    expect(roundcubeAdapter.detect(doc)).toBe(false);
  });

  it('does not take Roundcube or an ordinary page for Zimbra Modern', () => {
    const roundcube = new DOMParser().parseFromString(
      readFileSync(join(import.meta.dirname, '../fixtures/roundcube/elastic-show-lure.html'), 'utf8').replace(/<link\b[^>]*>/gi, ''),
      'text/html',
    );
    expect(zimbraModernAdapter.detect(roundcube)).toBe(false);
    const plain = document.implementation.createHTMLDocument('Cổng thông tin');
    plain.body.innerHTML = '<main class="viewer"><h1>Tin tức</h1></main>';
    expect(zimbraModernAdapter.detect(plain)).toBe(false);
  });
});

describe('Zimbra Modern message view', () => {
  let doc: Document;
  beforeEach(() => {
    doc = loadPage();
  });

  it('takes the message id and folder from the route', () => {
    expect(zimbraModernAdapter.openMessage(doc)).toEqual({ id: '257', folder: 'Inbox' });
  });

  it('has no message id for a conversation route, unless it is a single-message conversation', () => {
    history.replaceState(null, '', '/modern/email/Inbox/conversation/312');
    expect(zimbraModernAdapter.openMessage(doc)).toEqual({ id: '', folder: 'Inbox' });
    history.replaceState(null, '', '/modern/email/Inbox/conversation/-257');
    expect(zimbraModernAdapter.openMessage(doc)).toEqual({ id: '257', folder: 'Inbox' });
  });

  it('reads subject, addresses (from the title attribute) and body', () => {
    const message = zimbraModernAdapter.readMessage(doc);
    expect(message.subject).toBe('Đã vượt quá hạn ngạch');
    expect(message.from).toEqual({ name: 'Postmaster', address: 'fem@fundacionhomi.org.co' });
    expect(message.to).toEqual([{ name: 'Recipients', address: 'canbo@soctrang.gov.vn' }]);
    expect(message.replyTo).toEqual([]);
    expect(message.attachments).toEqual([]);
    const mail = fromDomMessage(message);
    expect(mail.text).toContain('Hộp thư của bạn đã vượt quá giới hạn dung lượng 2,0 GB');
    expect(mail.links).toEqual([{ href: 'https://upcorss.weebly.com/', text: 'Bấm vào đây để cập nhật địa chỉ email của bạn' }]);
  });

  it('takes From, not Sender, when DesktopViewer shows "Sender on behalf of From" unwrapped', () => {
    const list = doc.querySelector('[class*="address-list_addresses-from"]')!;
    const unwrapped = doc.createElement('div');
    unwrapped.className = 'zimbra-client_desktop-viewer_fromAddressList';
    unwrapped.innerHTML =
      '<span class="zimbra-client_address-list_addresses zimbra-client_address-list_bold"><span class="zimbra-client_address-list_address">' +
      '<span class="zimbra-client_address-list_addressName" title="bounce@mailer.example">mailer</span></span></span> on behalf of ' +
      '<span class="zimbra-client_address-list_addresses zimbra-client_address-list_bold"><span class="zimbra-client_address-list_address">' +
      '<span class="zimbra-client_address-list_addressName" title="fem@fundacionhomi.org.co">Postmaster</span></span></span>';
    list.replaceWith(unwrapped);
    expect(zimbraModernAdapter.readMessage(doc).from).toEqual({ name: 'Postmaster', address: 'fem@fundacionhomi.org.co' });
  });

  it('fetches the raw message from the REST servlet, which does not depend on the UI', () => {
    expect(zimbraModernAdapter.rawMessageUrl(doc, { id: '257' })).toBe(`${base}/service/home/~/?auth=co&view=text&id=257`);
    expect(zimbraModernAdapter.rawMessageUrl(doc, { id: '' })).toBeNull();
  });

  it('puts the banner above the rendered mail, outside it', () => {
    const anchor = zimbraModernAdapter.bannerAnchor(doc)!;
    const inner = doc.querySelector('[class*="html-viewer_inner"]')!;
    expect(anchor.className).toContain('html-viewer_htmlViewer');
    expect(anchor.contains(inner)).toBe(true);
  });

  it('has no report URL', () => {
    expect(zimbraModernAdapter.reportUrl(doc, { id: '257' }, { addresses: ['hotro@soctrang.gov.vn'], subject: 'x' })).toBeNull();
  });

  it('scores what it read as danger', async () => {
    const { verdict } = await checkMessage(zimbraModernAdapter.readMessage(doc), undefined, policyForPage(`${base}/`));
    expect(verdict.level).toBe('danger');
  });
});

describe('Zimbra Modern watch()', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  async function settle(): Promise<void> {
    await Promise.resolve();
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    vi.advanceTimersByTime(150);
  }

  /** Preact routing to the next message: new URL, new title, the viewer's children replaced. */
  function openNextMessage(doc: Document): void {
    history.pushState(null, '', '/modern/email/Inbox/message/258');
    const headerText = doc.querySelector('[class*="viewer-title_headerText"]')!;
    headerText.replaceChildren(doc.importNode((doc.getElementById('next-title') as HTMLTemplateElement).content, true));
    const viewer = doc.querySelector('[class*="zimbra-client_viewer_viewer"]')!;
    viewer.replaceChildren(doc.importNode((doc.getElementById('next-viewer') as HTMLTemplateElement).content, true));
  }

  it('calls back once when another message is shown, and reads the new one', async () => {
    const doc = loadPage();
    const onChange = vi.fn();
    const stop = zimbraModernAdapter.watch(doc, onChange);

    openNextMessage(doc);
    await settle();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(zimbraModernAdapter.openMessage(doc)).toEqual({ id: '258', folder: 'Inbox' });
    const message = zimbraModernAdapter.readMessage(doc);
    expect(message.from).toEqual({ name: 'Nguyễn Văn A', address: 'nguyenvana@soctrang.gov.vn' });
    expect(message.attachments).toEqual([{ filename: 'Tai_lieu_hop_giao_ban_tuan_48.pdf' }]);
    const { verdict } = await checkMessage(message, undefined, policyForPage(`${base}/`));
    expect(verdict.level).toBe('safe');
    stop();
  });

  it('ignores changes elsewhere in the app', async () => {
    const doc = loadPage();
    const onChange = vi.fn();
    const stop = zimbraModernAdapter.watch(doc, onChange);

    const sidebar = doc.createElement('nav');
    sidebar.className = 'zimbra-client_folder-list_folderList';
    doc.getElementById('zimbra-client')!.prepend(sidebar);
    sidebar.innerHTML = '<a class="zimbra-client_folder-list_item">Hộp thư đến (4)</a>';
    // Our own banner going in above the body changes the viewer, but not the message.
    zimbraModernAdapter.bannerAnchor(doc)!.before(doc.createElement('khienthu-banner'));
    await settle();
    expect(onChange).not.toHaveBeenCalled();
    stop();
  });

  it('stops after disconnect', async () => {
    const doc = loadPage();
    const onChange = vi.fn();
    zimbraModernAdapter.watch(doc, onChange)();

    openNextMessage(doc);
    await settle();
    expect(onChange).not.toHaveBeenCalled();
  });
});
