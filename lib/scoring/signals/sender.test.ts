import { describe, expect, it } from 'vitest';
import { contextFor, ids, message, policy } from '../../../tests/unit/scoring/helpers';
import { senderSignals } from './sender';

function senderFindings(name: string, address: string, pol = policy('laocai.gov.vn')) {
  const msg = message({ from: { name, address } });
  return senderSignals(msg, contextFor(msg, pol));
}

describe('senderSignals', () => {
  it('flags an admin role claimed from outside the organisation', () => {
    expect(ids(senderFindings('Postmaster', 'fem@fundacionhomi.org.co'))).toEqual(['sender.role-claim']);
    expect(ids(senderFindings('Người quản trị Hệ thống', 'hcsn_stc@bacgiang.gov.vn'))).toEqual(['sender.role-claim']);
    expect(ids(senderFindings('Nguoi quan tri he thong', 'x@mailer-notice.com'))).toEqual(['sender.role-claim']);
    expect(ids(senderFindings('Bộ phận trợ giúp', 'hienlt_tanyen@bacgiang.gov.vn'))).toEqual(['sender.role-claim']);
    expect(ids(senderFindings('IT Help Desk', 'helpdesk@helpdesk-center.net'))).toEqual(['sender.role-claim']);
  });

  it("reads a free-mail provider's own bounce as the provider's, and a free mailbox posing as one as a lure", () => {
    expect(senderFindings('Mail Delivery Subsystem', 'mailer-daemon@googlemail.com')).toEqual([]);
    expect(senderFindings('Mail Delivery System', 'MAILER-DAEMON@yahoo.com')).toEqual([]);
    expect(ids(senderFindings('Mail Delivery Subsystem', 'mail.delivery.team@gmail.com'))).toEqual(['sender.free-mail', 'sender.role-claim']);
    expect(ids(senderFindings('Postmaster', 'postmaster@mailer-notice.com'))).toEqual(['sender.role-claim']);
  });

  it("reads a brand's own team on the brand's own domain as the brand's, and the brand's name on a free mailbox as a claim", () => {
    expect(senderFindings('Microsoft account team', 'account-security-noreply@accountprotection.microsoft.com')).toEqual([]);
    expect(ids(senderFindings('Microsoft account team', 'msaccount.team@outlook.com'))).toEqual(['sender.brand-name', 'sender.free-mail', 'sender.role-claim']);
    expect(ids(senderFindings('Microsoft Support', 'x@accountprotection-microsoft.com'))).toEqual(['sender.brand-name']);
    // BHXH on any .gov.vn is a province's office, but a help desk on a commune's account is a claim
    expect(ids(senderFindings('Quản trị hệ thống BHXH', 'hienlt_tanyen@bacgiang.gov.vn'))).toEqual(['sender.role-claim']);
  });

  it("takes a website's address as the name, on another owner's address, for a claim to be that site", () => {
    expect(ids(senderFindings('ethereum.org', 'maxjohnsonriajb@icloud.com'))).toEqual(['sender.domain-as-name', 'sender.free-mail']);
    expect(senderFindings('ethereum.org', 'maxjohnsonriajb@icloud.com').find((f) => f.feature === 'sender.free-mail.claiming')).toBeDefined();
    expect(ids(senderFindings('celsius.network', 'seaims-gpoqx@es.iceapple.tech'))).toEqual(['sender.domain-as-name', 'sender.suspicious-tld']);
    expect(ids(senderFindings('www.dichvucong.gov.vn', 'thongbao@dvc-portal.example'))).toEqual(['sender.domain-as-name']);
    // the site's own mail, a subdomain of it, or a name that is no domain
    expect(senderFindings('Amazon.com', 'auto-confirm@amazon.com')).toEqual([]);
    expect(senderFindings('vnexpress.net', 'newsletter@mail.vnexpress.net')).toEqual([]);
    expect(senderFindings('Node.js', 'news@nodejs-weekly.example')).toEqual([]);
    expect(senderFindings('Lê Thị C.', 'lethic@gmail-partner.example')).toEqual([]);
  });

  it('reads a capital I after a small letter as the l it passes for in a brand name', () => {
    expect(ids(senderFindings('[Banco do BrasiI - Comunicado 6333967970]', 'hguj20286@mailer-bb.example'))).toEqual(['sender.brand-name']);
    expect(ids(senderFindings('Trust WaIIet', 'customer_service@tpg.com.au'))).toEqual(['sender.brand-name', 'sender.free-mail']);
    expect(ids(senderFindings('PayPaI Service', 'service@paypai-help.example'))).toEqual(['sender.brand-name']);
    expect(senderFindings('Banco do BrasiI', 'comunicado@bb.com.br')).toEqual([]);
    expect(senderFindings('Ian McIntosh', 'ian@macintosh-lab.example')).toEqual([]);
    expect(senderFindings('WordInfo', 'info@wordinfo.example')).toEqual([]);
  });

  it('reads a brand spelled letter by letter with marks between ("D/H/L", "F.e.d.E.x") as the brand', () => {
    expect(ids(senderFindings('D/H/L-verzending.Rg', 'newsletters.veio@duringfell.example'))).toEqual(['sender.brand-name']);
    expect(ids(senderFindings('F.e.d.E.x', 'info@parcel-notice.example'))).toEqual(['sender.brand-name']);
    expect(senderFindings('F.e.d.E.x', 'tracking@fedex.com')).toEqual([]);
    expect(senderFindings('J.R.R. Tolkien Society', 'office@tolkien-society.example')).toEqual([]);
    expect(senderFindings('Nguyễn V.A.', 'nva@so-tttt.example')).toEqual([]);
  });

  it('says nothing about roles inside the organisation (subdomains included)', () => {
    expect(senderFindings('Quản trị hệ thống', 'admin@laocai.gov.vn')).toEqual([]);
    expect(senderFindings('Postmaster', 'postmaster@mail.laocai.gov.vn')).toEqual([]);
  });

  it('trusts the sender domains the admins vouch for', () => {
    expect(senderFindings('Bộ phận hỗ trợ kỹ thuật', 'hotro@mic.gov.vn', policy('laocai.gov.vn', { trustedSenderDomains: ['mic.gov.vn'] }))).toEqual([]);
  });

  it('flags a colleague-looking name without role claims as nothing', () => {
    expect(senderFindings('Nguyễn Văn B', 'nguyenvanb@dienbien.gov.vn')).toEqual([]);
  });

  it('flags the organisation name used from outside', () => {
    expect(ids(senderFindings('Sở TT&TT Lào Cai', 'notice@mailer-notice.com'))).toEqual(['sender.organisation-name']);
  });

  it('flags lookalikes of the organisation domain', () => {
    for (const address of ['hotro@laocai-gov.vn', 'hotro@laocai.gov.vn.com', 'hotro@iaocai.gov.vn', 'hotro@lаocai.gov.vn']) {
      expect(ids(senderFindings('Hỗ trợ', address)), address).toContain('sender.lookalike-domain');
    }
    expect(ids(senderFindings('Báo Lào Cai', 'toasoan@baolaocai.vn', policy('laocai.gov.vn', { organisationNames: [] })))).toEqual([]);
  });

  it("flags another state body's address spelled outside gov.vn, once: the organisation's own lookalike is that finding", () => {
    for (const address of ['canhbao@mic-gov.vn', 'canhbao@gov.vn.secure-mail.com', 'csgt@thongbao.gov.vn.com']) {
      expect(ids(senderFindings('Cục An toàn thông tin', address)), address).toEqual(['sender.government-spoof']);
    }
    expect(ids(senderFindings('Hỗ trợ', 'hotro@laocai-gov.vn'))).not.toContain('sender.government-spoof');
    expect(ids(senderFindings('Văn phòng', 'vanphong@thainguyen.gov.vn'))).toEqual([]);
  });

  it('flags foreign government domains but not Vietnamese ones', () => {
    expect(ids(senderFindings('Office', 'dls.km@dls.gov.ua'))).toContain('sender.foreign-government');
    expect(ids(senderFindings('Văn phòng', 'vp@bacgiang.gov.vn'))).not.toContain('sender.foreign-government');
  });

  it('flags foreign script, and more strongly a word mixing scripts', () => {
    expect(ids(senderFindings('Держлікслужба у Хмельницькій області', 'dls.km@dls.gov.ua'))).toEqual([
      'sender.foreign-government',
      'sender.foreign-script',
    ]);
    const mixed = senderFindings('Рostmaster', 'x@mailer-notice.com');
    expect(ids(mixed)).toEqual(['sender.mixed-script', 'sender.role-claim']);
  });

  it('flags free mail, more when it claims a role', () => {
    const plain = senderFindings('Trần Văn C', 'tranvanc@gmail.com');
    expect(plain).toEqual([{ id: 'sender.free-mail', category: 'sender', weight: 5, evidence: ['tranvanc@gmail.com'] }]);
    const admin = senderFindings('Webmail Admin', 'webmail.admin@yahoo.com');
    expect(admin.find((f) => f.id === 'sender.free-mail')?.weight).toBe(15);
  });

  it('flags an address inside the display name that is not the real one', () => {
    const findings = senderFindings('hotro@laocai.gov.vn', 'x@mailer-notice.com');
    const found = findings.find((f) => f.id === 'sender.address-in-name');
    expect(found?.weight).toBe(35);
    expect(found?.evidence).toEqual(['hotro@laocai.gov.vn', 'x@mailer-notice.com']);
    expect(senderFindings('x@mailer-notice.com', 'x@mailer-notice.com')).toEqual([]);
    // another mailbox of the same outside domain hides nothing
    expect(senderFindings('David&TomGardner@fooladvisor.com', 'subscriber@fooladvisor.com')).toEqual([]);
    expect(ids(senderFindings('support@fooladvisor.com', 'subscriber@fool-advisor.example'))).toEqual(['sender.address-in-name']);
  });

  it('flags blocked sender domains even inside', () => {
    const pol = policy('laocai.gov.vn', { blockedSenderDomains: ['@Spam-Sender.com'] });
    expect(ids(senderFindings('A', 'a@mail.spam-sender.com', pol))).toEqual(['policy.blocked-sender']);
  });

  it('reads only the display name when the address is hidden', () => {
    expect(ids(senderFindings('Держлікслужба', ''))).toEqual(['sender.foreign-script']);
    expect(senderFindings('Postmaster', '')).toEqual([]);
  });
});

