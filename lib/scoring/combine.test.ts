import { describe, expect, it } from 'vitest';
import { letterCases } from '../../tests/unit/scoring-corpus';
import { message, policy } from '../../tests/unit/scoring/helpers';
import { flaggedLinks, score } from './index';

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

  it('never counts a free-mail provider as the organisation, whatever the policy says', () => {
    const gmailRecipient = [{ name: '', address: 'lethic@gmail.com' }];
    const lure = { from: { name: 'Quản trị', address: 'nguyenvanb@gmail.com' }, text: credentialLure };
    const asOrganisation = score(message({ to: gmailRecipient, ...lure }), policy('gmail.com'));
    expect(asOrganisation.reasons.some((r) => r.category === 'context')).toBe(false);
    expect(asOrganisation).toEqual(score(message({ to: gmailRecipient, ...lure }), policy('')));
  });

  it('counts a sender from a trusted domain as inside', () => {
    const pol = policy('laocai.gov.vn', { trustedSenderDomains: ['mic.gov.vn'] });
    expect(verdictOf({ from: { name: 'Cục An toàn thông tin', address: 'canhbao@mic.gov.vn' }, text: warning }, pol).level).toBe('safe');
  });
});

describe('warning letters from another Vietnamese government domain', () => {
  // Lào Cai's IT centre receives each province's letter, forwarded as it arrived
  const atLaoCai = policy('laocai.gov.vn');
  const forwardedLetters = letterCases.filter((c) => !c.message.from?.address.endsWith('@laocai.gov.vn') && c.expectedReasons.length > 0);

  it.each(forwardedLetters.map((c) => [c.name, c] as const))('keeps %s at most caution in another province, and says why', (_name, { message: letter }) => {
    const verdict = score({ ...letter, to: recipient }, atLaoCai);
    expect(verdict.level).not.toBe('danger');
    expect(verdict.reasons.map((r) => r.id)).toContain('context.government-advisory');
    // the quoted lure's wording counts for nothing; what is left is the sender and the links
    const wording = verdict.reasons.filter((r) => r.category !== 'context' && !r.id.startsWith('sender.') && !r.id.startsWith('link.'));
    const mitigation = verdict.reasons.find((r) => r.id === 'context.government-advisory');
    expect(mitigation?.weight).toBe(-wording.reduce((sum, r) => sum + r.weight, 0));
  });

  it('treats a ministry forwarding the alert the same way', () => {
    const verdict = verdictOf({ from: { name: 'Cục An toàn thông tin', address: 'canhbao@mic.gov.vn' }, text: warning });
    expect(verdict.level).toBe('safe');
    expect(verdict.reasons.map((r) => r.id)).toContain('context.government-advisory');
  });

  it('lets the letter show the lure URL as a link to itself', () => {
    const links = [{ href: 'https://upcorss.weebly.com/', text: 'https://upcorss.weebly.com/' }];
    const verdict = verdictOf({ from: { name: 'Sở TT&TT Sóc Trăng', address: 'stttt@soctrang.gov.vn' }, text: warning, links });
    expect(verdict.level).not.toBe('danger');
    expect(verdict.reasons.map((r) => r.id)).toContain('context.government-advisory');
  });

  it('gives a hijacked .gov.vn account that wraps a sign-in link in warning words danger: the link decides', () => {
    const links = [{ href: 'https://upcorss.weebly.com/login', text: 'Xác minh tài khoản ngay' }];
    const text = `${warning} Để tránh bị khóa, hãy xác minh tài khoản của bạn tại đây trong vòng 24 giờ.`;
    const verdict = verdictOf({ from: { name: 'Trung tâm CNTT', address: 'nguyenvanb@thainguyen.gov.vn' }, text, links });
    expect(verdict.level).toBe('danger');
    expect(verdict.reasons.some((r) => r.category === 'context')).toBe(false);
  });

  it('does not apply with a Gmail Reply-To or an HTML attachment', () => {
    const from = { name: 'Trung tâm CNTT', address: 'ttcntt@thainguyen.gov.vn' };
    for (const extra of [{ replyTo: [{ name: '', address: 'hotro.thainguyen@gmail.com' }] }, { attachments: [{ filename: 'dang-nhap.html' }] }]) {
      const verdict = verdictOf({ from, text: warning, ...extra });
      expect(verdict.reasons.some((r) => r.category === 'context')).toBe(false);
      expect(verdict.level).toBe('danger');
    }
  });

  it('does not apply to a sender that only looks governmental', () => {
    for (const address of ['canhbao@mic-gov.vn', 'canhbao@gov.vn.secure-mail.com', 'canhbao@mic.gov.vn.com']) {
      const verdict = verdictOf({ from: { name: 'Cục An toàn thông tin', address }, text: warning });
      expect(verdict.reasons.some((r) => r.category === 'context')).toBe(false);
      expect(verdict.level).toBe('danger');
    }
  });
});

