/**
 * Triage of the help desk's reports, on reports built from the corpus (tests/lab/triage-reports.ts):
 * unwrapping each way a report arrives, counting each report and each original once, campaigns,
 * the policy fragment and what it must never block, and the HTML report's escaping.
 */
import { join } from 'node:path';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { validateSettings } from '../../lib/policy/validate';
import { groupCampaigns } from '../../lib/triage/campaigns';
import { normalisedRaw, originalKey } from '../../lib/triage/dedupe';
import { buildFragment, mergeFragment } from '../../lib/triage/fragment';
import { escapeHtml, renderHtmlReport } from '../../lib/triage/html';
import { TriageRun } from '../../lib/triage/ingest';
import { classifyLinkHost, classifySender } from '../../lib/triage/hosts';
import { progressBar, renderProgress } from '../../lib/triage/progress';
import { estimatedJaccard, textSignature } from '../../lib/triage/similarity';
import { emptyState, type OriginalRecord, type TriageState } from '../../lib/triage/types';
import { forwardedBlock, unwrapReport } from '../../lib/triage/unwrap';
import { parseRawMessage } from '../../lib/mail/parse';
import { attachedReport, inlineForwardReport, nestedReport, readEml, withSender } from '../lab/triage-reports';

const lures = join(import.meta.dirname, '../corpus/lures');
const benign = join(import.meta.dirname, '../corpus/benign');
const lure = (name: string) => readEml(join(lures, `${name}.eml`));
const soctrang = lure('soctrang-postmaster-quota');
const now = new Date('2025-11-20T00:00:00Z');

function run(state: TriageState = emptyState(), organisationDomains: string[] = []) {
  return new TriageRun(state, { locale: 'vi', organisationDomains, reportPrefixes: [], now });
}

async function ingest(reports: Uint8Array[], triage = run()) {
  for (const [i, raw] of reports.entries()) await triage.add({ location: `report-${i + 1}.eml`, raw });
  return triage;
}

describe('unwrapReport', () => {
  it('takes the original out of a message/rfc822 attachment, byte for byte readable', async () => {
    const report = await unwrapReport(await attachedReport(soctrang, { reporter: 'lan@laichau.gov.vn' }));
    expect(report.reporter).toBe('lan@laichau.gov.vn');
    expect(report.recipients).toEqual(['hotro@laichau.gov.vn']);
    expect(report.subject).toBe('[Khiên Thư] Thư nghi giả mạo: Đã vượt quá hạn ngạch');
    expect(report.originals).toHaveLength(1);
    expect(report.originals[0]!.how).toBe('attached');
    const original = await parseRawMessage(report.originals[0]!.raw!);
    expect(original.from?.address).toBe('fem@fundacionhomi.org.co');
    expect(original.replyTo.map((a) => a.address)).toEqual(['mssmadar44@gmail.com']);
  });

  it('takes an .eml sent as application/octet-stream in base64', async () => {
    const report = await unwrapReport(await attachedReport(soctrang, { attachAs: 'application/octet-stream' }));
    expect(report.originals.map((o) => o.how)).toEqual(['attached']);
    expect((await parseRawMessage(report.originals[0]!.raw!)).subject).toBe('Đã vượt quá hạn ngạch');
  });

  it('looks one level deeper when a report was forwarded on as an attachment', async () => {
    const report = await unwrapReport(await nestedReport(lure('laocai-xacminh-taikhoan'), { forwarder: 'truongphong@laichau.gov.vn' }));
    expect(report.reporter).toBe('truongphong@laichau.gov.vn');
    expect(report.originals.map((o) => o.how)).toEqual(['nested']);
    expect((await parseRawMessage(report.originals[0]!.raw!)).from?.address).toBe('hotro.quantri.mail@gmail.com');
  });

  it.each(['gmail', 'zimbra-vi'] as const)('reads the sender and subject of an inline forward (%s)', async (style) => {
    const report = await unwrapReport(await inlineForwardReport(lure('thainguyen-bophantrogiup-baotri'), { style }));
    expect(report.originals).toHaveLength(1);
    const original = report.originals[0]!;
    expect(original.how).toBe('inline-forward');
    expect(original.message?.from?.address).toBe('hienlt_tanyen@bacgiang.gov.vn');
    expect(original.message?.subject).toBe('Bảo trì khẩn cấp');
    expect(original.message?.text).toContain('48 giờ');
    expect(original.message?.headers).toEqual([]);
  });

  it('scores the report itself when nothing is forwarded at all', async () => {
    const raw = new TextEncoder().encode('From: lan@laichau.gov.vn\r\nTo: hotro@laichau.gov.vn\r\nSubject: Fwd: Hộp thư đầy\r\n\r\nHộp thư của bạn đã vượt quá hạn ngạch, bấm vào đây.\r\n');
    const report = await unwrapReport(raw);
    expect(report.originals[0]!.how).toBe('inline-forward');
    expect(report.originals[0]!.message?.subject).toBe('Hộp thư đầy');
  });

  it('throws for a report that is not a mail', async () => {
    await expect(unwrapReport(new Uint8Array([0, 1, 2, 3, 0xff]))).rejects.toThrow(/not an e-mail message/);
  });

  it('finds forwarded header blocks in English and Vietnamese, and no block in ordinary text', () => {
    expect(forwardedBlock('-----Original Message-----\nFrom: Admin [mailto:admin@evil.example]\nSent: Monday\nSubject: Verify\n\nbody')).toMatchObject({
      from: { address: 'admin@evil.example', name: 'Admin' },
      subject: 'Verify',
      body: 'body',
    });
    expect(forwardedBlock('Từ: "Quản trị" <qt@evil.example>\nChủ đề: Xác minh\nbody')?.from?.address).toBe('qt@evil.example');
    expect(forwardedBlock('Dear colleague,\nFrom: me\nThanks')).toBeUndefined();
  });
});

