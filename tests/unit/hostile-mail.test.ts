// @vitest-environment happy-dom
/**
 * Every message is written by the attacker. Generated hostile inputs — huge bodies, thousands of
 * links, absurd nesting, broken MIME, wrong charsets — must not hang or crash the parser, the HTML
 * reader, the scorer or the Roundcube adapter, and the verdict must still come from whatever could
 * be read. Times are asserted loosely (seconds, not milliseconds): they catch a quadratic or
 * exponential blow-up, not a slow machine; `npm run bench` measures them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkMessage, policyForPage } from '../../lib/check';
import { htmlLimits, htmlToContent } from '../../lib/mail/html';
import { parseRawMessage } from '../../lib/mail/parse';
import type { MailMessage } from '../../lib/mail/types';
import { policyForOrganisation } from '../../lib/policy/defaults';
import { score } from '../../lib/scoring';
import type { Verdict } from '../../lib/scoring/types';
import { fromDomMessage } from '../../lib/webmail/message';
import { roundcubeAdapter } from '../../lib/webmail/roundcube';
import { maxRawBytes } from '../../lib/webmail/raw-source';

/** Far above what any of these inputs needs on a slow CI machine; far below a blow-up. */
const budgetMs = 5_000;
const policy = policyForOrganisation('laocai.gov.vn');
const encoder = new TextEncoder();

function timed<T>(work: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = work();
  return { value, ms: performance.now() - started };
}

async function timedAsync<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

function concat(...parts: (string | Uint8Array)[]): Uint8Array {
  const bytes = parts.map((p) => (typeof p === 'string' ? encoder.encode(p) : p));
  const out = new Uint8Array(bytes.reduce((n, b) => n + b.length, 0));
  let offset = 0;
  for (const b of bytes) {
    out.set(b, offset);
    offset += b.length;
  }
  return out;
}

/** The Sóc Trăng lure's envelope: a "Postmaster" outside the organisation, a Gmail Reply-To. */
const lureHeaders = [
  'From: "Postmaster" <fem@fundacionhomi.org.co>',
  'Reply-To: mssmadar44@gmail.com',
  'To: canbo@laocai.gov.vn',
  'Subject: =?UTF-8?B?SOG7mXAgdGjGsCDEkcOjIHbGsOG7o3QgcXXDoSBo4bqhbiBuZ+G6oWNo?=',
  'Date: Wed, 24 Nov 2021 19:38:00 +0700',
  'Message-ID: <hostile@fundacionhomi.org.co>',
  'MIME-Version: 1.0',
].join('\r\n');

const lureText =
  'Hộp thư của bạn đã vượt quá giới hạn lưu trữ 5 GB. Bấm vào đây để xác minh tài khoản, ' +
  'nếu không sau 48 giờ hộp thư sẽ bị vô hiệu hóa.';
const lureLink = 'https://upcorss.weebly.com/';

/** Ordinary office prose, about 700 characters, repeated to any size. */
const filler =
  'Thực hiện Kế hoạch số 125/KH-UBND của Ủy ban nhân dân tỉnh về chuyển đổi số, các sở, ban, ngành ' +
  'rà soát số liệu và gửi báo cáo bổ sung trước ngày 25 hằng tháng để tổng hợp theo quy định. ';

function repeatTo(piece: string, chars: number): string {
  return piece.repeat(Math.ceil(chars / piece.length)).slice(0, chars);
}

function withBody(contentType: string, body: string | Uint8Array, extraHeaders = ''): Uint8Array {
  return concat(`${lureHeaders}\r\n${extraHeaders}Content-Type: ${contentType}\r\nContent-Transfer-Encoding: 8bit\r\n\r\n`, body);
}

const ids = (verdict: Verdict) => verdict.reasons.map((r) => r.id);
/** Which families of lure wording were read (a rule id may change; its family does not). */
const categories = (verdict: Verdict) => verdict.reasons.map((r) => r.category);
const levels = ['safe', 'caution', 'danger'];

