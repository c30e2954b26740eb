import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { message, policy } from '../../tests/unit/scoring/helpers';
import type { MailMessage } from '../mail/types';
import { policyForOrganisation } from '../policy/defaults';
import { allFindingIds, score } from './index';
import type { Level } from './types';

const rank: Record<Level, number> = { safe: 0, caution: 1, danger: 2 };

const lure = message({
  subject: 'Cảnh báo hộp thư',
  from: { name: 'Quản trị hệ thống', address: 'admin@mailer-notice.com' },
  to: [{ name: '', address: 'lethic@laocai.gov.vn' }],
  text: 'Hộp thư của bạn đã vượt quá giới hạn. Vui lòng xác minh tài khoản, nếu không tài khoản của bạn sẽ bị tạm ngưng. Bấm vào đây.',
});

describe('score', () => {
  it('gives danger to a lure, with reasons sorted strongest first and explained in Vietnamese', () => {
    const verdict = score(lure, policy());
    expect(verdict.level).toBe('danger');
    expect(verdict.score).toBeGreaterThanOrEqual(60);
    const weights = verdict.reasons.map((r) => r.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    const quota = verdict.reasons.find((r) => r.id === 'quota.mailbox-over-limit');
    expect(quota?.message).toContain('Hộp thư của bạn đã vượt quá');
    expect(quota?.message).toMatch(/hộp thư/i);
  });

  it('explains in English when the policy says so', () => {
    const verdict = score(lure, policy('laocai.gov.vn', { locale: 'en' }));
    expect(verdict.reasons.find((r) => r.id === 'sender.role-claim')?.message).toMatch(/administrator/);
  });

  it('follows the policy thresholds', () => {
    const verdict = score(lure, policy());
    expect(score(lure, policy('laocai.gov.vn', { thresholds: { caution: 10, danger: 101 } })).level).toBe('caution');
    expect(score(lure, policy('laocai.gov.vn', { thresholds: { caution: 0, danger: verdict.score } })).level).toBe('danger');
  });

  it('keeps the score within 0–100 however much piles up', () => {
    const everything = message({
      ...lure,
      replyTo: [{ name: '', address: 'x@gmail.com' }],
      attachments: [{ filename: 'a.pdf.exe' }, { filename: 'b.html' }, { filename: 'c.iso' }],
      formFields: [{ type: 'password', label: 'Mật khẩu' }],
      links: [{ href: 'http://1.2.3.4/', text: 'https://mail.laocai.gov.vn' }],
    });
    const verdict = score(everything, policy());
    expect(verdict.score).toBe(100);
    expect(verdict.level).toBe('danger');
  });

  it('gives an empty message safe with no reasons', () => {
    expect(score(message({}), policy())).toEqual({ level: 'safe', score: 0, reasons: [] });
  });

  it('caps an inside message quoting a lure at caution, with a negative context reason', () => {
    const inside = message({ ...lure, from: { name: 'Quản trị hệ thống', address: 'admin@laocai.gov.vn' } });
    const verdict = score(inside, policy());
    expect(verdict.level).not.toBe('danger');
    const context = verdict.reasons.find((r) => r.id === 'context.internal-sender');
    expect(context?.weight).toBeLessThan(0);
    expect(verdict.reasons.at(-1)?.id).toBe('context.internal-sender');
  });

  it('does not discount an inside sender whose links leave the organisation', () => {
    const inside = message({
      ...lure,
      from: { name: 'Quản trị hệ thống', address: 'admin@laocai.gov.vn' },
      links: [{ href: 'https://verify-mail.weebly.com/', text: 'Bấm vào đây' }],
    });
    const verdict = score(inside, policy());
    expect(verdict.level).toBe('danger');
    expect(verdict.reasons.some((r) => r.category === 'context')).toBe(false);
  });

  it('does not discount an inside sender when authentication failed', () => {
    const spoofed = message({
      ...lure,
      from: { name: 'Quản trị hệ thống', address: 'admin@laocai.gov.vn' },
      headers: [{ key: 'authentication-results', value: 'mx.laocai.gov.vn; spf=fail; dmarc=fail' }],
    });
    expect(score(spoofed, policy()).level).toBe('danger');
  });

  it('never lets a fake virus-scan footer lower the score', () => {
    const footer = '\nThis message has been scanned for viruses and dangerous content by E.F.A. Project, and is believed to be clean.';
    const withFooter = score(message({ ...lure, text: lure.text + footer }), policy());
    expect(withFooter.score).toBeGreaterThanOrEqual(score(lure, policy()).score);
  });

  it('only emits ids it declares', () => {
    const verdict = score(message({ ...lure, attachments: [{ filename: 'x.exe' }], links: [{ href: 'https://bit.ly/x', text: 'x' }] }), policy());
    for (const reason of verdict.reasons) expect(allFindingIds).toContain(reason.id);
  });
});

const unicodeText = fc.string({ unit: 'grapheme', maxLength: 300 });
const anyText = fc.oneof(fc.string(), unicodeText, fc.constantFrom('', ' ', '\u200B', 'http://', 'mailto:', '@', '.exe', '0x7f.1'));
const weirdUrl = fc.oneof(
  fc.webUrl(),
  anyText,
  fc.constantFrom('http://[::1', 'https://%', 'http://0x7f000001/', 'http://.../', 'javascript:alert(1)', '//\u0000', 'http://' + 'a.'.repeat(200) + 'com'),
);
const address = fc.record({ name: anyText, address: fc.oneof(fc.emailAddress(), anyText) });
const mailMessage: fc.Arbitrary<MailMessage> = fc.record({
  subject: anyText,
  from: fc.option(address, { nil: undefined }),
  replyTo: fc.array(address, { maxLength: 3 }),
  to: fc.array(address, { maxLength: 3 }),
  cc: fc.array(address, { maxLength: 3 }),
  returnPath: fc.option(anyText, { nil: undefined }),
  text: fc.oneof(anyText, unicodeText),
  links: fc.array(fc.record({ href: weirdUrl, text: anyText }), { maxLength: 8 }),
  attachments: fc.array(fc.record({ filename: anyText, contentType: fc.option(anyText, { nil: undefined }) }), { maxLength: 4 }),
  formFields: fc.array(fc.record({ type: anyText, label: anyText }), { maxLength: 3 }),
  headers: fc.option(fc.array(fc.record({ key: anyText, value: anyText }), { maxLength: 4 }), { nil: undefined }),
  source: fc.constantFrom('raw' as const, 'dom' as const),
});

function checkVerdict(verdict: ReturnType<typeof score>): void {
  expect(['safe', 'caution', 'danger']).toContain(verdict.level);
  expect(verdict.score).toBeGreaterThanOrEqual(0);
  expect(verdict.score).toBeLessThanOrEqual(100);
  for (const reason of verdict.reasons) expect(typeof reason.message).toBe('string');
}

describe('ordinary mail of today, which the 2002 legitimate corpus cannot show', () => {
  const to = [{ name: '', address: 'vanthu@laocai.gov.vn' }];
  it.each([
    {
      name: 'another province sharing meeting papers on Google Drive',
      from: { name: 'Văn phòng UBND tỉnh Yên Bái', address: 'vanphong@yenbai.gov.vn' },
      subject: 'Tài liệu hội nghị trực tuyến ngày 12/12',
      text: 'Kính gửi các đơn vị,\nVăn phòng gửi tài liệu hội nghị tại đường link dưới đây, đề nghị các đồng chí tải về nghiên cứu trước.',
      links: [{ href: 'https://drive.google.com/drive/folders/1AbCdEf', text: 'https://drive.google.com/drive/folders/1AbCdEf' }],
    },
    {
      name: "another province's survey linked by bit.ly (a shortener under .ly, not a cheap TLD)",
      from: { name: 'Sở Nội vụ tỉnh Yên Bái', address: 'snv@yenbai.gov.vn' },
      subject: 'Khảo sát chỉ số hài lòng về sự phục vụ hành chính',
      text: 'Đề nghị các đơn vị hoàn thành phiếu khảo sát trước ngày 15/12 tại đường link: https://bit.ly/khaosat-snv . Trân trọng.',
      links: [{ href: 'https://bit.ly/khaosat-snv', text: 'https://bit.ly/khaosat-snv' }],
    },
    {
      name: 'a teacher on Gmail asking colleagues to fill in a Google Form',
      from: { name: 'Nguyễn Văn Hùng', address: 'hungnv.thcs@gmail.com' },
      subject: 'Khảo sát nhu cầu bồi dưỡng',
      text: 'Chào các thầy cô, nhờ các thầy cô điền phiếu khảo sát tại đường link sau.',
      links: [{ href: 'https://docs.google.com/forms/d/e/1FAIpQL/viewform', text: 'https://docs.google.com/forms/d/e/1FAIpQL/viewform' }],
    },
    {
      name: 'a firm sending its tender documents by OneDrive',
      from: { name: 'Công ty CP Tư vấn ABC', address: 'info@tuvanabc.com.vn' },
      subject: 'Hồ sơ dự thầu gói thầu số 3',
      text: 'Kính gửi Sở, công ty xin gửi hồ sơ dự thầu qua OneDrive.',
      links: [{ href: 'https://1drv.ms/f/s!AbC', text: 'Hồ sơ dự thầu' }],
    },
    {
      name: "a supplier's e-invoice with its hotline",
      from: { name: 'Công ty TNHH Thiết bị Văn phòng Minh Anh', address: 'ketoan@minhanh.vn' },
      subject: 'E-invoice: Hóa đơn GTGT số 0000123 - Invoice No. 0000123',
      text: 'Kính gửi Quý khách, công ty gửi Invoice số 0000123 tháng 11, tổng tiền 12.500.000 đồng. Mọi thắc mắc xin liên hệ Hotline: 091.234.5678 hoặc 0243.825.1234.',
      links: [],
    },
    {
      name: "Gmail's bounce of a message sent to a wrong address",
      from: { name: 'Mail Delivery Subsystem', address: 'mailer-daemon@googlemail.com' },
      subject: 'Delivery Status Notification (Failure)',
      text: "Address not found. Your message wasn't delivered to nguyenvana123@gmail.com because the address couldn't be found, or is unable to receive mail.",
      links: [{ href: 'https://support.google.com/mail/?p=NoSuchUser', text: 'Learn more' }],
    },
    {
      name: 'a teacher on Gmail sharing a Google Doc (Google sets Reply-To to the teacher)',
      from: { name: 'Hùng Nguyễn (via Google Drive)', address: 'drive-shares-dm-noreply@google.com' },
      replyTo: [{ name: 'Hùng Nguyễn', address: 'hungnv.thcs@gmail.com' }],
      subject: 'Document shared with you: "Danh sách lớp"',
      text: 'Hùng Nguyễn shared a document with you. Hùng Nguyễn (hungnv.thcs@gmail.com) has invited you to edit the following document: Danh sách lớp. Open',
      links: [{ href: 'https://docs.google.com/spreadsheets/d/1AbC/edit?usp=sharing_eil', text: 'Open' }],
    },
    {
      name: 'a Google Calendar invitation from a Gmail user',
      from: { name: 'Google Calendar', address: 'calendar-notification@google.com' },
      replyTo: [{ name: '', address: 'hungnv.thcs@gmail.com' }],
      subject: 'Invitation: Họp tổ chuyên môn @ Tue Dec 8, 2026 2pm',
      text: 'You have been invited by hungnv.thcs@gmail.com to attend an event named Họp tổ chuyên môn. Join with Google Meet meet.google.com/abc-defg-hij. Reply: Yes No Maybe',
      links: [{ href: 'https://calendar.google.com/calendar/event?action=RESPOND&eid=abc&rst=1', text: 'Yes' }],
    },
    {
      name: 'a Google Calendar invitation whose description links a Zoom meeting (Google wraps the link)',
      from: { name: 'Google Calendar', address: 'calendar-notification@google.com' },
      replyTo: [{ name: '', address: 'hungnv.thcs@gmail.com' }],
      subject: 'Invitation: Tập huấn chuyển đổi số @ Thu Dec 10, 2026 8am',
      text: 'You have been invited by hungnv.thcs@gmail.com to attend an event named Tập huấn chuyển đổi số. Tham gia Zoom: https://us02web.zoom.us/j/81234567890',
      links: [
        { href: 'https://www.google.com/url?q=https://us02web.zoom.us/j/81234567890&sa=D&source=calendar&usg=AOvVaw1', text: 'https://us02web.zoom.us/j/81234567890' },
        { href: 'https://calendar.google.com/calendar/event?action=RESPOND&eid=abc&rst=1', text: 'Yes' },
      ],
    },
    {
      name: 'a colleague forwarding that invitation from her own mailbox',
      from: { name: 'Phạm Thị Lan', address: 'lanpt@laocai.gov.vn' },
      subject: 'Fwd: Invitation: Tập huấn chuyển đổi số',
      text: 'Chị chuyển lịch tập huấn, mọi người vào đúng giờ nhé. Tham gia Zoom: https://us02web.zoom.us/j/81234567890',
      links: [{ href: 'https://www.google.com/url?q=https://us02web.zoom.us/j/81234567890&sa=D&source=calendar&usg=AOvVaw1', text: 'https://us02web.zoom.us/j/81234567890' }],
    },
    {
      name: "Microsoft's own notice of an unusual sign-in",
      from: { name: 'Microsoft account team', address: 'account-security-noreply@accountprotection.microsoft.com' },
      subject: 'Microsoft account unusual sign-in activity',
      text: 'We detected something unusual about a recent sign-in to the Microsoft account va***@outlook.com. If this was you, then you can safely ignore this email. If you are not sure this was you, please review your recent activity. Review recent activity',
      links: [{ href: 'https://account.live.com/Activity', text: 'Review recent activity' }],
    },
    {
      name: "Microsoft's own renewal notice with its billing line",
      from: { name: 'Microsoft 365', address: 'microsoft-noreply@microsoft.com' },
      subject: 'Your Microsoft 365 subscription will renew soon',
      text: 'Your Microsoft 365 Business Standard subscription will renew on January 1, 2027. Total: USD 150.00. To change or cancel, go to the Microsoft 365 admin center. Questions? Call +1 800-865-9408.',
      links: [{ href: 'https://admin.microsoft.com/billing', text: 'Manage subscription' }],
    },
  ])('leaves $name safe', ({ name: _name, ...fields }) => {
    expect(score(message({ ...fields, to }), policy()).level).toBe('safe');
  });
});

describe('a callback lure', () => {
  it('is read from any sender but the brand itself: the same renewal with a number to call, from elsewhere', () => {
    const renewal = {
      to: [{ name: '', address: 'vanthu@laocai.gov.vn' }],
      subject: 'Your Microsoft 365 subscription will renew soon',
      text: 'Your Microsoft 365 Business Standard subscription will renew on January 1, 2027. Total: USD 150.00. To cancel, call +1 800-865-9408.',
    };
    const ids = (address: string) => score(message({ ...renewal, from: { name: 'Microsoft 365', address } }), policy()).reasons.map((r) => r.id);
    expect(ids('microsoft-noreply@microsoft.com')).not.toContain('scam.callback');
    expect(ids('billing@ms-renewals.example')).toContain('scam.callback');
    expect(ids('microsoft.billing365@outlook.com')).toContain('scam.callback');
  });
});

describe('an unusual sign-in notice', () => {
  it("is the brand's own from the brand's own domain, and a lure's from anywhere else (a free mailbox included)", () => {
    const notice = {
      to: [{ name: '', address: 'vanthu@laocai.gov.vn' }],
      subject: 'Microsoft account unusual sign-in activity',
      text: 'We detected something unusual about a recent sign-in to your Microsoft account. Please review your recent activity.',
    };
    const ids = (address: string) => score(message({ ...notice, from: { name: 'Microsoft account team', address } }), policy()).reasons.map((r) => r.id);
    expect(ids('account-security-noreply@accountprotection.microsoft.com')).not.toContain('verification.unusual-signin');
    expect(ids('security@ms-account-alerts.example')).toContain('verification.unusual-signin');
    expect(ids('account.security.team@outlook.com')).toContain('verification.unusual-signin');
  });
});

describe('a configuration profile attached', () => {
  it("is flagged even from the province's own domain: a profile is installed from the management console, never from mail", () => {
    const mailed = message({
      from: { name: 'Trung tâm CNTT', address: 'cntt@laocai.gov.vn' },
      to: [{ name: '', address: 'vanthu@laocai.gov.vn' }],
      subject: 'Cài đặt Khiên Thư trên máy Mac',
      text: 'Đồng chí mở tệp đính kèm để cài đặt tiện ích.',
      attachments: [{ filename: 'lao-cai.mobileconfig' }],
    });
    const verdict = score(mailed, policy());
    expect(verdict.reasons.map((r) => r.id)).toEqual(['attachment.config-profile']);
    expect(verdict.level).toBe('caution');
  });
});

describe("a kit's random-word markup", () => {
  it('reaches the verdict through the sanitised message, and only class names that are strings count', () => {
    const words = 'fly sets subject asleep compass flew fair rocky tongue farm plain setting this produce roll mine there danger few them teach leaf'.split(' ');
    const classNames = words.flatMap((a) => words.map((b) => `${a}-${b}`)).filter((name, i) => i % 7 === 0);
    const lure = { subject: 'Desbloqueie seu internet banking', text: 'Prezado cliente, seu acesso foi suspenso.' };
    const ids = (names: unknown[]) => score(message({ ...lure, classNames: names as string[] }), policy()).reasons.map((r) => r.id);
    expect(classNames.length).toBeGreaterThan(40);
    expect(ids(classNames)).toContain('disguise.random-markup');
    expect(ids(classNames.map((name, i) => (i % 3 ? 42 : name)))).not.toContain('disguise.random-markup');
    // what is no string is dropped before counting: kept, these numbers would halve the share
    expect(ids(classNames.map((name, i) => (i % 2 ? 42 : name)))).toContain('disguise.random-markup');
  });
});

describe('score on arbitrary input (property)', () => {
  it('never throws on MailMessage-shaped input', () => {
    fc.assert(
      fc.property(mailMessage, fc.constantFrom('laocai.gov.vn', 'soctrang.gov.vn', ''), (msg, domain) => {
        checkVerdict(score(msg, policy(domain)));
      }),
      { numRuns: 400 },
    );
  });

  it('never throws on values that are not MailMessages at all', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (msg, pol) => {
        checkVerdict(score(msg as MailMessage, pol as ReturnType<typeof policy>));
      }),
      { numRuns: 300 },
    );
  });

  it('copes with huge and empty fields', () => {
    checkVerdict(score(message({ text: 'a'.repeat(3_000_000), subject: '\u200B'.repeat(100_000) }), policy()));
    checkVerdict(score(message({ links: Array.from({ length: 30_000 }, (_, i) => ({ href: `http://h${i}.example.org/`, text: '' })) }), policy()));
  });
});