describe('dedupe', () => {
  it('counts a lure reported by three people once, with three reports and three reporters', async () => {
    const triage = await ingest([
      await attachedReport(soctrang, { reporter: 'a@laichau.gov.vn' }),
      await attachedReport(soctrang, { reporter: 'b@laichau.gov.vn' }),
      await nestedReport(soctrang, { reporter: 'c@laichau.gov.vn' }),
    ]);
    expect(triage.state.originals).toHaveLength(1);
    expect(triage.state.originals[0]!.reports.map((r) => r.reporter).sort()).toEqual(['a@laichau.gov.vn', 'b@laichau.gov.vn', 'truongphong@laichau.gov.vn']);
    expect(triage.tally).toMatchObject({ newReports: 3, newOriginals: 1, repeatedOriginals: 2 });
  });

  it('does not count a report again on the next run, nor twice in one source', async () => {
    const one = await attachedReport(soctrang);
    const first = await ingest([one, one]);
    expect(first.tally).toMatchObject({ newReports: 1, alreadySeen: 1 });
    const state = JSON.parse(JSON.stringify(first.state)) as TriageState;
    const second = await ingest([one, await attachedReport(lure('laocai-xacminh-taikhoan'))], run(state));
    expect(second.tally).toMatchObject({ read: 2, newReports: 1, alreadySeen: 1, newOriginals: 1 });
    expect(second.state.originals.map((o) => o.reports.length)).toEqual([1, 1]);
    expect(second.isSeenMessageId('<nobody@x>')).toBe(false);
  });

  it('keys an original without Message-ID by its bytes, ignoring what each delivery adds', async () => {
    const base = 'From: a@evil.example\r\nSubject: Verify\r\n\r\nBody line   \r\n';
    const copyA = new TextEncoder().encode(`Received: from mx1 by mail.laichau.gov.vn\r\nDelivered-To: lan@laichau.gov.vn\r\n${base}`);
    const copyB = new TextEncoder().encode(`Received: from mx2 by mail.laichau.gov.vn\r\nDelivered-To: hung@laichau.gov.vn\r\n${base.replace(/\r\n/g, '\n')}`);
    const keyA = originalKey(copyA, await parseRawMessage(copyA));
    expect(keyA).toMatch(/^sha256:/);
    expect(originalKey(copyB, await parseRawMessage(copyB))).toBe(keyA);
    expect(normalisedRaw(copyA)).not.toContain('Received');
  });

  it('lists a broken report and a broken attached original with their errors, and goes on', async () => {
    const triage = await ingest([
      new TextEncoder().encode('\u0000\u0001 binary'),
      await attachedReport(readEml(join(import.meta.dirname, '../corpus/broken/binary-garbage.eml'))),
      await attachedReport(soctrang),
    ]);
    expect(triage.state.broken.map((b) => b.location)).toEqual(['report-1.eml', 'report-2.eml → 1']);
    expect(triage.state.broken.every((b) => /not an e-mail message/.test(b.error))).toBe(true);
    expect(triage.state.originals).toHaveLength(1);
    expect(triage.tally.broken).toBe(2);
  });

  it('keeps a report from before --since for a later run instead of marking it seen', async () => {
    const old = await attachedReport(soctrang, { date: new Date('2025-01-02T00:00:00Z') });
    const triage = new TriageRun(emptyState(), { locale: 'vi', organisationDomains: [], reportPrefixes: [], now, since: new Date('2025-06-01T00:00:00Z') });
    await triage.add({ location: 'old.eml', raw: old });
    expect(triage.tally).toMatchObject({ beforeSince: 1, newReports: 0 });
    expect(triage.state.reports).toEqual([]);
  });
});