describe('senders that no mail server would carry, and brands on free mailboxes', () => {
  it('flags a From domain that does not exist (typed by a forger), not the reserved names of test labs', () => {
    expect(ids(senderFindings('Carteira Digital de Transito', 'no-reply@consultacnh157'))).toEqual(['sender.invalid-domain']);
    expect(ids(senderFindings('IRREGULARIDADE_CPF', 'irregularidade_cpf_995583@govreceitafederal'))).toEqual(['sender.invalid-domain']);
    expect(senderFindings('Nguyễn Văn B', 'b@mail.saomai.example')).toEqual([]);
    expect(senderFindings('Nguyễn Văn B', 'b@lab.test')).toEqual([]);
    expect(senderFindings('Nguyễn Văn B', 'nguyenvanb@dienbien.gov.vn')).toEqual([]);
  });

  it('flags a sender under a top-level domain that mostly hosts abuse', () => {
    const findings = senderFindings('Custom Canvas Prints', 'lina_eugene_78910@msms.tlataax.shop');
    expect(ids(findings)).toEqual(['sender.suspicious-tld']);
    expect(findings[0]?.evidence).toEqual(['lina_eugene_78910@msms.tlataax.shop']);
    expect(senderFindings('Nguyễn Văn B', 'b@congty.com.vn')).toEqual([]);
  });

  it('weighs a bank or service name on a free mailbox as a claim, like a help desk on Gmail', () => {
    const findings = senderFindings('Nubank - suspeita de fraude', 'plop77646@gmail.com');
    expect(ids(findings).sort()).toEqual(['sender.brand-name', 'sender.free-mail']);
    expect(findings.find((f) => f.id === 'sender.free-mail')?.feature).toBe('sender.free-mail.claiming');
    expect(senderFindings('Nguyễn Văn B', 'nguyenvanb@gmail.com').find((f) => f.id === 'sender.free-mail')?.feature).toBeUndefined();
  });

  it("reads the mail system's own name as the help desk speaking (Đà Nẵng's \"Zimbra Upgrade\" from Iran)", () => {
    expect(ids(senderFindings('Zimbra Upgrade', 'shokri@sbu.ac.ir'))).toContain('sender.role-claim');
    expect(ids(senderFindings('Roundcube Webmail', 'noreply@mail-update.net'))).toContain('sender.role-claim');
  });
});