/** Parses and scores, each within the budget; returns both for the assertions on content. */
async function parseAndScore(raw: Uint8Array | string): Promise<{ message: MailMessage; verdict: Verdict; parseMs: number; scoreMs: number }> {
  const parsed = await timedAsync(() => parseRawMessage(raw));
  const scored = timed(() => score(parsed.value, policy));
  expect(parsed.ms, 'parseRawMessage time (ms)').toBeLessThan(budgetMs);
  expect(scored.ms, 'score time (ms)').toBeLessThan(budgetMs);
  expect(levels).toContain(scored.value.level);
  return { message: parsed.value, verdict: scored.value, parseMs: parsed.ms, scoreMs: scored.ms };
}

describe('hostile mail: size', () => {
  const fiveMB = 5 * 1024 * 1024;

  it('reads the lure at the head of a 5 MB plain-text body and scores it', async () => {
    const { message, verdict } = await parseAndScore(withBody('text/plain; charset=utf-8', `${lureText}\n${lureLink}\n\n${repeatTo(filler, fiveMB)}`));
    expect(message.text.length).toBeLessThanOrEqual(htmlLimits.maxTextChars);
    expect(message.text.startsWith('Hộp thư của bạn')).toBe(true);
    expect(verdict.level).toBe('danger');
    expect(ids(verdict)).toEqual(expect.arrayContaining(['reply-to.free-mail', 'link.free-host']));
    expect(categories(verdict)).toContain('quota');
  });

  it('reads a 5 MB HTML body, and a 5 MB "word" without a single space', async () => {
    const html = `<html><body><p>${lureText}</p><p><a href="${lureLink}">Bấm vào đây</a></p>${`<p>${filler}</p>`.repeat(Math.ceil(fiveMB / (filler.length + 7)))}</body></html>`;
    const { verdict } = await parseAndScore(withBody('text/html; charset=utf-8', html));
    expect(verdict.level).toBe('danger');
    expect(ids(verdict)).toContain('link.free-host');
    expect(categories(verdict)).toContain('quota');

    const word = await parseAndScore(withBody('text/plain; charset=utf-8', `${lureText} ${'x'.repeat(fiveMB)}`));
    expect(word.verdict.level).toBe('danger');
    const inHtml = timed(() => htmlToContent(`<p>${lureText}</p><p>${'x'.repeat(fiveMB)}</p>`));
    expect(inHtml.ms).toBeLessThan(budgetMs);
    expect(inHtml.value.text.length).toBeLessThanOrEqual(htmlLimits.maxTextChars);
  });

  it('measures a 5 MB attachment without keeping it', async () => {
    const base64 = Buffer.from(new Uint8Array(fiveMB).fill(0x41)).toString('base64').replace(/.{76}/g, '$&\r\n');
    const raw = withBody(
      'multipart/mixed; boundary="B"',
      `--B\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${lureText}\r\n--B\r\n` +
        `Content-Type: application/octet-stream\r\nContent-Disposition: attachment; filename="hoa-don.pdf.exe"\r\n` +
        `Content-Transfer-Encoding: base64\r\n\r\n${base64}\r\n--B--\r\n`,
    );
    const { message, verdict } = await parseAndScore(raw);
    expect(message.attachments).toEqual([expect.objectContaining({ filename: 'hoa-don.pdf.exe', size: fiveMB })]);
    expect(ids(verdict)).toContain('attachment.double-extension');
    expect(verdict.level).toBe('danger');
  });

  it('takes the first links of 10 000 and still sees the lure among them', async () => {
    const anchors = Array.from({ length: 10_000 }, (_, i) => `<a href="https://laocai.gov.vn/tin-tuc/${i}">Tin ${i}</a>`);
    const html = `<p>${lureText}</p><a href="${lureLink}">Bấm vào đây</a>${anchors.join('<br>')}`;
    const read = timed(() => htmlToContent(html));
    expect(read.ms).toBeLessThan(budgetMs);
    expect(read.value.links).toHaveLength(htmlLimits.maxLinks);
    expect(read.value.links[0]).toEqual({ href: lureLink, text: 'Bấm vào đây' });

    const { message, verdict } = await parseAndScore(withBody('text/html; charset=utf-8', html));
    expect(message.links.length).toBeLessThanOrEqual(htmlLimits.maxLinks);
    expect(verdict.level).toBe('danger');
    expect(ids(verdict)).toContain('link.free-host');

    // the same in a plain-text body: 10 000 bare URLs, each distinct
    const urls = Array.from({ length: 10_000 }, (_, i) => `https://h${i}.example.org/p?i=${i}`).join('\n');
    const plain = await parseAndScore(withBody('text/plain; charset=utf-8', `${lureText}\n${lureLink}\n${urls}`));
    expect(plain.message.links.length).toBeLessThanOrEqual(htmlLimits.maxLinks);
    expect(plain.verdict.level).toBe('danger');
  });

  it('scores 10 000 distinct links to 10 000 hosts within the budget', () => {
    const message: MailMessage = {
      subject: 'Thông báo',
      from: { name: 'Postmaster', address: 'fem@fundacionhomi.org.co' },
      replyTo: [],
      to: [{ name: '', address: 'canbo@laocai.gov.vn' }],
      cc: [],
      text: lureText,
      links: [{ href: lureLink, text: 'Bấm vào đây' }, ...Array.from({ length: 10_000 }, (_, i) => ({ href: `https://x${i}.weebly${i % 13}.com/${i}`, text: `mail${i}.laocai.gov.vn` }))],
      attachments: [],
      formFields: [],
      source: 'raw',
    };
    const { value: verdict, ms } = timed(() => score(message, policy));
    expect(ms).toBeLessThan(budgetMs);
    expect(verdict.level).toBe('danger');
  });
});