function original(overrides: Partial<OriginalRecord>): OriginalRecord {
  return {
    key: `k-${Math.random()}`,
    how: 'attached',
    subject: 's',
    from: '',
    fromName: '',
    replyTo: [],
    level: 'danger',
    score: 90,
    reasons: [],
    links: [],
    signature: [],
    organisation: 'laichau.gov.vn',
    reports: [{ key: `r-${Math.random()}`, reporter: 'a@laichau.gov.vn', at: '2025-11-17T02:00:00.000Z', location: 'x' }],
    ...overrides,
  };
}

describe('campaigns', () => {
  it('joins originals through a sender domain, a link host, an address or near-identical text', () => {
    const text = 'Hộp thư của bạn đã vượt quá giới hạn lưu trữ 5 GB, bạn không thể gửi hoặc nhận thư mới cho đến khi xác thực lại hộp thư của mình tại đây';
    const campaigns = groupCampaigns([
      original({ key: 'a', from: 'x@evil-one.example', links: [{ host: 'upcorss.weebly.com', findings: ['link.free-host'] }] }),
      original({ key: 'b', from: 'y@evil-two.example', links: [{ host: 'upcorss.weebly.com', findings: ['link.free-host'] }] }),
      original({ key: 'c', from: 'z@evil-two.example' }),
      original({ key: 'd', from: 'q@other.example', replyTo: ['mssmadar44@gmail.com'] }),
      original({ key: 'e', from: 'mssmadar44@gmail.com' }),
      original({ key: 'f', from: 'one@third.example', signature: textSignature('Vượt quá hạn ngạch', `${text} lan@laichau.gov.vn`) }),
      original({ key: 'g', from: 'two@fourth.example', signature: textSignature('Vuot qua han ngach', `${text} hung@laichau.gov.vn 2`) }),
    ]);
    const groups = campaigns.map((c) => c.originals.map((o) => o.key).sort().join(''));
    expect(groups.sort()).toEqual(['abc', 'de', 'fg']);
    const byKeys = new Map(campaigns.map((c) => [c.originals.map((o) => o.key).sort().join(''), c]));
    expect(byKeys.get('abc')!.joinedBy).toEqual(['link-host', 'sender-domain']);
    expect(byKeys.get('de')!.joinedBy).toEqual(['address']);
    expect(byKeys.get('fg')!.joinedBy).toEqual(['text']);
  });

  it('never joins through free mail, shorteners, platforms, the organisation or .gov.vn domains', () => {
    const campaigns = groupCampaigns([
      original({ key: 'a', from: 'one@gmail.com', links: [{ host: 'bit.ly', findings: ['link.shortener'] }, { host: 'docs.google.com', findings: [] }] }),
      original({ key: 'b', from: 'two@gmail.com', links: [{ host: 'bit.ly', findings: ['link.shortener'] }, { host: 'docs.google.com', findings: [] }] }),
      original({ key: 'c', from: 'hcsn_stc@bacgiang.gov.vn', links: [{ host: 'mail.laichau.gov.vn', findings: [] }] }),
      original({ key: 'd', from: 'hienlt_tanyen@bacgiang.gov.vn', links: [{ host: 'mail.laichau.gov.vn', findings: [] }] }),
      original({ key: 'e', from: 'lan@laichau.gov.vn' }),
      original({ key: 'f', from: 'hung@laichau.gov.vn' }),
    ]);
    expect(campaigns).toHaveLength(6);
  });

  it('orders campaigns by reports and numbers them', () => {
    const many = original({ key: 'm', from: 'a@x.example' });
    many.reports.push({ ...many.reports[0]!, key: 'r2', reporter: 'b@laichau.gov.vn' });
    const campaigns = groupCampaigns([original({ key: 'o', from: 'a@y.example' }), many]);
    expect(campaigns.map((c) => [c.id, c.originals[0]!.key, c.reports, c.reporters.length])).toEqual([
      ['C1', 'm', 2, 2],
      ['C2', 'o', 1, 1],
    ]);
  });

  it('estimates text similarity: the same lure is near 1, two different lures near 0', () => {
    const a = textSignature('Vượt quá hạn ngạch', 'Hộp thư của bạn đã vượt quá giới hạn lưu trữ, hãy xác minh tài khoản ngay trong 48 giờ nếu không sẽ bị khóa vĩnh viễn');
    const b = textSignature('Lịch họp', 'Kính mời các đồng chí dự họp giao ban tuần tại phòng họp số 2 của Sở vào sáng thứ hai lúc 8 giờ');
    expect(estimatedJaccard(a, a)).toBe(1);
    expect(estimatedJaccard(a, b)).toBeLessThan(0.2);
    expect(textSignature('Hi', 'short')).toEqual([]);
  });
});

