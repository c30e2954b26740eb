import { describe, expect, it } from 'vitest';
import { contextFor, ids, message, policy } from '../../../tests/unit/scoring/helpers';
import type { MailLink } from '../../mail/types';
import { flaggedLinks } from '../index';
import { allLinksInternal, linkSignals } from './links';

function linkFindings(links: MailLink[], pol = policy('laocai.gov.vn'), to = 'lethic@laocai.gov.vn') {
  const msg = message({ links, to: [{ name: '', address: to }], from: { name: '', address: 'x@example.com' } });
  return linkSignals(msg, contextFor(msg, pol));
}

const link = (href: string, text = 'Bấm vào đây'): MailLink => ({ href, text });

describe('bulk mail is not a lure on its own', () => {
  it('takes the link that List-Unsubscribe declares, recipient and all, for what it is', () => {
    const unsubscribe = 'https://news.example.org/u/9f2?e=lethic@laocai.gov.vn';
    const links = [link(unsubscribe, 'Nhấn vào đây'), link('https://evil.example/login?e=lethic@laocai.gov.vn', 'Xem bản tin')];
    const msg = message({
      links,
      to: [{ name: '', address: 'lethic@laocai.gov.vn' }],
      // sent through a mailing service, so the link is not on the sender's own site
      from: { name: 'Bản tin', address: 'news@mailer.example.net' },
      headers: [{ key: 'list-unsubscribe', value: `<mailto:unsub@news.example.org>, <${unsubscribe}>` }],
    });
    const findings = linkSignals(msg, contextFor(msg));
    // the declared unsubscribe link is exempt; another link carrying the address still counts
    expect(findings.find((f) => f.id === 'link.recipient-in-url')?.evidence).toEqual(['lethic@laocai.gov.vn']);
    const onlyUnsubscribe = { ...msg, links: [links[0]!] };
    expect(linkSignals(onlyUnsubscribe, contextFor(onlyUnsubscribe))).toEqual([]);
    const withoutHeader = { ...onlyUnsubscribe, headers: [] };
    expect(ids(linkSignals(withoutHeader, contextFor(withoutHeader)))).toEqual(['link.recipient-in-url']);
  });

  it('reads a headline that holds a dotted name as a headline, not as an address', () => {
    expect(linkFindings([link('http://clickthru.online.com/Click?q=1', 'News.com: Top CIOs on the year ahead')])).toEqual([]);
    expect(linkFindings([link('http://clickthru.online.com/Click?q=2', 'ZDNet.com Shopper')])).toEqual([]);
    expect(ids(linkFindings([link('http://evil.example.com/x', 'Đăng nhập: mail.laocai.gov.vn')]))).toEqual(['link.organisation-spoof']);
  });

  it("excuses a mailing's click counter that carries ten or more of its links, but never one that shows the organisation", () => {
    const counted = Array.from({ length: 10 }, (_, i) => link(`https://t.mailer.com/c/${i}`, `www.shop${i}.com`));
    expect(ids(linkFindings(counted))).toEqual([]);
    expect(ids(linkFindings(counted.slice(0, 3)))).toEqual(['link.text-mismatch']);
    expect(ids(linkFindings([...counted, link('https://t.mailer.com/c/x', 'https://mail.laocai.gov.vn')]))).toEqual(['link.organisation-spoof']);
  });

  it("does not count the subscriber's address in an unsubscribe or preferences link", () => {
    expect(linkFindings([link('https://lists.example.org/unsubscribe?email=lethic@laocai.gov.vn', 'Hủy đăng ký')])).toEqual([]);
    expect(linkFindings([link('https://news.example.org/p?u=lethic@laocai.gov.vn', 'Unsubscribe')])).toEqual([]);
    expect(linkFindings([link('https://news.example.org/manage-subscriptions?e=lethic@laocai.gov.vn', 'Settings')])).toEqual([]);
  });

  it("does not count it in the list server's other pages beside its unsubscribe page, but does in a spammer's /fwd/ beside its /unsub/", () => {
    const imakenews = (page: string) => link(`http://www.imakenews.com/eletra/${page}.cfm?x=mediaunspun%2Clethic@laocai.gov.vn`, 'Click here');
    expect(linkFindings([imakenews('remove'), imakenews('update'), imakenews('change')])).toEqual([]);
    expect(ids(linkFindings([imakenews('update')]))).toEqual(['link.recipient-in-url']);
    const spam = [link('http://newgoffer.example/fwd/P2Q9MjI3/lethic@laocai.gov.vn', 'RÉCLAMER MON LOT'), link('http://newgoffer.example/unsub/P2Q9MjI3', 'cliquez ici')];
    expect(ids(linkFindings(spam))).toEqual(['link.recipient-in-url']);
    // an unsubscribe page at the site's root vouches for no other page of it
    expect(ids(linkFindings([link('https://evil.example/unsubscribe?e=lethic@laocai.gov.vn', 'Hủy đăng ký'), link('https://evil.example/login?e=lethic@laocai.gov.vn', 'Đăng nhập')]))).toEqual(['link.recipient-in-url']);
    // a tracker merely labelled "Unsubscribe" names no folder: the same address under another text counts
    const tracker = 'https://dm.example/trace/v1/report?mf=lethic%40laocai.gov.vn';
    expect(ids(linkFindings([link(tracker, 'Unsubscribe'), link(tracker, 'Official Website')]))).toEqual(['link.recipient-in-url']);
  });

  it("does not count it in a link to the sender's own site (a mailing's registration or tracking link)", () => {
    const webinar = message({
      links: [link('https://events.fortinet.com/webinar?email=lethic@laocai.gov.vn', 'Click here to register')],
      to: [{ name: '', address: 'lethic@laocai.gov.vn' }],
      from: { name: 'Fortinet', address: 'events@fortinet.com' },
    });
    expect(linkSignals(webinar, contextFor(webinar))).toEqual([]);
    const elsewhere = { ...webinar, from: { name: 'Fortinet', address: 'events@fortinet-mail.example' } };
    expect(ids(linkSignals(elsewhere, contextFor(elsewhere)))).toEqual(['link.recipient-in-url']);
    // one brand's two domains: Facebook writes from facebookmail.com and links facebook.com
    const facebook = message({
      links: [link('https://www.facebook.com/checkpoint/securitycheck?email=lethic@laocai.gov.vn', 'Bảo mật tài khoản')],
      to: [{ name: '', address: 'lethic@laocai.gov.vn' }],
      from: { name: 'Facebook', address: 'security@facebookmail.com' },
    });
    expect(linkSignals(facebook, contextFor(facebook))).toEqual([]);
    // a free mailbox owns no site: a Google Form pre-filled for the reader, sent from Gmail, counts
    const form = message({
      links: [link('https://docs.google.com/forms/d/e/1FAIpQL/viewform?entry.1=lethic@laocai.gov.vn', 'Xác minh')],
      to: [{ name: '', address: 'lethic@laocai.gov.vn' }],
      from: { name: 'Quản trị', address: 'quantri.laocai@gmail.com' },
    });
    expect(ids(linkSignals(form, contextFor(form)))).toContain('link.recipient-in-url');
  });

  it("takes a file platform's link in the platform's own notice for the notice, but not from a free mailbox of that provider (x@live.com and onedrive.live.com)", () => {
    const notice = (address: string, href: string) => {
      const msg = message({ links: [link(href, 'Open')], to: [{ name: '', address: 'lethic@laocai.gov.vn' }], from: { name: 'Drive', address } });
      return ids(linkSignals(msg, contextFor(msg)));
    };
    expect(notice('drive-shares-dm-noreply@google.com', 'https://docs.google.com/document/d/1AbC/edit')).toEqual([]);
    expect(notice('someone@live.com', 'https://onedrive.live.com/?cid=AbC')).toEqual(['link.file-host']);
    expect(notice('someone@example.com', 'https://docs.google.com/document/d/1AbC/edit')).toEqual(['link.file-host']);
  });

  it('still counts it in a sign-in link, whatever its path says', () => {
    expect(ids(linkFindings([link('https://evil.example/account/manage?email=lethic@laocai.gov.vn', 'Xác minh')]))).toEqual(['link.recipient-in-url']);
  });
});