describe('obfuscating a lure never lowers its level (property)', () => {
  const lures = [
    'Hộp thư của bạn đã vượt quá giới hạn lưu trữ. Để revalidate hộp thư của bạn, hãy gửi Tên người dùng, mật khẩu, Xác nhận mật khẩu. Hộp thư của bạn sẽ bị vô hiệu hóa!',
    'Bấm vào đây để cập nhật địa chỉ email của bạn. Bạn không thể gửi hoặc nhận tin nhắn mới cho đến khi bạn xác nhận lại email của mình.',
    'Nếu bạn không cung cấp các chi tiết được yêu cầu như tên người dùng email và mật khẩu thì tài khoản của bạn sẽ bị tạm ngưng.',
  ];
  const zeroWidth = ['\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u034F'];
  const lookalikes: Record<string, string> = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', y: 'у', x: 'х', i: 'і' };

  const obfuscation = fc.array(
    fc.record({ at: fc.nat(), kind: fc.constantFrom('zero-width', 'confusable'), pick: fc.nat(zeroWidth.length - 1) }),
    { maxLength: 40 },
  );

  function obfuscate(text: string, edits: { at: number; kind: string; pick: number }[]): string {
    const chars = [...text];
    for (const edit of edits) {
      const at = edit.at % chars.length;
      if (edit.kind === 'zero-width') chars.splice(at, 0, zeroWidth[edit.pick] ?? '\u200B');
      else {
        const current = chars[at] ?? '';
        chars[at] = lookalikes[current] ?? current;
      }
    }
    return chars.join('');
  }

  it('for zero-width insertions and confusable swaps', () => {
    fc.assert(
      fc.property(fc.constantFrom(...lures), obfuscation, (text, edits) => {
        const plain = score(message({ ...lure, text }), policy());
        const hidden = score(message({ ...lure, text: obfuscate(text, edits) }), policy());
        expect(rank[hidden.level]).toBeGreaterThanOrEqual(rank[plain.level]);
        expect(hidden.score).toBeGreaterThanOrEqual(plain.score);
      }),
      { numRuns: 300 },
    );
  });
});

describe('evidence', () => {
  it('does not repeat a phrase that a longer piece of evidence already shows', () => {
    const verdict = score(
      {
        subject: 'Đã vượt quá hạn ngạch',
        replyTo: [],
        to: [{ name: '', address: 'canbo@soctrang.gov.vn' }],
        cc: [],
        from: { name: 'Postmaster', address: 'fem@fundacionhomi.org.co' },
        text: 'Hộp thư của bạn đã vượt quá hạn ngạch. Quá hạn ngạch thì không nhận được thư.',
        links: [],
        attachments: [],
        formFields: [],
        source: 'raw',
      },
      policyForOrganisation('canbo@soctrang.gov.vn'),
    );
    const quota = verdict.reasons.find((r) => r.category === 'quota');
    expect(quota?.evidence.some((e) => /vượt quá hạn ngạch/i.test(e))).toBe(true);
    expect(quota?.evidence.filter((e) => /^quá hạn ngạch$/i.test(e))).toEqual([]);
  });
});