describe('policy fragment', () => {
  it('blocks lure senders and flagged link hosts, and never free mail, .gov.vn, the organisation, shorteners or platforms', () => {
    const result = buildFragment(
      [
        original({ from: 'fem@mail.fundacionhomi.org.co', links: [{ host: 'upcorss.weebly.com', findings: ['link.free-host'] }, { host: 'www.efa-project.org', findings: [] }] }),
        original({ from: 'mssmadar44@gmail.com', links: [{ host: 'bit.ly', findings: ['link.shortener'] }, { host: 'docs.google.com', findings: ['link.file-host'] }] }),
        original({ from: 'hcsn_stc@bacgiang.gov.vn', links: [{ host: 'login.mailbox-quota.xyz', findings: ['link.suspicious-tld'] }] }),
        original({ from: 'lan@laichau.gov.vn', links: [{ host: 'mail.laichau.gov.vn', findings: [] }] }),
        original({ from: 'news@safe-sender.example', level: 'safe', links: [{ host: 'tracker.safe-sender.example', findings: ['link.recipient-in-url'] }] }),
        original({ from: 'x@203.0.113.9', links: [{ host: '203.0.113.9', findings: ['link.ip-host'] }] }),
        original({ from: 'y@webmail-center.click', links: [{ host: 'portal.webmail-center.click', findings: [] }] }),
      ],
      { minLevel: 'caution', organisationDomains: [] },
    );
    expect(result.fragment).toEqual({
      blockedSenderDomains: ['fundacionhomi.org.co', 'webmail-center.click'],
      // the unflagged link to the sender's own blocked domain is blocked; the unflagged vendor link is not
      blockedLinkHosts: ['mailbox-quota.xyz', 'upcorss.weebly.com', 'webmail-center.click'],
    });
    const why = Object.fromEntries([...result.senders.map((r) => [r.domain, r.status]), ...result.linkHosts.map((r) => [r.host, r.status])]);
    expect(why).toMatchObject({
      'gmail.com': { notBlocked: 'free-mail' },
      'bacgiang.gov.vn': { notBlocked: 'government' },
      'laichau.gov.vn': { notBlocked: 'organisation' },
      'safe-sender.example': { notBlocked: 'below-threshold' },
      '203.0.113.9': { notBlocked: 'not-a-host' },
      'bit.ly': { notBlocked: 'shortener' },
      'docs.google.com': { notBlocked: 'platform' },
      'www.efa-project.org': { notBlocked: 'not-flagged' },
      'mail.laichau.gov.vn': { notBlocked: 'organisation' },
      'tracker.safe-sender.example': { notBlocked: 'below-threshold' },
    });
    expect(result.senders.find((r) => r.domain === 'bacgiang.gov.vn')?.addresses).toEqual(['hcsn_stc@bacgiang.gov.vn']);
    const checked = validateSettings(result.fragment, 'managed');
    expect(checked.issues).toEqual([]);
    expect(checked.settings).toEqual(result.fragment);
  });

  it('blocks only from danger when asked', () => {
    const records = [original({ from: 'a@caution-only.example', level: 'caution' }), original({ from: 'b@danger.example' })];
    expect(buildFragment(records, { minLevel: 'danger', organisationDomains: [] }).fragment.blockedSenderDomains).toEqual(['danger.example']);
    expect(buildFragment(records, { minLevel: 'caution', organisationDomains: [] }).fragment.blockedSenderDomains).toEqual(['caution-only.example', 'danger.example']);
  });

  it('treats the domains named with --domain as the organisation', () => {
    expect(classifySender('it@partner-agency.example', ['partner-agency.example'])).toEqual({ notBlocked: 'organisation' });
    expect(classifyLinkHost('mail-laichau-capnhat.web.app', [])).toEqual({ block: 'mail-laichau-capnhat.web.app' });
    expect(classifyLinkHost('xacminh-taikhoan.wixsite.com', [])).toEqual({ block: 'xacminh-taikhoan.wixsite.com' });
    expect(classifyLinkHost('weebly.com', [])).toEqual({ notBlocked: 'platform' });
  });

  it('merges into flat settings and into a Chromium policy file without losing or repeating entries', () => {
    const fragment = { blockedSenderDomains: ['evil.example'], blockedLinkHosts: ['x.weebly.com'] };
    expect(mergeFragment({ hotlines: ['1'], blockedSenderDomains: ['old.example', 'evil.example'] }, fragment, 'id')).toEqual({
      hotlines: ['1'],
      blockedSenderDomains: ['old.example', 'evil.example'],
      blockedLinkHosts: ['x.weebly.com'],
    });
    const file = { '3rdparty': { extensions: { id: { hotlines: ['1'] }, other: { a: 1 } } } };
    expect(mergeFragment(file, fragment, 'id')).toEqual({
      '3rdparty': { extensions: { id: { hotlines: ['1'], ...fragment }, other: { a: 1 } } },
    });
  });
});