describe('an IT centre notice about passwords', () => {
  // the sentence every notice ends with: a warning, not a request
  const notice =
    'Trung tâm CNTT thông báo: hệ thống thư điện tử công vụ sẽ bảo trì từ 22h thứ Bảy. ' +
    'Tuyệt đối không cung cấp mật khẩu cho bất kỳ ai, kể cả người xưng là cán bộ của Trung tâm.';

  it('is not read as asking for the password, from inside or from another province', () => {
    for (const from of [insideSender, { name: 'Trung tâm CNTT', address: 'ttcntt@thainguyen.gov.vn' }]) {
      const verdict = verdictOf({ from, text: notice });
      expect(verdict.level).toBe('safe');
      expect(verdict.reasons.map((r) => r.id)).not.toContain('credentials.ask-password');
    }
  });
});

describe("the admins' blocks", () => {
  const plain = { from: { name: 'Nguyễn Văn A', address: 'a@mail.spam-sender.com' }, text: 'Chào anh, gửi anh lịch họp tuần sau.' };

  it.each([32, 64, 90])('give a blocked sender danger on its own with a danger threshold of %i', (danger) => {
    const pol = policy('laocai.gov.vn', { blockedSenderDomains: ['spam-sender.com'], thresholds: { caution: Math.min(32, danger - 1), danger } });
    expect(verdictOf(plain).level).toBe('safe');
    expect(verdictOf(plain, pol).level).toBe('danger');
  });

  it('give a blocked link host danger on its own', () => {
    const pol = policy('laocai.gov.vn', { blockedLinkHosts: ['files.example.org'] });
    expect(verdictOf({ ...plain, links: [{ href: 'https://files.example.org/a', text: 'lịch họp' }] }, pol).level).toBe('danger');
  });
});

describe('warnings that quote a whole lure, from anyone with a domain of its own', () => {
  // vietnamnet.vn, 7 August 2025 (the traffic police's warning), quoting the SMS whole
  const lureAddress = 'https://dichvucongs.top/vn';
  const article =
    'Hôm nay (7/8) Phòng CSGT, Công an TPHCM phát đi cảnh báo về thủ đoạn lừa đảo mới liên quan nộp phạt vi phạm giao thông qua Cổng Dịch vụ công Quốc gia giả mạo. ' +
    'Các đối tượng sử dụng số điện thoại ẩn danh đặt tên “18001096” mạo danh lực lượng CSGT để nhắn tin đến người dân với nội dung: “Cảnh sát giao thông Việt Nam: Hiện tại, bạn đang có một khoản tiền phạt chưa thanh toán trong tài khoản. ' +
    `Vui lòng thanh toán khoản phí này càng sớm càng tốt để tránh những bất tiện không đáng có. Để biết thêm thông tin, vui lòng truy cập: ${lureAddress}”.`;
  const press = { name: 'VietNamNet', address: 'bantin@vietnamnet.vn' };
  const ownSite = { href: 'https://vietnamnet.vn/lua-dao-moi-nop-phat-2429779.html', text: 'Đọc tiếp' };
  const shownAddress = { href: lureAddress, text: lureAddress };

  it("counts the quoted lure's words for nothing in a newspaper's warning, its own links and the quoted address around them", () => {
    const verdict = verdictOf({ from: press, text: article, links: [ownSite, shownAddress] });
    expect(verdict.level).toBe('safe');
    const mitigation = verdict.reasons.find((r) => r.id === 'context.quoted-lure');
    expect(mitigation?.weight).toBe(-(verdict.reasons.find((r) => r.id === 'threat.payment-failed')?.weight ?? 0));
    expect(mitigation?.evidence).toEqual(['tiền phạt chưa thanh toán']);
    // the click guard still stops the quoted address
    expect(flaggedLinks(message({ to: recipient, from: press, text: article, links: [ownSite, shownAddress] }), policy()).map((l) => l.href)).toEqual([lureAddress]);
  });

  it('lets the link, the Reply-To or the sender decide for a lure that wraps itself so', () => {
    const ids = (fields: Parameters<typeof message>[0]) => verdictOf({ text: article, ...fields }).reasons.map((r) => r.id);
    const cases: Parameters<typeof message>[0][] = [
      // a link behind words, to the lure's site; a bare IP address, even shown as it is
      { from: press, links: [{ href: lureAddress, text: 'Tra cứu tại đây' }] },
      { from: press, links: [{ href: 'http://103.97.125.4/tracuu', text: 'http://103.97.125.4/tracuu' }] },
      // replies to a free mailbox; a sender that is a free mailbox, or spells gov.vn elsewhere
      { from: press, replyTo: [{ name: '', address: 'csgt.tracuu@gmail.com' }] },
      { from: { name: 'CSGT', address: 'csgt.thongbao@gmail.com' } },
      { from: { name: 'Cục CSGT', address: 'canhbao@csgt-gov.vn' } },
      // another province's account, hijacked, adding a sign-in link of its own
      { from: { name: 'Trung tâm CNTT', address: 'nguyenvanb@thainguyen.gov.vn' }, links: [{ href: 'https://upcorss.weebly.com/login', text: 'Kiểm tra hộp thư' }] },
    ];
    for (const fields of cases) {
      const found = ids(fields);
      expect(found, JSON.stringify(fields)).toContain('threat.payment-failed');
      expect(found.some((id) => id.startsWith('context.')), JSON.stringify(fields)).toBe(false);
    }
    expect(verdictOf({ text: article, ...cases[0] }).level).toBe('danger');
  });
});
