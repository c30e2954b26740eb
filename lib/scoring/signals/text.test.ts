import { describe, expect, it } from 'vitest';
import { contextFor, ids, message, policy } from '../../../tests/unit/scoring/helpers';
import { textSignals } from './text';

function textFindings(text: string, extra: Partial<Parameters<typeof message>[0]> = {}, pol = policy()) {
  const msg = message({ text, ...extra });
  return textSignals(msg, contextFor(msg, pol));
}

describe('textSignals', () => {
  it('reports the original words as evidence', () => {
    const findings = textFindings('Chào bạn. Hộp thư của bạn đã vượt quá giới hạn lưu trữ.');
    expect(findings).toEqual([
      { id: 'quota.mailbox-over-limit', category: 'quota', weight: 30, evidence: ['Hộp thư của bạn đã vượt quá'] },
    ]);
  });

  it('reads the subject too', () => {
    expect(ids(textFindings('', { subject: 'Hạn ngạch hộp thư' }))).toEqual(['quota.quota-exceeded']);
  });

  it('counts each rule once, however often the lure repeats it', () => {
    const once = textFindings('Hộp thư của bạn đã vượt quá giới hạn.');
    const many = textFindings('Hộp thư của bạn đã vượt quá giới hạn. '.repeat(50));
    expect(many).toEqual(once);
    expect(ids(many)).toEqual(['quota.mailbox-over-limit']);
    const three = textFindings('Hộp thư của bạn đã vượt quá giới hạn. '.repeat(50) + 'Đã vượt quá hạn ngạch. Dung lượng đã đầy.');
    expect(ids(three).sort()).toEqual(['quota.mailbox-over-limit', 'quota.quota-exceeded', 'quota.storage-full']);
  });

  it('does not read a warning as a request: "không cung cấp mật khẩu", "never … enter your password"', () => {
    expect(ids(textFindings('Tuyệt đối không cung cấp mật khẩu cho bất kỳ ai.'))).not.toContain('credentials.ask-password');
    expect(ids(textFindings('We will never ask you to enter your password by e-mail.'))).not.toContain('credentials.ask-password');
    expect(ids(textFindings('Không cung cấp mật khẩu. Nhưng hãy cung cấp mật khẩu tại đây.'))).toContain('credentials.ask-password');
  });

  it('does not count a lure phrase a warning shows in quotation marks, short text or long', () => {
    const warning = 'Cảnh báo lừa đảo: kẻ gian gửi thư báo “Tài khoản của bạn sẽ bị khóa” để dẫn tới trang giả. ';
    const padding = 'Kính gửi anh chị, lịch họp tuần sau vào thứ Hai tại phòng họp tầng 3. '.repeat(130);
    for (const text of [warning, warning + padding, padding + warning]) {
      expect(ids(textFindings(text)), String(text.length)).not.toContain('threat.account-loss');
    }
    // the same phrase unquoted, quoted in a text with no warning word, or said again outside the quotes, counts
    expect(ids(textFindings('Cảnh báo lừa đảo: tài khoản của bạn sẽ bị khóa.'))).toContain('threat.account-loss');
    expect(ids(textFindings('Thông báo: “Tài khoản của bạn sẽ bị khóa” nếu không xác nhận.'))).toContain('threat.account-loss');
    expect(ids(textFindings(warning + 'Hộp thư của bạn sẽ bị khóa sau 24 giờ.'))).toContain('threat.account-loss');
    expect(ids(textFindings(padding + warning + 'Hộp thư của bạn sẽ bị khóa sau 24 giờ.'))).toContain('threat.account-loss');
    // "do not reply" is every automated message's footer, lures' too: it does not make a quote a shown lure
    expect(ids(textFindings('Click "Verify your account" below. Please do not reply to this email.'))).toContain('verification.verify-account');
  });

  it('marks a rule whose words stand only inside a whole lure a warning quotes, for the context to judge', () => {
    const sms =
      '“Cảnh sát giao thông Việt Nam: Hiện tại, bạn đang có một khoản tiền phạt chưa thanh toán trong tài khoản. Vui lòng thanh toán khoản phí này càng sớm càng tốt để tránh những bất tiện không đáng có.”';
    const warning = `Cảnh báo thủ đoạn lừa đảo qua Cổng Dịch vụ công giả mạo: các đối tượng nhắn tin với nội dung: ${sms}`;
    const quoted = textFindings(warning).find((f) => f.id === 'threat.payment-failed');
    expect(quoted?.quotedLure).toBe(true);
    expect(quoted?.evidence).toEqual(['tiền phạt chưa thanh toán']);
    // said again outside the quotation, or the quotation in a text that is no plain warning: an ordinary finding
    expect(textFindings(`${warning} Bạn có một khoản tiền phạt chưa thanh toán.`).find((f) => f.id === 'threat.payment-failed')?.quotedLure).toBeUndefined();
    expect(textFindings(`Thông báo: ${sms}`).find((f) => f.id === 'threat.payment-failed')?.quotedLure).toBeUndefined();
    expect(textFindings(sms.slice(1, -1)).find((f) => f.id === 'threat.payment-failed')).toBeDefined();
  });

  it('sees through zero-width characters, Cyrillic letters and missing diacritics', () => {
    for (const text of ['Hộp\u200D thư của bạn đã vượt quá giới hạn', 'Hộp thư сủа bạn đã vượt quá giới hạn', 'hop thu cua ban da vuot qua gioi han']) {
      expect(ids(textFindings(text)), text).toEqual(['quota.mailbox-over-limit']);
    }
  });

  it('turns the admins\' extra phrases into a rule, diacritics and case ignored', () => {
    const pol = policy('laocai.gov.vn', { extraLurePhrases: ['Nâng cấp Zimbra'] });
    const findings = textFindings('Vui long NANG CAP ZIMBRA ngay', {}, pol);
    expect(findings).toEqual([{ id: 'policy.extra-phrase', category: 'policy', weight: 30, evidence: ['NANG CAP ZIMBRA'] }]);
  });

  it('weighs a password box in the message heavily on its own', () => {
    const findings = textFindings('', { formFields: [{ type: 'password', label: 'pwd' }] });
    expect(findings.find((f) => f.id === 'credentials.password-field')?.weight).toBe(45);
    expect(ids(textFindings('', { formFields: [{ type: 'text', label: 'Mật khẩu' }] }))).toContain('credentials.password-field');
    expect(textFindings('', { formFields: [{ type: 'text', label: 'Họ và tên' }] })).toEqual([]);
  });

  it('finds nothing in an ordinary office message', () => {
    expect(textFindings('Kính gửi anh chị, lịch họp tuần sau: thứ Hai 8 giờ, họp giao ban tại phòng họp tầng 3.')).toEqual([]);
  });
});
