import { describe, expect, it } from 'vitest';
import { message, policy } from '../../tests/unit/scoring/helpers';
import type { MailMessage } from '../mail/types';
import { score } from './index';
import { canOfferTrust, senderIdentityFindingIds, trustKey } from './trust';
import type { ScoringPolicy } from './types';

const vendor = { name: 'Bộ phận hỗ trợ kỹ thuật - Công ty Sao Mai', address: 'hotro.saomai@gmail.com' };
const recipient = [{ name: '', address: 'canbo@soctrang.gov.vn' }];
const notice = 'Phần mềm quản lý văn bản sẽ được bảo trì tối thứ Bảy tuần này. Anh chị không cần làm gì thêm.';
const lure =
  'Hộp thư của bạn đã vượt quá giới hạn lưu trữ. Vui lòng trả lời với Tên người dùng: Mật khẩu: Xác nhận mật khẩu: ' +
  'Nếu không, hộp thư của bạn sẽ bị vô hiệu hóa.';

function scored(fields: Partial<MailMessage>, trusted: string[] = [], overrides: Partial<ScoringPolicy> = {}) {
  return score(message({ from: vendor, to: recipient, text: notice, ...fields }), policy('soctrang.gov.vn', { ...overrides, trustedSenderAddresses: trusted }));
}

const ids = (verdict: ReturnType<typeof score>) => verdict.reasons.map((r) => r.id).sort();

describe('trusting one sender ("I know this sender")', () => {
  it('is a caution without trust, for an outside help desk on Gmail', () => {
    const verdict = scored({});
    expect(verdict.level).toBe('caution');
    expect(ids(verdict)).toEqual(['sender.free-mail', 'sender.role-claim']);
    expect(verdict.trustedSender).toBeUndefined();
  });

  it('drops the identity reasons of that exact address, whatever its case', () => {
    for (const listed of ['hotro.saomai@gmail.com', ' HoTro.SaoMai@Gmail.COM ']) {
      const verdict = scored({ from: { ...vendor, address: 'HOTRO.SAOMAI@gmail.com' } }, [listed]);
      expect(verdict.level).toBe('safe');
      expect(verdict.reasons).toEqual([]);
      expect(verdict.trustedSender).toBe('hotro.saomai@gmail.com');
    }
  });

  it('never trusts a whole domain, nor a near address', () => {
    for (const listed of ['gmail.com', '@gmail.com', '*@gmail.com', 'hotro.saomai@gmail.co', 'otro.saomai@gmail.com']) {
      expect(scored({}, [listed]).level, listed).toBe('caution');
    }
    // another Gmail user is not the trusted one
    expect(scored({ from: { ...vendor, address: 'hotro.saomai2@gmail.com' } }, ['hotro.saomai@gmail.com']).level).toBe('caution');
  });

  it('still flags a credential lure from the trusted address (a hijacked account) as danger', () => {
    const verdict = scored({ subject: 'Xác minh tài khoản hộp thư', text: lure }, ['hotro.saomai@gmail.com']);
    expect(verdict.level).toBe('danger');
    expect(verdict.trustedSender).toBe('hotro.saomai@gmail.com');
    expect(ids(verdict)).toContain('credentials.username-password');
    expect(ids(verdict).filter((id) => senderIdentityFindingIds.has(id))).toEqual([]);
  });

  it('keeps link and attachment reasons of the trusted address', () => {
    const verdict = scored(
      { links: [{ href: 'https://tai-lieu.weebly.com/', text: 'Tài liệu' }], attachments: [{ filename: 'lich.pdf.exe' }] },
      ['hotro.saomai@gmail.com'],
    );
    expect(ids(verdict)).toEqual(expect.arrayContaining(['link.free-host', 'attachment.double-extension']));
    expect(verdict.level).toBe('danger');
  });

  it('does not apply when Reply-To goes to another address, even on the same provider', () => {
    for (const address of ['mssmadar44@gmail.com', 'hotro@saomai.example']) {
      const verdict = scored({ replyTo: [{ name: '', address }] }, ['hotro.saomai@gmail.com']);
      expect(verdict.trustedSender, address).toBeUndefined();
      expect(ids(verdict), address).toEqual(expect.arrayContaining(['sender.free-mail', 'sender.role-claim']));
    }
    // a Reply-To that is the trusted address itself changes nothing
    expect(scored({ replyTo: [{ name: '', address: 'HOTRO.saomai@gmail.com' }] }, ['hotro.saomai@gmail.com']).level).toBe('safe');
  });

  it('does not apply when the sender failed authentication (a forged From)', () => {
    const headers = [{ key: 'authentication-results', value: 'mx.soctrang.gov.vn; spf=fail smtp.mailfrom=gmail.com; dmarc=fail' }];
    const verdict = scored({ headers }, ['hotro.saomai@gmail.com']);
    expect(verdict.trustedSender).toBeUndefined();
    expect(ids(verdict)).toEqual(expect.arrayContaining(['sender.role-claim', 'sender.free-mail', 'header.dmarc-fail']));
    expect(verdict.level).not.toBe('safe');
  });

  it('loses to the administrators\' block list', () => {
    const verdict = scored({}, ['hotro.saomai@gmail.com'], { blockedSenderDomains: ['gmail.com'] });
    expect(verdict.trustedSender).toBeUndefined();
    expect(ids(verdict)).toEqual(['policy.blocked-sender', 'sender.free-mail', 'sender.role-claim']);
    expect(verdict.level).toBe('danger');
  });

  it('never takes back a disguise: a look-alike of the organisation\'s domain', () => {
    const from = { name: 'Sở TT&TT Sóc Trăng', address: 'hotro@soctrang-gov.vn' };
    const verdict = scored({ from }, ['hotro@soctrang-gov.vn']);
    expect(verdict.trustedSender).toBeUndefined();
    expect(ids(verdict)).toContain('sender.lookalike-domain');
  });
});