describe('linkSignals', () => {
  it('flags free site builders (the Sóc Trăng weebly page)', () => {
    const findings = linkFindings([link('https://upcorss.weebly.com/')]);
    expect(findings).toEqual([{ id: 'link.free-host', category: 'link', weight: 20, evidence: ['upcorss.weebly.com'] }]);
  });

  it("flags the serverless hosts of the project's own list beside the shared ones", () => {
    expect(ids(linkFindings([link('https://southamerica-east1-loyal-skill-365616.cloudfunctions.net/novoservice2')]))).toEqual(['link.free-host']);
    expect(ids(linkFindings([link('https://bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi.ipfs.dweb.link/')]))).toEqual(['link.free-host']);
  });

  it('flags free file hosts and shorteners', () => {
    expect(ids(linkFindings([link('https://www.4shared.com/file/abc')]))).toEqual(['link.file-host']);
    expect(ids(linkFindings([link('https://bit.ly/3abcd')]))).toEqual(['link.shortener']);
    // pasted as it is, a short link hides nothing: that is how offices share a form
    expect(linkFindings([link('https://bit.ly/khaosat-snv', 'https://bit.ly/khaosat-snv')])).toEqual([]);
    expect(linkFindings([link('https://bit.ly/khaosat-snv', 'bit.ly/khaosat-snv')])).toEqual([]);
  });

  it('flags visible text naming another registrable domain than the href', () => {
    expect(ids(linkFindings([link('http://evil.example.com/login', 'https://www.google.com/')]))).toEqual(['link.text-mismatch']);
  });

  it('accepts subdomains of the shown domain', () => {
    expect(linkFindings([link('https://accounts.google.com/x', 'google.com')])).toEqual([]);
  });

  it('flags text showing the organisation domain when the href goes elsewhere', () => {
    const findings = linkFindings([link('http://evil.example.com/', 'https://mail.laocai.gov.vn')]);
    expect(ids(findings)).toEqual(['link.organisation-spoof']);
    expect(findings[0]?.evidence).toEqual(['https://mail.laocai.gov.vn → evil.example.com']);
  });

  it('flags text showing a government host when the href leaves gov.vn; between state bodies it is an ordinary mismatch', () => {
    const findings = linkFindings([link('http://f8s.co/1z8c', 'mail.gov.vn')]);
    expect(ids(findings)).toEqual(['link.government-spoof']);
    expect(findings[0]?.evidence).toEqual(['mail.gov.vn → f8s.co']);
    expect(ids(linkFindings([link('https://dichvucong.gov.vn/p/home', 'www.chinhphu.gov.vn')]))).toEqual(['link.text-mismatch']);
    // the organisation's own domain keeps its own finding
    expect(ids(linkFindings([link('http://f8s.co/1z8c', 'mail.laocai.gov.vn')]))).toEqual(['link.organisation-spoof']);
  });

  it('says nothing about links to the organisation', () => {
    expect(linkFindings([link('https://mail.laocai.gov.vn/?_task=mail', 'webmail')])).toEqual([]);
  });

  it('flags lookalike organisation domains', () => {
    expect(ids(linkFindings([link('https://mail.laocai-gov.vn/login')]))).toContain('link.lookalike-domain');
    expect(ids(linkFindings([link('https://laocai.gov.vn.secure-login.com/')]))).toContain('link.lookalike-domain');
  });

  it('flags raw IP hosts in dotted, decimal, hex and octal forms', () => {
    for (const href of ['http://192.168.10.5/login', 'http://3232235777/', 'http://0xC0A80A05/x', 'http://0300.0250.012.05/', 'http://[2001:db8::1]/']) {
      expect(ids(linkFindings([link(href)])), href).toContain('link.ip-host');
    }
  });

  it("flags a hosting company's machine name built from the server's IP address, not a site named with digits", () => {
    for (const href of ['http://168.37.167.72.host.secureserver.net/bb/', 'http://64-120-94-224.cprapid.com/4Ey', 'https://103-52-115-55.cloud.leaseweb.net/x', 'http://ec2-52-1-20-3.compute-1.amazonaws.com/']) {
      expect(ids(linkFindings([link(href)])), href).toContain('link.ip-host');
    }
    for (const href of ['https://24h.com.vn/', 'https://365-days.example.com/', 'https://1-800-flowers.com/', 'https://300.400.500.600.example.com/', 'https://2024-11-05.report.laocai.gov.vn/']) {
      expect(ids(linkFindings([link(href)])), href).not.toContain('link.ip-host');
    }
  });

  it("reads where a search engine's redirect goes, and names Bing's detour", () => {
    const bing = (target: string) => `https://www.bing.com/ck/a?!&&p=222be4b34fb3e990&ptn=3&ver=2&hsh=4&u=a1${Buffer.from(target).toString('base64url')}&ntb=1`;
    const viaBing = linkFindings([link(bing('https://linklift.space/5-signs'), '✔ Je vérifie mes droits CPF')]);
    expect(ids(viaBing)).toEqual(['link.search-redirect', 'link.suspicious-tld']);
    expect(viaBing.find((f) => f.id === 'link.search-redirect')?.evidence).toEqual(['www.bing.com → linklift.space']);
    // Google wraps the links of its own mail, which people forward: the target is judged, the detour is not a finding
    expect(ids(linkFindings([link('https://www.google.com/url?q=https://upcorss.weebly.com/&sa=D&usg=AOvVaw3g')]))).toEqual(['link.free-host']);
    expect(linkFindings([link('https://www.google.com.vn/url?q=https://vnexpress.net/tin-tuc&sa=D')])).toEqual([]);
    // to the organisation's own site, a Bing result is a Bing result; a broken target is nothing
    expect(linkFindings([link(bing('https://mail.laocai.gov.vn/'))])).toEqual([]);
    expect(linkFindings([link('https://www.bing.com/ck/a?u=a1%%%%&p=1'), link('https://www.bing.com/search?q=laocai')])).toEqual([]);
  });

  it("takes Google's redirect in Google's own mail for Google's: a Calendar invitation's links go where they say", () => {
    const msg = message({
      from: { name: 'Google Calendar', address: 'calendar-notification@google.com' },
      to: [{ name: '', address: 'lethic@laocai.gov.vn' }],
      links: [link('https://www.google.com/url?q=https://upcorss.weebly.com/&sa=D', 'upcorss.weebly.com')],
    });
    expect(linkSignals(msg, contextFor(msg))).toEqual([]);
  });

  it('takes a link text that names where the redirect goes for the truth, and one that names elsewhere for a lie', () => {
    const meeting = 'https://www.google.com/url?q=https://us02web.zoom.us/j/81234567890&sa=D&usg=AOvVaw1';
    expect(linkFindings([link(meeting, 'https://us02web.zoom.us/j/81234567890')])).toEqual([]);
    expect(ids(linkFindings([link(meeting, 'mail.laocai.gov.vn')]))).toEqual(['link.organisation-spoof']);
  });

  it("takes a sponsor's cheap-TLD or shortened link among a newsletter's dozens of sites for the newsletter's", () => {
    const sites = Array.from({ length: 30 }, (_, i) => link(`https://www.paper${i}.com/story`, `Story ${i}`));
    const newsletter = [...sites, link('https://outlook.4team.biz/', 'Sponsor'), link('https://www.provenio.ws/', 'Sponsor'), link('https://tinyurl.com/1q3i', 'http://tinyurl.com/1q3i')];
    expect(ids(linkFindings(newsletter))).toEqual([]);
    // a lure's one cheap host, or two of a dozen, still count
    expect(ids(linkFindings([link('https://mail-update.xyz/login')]))).toEqual(['link.suspicious-tld']);
    expect(ids(linkFindings([...sites.slice(0, 10), link('https://a-login.xyz/'), link('https://b-verify.top/')]))).toEqual(['link.suspicious-tld']);
  });

  it('flags punycode hosts and suspicious TLDs', () => {
    expect(ids(linkFindings([link('https://xn--lci-8na.com/')]))).toContain('link.punycode');
    expect(ids(linkFindings([link('https://mail-update.xyz/')]))).toContain('link.suspicious-tld');
  });

  it('flags the recipient address inside the URL, plain, %-encoded or base64', () => {
    expect(ids(linkFindings([link('https://evil.example/?email=lethic@laocai.gov.vn')]))).toContain('link.recipient-in-url');
    expect(ids(linkFindings([link('https://evil.example/?email=lethic%40laocai.gov.vn')]))).toContain('link.recipient-in-url');
    const base64 = btoa('lethic@laocai.gov.vn').replace(/=+$/, '');
    expect(ids(linkFindings([link(`https://evil.example/#${base64}`)]))).toContain('link.recipient-in-url');
  });

  it('applies the policy: blocked hosts flagged, trusted hosts exempt', () => {
    const pol = policy('laocai.gov.vn', { blockedLinkHosts: ['evil.example'], trustedLinkHosts: ['forms.gle', 'bit.ly'] });
    expect(ids(linkFindings([link('https://a.evil.example/')], pol))).toEqual(['policy.blocked-link']);
    expect(linkFindings([link('https://bit.ly/abc'), link('https://forms.gle/xyz')], pol)).toEqual([]);
  });

  it('flags links that run script or carry a page (javascript:, data:text/html)', () => {
    expect(ids(linkFindings([link('javascript:document.location="http://x"')]))).toEqual(['link.script-url']);
    expect(ids(linkFindings([link('data:text/html;base64,PGh0bWw+')]))).toEqual(['link.script-url']);
    expect(linkFindings([link('data:image/png;base64,iVBOR')])).toEqual([]);
  });

  it('ignores mailto:, tel:, anchors and relative links', () => {
    expect(linkFindings([link('mailto:x@gmail.com', 'hotro@laocai.gov.vn'), link('tel:0914300486'), link('#top'), link('/relative/path')])).toEqual([]);
  });

  it('reports each finding once with at most three hosts, however many links', () => {
    const links = Array.from({ length: 500 }, (_, i) => link(`https://site${i}.weebly.com/`));
    const findings = linkFindings(links);
    expect(findings).toHaveLength(1);
    expect(findings[0]?.evidence).toHaveLength(3);
  });
});

