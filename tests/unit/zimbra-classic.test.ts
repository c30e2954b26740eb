// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://mail.soctrang.gov.vn/", "settings": { "enableIframePageLoading": true, "disableJavaScriptEvaluation": true, "disableCSSFileLoading": true } }
/**
 * The Zimbra Classic adapter on pages rebuilt from Zimbra's templates and view code
 * (tests/fixtures/zimbra, sources cited at the top of each fixture). The pages are loaded into the
 * live document so that the body iframes get an about:blank document, which the tests write the
 * way DwtIframe does: open, write, close.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkMessage, policyForPage } from '../../lib/check';
import { fromDomMessage } from '../../lib/webmail/message';
import { roundcubeAdapter } from '../../lib/webmail/roundcube';
import { parseAddressText, zimbraClassicAdapter } from '../../lib/webmail/zimbra-classic';
import { zimbraModernAdapter } from '../../lib/webmail/zimbra-modern';

const fixtures = join(import.meta.dirname, '../fixtures/zimbra');
const base = 'https://mail.soctrang.gov.vn';

function fixture(file: string): string {
  return readFileSync(join(fixtures, file), 'utf8');
}

/** A fixture body file without its leading source comment. */
function bodyHtml(file: string): string {
  return fixture(file).replace(/^\s*<!--[\s\S]*?-->\s*/, '');
}

/** Puts a fixture page into the live document (DOMParser documents never load iframes). */
function loadPage(file: string): Document {
  const parsed = new DOMParser().parseFromString(fixture(file), 'text/html');
  document.title = parsed.title;
  document.body.replaceWith(document.importNode(parsed.body, true));
  return document;
}

/** What DwtIframe._createFrame and ZmMailMsgView._displayContent do to the body iframe. */
function writeBody(iframeId: string, file: string, kind: 'html' | 'text'): void {
  const iframe = document.getElementById(iframeId) as HTMLIFrameElement;
  const idoc = iframe.contentDocument!;
  idoc.open();
  idoc.write(bodyHtml(file));
  idoc.close();
  idoc.body.className = `MsgBody MsgBody-${kind}`;
}

