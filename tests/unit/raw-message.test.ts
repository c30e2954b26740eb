// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMessage, messageToScore, policyForPage } from '../../lib/check';
import { roundcubeAdapter } from '../../lib/webmail/roundcube';
import { base64ToBytes, bytesToBase64, readCapped } from '../../lib/webmail/raw-source';

const root = join(import.meta.dirname, '../..');
const lureEml = new Uint8Array(readFileSync(join(root, 'tests/e2e/mails/soctrang-quota-lure.eml')));
const pageUrl = 'http://mail.soctrang.gov.vn/?_task=mail&_uid=1&_mbox=INBOX&_framed=1&_action=preview';

function larryPreview(): Document {
  const html = readFileSync(join(root, 'tests/fixtures/roundcube/larry-preview-lure.html'), 'utf8').replace(/<link\b[^>]*>/gi, '');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  Object.defineProperty(doc, 'location', { value: new URL(pageUrl) });
  return doc;
}

function streamOf(chunks: Uint8Array[]): { response: Response; pulled: () => number; cancelled: () => boolean } {
  let pulled = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const chunk = chunks[pulled++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { response: new Response(body), pulled: () => pulled, cancelled: () => cancelled };
}

describe('the raw message', () => {
  it('gives the Reply-To that larry’s preview does not show', async () => {
    const dom = roundcubeAdapter.readMessage(larryPreview());
    expect(dom.replyTo).toEqual([]);
    const message = await messageToScore(dom, lureEml);
    expect(message.source).toBe('raw');
    expect(message.replyTo).toEqual([{ name: '', address: 'mssmadar44@gmail.com' }]);
    expect(message.returnPath).toBe('fem@fundacionhomi.org.co');
    const { verdict, source } = await checkMessage(dom, lureEml, policyForPage(pageUrl));
    expect(source).toBe('raw');
    expect(verdict.reasons.map((r) => r.evidence.join(' ')).join(' ')).toContain('mssmadar44@gmail.com');
  });

  it('falls back to the page when the source is not a mail', async () => {
    const dom = roundcubeAdapter.readMessage(larryPreview());
    const garbage = new Uint8Array([0, 159, 146, 150, 0, 0, 255, 1, 2, 3]);
    const { verdict, source } = await checkMessage(dom, garbage, policyForPage(pageUrl));
    expect(source).toBe('dom');
    expect(verdict.level).toBe('danger');
  });

  it("takes the body from the page, its class names included, when the source was cut off before it", async () => {
    const page = roundcubeAdapter.readMessage(larryPreview());
    const dom = { ...page, bodyHtml: `${page.bodyHtml}<table class="fly-sets"><tr class="tongue-farm"><td>x</td></tr></table>` };
    const headersOnly = new TextEncoder().encode('From: "Postmaster" <fem@fundacionhomi.org.co>\r\nSubject: Quota\r\nContent-Type: text/html\r\n\r\n');
    const message = await messageToScore(dom, headersOnly);
    expect(message.source).toBe('raw');
    expect(message.text).toContain('Hộp thư');
    expect(message.classNames).toEqual(expect.arrayContaining(['fly-sets', 'tongue-farm']));
  });

  it('keeps the attachment names the page shows when a capped source cut them off', async () => {
    const dom = { ...roundcubeAdapter.readMessage(larryPreview()), attachments: [{ filename: 'HoaDon.pdf.exe' }] };
    const message = await messageToScore(dom, lureEml);
    expect(message.attachments.map((a) => a.filename)).toEqual(['HoaDon.pdf.exe']);
  });

  it('is the Roundcube viewsource URL of the open message, on the page’s origin', () => {
    expect(roundcubeAdapter.rawMessageUrl(larryPreview(), { id: '12.2', folder: 'Lưu trữ' })).toBe(
      'http://mail.soctrang.gov.vn/?_task=mail&_action=viewsource&_uid=12.2&_mbox=L%C6%B0u+tr%E1%BB%AF',
    );
  });
});

describe('readCapped', () => {
  const chunk = (size: number, byte: number) => new Uint8Array(size).fill(byte);

  it('reads a small body whole', async () => {
    const { response } = streamOf([chunk(3, 1), chunk(2, 2)]);
    expect([...(await readCapped(response, 100))]).toEqual([1, 1, 1, 2, 2]);
  });

  it('stops the download at the cap and returns exactly the cap', async () => {
    const stream = streamOf(Array.from({ length: 100 }, (_, i) => chunk(1000, i)));
    const bytes = await readCapped(stream.response, 2500);
    expect(bytes.length).toBe(2500);
    expect(bytes[2499]).toBe(2);
    expect(stream.pulled()).toBeLessThan(10);
    expect(stream.cancelled()).toBe(true);
  });
});

describe('base64 transport', () => {
  it('carries every byte value unchanged, including bodies larger than one chunk', () => {
    const bytes = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31) % 256);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });
});