describe('addresses written out, linked nowhere', () => {
  const written = (text: string, subject = 'Thông báo', links: MailLink[] = []) => {
    const msg = message({ subject, text, links, to: [{ name: '', address: 'lethic@laocai.gov.vn' }], from: { name: '', address: 'x@example.com' } });
    return linkSignals(msg, contextFor(msg, policy('laocai.gov.vn')));
  };

  it("judges a free host's or a cheap TLD's address written for the reader to copy like a link to it", () => {
    const lure = 'Verify, and order the withdrawal of funds ->-->❗ transfer705.pages.dev/evas-dparun-sisdisf-qlogba?flexchase inob';
    const found = written(lure, `Einmal bestätigen bitte ${lure}`);
    expect(ids(found)).toEqual(['link.free-host']);
    expect(found[0]?.evidence).toEqual(['transfer705.pages.dev']);
    expect(ids(written('Xem chi tiết tại http://lovamuch.space/sexxys.'))).toEqual(['link.suspicious-tld']);
  });

  it('judges a written address that imitates a national portal (the traffic-fine SMS lures)', () => {
    const sms = 'CSGT VN: Hồ sơ vi phạm giao thông được lưu trữ dưới tên của bạn. Để biết thêm thông tin, vui lòng truy cập website: dichvucongs.top/vn';
    expect(ids(written(sms))).toEqual(['link.portal-lookalike', 'link.suspicious-tld']);
    // the real portal, written out
    expect(written('Nộp hồ sơ trực tuyến tại https://dichvucong.gov.vn/p/home/dvc-trang-chu.html')).toEqual([]);
  });

  it("flags a link or written address that spells gov.vn outside gov.vn, as for the portals", () => {
    expect(ids(linkFindings([link('https://csgt-gov.vn/tra-cuu-phat-nguoi')]))).toEqual(['link.portal-lookalike']);
    expect(ids(linkFindings([link('https://thongbao.gov.vn.secure-login.top/')]))).toEqual(['link.portal-lookalike', 'link.suspicious-tld']);
    expect(ids(written('Tra cứu phạt nguội tại csgt-gov.vn/tra-cuu trước ngày 15/12.'))).toEqual(['link.portal-lookalike']);
    // a state body's own site, under gov.vn, is none
    expect(linkFindings([link('https://csgt.bocongan.gov.vn/tra-cuu')])).toEqual([]);
  });

  it("leaves out a warning's quoted lure address that the mail client made a link, but still flags it for the click guard", () => {
    // vietnamnet.vn, 7 August 2025 (the traffic police's warning), quoting the SMS whole
    const quoted =
      'Hôm nay (7/8) Phòng CSGT, Công an TPHCM phát đi cảnh báo về thủ đoạn lừa đảo mới liên quan nộp phạt vi phạm giao thông qua Cổng Dịch vụ công Quốc gia giả mạo. ' +
      'Các đối tượng sử dụng số điện thoại ẩn danh đặt tên “18001096” mạo danh lực lượng CSGT để nhắn tin đến người dân với nội dung: “Cảnh sát giao thông Việt Nam: Hiện tại, bạn đang có một khoản tiền phạt chưa thanh toán trong tài khoản. Vui lòng thanh toán khoản phí này càng sớm càng tốt để tránh những bất tiện không đáng có. Để biết thêm thông tin, vui lòng truy cập: https://dichvucongs.top/vn”.';
    const autoLinked = { href: 'https://dichvucongs.top/vn', text: 'https://dichvucongs.top/vn' };
    expect(written(quoted, 'Cảnh báo', [autoLinked])).toEqual([]);
    const msg = message({ text: quoted, links: [autoLinked], to: [{ name: '', address: 'lethic@laocai.gov.vn' }] });
    expect(flaggedLinks(msg, policy('laocai.gov.vn')).map((l) => l.findingIds)).toEqual([['link.portal-lookalike', 'link.suspicious-tld']]);
    // a lure wrapped in warning words that quotes its own address alone still counts it
    const wrapped = 'Cảnh báo lừa đảo: phát hiện đăng nhập giả mạo vào hộp thư của bạn. Tuyệt đối không cung cấp mật khẩu cho người khác. Vui lòng xác minh tại: “https://dichvucongs.top/vn”.';
    expect(ids(written(wrapped, 'Cảnh báo', [autoLinked]))).toEqual(['link.portal-lookalike', 'link.suspicious-tld']);
    // the same SMS on its own (no warning around it) is the lure, link and all
    const sms = quoted.slice(quoted.indexOf('“Cảnh sát') + 1, -2);
    expect(ids(written(sms, 'Thông báo', [autoLinked]))).toEqual(['link.portal-lookalike', 'link.suspicious-tld']);
  });

  it("reads a written address in a warning as the lure's, shown and not offered; a link there still counts", () => {
    const warning = 'Cảnh giác chiêu lừa đảo giả mạo CSGT: tin nhắn yêu cầu truy cập dichvucongs.top/vn để nộp phạt. Người dân tuyệt đối không truy cập đường link lạ.';
    expect(written(warning)).toEqual([]);
    expect(ids(written(warning, 'Cảnh báo', [{ href: 'https://dichvucongs.top/vn', text: 'Xem tại đây' }]))).toEqual(['link.portal-lookalike', 'link.suspicious-tld']);
  });

  it('leaves names without a path, addresses, shorteners, own links and linked hosts alone', () => {
    // a name is not a place to go; a mail address is not a site
    expect(written('Trang chủ: upcorss.weebly.com — liên hệ hotro@site.weebly.com')).toEqual([]);
    // a short link written out shows itself, as a pasted one does
    expect(written('Khảo sát tại bit.ly/khaosat-snv trước ngày 15/12.')).toEqual([]);
    expect(written('Đăng nhập mail.laocai.gov.vn/owa để đổi mật khẩu.')).toEqual([]);
    // the message links that host anyway (or shows it as a link's text): the link is judged
    const shown = { href: 'https://files.example.com/x', text: 'transfer705.pages.dev/evas' };
    expect(ids(written('Mở transfer705.pages.dev/evas để xem.', 'Tài liệu', [shown]))).toEqual(['link.text-mismatch']);
    const own = { href: 'https://docs.laocai.gov.vn/x', text: 'Tài liệu' };
    expect(written('Bản sao tại docs.laocai.gov.vn/x và bit.ly/tl-x', 'Tài liệu', [own])).toEqual([]);
  });
});

describe('allLinksInternal', () => {
  it('is true for no links and organisation links only', () => {
    const pol = policy('laocai.gov.vn');
    const inside = message({ links: [link('https://mail.laocai.gov.vn/'), link('mailto:a@b.c')] });
    expect(allLinksInternal(inside, contextFor(inside, pol))).toBe(true);
    const outside = message({ links: [link('https://mail.laocai.gov.vn/'), link('https://x.weebly.com/')] });
    expect(allLinksInternal(outside, contextFor(outside, pol))).toBe(false);
  });
});

describe('a trusted name before the @ of a link', () => {
  it('flags https://www.google.com.br-…@host/: the browser drops everything before the @', () => {
    const findings = linkFindings([link('https://www.google.com.br-pt-detrancnh3595677635956776@hajuhahasi.in.ua/?email=x', 'Pagar Agora')]);
    expect(ids(findings)).toContain('link.userinfo');
    expect(findings.find((f) => f.id === 'link.userinfo')?.evidence[0]).toContain('google.com.br');
  });

  it('leaves an @ in the path or the query alone', () => {
    expect(ids(linkFindings([link('https://lists.example.org/archive/user@example.org/thread?from=a@b.org', 'Archive')]))).not.toContain('link.userinfo');
  });
});