describe('hostile mail: deeply nested HTML', () => {
  const depth = 100_000;

  it.each(['div', 'b', 'font', 'table', 'a href="https://laocai.gov.vn/"', 'svg'])('reads through %s nested 100 000 levels', async (tag) => {
    const name = tag.split(' ')[0]!;
    const html = `<${tag}>`.repeat(depth) + `<p>${lureText}</p><a href="${lureLink}">Bấm vào đây</a>` + `</${name}>`.repeat(depth);
    const read = timed(() => htmlToContent(html));
    expect(read.ms).toBeLessThan(budgetMs);
    expect(read.value.text).toContain('vượt quá giới hạn lưu trữ');
    const { verdict } = await parseAndScore(withBody('text/html; charset=utf-8', html));
    expect(categories(verdict)).toContain('quota');
    if (name === 'a') {
      // anchors do not nest: each opens a new link, and the reader stops collecting at its limit
      expect(read.value.links).toHaveLength(htmlLimits.maxLinks);
      return;
    }
    expect(read.value.links).toContainEqual({ href: lureLink, text: 'Bấm vào đây' });
    expect(verdict.level).toBe('danger');
  });

  it('reads text after 100 000 unclosed tags and 100 000 unclosed comments and attributes', () => {
    const openOnly = timed(() => htmlToContent(`${'<span>'.repeat(depth)}${lureText}`));
    expect(openOnly.ms).toBeLessThan(budgetMs);
    expect(openOnly.value.text).toContain('Bấm vào đây');
    // an unterminated comment or attribute swallows the rest, as it does in a browser: no hang, no throw
    for (const html of [`${lureText}${'<!--'.repeat(depth)}`, `${lureText}<a ${'x="'.repeat(depth)}`, `${lureText}${'<'.repeat(depth)}`]) {
      const read = timed(() => htmlToContent(html));
      expect(read.ms).toBeLessThan(budgetMs);
      expect(read.value.text).toContain('vượt quá');
    }
  });
});