describe('when the banner may offer trust', () => {
  const offer = (fields: Partial<MailMessage>, trusted: string[] = []) => {
    const verdict = scored(fields, trusted);
    return canOfferTrust(verdict, { from: vendor, replyTo: [], ...fields });
  };

  it('offers it on a caution made by who the sender is', () => {
    expect(offer({})).toBe(true);
  });

  it('does not offer it again once trusted, nor on a safe message', () => {
    expect(offer({}, ['hotro.saomai@gmail.com'])).toBe(false);
    expect(offer({ from: { name: 'Nguyễn Văn A', address: 'nguyenvana@soctrang.gov.vn' } })).toBe(false);
  });

  it('does not offer it on a message asking for a password, nor on any danger', () => {
    expect(scored({ text: lure }).level).toBe('danger');
    expect(offer({ text: lure })).toBe(false);
    // a credential request that stays at caution is no more trustworthy
    const ask = scored({ from: { name: 'An', address: 'an.nguyen@gmail.com' }, text: 'Anh vui lòng gửi mật khẩu hộp thư cho em nhé.' });
    // (the fit may give the request no points, so no reason: the verdict still says it asked)
    expect(ask.asksForCredentials).toBe(true);
    expect(canOfferTrust(ask, { from: { name: 'An', address: 'an.nguyen@gmail.com' }, replyTo: [] })).toBe(false);
  });

  it('does not offer it when Reply-To differs or authentication failed', () => {
    expect(offer({ replyTo: [{ name: '', address: 'other@example.org' }] })).toBe(false);
    expect(offer({ replyTo: [{ name: '', address: 'someone.else@gmail.com' }] })).toBe(false);
    expect(offer({ headers: [{ key: 'authentication-results', value: 'mx; dkim=fail' }] })).toBe(false);
  });

  it('does not offer it when trust would change nothing (only link reasons)', () => {
    const verdict = scored({
      from: { name: 'Nguyễn Văn A', address: 'nguyenvana@soctrang.gov.vn' },
      links: [{ href: 'http://203.0.113.5/login', text: 'Xem' }, { href: 'https://bit.ly/abc', text: 'Tải' }],
      text: 'Bấm vào đây để xem tài liệu',
    });
    expect(verdict.level).not.toBe('safe');
    expect(canOfferTrust(verdict, { from: { name: 'Nguyễn Văn A', address: 'nguyenvana@soctrang.gov.vn' }, replyTo: [] })).toBe(false);
  });
});

describe('trustKey', () => {
  it('keeps exact addresses only, lower-cased', () => {
    expect(trustKey(' An.Nguyen@Gmail.com ')).toBe('an.nguyen@gmail.com');
    for (const notAnAddress of ['', 'gmail.com', '@gmail.com', 'an@', 'a b@c.vn', '"a"@c.vn']) expect(trustKey(notAnAddress)).toBe('');
  });
});