function walk(node: ChildNode, visit: (element: Element) => void): void {
  if ('attribs' in node) visit(node as Element);
  if ('children' in node) for (const child of node.children) walk(child, visit);
}

describe('HTML report', () => {
  const hostile = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">';

  async function report() {
    const base = readEml(join(import.meta.dirname, '../e2e/mails/html-payload-lure.eml')).toString('latin1');
    const withSubject = Buffer.from(base.replace(/^Subject: .*(?:\r?\n[ \t].*)*$/m, `Subject: ${hostile}`), 'latin1');
    const payload = withSender(withSubject, `"${hostile}" <admin@mailer-notice.com>`, '<payload@mailer-notice.com>');
    const triage = await ingest([await attachedReport(payload, { reporter: 'lan@laichau.gov.vn' }), new TextEncoder().encode(`${hostile}\u0000`)]);
    const campaigns = groupCampaigns(triage.state.originals);
    const fragment = buildFragment(triage.state.originals, { minLevel: 'caution', organisationDomains: [] });
    return renderHtmlReport({ locale: 'vi', generatedAt: now, source: `/reports/${hostile}`, state: triage.state, campaigns, fragment, tally: triage.tally });
  }

  it('renders attacker-written subjects, names and errors as inert text', async () => {
    const html = await report();
    const document = parseDocument(html);
    const tags: string[] = [];
    const handlers: string[] = [];
    const urls: string[] = [];
    walk(document as unknown as ChildNode, (element) => {
      tags.push(element.name);
      for (const [name, value] of Object.entries(element.attribs)) {
        if (name.startsWith('on')) handlers.push(name);
        if (name === 'src' || name === 'href') urls.push(value);
      }
    });
    expect(tags).not.toContain('script');
    expect(tags).not.toContain('img');
    expect(handlers).toEqual([]);
    expect(urls).toEqual([]);
    expect(html).toContain(escapeHtml('<script>window.pwned=1</script>'));
    expect(html).toContain('Content-Security-Policy');
    expect(html).toMatch(/default-src 'none'/);
  });

  it('is in Vietnamese by default with plots, tables and the fragment', async () => {
    const html = await report();
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('Chiến dịch');
    expect(html).toContain('Số thư báo cáo theo ngày');
    expect((html.match(/<svg /g) ?? []).length).toBe(2);
    expect(html).toContain('upcorss.weebly.com');
    expect(html).toContain('mailer-notice.com');
    expect(html).toContain('Thư không đọc được');
    expect(html).toContain('not an e-mail message');
  });

  it('escapes every character that matters in text and attributes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\u0000`)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp; ');
  });
});

