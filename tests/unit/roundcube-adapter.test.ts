// @vitest-environment happy-dom
/**
 * The Roundcube adapter on pages saved from the real Roundcube of the end-to-end lab
 * (tests/lab/capture-roundcube-fixtures.ts regenerates them).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMessage, policyForPage } from '../../lib/check';
import { roundcubeAdapter } from '../../lib/webmail/roundcube';
import { fromDomMessage } from '../../lib/webmail/message';

const fixtures = join(import.meta.dirname, '../fixtures/roundcube');

function loadPage(file: string, url: string): Document {
  // Stylesheet links are dropped: happy-dom would try to fetch them, and nothing here reads styles.
  const html = readFileSync(join(fixtures, file), 'utf8').replace(/<link\b[^>]*>/gi, '');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  Object.defineProperty(doc, 'location', { value: new URL(url) });
  return doc;
}

const base = 'http://mail.soctrang.gov.vn';
const pages = [
  ['elastic-preview-lure.html', `${base}/?_task=mail&_caps=pdf%3D1&_uid=1&_mbox=INBOX&_framed=1&_action=preview`],
  ['elastic-show-lure.html', `${base}/?_task=mail&_uid=1&_mbox=INBOX&_action=show`],
  ['larry-preview-lure.html', `${base}/?_task=mail&_uid=1&_mbox=INBOX&_framed=1&_action=preview`],
  ['larry-show-lure.html', `${base}/?_task=mail&_uid=1&_mbox=INBOX&_action=show`],
] as const;

describe.each(pages)('Roundcube %s', (file, url) => {
  const doc = loadPage(file, url);

  it('is recognised, with the open message and its folder', () => {
    expect(roundcubeAdapter.detect(doc)).toBe(true);
    expect(roundcubeAdapter.openMessage(doc)).toEqual({ id: '1', folder: 'INBOX' });
  });

  it('reads subject, sender, recipient and body from the page', () => {
    const message = roundcubeAdapter.readMessage(doc);
    expect(message.subject).toBe('Đã vượt quá hạn ngạch');
    expect(message.from).toEqual({ name: 'Postmaster', address: 'fem@fundacionhomi.org.co' });
    expect(message.to).toEqual([{ name: 'Recipients', address: 'canbo@soctrang.gov.vn' }]);
    const mail = fromDomMessage(message);
    expect(mail.text).toContain('Hộp thư của bạn đã vượt quá giới hạn dung lượng 2,0 GB');
    expect(mail.links).toEqual([{ href: 'https://upcorss.weebly.com/', text: 'Bấm vào đây để cập nhật địa chỉ email của bạn' }]);
  });

  it('puts the banner where Roundcube puts its own warnings, above the body', () => {
    const anchor = roundcubeAdapter.bannerAnchor(doc);
    expect(anchor?.id).toBe('message-objects');
    expect(anchor?.compareDocumentPosition(doc.getElementById('messagebody')!)).toBe(4);
  });

  it('scores what it read as danger', async () => {
    const { verdict } = await checkMessage(roundcubeAdapter.readMessage(doc), undefined, policyForPage(url));
    expect(verdict.level).toBe('danger');
  });
});

describe('Roundcube Reply-To', () => {
  it('is read from elastic, which shows it when it differs from From', () => {
    const doc = loadPage(...pages[0]);
    expect(roundcubeAdapter.readMessage(doc).replyTo).toEqual([{ name: '', address: 'mssmadar44@gmail.com' }]);
  });

  it('is missing from the larry preview, which does not show it (the raw message will)', () => {
    const doc = loadPage(...pages[2]);
    expect(roundcubeAdapter.readMessage(doc).replyTo).toEqual([]);
  });
});

describe('Roundcube views of one message', () => {
  it('finds a message attached to another (`_uid=3.2`) in the external window (`_extwin=1`)', () => {
    const doc = loadPage('elastic-show-lure.html', `${base}/?_task=mail&_uid=3.2&_mbox=L%C6%B0u%20tr%E1%BB%AF&_action=show&_extwin=1`);
    const ref = roundcubeAdapter.openMessage(doc);
    expect(ref).toEqual({ id: '3.2', folder: 'Lưu trữ' });
    expect(new URL(roundcubeAdapter.rawMessageUrl(doc, ref!)!).searchParams.get('_uid')).toBe('3.2');
  });
});

describe('Roundcube pages that are not a message', () => {
  it('has no open message in the list view', () => {
    const doc = loadPage('elastic-preview-lure.html', `${base}/?_task=mail&_mbox=INBOX`);
    expect(roundcubeAdapter.openMessage(doc)).toBeNull();
  });

  it('does not take another page for Roundcube', () => {
    const doc = document.implementation.createHTMLDocument('Cổng thông tin');
    doc.body.innerHTML = '<main><h1>Tin tức</h1><div id="messagebody">not a webmail</div></main>';
    expect(roundcubeAdapter.detect(doc)).toBe(false);
  });

  it('ignores header-looking cells that the sender put in the body', () => {
    const doc = loadPage(...pages[0]);
    doc.querySelector('td.header.from')!.closest('tr')!.remove();
    doc.querySelector('.header-summary')?.remove();
    doc.getElementById('messagebody')!.insertAdjacentHTML(
      'afterbegin',
      '<table><tr><td class="header from"><a class="rcmContactAddress" href="mailto:hotro@soctrang.gov.vn">Hỗ trợ</a></td></tr></table>',
    );
    expect(roundcubeAdapter.readMessage(doc).from).toBeUndefined();
  });
});

describe('Roundcube report URL', () => {
  it('forwards the message as an attachment to the help desk through Roundcube compose', () => {
    const doc = loadPage(...pages[0]);
    const url = new URL(
      roundcubeAdapter.reportUrl(doc, { id: '1', folder: 'INBOX' }, { addresses: ['tvthe@soctrang.gov.vn'], subject: 'Báo cáo' })!,
    );
    expect(url.origin).toBe(base);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      _task: 'mail',
      _action: 'compose',
      _forward_uid: '1',
      _mbox: 'INBOX',
      _attachment: '1',
      _to: 'tvthe@soctrang.gov.vn',
      _subject: 'Báo cáo',
    });
  });

  it('has nothing to offer without a report address', () => {
    const doc = loadPage(...pages[0]);
    expect(roundcubeAdapter.reportUrl(doc, { id: '1' }, { addresses: [], subject: 'x' })).toBeNull();
  });
});
