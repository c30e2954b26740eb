import { describe, expect, it } from 'vitest';
import { parseRawMessage } from '../mail/parse';
import { policyForOrganisation } from '../policy/defaults';
import { score } from '../scoring';
import '../i18n/reasons';
import { reportBody, type ReportFacts } from './body';

const lure = `From: "Quản trị hệ thống" <admin@mail-laichau.weebly.com>
To: canbo@laichau.gov.vn
Subject: Hộp thư của bạn đã vượt quá giới hạn
Message-ID: <abc@weebly.com>
Content-Type: text/plain; charset=UTF-8

Hộp thư của bạn đã vượt quá giới hạn lưu trữ. Vui lòng nhấp vào đây để xác minh tài khoản trong vòng 48 giờ
hoặc tài khoản của bạn sẽ bị vô hiệu hóa: https://mail-laichau.weebly.com/login
`;

async function facts(overrides: Partial<ReportFacts> = {}): Promise<ReportFacts> {
  const message = await parseRawMessage(new TextEncoder().encode(lure));
  return {
    verdict: score(message, policyForOrganisation('mail.laichau.gov.vn')),
    subject: message.subject,
    from: message.from,
    messageId: '<abc@weebly.com>',
    reporter: 'canbo@laichau.gov.vn',
    time: new Date('2026-11-23T01:02:03Z'),
    version: '0.1.0',
    webmail: 'mail.laichau.gov.vn',
    ...overrides,
  };
}

describe('the report body', () => {
  it('names the verdict, every reason with its id and evidence, the reporter, the time and the version', async () => {
    const input = await facts({ comment: 'Nhận sáng nay.\nChưa bấm.' });
    const body = reportBody(input, 'vi');
    const warnings = input.verdict.reasons.filter((r) => r.weight > 0);
    expect(warnings.length).toBeGreaterThan(2);
    for (const reason of warnings) expect(body).toContain(`[${reason.id}] ${reason.message}`);
    expect(body).toContain('Người báo cáo: canbo@laichau.gov.vn');
    // Vietnam's time whatever the machine's zone, and the ISO form
    expect(body).toMatch(/Thời điểm: .*08:02.*\(2026-11-23T01:02:03.000Z\)/);
    expect(body).toContain('Phiên bản Khiên Thư: 0.1.0');
    expect(body).toContain('Message-ID: <abc@weebly.com>');
    expect(body).toContain('Người gửi: Quản trị hệ thống <admin@mail-laichau.weebly.com>');
    expect(body).toContain(`Đánh giá của Khiên Thư: nguy hiểm, ${input.verdict.score}/100`);
    expect(body).toContain('  Nhận sáng nay.\n  Chưa bấm.');
  });

  it('speaks English when the policy does', async () => {
    const body = reportBody(await facts(), 'en');
    expect(body).toContain('Reported by: canbo@laichau.gov.vn');
    expect(body).toContain('Khiên Thư version: 0.1.0');
  });

  it('keeps a hostile subject or sender on one short line', async () => {
    const body = reportBody(await facts({ subject: `Hi\r\nBcc: x@evil.example\n${'A'.repeat(5000)}`, from: { name: 'a\nb', address: 'x@y.z' } }), 'vi');
    const subjectLine = body.split('\n').find((line) => line.includes('Tiêu đề:'))!;
    expect(subjectLine).toContain('Hi  Bcc: x@evil.example');
    expect(subjectLine.length).toBeLessThan(520);
    expect(body).not.toMatch(/^Bcc:/m);
    expect(body).toContain('Người gửi: a b <x@y.z>');
  });

  it('says when nothing was found and the user reports anyway, and when the reporter is unknown', async () => {
    const body = reportBody(await facts({ verdict: { level: 'safe', score: 0, reasons: [] }, reporter: undefined }), 'vi');
    expect(body).toContain('Khiên Thư không thấy dấu hiệu nào');
    expect(body).toContain('Người báo cáo: (không rõ)');
    expect(body).not.toContain('Ghi chú của người báo cáo');
  });
});