describe('hostile mail: malformed MIME', () => {
  it('reads a multipart whose closing boundary never comes', async () => {
    const raw = withBody(
      'multipart/alternative; boundary="ALT"',
      `--ALT\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${lureText}\r\n${lureLink}\r\n--ALT\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>${lureText}`,
    );
    const { message, verdict } = await parseAndScore(raw);
    expect(message.text).toContain('vượt quá giới hạn');
    expect(verdict.level).toBe('danger');
  });

  it('reads a multipart that names a boundary the body never uses', async () => {
    const raw = withBody('multipart/mixed; boundary="NEVER"', `--OTHER\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${lureText}\r\n--OTHER--\r\n`);
    const { message, verdict } = await parseAndScore(raw);
    expect(message.text).toContain('vượt quá giới hạn');
    expect(verdict.level).toBe('danger');
  });

  it('scores headers that have no body at all, from the headers', async () => {
    for (const raw of [lureHeaders, `${lureHeaders}\r\n`, `${lureHeaders}\r\nContent-Type: multipart/mixed; boundary="X"\r\n`]) {
      const { message, verdict } = await parseAndScore(raw);
      expect(message.subject).toBe('Hộp thư đã vượt quá hạn ngạch');
      expect(message.text).toBe('');
      expect(ids(verdict)).toContain('reply-to.free-mail');
      expect(categories(verdict)).toContain('quota');
    }
  });

  it('copes with a 1 MB header line, a 512 KB subject and 50 000 folded lines', async () => {
    const raw = concat(
      `X-Junk: ${'a'.repeat(1024 * 1024)}\r\n`,
      `Thread-Topic: ${'x\r\n '.repeat(50_000)}end\r\n`,
      lureHeaders.replace(/^Subject: .*$/m, `Subject: Hộp thư đã vượt quá hạn ngạch ${'Ж'.repeat(256 * 1024)}`),
      `\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${lureText}\r\n`,
    );
    const { message, verdict } = await parseAndScore(raw);
    expect(message.subject.startsWith('Hộp thư đã vượt quá hạn ngạch')).toBe(true);
    expect(message.text).toContain('vượt quá giới hạn');
    expect(verdict.level).toBe('danger');
  });

  it('still reads headers and body when the headers pass the parser\'s 2 MB limit', async () => {
    const raw = concat(
      `X-Junk: ${'a'.repeat(3 * 1024 * 1024)}\r\n`,
      `${'X-Pad: b\r\n'.repeat(50_000)}`,
      lureHeaders,
      `\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${lureText}\r\n${lureLink}\r\n`,
    );
    const { message, verdict } = await parseAndScore(raw);
    expect(message.subject).toBe('Hộp thư đã vượt quá hạn ngạch');
    expect(message.from?.address).toBe('fem@fundacionhomi.org.co');
    expect(message.text).toContain('vượt quá giới hạn');
    expect(verdict.level).toBe('danger');
    expect(ids(verdict)).toEqual(expect.arrayContaining(['reply-to.free-mail', 'link.free-host']));
  });

  it('reads multiparts nested 2 000 deep (past the parser\'s limit) as text', async () => {
    const depth = 2_000;
    let body = `Content-Type: text/plain; charset=utf-8\r\n\r\n${lureText}\r\n`;
    for (let i = depth; i > 0; i--) body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}--b${i}--\r\n`;
    const { message, verdict } = await parseAndScore(concat(lureHeaders, '\r\n', body));
    expect(message.text).toContain('vượt quá giới hạn');
    expect(categories(verdict)).toContain('quota');
    expect(verdict.level).toBe('danger');
  });

  it('copes with broken transfer encodings', async () => {
    for (const [encoding, body] of [
      ['base64', `${Buffer.from(lureText).toString('base64').slice(0, -3)}!!@@##\r\n====\r\nnot base64 at all`],
      ['quoted-printable', `${lureText}=\r\n=ZZ=4=\r\n=E1=BB=99=`],
      ['x-uuencode', 'begin 644 x\r\n!!!\r\nend'],
    ] as const) {
      const raw = concat(lureHeaders, `\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: ${encoding}\r\n\r\n${body}\r\n`);
      const { verdict } = await parseAndScore(raw);
      expect(ids(verdict), encoding).toContain('reply-to.free-mail');
    }
  });
});

