import { describe, expect, it } from 'vitest';
import { message, policy } from '../../tests/unit/scoring/helpers';
import { score } from './index';

const credentialLure =
  'Hộp thư của bạn đã vượt quá giới hạn lưu trữ. Để revalidate hộp thư của bạn, hãy gửi thông tin sau: ' +
  'Tên người dùng: mật khẩu: Xác nhận mật khẩu:. Nếu không, hộp thư của bạn sẽ bị vô hiệu hóa!';
const warning = 'Cảnh báo thư giả mạo có nội dung lừa đảo: "' + credentialLure + '". Đề nghị không cung cấp mật khẩu.';
const insideSender = { name: 'Trung tâm CNTT', address: 'ttcntt@laocai.gov.vn' };
const recipient = [{ name: '', address: 'lethic@laocai.gov.vn' }];

function verdictOf(fields: Parameters<typeof message>[0], pol = policy()) {
  return score(message({ to: recipient, ...fields }), pol);
}

describe('inside-the-organisation context', () => {
  it('makes an inside warning letter quoting a lure safe, and says why', () => {
    const verdict = verdictOf({ from: insideSender, text: warning });
    expect(verdict.level).toBe('safe');
    const context = verdict.reasons.find((r) => r.id === 'context.internal-advisory');
    const lurePoints = verdict.reasons.filter((r) => r.category !== 'context').reduce((sum, r) => sum + r.weight, 0);
    expect(context?.weight).toBe(-lurePoints);
  });

  it('gives the same text from outside the organisation danger', () => {
    expect(verdictOf({ from: { name: 'Trung tâm CNTT', address: 'ttcntt@laocai-gov.vn' }, text: warning }).level).toBe('danger');
  });

  it('keeps a hijacked inside account asking for passwords by reply at caution, not safe', () => {
    const verdict = verdictOf({ from: { name: 'Quản trị', address: 'nguyenvanb@laocai.gov.vn' }, text: credentialLure });
    expect(verdict.level).toBe('caution');
    expect(verdict.reasons.some((r) => r.id === 'context.internal-sender')).toBe(true);
  });

  it('does not apply when Reply-To leaves the organisation', () => {
    const verdict = verdictOf({ from: insideSender, replyTo: [{ name: '', address: 'helpdesk.laocai@gmail.com' }], text: warning });
    expect(verdict.reasons.some((r) => r.category === 'context')).toBe(false);
    expect(verdict.level).toBe('danger');
  });

  it('does not apply with a dangerous attachment', () => {
    const verdict = verdictOf({ from: insideSender, text: warning, attachments: [{ filename: 'huong-dan.pdf.exe' }] });
    expect(verdict.level).toBe('danger');
  });

  it('still lets an inside warning letter quote the admins\' own extra phrases', () => {
    const pol = policy('laocai.gov.vn', { extraLurePhrases: ['làm sống lại hộp thư'] });
    expect(verdictOf({ from: insideSender, text: `${warning} Không làm sống lại hộp thư qua đường dẫn lạ.` }, pol).level).toBe('safe');
  });

  it('does not apply to a trusted-looking sender when the policy blocks its domain', () => {
    const pol = policy('laocai.gov.vn', { blockedLinkHosts: ['evil-login.com'] });
    const verdict = verdictOf({ from: insideSender, text: warning, links: [{ href: 'https://evil-login.com/', text: 'Xem' }] }, pol);
    expect(verdict.level).toBe('danger');
  });

  it('counts a sender from a trusted domain as inside', () => {
    const pol = policy('laocai.gov.vn', { trustedSenderDomains: ['mic.gov.vn'] });
    expect(verdictOf({ from: { name: 'Cục An toàn thông tin', address: 'canhbao@mic.gov.vn' }, text: warning }, pol).level).toBe('safe');
  });
});