describe('whole corpus', () => {
  it('blocks the lure domains of the corpus and none of the provinces’ own letters', async () => {
    const { readdirSync } = await import('node:fs');
    const reports: Uint8Array[] = [];
    for (const name of readdirSync(lures)) reports.push(await attachedReport(readEml(join(lures, name))));
    for (const name of readdirSync(benign)) reports.push(await attachedReport(readEml(join(benign, name))));
    const triage = await ingest(reports, run(emptyState(), ['laichau.gov.vn']));
    const { fragment } = buildFragment(triage.state.originals, { minLevel: 'caution', organisationDomains: ['laichau.gov.vn'] });
    expect(fragment.blockedSenderDomains).toEqual(
      expect.arrayContaining(['fundacionhomi.org.co', 'dls.gov.ua', 'mailbox-quota.xyz', 'webmail-center.click', 'mail-helpdesk.ru']),
    );
    expect(fragment.blockedSenderDomains.some((d) => d.endsWith('.gov.vn') || d === 'gmail.com' || d === 'baochinhphu.vn')).toBe(false);
    expect(fragment.blockedLinkHosts).toEqual(expect.arrayContaining(['upcorss.weebly.com', 'xacminh-taikhoan.wixsite.com', 'hopthu-laichau.glitch.me']));
    expect(fragment.blockedLinkHosts.some((h) => h.endsWith('gov.vn') || h === 'weebly.com' || h === 'baochinhphu.vn')).toBe(false);
    expect(validateSettings(fragment, 'managed').issues).toEqual([]);
  });
});

describe('progress bar', () => {
  it('renders the bar, the count, the percentage and the time left', () => {
    expect(renderProgress({ done: 30, total: 120, elapsedMs: 3000, columns: 60 })).toBe(`[${'█'.repeat(10)}${'░'.repeat(30)}] 30/120  25%  ~9s`);
    expect(renderProgress({ done: 120, total: 120, elapsedMs: 3000 })).toMatch(/^\[█+\] 120\/120 100%$/);
    expect(renderProgress({ done: 0, total: 0, elapsedMs: 0 })).toMatch(/^\[░+\] 0\/0   0%$/);
  });

  it('draws only on a terminal, only for long runs, and at most ten times a second', () => {
    const written: string[] = [];
    let clock = 0;
    const stream = { isTTY: true, columns: 80, write: (s: string) => written.push(s) };
    const bar = progressBar(stream, 200, { now: () => clock });
    for (let i = 1; i <= 200; i++) {
      clock += 1; // 1 ms per message
      bar.update(i);
    }
    bar.finish();
    // the first update, one every 100 ms, the last, and the finish
    expect(written.length).toBeLessThanOrEqual(6);
    expect(written.at(-2)).toContain('200/200');
    expect(written.at(-1)).toBe('\n');

    const quiet: string[] = [];
    progressBar({ isTTY: false, write: (s: string) => quiet.push(s) }, 500).finish();
    progressBar({ isTTY: true, write: (s: string) => quiet.push(s) }, 50).finish();
    progressBar({ isTTY: true, write: (s: string) => quiet.push(s) }, 500, { enabled: false }).finish();
    expect(quiet).toEqual([]);
  });
});