describe('hostile mail: wrong charsets', () => {
  // "Hộp thư của bạn đã vượt quá giới hạn lưu trữ. Xác minh tài khoản sau 48 giờ, nhập mật khẩu."
  // encoded by glibc iconv in Windows-1258 (combining tone marks) and in VISCII (1990s Vietnam).
  const cp1258 = Buffer.from(
    'SPTycCB0aP0gY3XSYSBiYfJuIPBh3iB2/fXydCBxdeEgZ2n17GkgaGHybiBs/XUgdHL93i4gWOFjIG1pbmggdOBpIGtob2HSbiBzYXUgNDggZ2n1zCwgbmji8nAgbeLydCBraOLSdS4=',
    'base64',
  );
  const viscii = Buffer.from(
    'SLVwIHRo3yBj/GEgYtVuIPDjIHbf/nQgcXXhIGdpvmkgaNVuIGzfdSB0cuYuIFjhYyBtaW5oIHTgaSBraG/kbiBzYXUgNDggZ2m2LCBuaKdwIG2ndCBraKZ1Lg==',
    'base64',
  );
  const body = (bytes: Uint8Array) => concat(bytes, `\r\n${lureLink}\r\n`);

  it('reads Windows-1258 when it is labelled as such', async () => {
    const { message, verdict } = await parseAndScore(withBody('text/plain; charset=windows-1258', body(cp1258)));
    expect(message.text.normalize('NFC')).toContain('vượt quá giới hạn lưu trữ');
    expect(categories(verdict)).toContain('quota');
    expect(verdict.level).toBe('danger');
  });

  it.each([
    ['Windows-1258 labelled UTF-8', cp1258, 'utf-8'],
    ['Windows-1258 labelled ISO-8859-1', cp1258, 'iso-8859-1'],
    ['Windows-1258 without a label', cp1258, ''],
    ['VISCII labelled UTF-8', viscii, 'utf-8'],
    ['VISCII labelled us-ascii', viscii, 'us-ascii'],
    ['VISCII labelled VISCII (no decoder knows it)', viscii, 'viscii'],
    ['VISCII labelled with a made-up charset', viscii, 'x-vn-vps'],
  ])('still gives a verdict for %s, from what could be read', async (_name, bytes, charset) => {
    const type = charset ? `text/plain; charset=${charset}` : 'text/plain';
    const { message, verdict } = await parseAndScore(withBody(type, body(bytes)));
    // the ASCII that survives any decoding is read: the words "Xac minh … sau 48", the link
    expect(message.text).toContain('48');
    expect(message.links.map((l) => l.href)).toContain(lureLink);
    // the envelope and the link are enough for a verdict whatever became of the words
    expect(ids(verdict)).toEqual(expect.arrayContaining(['reply-to.free-mail', 'link.free-host']));
    expect(verdict.level).toBe('danger');
  });

  it('gives a verdict for a subject and a display name in mislabelled or unknown encoded-words', async () => {
    const raw = concat(
      lureHeaders
        .replace(/^Subject: .*$/m, `Subject: =?utf-8?B?${cp1258.subarray(0, 40).toString('base64')}?= =?viscii?Q?H=B5p_th=DF?=`)
        .replace(/^From: .*$/m, `From: =?x-unknown?B?${viscii.subarray(0, 20).toString('base64')}?= <fem@fundacionhomi.org.co>`),
      `\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n${lureLink}\r\n`,
    );
    const { message, verdict } = await parseAndScore(raw);
    expect(message.from?.address).toBe('fem@fundacionhomi.org.co');
    expect(ids(verdict)).toEqual(expect.arrayContaining(['reply-to.free-mail', 'link.free-host']));
  });
});