function parsedPage(path: string): Document {
  const html = readFileSync(join(import.meta.dirname, '..', path), 'utf8').replace(/<link\b[^>]*>/gi, '');
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('Zimbra Classic detection', () => {
  it.each(['classic-reading-pane.html', 'classic-conversation.html', 'classic-message-tab.html'])('recognises %s', (file) => {
    const doc = loadPage(file);
    expect(zimbraClassicAdapter.detect(doc)).toBe(true);
    expect(roundcubeAdapter.detect(doc)).toBe(false);
    expect(zimbraModernAdapter.detect(doc)).toBe(false);
  });

  it.each(['elastic-preview-lure.html', 'larry-show-lure.html'])('does not take Roundcube (%s) for Zimbra', (file) => {
    const doc = parsedPage(`fixtures/roundcube/${file}`);
    expect(zimbraClassicAdapter.detect(doc)).toBe(false);
    expect(zimbraModernAdapter.detect(doc)).toBe(false);
  });

  it('does not take an ordinary page for Zimbra', () => {
    const doc = document.implementation.createHTMLDocument('Cổng thông tin');
    doc.body.innerHTML = '<main><h1>Tin tức</h1><table class="MsgHeaderTable"><tr><td class="SubjectCol">x</td></tr></table></main>';
    expect(zimbraClassicAdapter.detect(doc)).toBe(false);
  });
});

describe('Zimbra Classic reading pane (message view)', () => {
  let doc: Document;
  beforeEach(() => {
    doc = loadPage('classic-reading-pane.html');
    writeBody('zv__TV-main__MSG__body__iframe', 'lure-body.html', 'html');
  });

  it('takes the message id from the selected row of the list', () => {
    expect(zimbraClassicAdapter.openMessage(doc)).toEqual({ id: '257' });
  });

  it('reads what the page shows: display names only, addresses only where there is no name', () => {
    const message = zimbraClassicAdapter.readMessage(doc);
    expect(message.subject).toBe('Đã vượt quá hạn ngạch');
    expect(message.from).toEqual({ name: 'Postmaster', address: '' });
    expect(message.to).toEqual([{ name: 'Recipients', address: '' }]);
    expect(message.replyTo).toEqual([{ name: '', address: 'mssmadar44@gmail.com' }]);
    expect(message.cc).toEqual([]);
    expect(message.attachments).toEqual([]);
    const mail = fromDomMessage(message);
    expect(mail.text).toContain('Hộp thư của bạn đã vượt quá giới hạn dung lượng 2,0 GB');
    expect(mail.links).toEqual([{ href: 'https://upcorss.weebly.com/', text: 'Bấm vào đây để cập nhật địa chỉ email của bạn' }]);
  });

  it('fetches the raw message from the REST servlet on the same origin', () => {
    expect(zimbraClassicAdapter.rawMessageUrl(doc, { id: '257' })).toBe(`${base}/service/home/~/?auth=co&view=text&id=257`);
    expect(zimbraClassicAdapter.rawMessageUrl(doc, { id: '' })).toBeNull();
  });

  it('puts the banner in the top document, right above the body iframe', () => {
    const anchor = zimbraClassicAdapter.bannerAnchor(doc)!;
    const iframe = doc.getElementById('zv__TV-main__MSG__body__iframe')!;
    expect(anchor.ownerDocument).toBe(document);
    expect(anchor.id).toBe('zv__TV-main__MSG__body');
    expect(anchor.contains(iframe)).toBe(true);
    expect(doc.querySelector('table.MsgHeaderTable')!.compareDocumentPosition(anchor) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('has no report URL: Zimbra cannot forward as an attachment by URL', () => {
    expect(zimbraClassicAdapter.reportUrl(doc, { id: '257' }, { addresses: ['hotro@soctrang.gov.vn'], subject: 'x' })).toBeNull();
  });

  it('scores what it read as danger', async () => {
    const { verdict } = await checkMessage(zimbraClassicAdapter.readMessage(doc), undefined, policyForPage(`${base}/`));
    expect(verdict.level).toBe('danger');
  });

  it('has no open message when the reading pane is empty', () => {
    doc.getElementById('zv__TV-main__MSG')!.replaceChildren();
    expect(zimbraClassicAdapter.openMessage(doc)).toBeNull();
    expect(zimbraClassicAdapter.bannerAnchor(doc)).toBeNull();
  });
});

describe('Zimbra Classic conversation (capsules)', () => {
  let doc: Document;
  beforeEach(() => {
    doc = loadPage('classic-conversation.html');
  });

  it('takes the expanded capsule and its id, skipping the collapsed one', () => {
    expect(zimbraClassicAdapter.openMessage(doc)).toEqual({ id: '257' });
  });

  it('reads the capsule header, whatever language its labels are in, and the body DIV', () => {
    const message = zimbraClassicAdapter.readMessage(doc);
    expect(message.subject).toBe('Đã vượt quá hạn ngạch');
    expect(message.from).toEqual({ name: 'Postmaster', address: '' });
    expect(message.to).toEqual([{ name: 'Recipients', address: '' }]);
    expect(message.replyTo).toEqual([{ name: '', address: 'mssmadar44@gmail.com' }]);
    expect(fromDomMessage(message).links).toEqual([
      { href: 'https://upcorss.weebly.com/', text: 'Bấm vào đây để cập nhật địa chỉ email của bạn' },
    ]);
  });

  it('puts the banner above the body DIV', () => {
    expect(zimbraClassicAdapter.bannerAnchor(doc)?.id).toBe('main_MSGC257__body');
  });

  it('scores what it read as danger', async () => {
    const { verdict } = await checkMessage(zimbraClassicAdapter.readMessage(doc), undefined, policyForPage(`${base}/`));
    expect(verdict.level).toBe('danger');
  });
});

describe('Zimbra Classic message in its own tab', () => {
  let doc: Document;
  beforeEach(() => {
    doc = loadPage('classic-message-tab.html');
    writeBody('zv__TV-main__MSG__body__iframe', 'lure-body.html', 'html');
    writeBody('zv__MSG-1__MSG__body__iframe', 'benign-body.html', 'text');
  });

  it('reads the tab, not the reading pane parked off screen, with the id of its attachment links', () => {
    expect(zimbraClassicAdapter.openMessage(doc)).toEqual({ id: '258' });
    const message = zimbraClassicAdapter.readMessage(doc);
    expect(message.subject).toBe('Lịch họp giao ban tuần sau');
    expect(message.from).toEqual({ name: 'Nguyễn Văn A', address: '' });
    expect(message.to).toEqual([{ name: 'Cán bộ', address: '' }]);
    expect(message.attachments).toEqual([{ filename: 'Tai_lieu_hop_giao_ban_tuan_48.pdf' }]);
    expect(fromDomMessage(message).text).toContain('Cuộc họp giao ban tuần sau sẽ diễn ra vào thứ Hai');
  });

  it('puts the banner above the body of the tab', () => {
    expect(zimbraClassicAdapter.bannerAnchor(doc)?.id).toBe('zv__MSG-1__MSG__body');
  });

  it('scores the meeting note as safe', async () => {
    const { verdict } = await checkMessage(zimbraClassicAdapter.readMessage(doc), undefined, policyForPage(`${base}/`));
    expect(verdict.level).toBe('safe');
  });

  it('keeps checking the page when no id is shown (no attachment, no list)', () => {
    doc.getElementById('zv__MSG__MSG-1_attLinks_container')!.remove();
    expect(zimbraClassicAdapter.openMessage(doc)).toEqual({ id: '' });
    expect(zimbraClassicAdapter.rawMessageUrl(doc, { id: '' })).toBeNull();
  });
});

describe('Zimbra Classic addresses', () => {
  it('parses what AjxEmailAddress.toString prints', () => {
    expect(parseAddressText('"Postmaster" <FEM@fundacionhomi.org.co>')).toEqual({ name: 'Postmaster', address: 'fem@fundacionhomi.org.co' });
    expect(parseAddressText('Nguyễn Văn A <nguyenvana@soctrang.gov.vn> ')).toEqual({ name: 'Nguyễn Văn A', address: 'nguyenvana@soctrang.gov.vn' });
    expect(parseAddressText('mssmadar44@gmail.com')).toEqual({ name: '', address: 'mssmadar44@gmail.com' });
    expect(parseAddressText('Postmaster')).toEqual({ name: 'Postmaster', address: '' });
    expect(parseAddressText('"Ban \\"CNTT\\"" <cntt@soctrang.gov.vn>')).toEqual({ name: 'Ban "CNTT"', address: 'cntt@soctrang.gov.vn' });
  });

  /** Replaces what the page shows with a fragment the fixture keeps in a <template>. */
  function put(doc: Document, templateId: string, target: Element): void {
    const fragment = (doc.getElementById(templateId) as HTMLTemplateElement).content.cloneNode(true);
    target.replaceWith(fragment);
  }

  it('takes From, not the Sender, when the message was sent on behalf of someone', () => {
    const doc = loadPage('classic-reading-pane.html');
    put(doc, 'on-behalf-header', doc.querySelector('#zv__TV-main__MSG > div')!);
    const view = doc.getElementById('zv__TV-main__MSG')!;
    expect(view.querySelector('[id$="_obo_span"]')).not.toBeNull();
    expect(view.textContent).toContain('Văn thư');
    const message = zimbraClassicAdapter.readMessage(doc);
    expect(message.from).toEqual({ name: 'Postmaster', address: '' });
    expect(message.replyTo).toEqual([{ name: '', address: 'mssmadar44@gmail.com' }]);
  });

  it("takes the sender's address from the external-images bar when the bubble has none", () => {
    const doc = loadPage('classic-reading-pane.html');
    const infoBar = doc.getElementById('zv__TV__TV-main_MSG_infoBar')!;
    infoBar.append((doc.getElementById('external-images-bar') as HTMLTemplateElement).content.cloneNode(true));
    expect(zimbraClassicAdapter.readMessage(doc).from).toEqual({ name: 'Postmaster', address: 'fem@fundacionhomi.org.co' });
  });
});

describe('Zimbra Classic watch()', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  /** Lets the MutationObserver deliver, then lets the debounce run out. */
  async function settle(): Promise<void> {
    await Promise.resolve();
    await new Promise<void>((resolve) => queueMicrotask(resolve));
    vi.advanceTimersByTime(150);
  }

  /** ZmMailMsgView.set: reset() empties the view, then the new header and a new DwtIframe go in. */
  function openNextMessage(doc: Document): void {
    const view = doc.getElementById('zv__TV-main__MSG')!;
    view.innerHTML = '';
    const next = (doc.getElementById('next-message') as HTMLTemplateElement).content;
    for (const node of [...next.children]) view.appendChild(doc.importNode(node, true));
    writeBody('zv__TV-main__MSG__body__iframe', 'benign-body.html', 'text');
    doc.getElementById('zli__TV-main__257')!.classList.remove('Row-selected');
    doc.getElementById('zli__TV-main__258')!.classList.add('Row-selected');
  }

  it('calls back once when Zimbra replaces the message, and reads the new one', async () => {
    const doc = loadPage('classic-reading-pane.html');
    writeBody('zv__TV-main__MSG__body__iframe', 'lure-body.html', 'html');
    const onChange = vi.fn();
    const stop = zimbraClassicAdapter.watch(doc, onChange);

    openNextMessage(doc);
    await Promise.resolve();
    vi.advanceTimersByTime(50);
    expect(onChange).not.toHaveBeenCalled();
    await settle();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(zimbraClassicAdapter.openMessage(doc)).toEqual({ id: '258' });
    const { verdict } = await checkMessage(zimbraClassicAdapter.readMessage(doc), undefined, policyForPage(`${base}/`));
    expect(verdict.level).toBe('safe');
    stop();
  });

  it('ignores changes that bring no message', async () => {
    const doc = loadPage('classic-reading-pane.html');
    writeBody('zv__TV-main__MSG__body__iframe', 'lure-body.html', 'html');
    const onChange = vi.fn();
    const stop = zimbraClassicAdapter.watch(doc, onChange);

    const rows = doc.getElementById('zl__TV-main__rows')!;
    rows.append(doc.createElement('div'));
    rows.firstElementChild!.classList.add('Row-focused');
    doc.getElementById('skin_container_tree')!.innerHTML = '<div class="DwtTreeItem">Hộp thư đến (3)</div>';
    // Zimlets and Zimbra itself add iframes that are not a message (here: an upload frame).
    doc.getElementById('z_shell')!.append(Object.assign(doc.createElement('iframe'), { id: 'upload_frame' }));
    // Our own banner going in above the body must not look like a new message.
    zimbraClassicAdapter.bannerAnchor(doc)!.before(doc.createElement('khienthu-banner'));
    await settle();
    expect(onChange).not.toHaveBeenCalled();
    stop();
  });

  it('stops after disconnect', async () => {
    const doc = loadPage('classic-reading-pane.html');
    writeBody('zv__TV-main__MSG__body__iframe', 'lure-body.html', 'html');
    const onChange = vi.fn();
    const stop = zimbraClassicAdapter.watch(doc, onChange);
    stop();

    openNextMessage(doc);
    await settle();
    expect(onChange).not.toHaveBeenCalled();
  });
});