describe('hostile mail: the Roundcube adapter on a page with 10 000 links', () => {
  const pageUrl = 'http://mail.laocai.gov.vn/?_task=mail&_uid=1&_mbox=INBOX&_framed=1&_action=preview';

  function roundcubePage(bodyHtml: string): Document {
    const html = readFileSync(join(import.meta.dirname, '../fixtures/roundcube/elastic-preview-lure.html'), 'utf8').replace(/<link\b[^>]*>/gi, '');
    const doc = new DOMParser().parseFromString(html, 'text/html');
    Object.defineProperty(doc, 'location', { value: new URL(pageUrl) });
    doc.getElementById('messagebody')!.innerHTML = bodyHtml;
    return doc;
  }

  it('reads the message and the background scores it within the budget', async () => {
    const anchors = Array.from({ length: 10_000 }, (_, i) => `<a href="https://laocai.gov.vn/van-ban/${i}" target="_blank" rel="noreferrer">Văn bản số ${i}</a>`);
    const doc = roundcubePage(`<div class="message-htmlpart"><p>${lureText}</p><p><a href="${lureLink}">Bấm vào đây</a></p>${anchors.join('<br>')}</div>`);
    expect(doc.querySelectorAll('#messagebody a')).toHaveLength(10_001);

    const read = timed(() => roundcubeAdapter.readMessage(doc));
    expect(read.ms, 'readMessage time (ms)').toBeLessThan(budgetMs);
    expect(read.value.subject).toBe('Đã vượt quá hạn ngạch');

    const fromPage = timed(() => fromDomMessage(read.value));
    expect(fromPage.ms).toBeLessThan(budgetMs);
    expect(fromPage.value.links.length).toBe(htmlLimits.maxLinks);

    const checked = await timedAsync(() => checkMessage(read.value, undefined, policyForPage(pageUrl)));
    expect(checked.ms, 'checkMessage time (ms)').toBeLessThan(budgetMs);
    expect(checked.value.verdict.level).toBe('danger');
    expect(checked.value.source).toBe('dom');
  });

  it('reads the body from the page when the capped source stops inside 1.6 MB of padding headers', async () => {
    const doc = roundcubePage(`<p>${lureText}</p><a href="${lureLink}">Bấm vào đây</a>`);
    const source = concat(lureHeaders, '\r\n', 'X-Pad: p\r\n'.repeat(200_000), `Content-Type: text/plain; charset=utf-8\r\n\r\n${lureText}\r\n`);
    const capped = source.subarray(0, maxRawBytes);
    const checked = await timedAsync(() => checkMessage(roundcubeAdapter.readMessage(doc), capped, policyForPage(pageUrl)));
    expect(checked.ms).toBeLessThan(budgetMs);
    expect(checked.value.source).toBe('raw');
    expect(ids(checked.value.verdict)).toEqual(expect.arrayContaining(['reply-to.free-mail', 'link.free-host']));
    expect(categories(checked.value.verdict)).toContain('quota');
  });

  it('falls back to the page when the raw message is garbage', async () => {
    const doc = roundcubePage(`<p>${lureText}</p><a href="${lureLink}">Bấm vào đây</a>`);
    const garbage = new Uint8Array(1_500_000).map((_, i) => (i * 7919) % 256);
    const checked = await timedAsync(() => checkMessage(roundcubeAdapter.readMessage(doc), garbage, policyForPage(pageUrl)));
    expect(checked.ms).toBeLessThan(budgetMs);
    expect(checked.value.verdict.level).toBe('danger');
  });
});
