/**
 * Help-desk triage, end to end: reports delivered to the help desk's mailbox on the lab's real
 * Dovecot are triaged over IMAP by the real command; its policy fragment, written into a real
 * Chromium policy file, makes the extension in a real Roundcube flag a new message from a blocked
 * domain — a message that scores safe without the block.
 *
 * The policy file is machine-wide (tests/lab/managed-policy.ts): it is removed in afterAll, when
 * setup fails, and when the process exits.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRawMessage } from '../../lib/mail/parse';
import { policyForOrganisation } from '../../lib/policy/defaults';
import { validateSettings } from '../../lib/policy/validate';
import { score } from '../../lib/scoring/index';
import type { TriageSummary } from '../../lib/triage/run';
import { launchBrowser, type TestBrowser } from '../lab/browser';
import { installManagedPolicy, type ManagedPolicyFile } from '../lab/managed-policy';
import { loginToRoundcube, openRoundcubeMessage, waitForRoundcubeInbox } from '../lab/roundcube-page';
import { attachedReport, inlineForwardReport, nestedReport, readEml } from '../lab/triage-reports';
import { startLab, waitFor, type WebmailLab } from '../lab/webmail-lab';
import { managedStorage, verdictOf } from '../lab/extension';

const root = join(import.meta.dirname, '../..');
const host = 'mail.laichau.gov.vn';
const lures = join(root, 'tests/corpus/lures');
const helpDeskPassword = 'hotro-mat-khau-thu-nghiem';
const newSubject = 'Lịch công tác tuần sau';

/** A new, ordinary-looking message from the domain the triage blocks: no lure words, no links. */
const fromBlockedDomain = [
  'From: "Nguyen Van Binh" <binh.nguyen@fundacionhomi.org.co>',
  'To: canbo@laichau.gov.vn',
  `Subject: =?UTF-8?B?${Buffer.from(newSubject).toString('base64')}?=`,
  'Date: Thu, 20 Nov 2025 08:00:00 +0700',
  'Message-ID: <lich-cong-tac-20251120@fundacionhomi.org.co>',
  'MIME-Version: 1.0',
  'Content-Type: text/plain; charset=UTF-8',
  'Content-Transfer-Encoding: 8bit',
  '',
  'Kính gửi anh chị,',
  '',
  'Xin gửi lịch công tác tuần sau để anh chị tiện sắp xếp.',
  '',
  'Trân trọng,',
  'Bình',
  '',
].join('\r\n');

function runTriage(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/triage.ts', ...args], {
      cwd: root,
      env: { ...process.env, KHIENTHU_IMAP_PASSWORD: helpDeskPassword },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('help-desk triage over IMAP, and its fragment in the browser', () => {
  let dir: string;
  let lab: WebmailLab | undefined;
  let browser: TestBrowser | undefined;
  let policyFile: ManagedPolicyFile | undefined;
  let page: Page;
  let summary: TriageSummary;
  let imapUrl: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'khienthu-triage-e2e-'));
    const write = (name: string, content: Buffer | string) => {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    };
    const soctrang = readEml(join(lures, 'soctrang-postmaster-quota.eml'));
    const reports = [
      write('1-lan.eml', await attachedReport(soctrang, { reporter: 'lan@laichau.gov.vn' })),
      write('2-hung.eml', await attachedReport(soctrang, { reporter: 'hung@laichau.gov.vn' })),
      write('3-dls.eml', await nestedReport(readEml(join(lures, 'laichau-dls-gov-ua-capnhat.eml')), { reporter: 'mai@laichau.gov.vn' })),
      write('4-inline.eml', await inlineForwardReport(readEml(join(lures, 'quota-zero-width.eml')), { reporter: 'tuan@laichau.gov.vn', style: 'zimbra-vi' })),
      write('5-broken.eml', 'this is not a mail at all\r\n'),
    ];
    const newMessage = write('new-from-blocked-domain.eml', fromBlockedDomain);
    lab = await startLab({ domain: 'laichau.gov.vn', extraUsers: { hotro: helpDeskPassword }, messages: [newMessage] });
    for (const report of reports) lab.deliverTo('hotro', report);
    // the same report twice in the mailbox (a user pressed the button twice): one report
    lab.deliverTo('hotro', reports[0]!);
    imapUrl = `imap://hotro@127.0.0.1:${lab.imapPort}/INBOX`;
  });

  afterAll(async () => {
    try {
      await browser?.close();
      await lab?.stop();
    } finally {
      policyFile?.remove();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('triages the reports in the help desk mailbox over IMAP', async () => {
    const run = await runTriage(['--json', '--no-progress', '--out', join(dir, 'out'), imapUrl]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    summary = JSON.parse(run.stdout) as TriageSummary;
    expect(summary.kind).toBe('imap');
    expect(summary.source).toBe(imapUrl);
    expect(summary.run).toMatchObject({ read: 6, newReports: 4, alreadySeen: 1, broken: 1, newOriginals: 3, repeatedOriginals: 1 });
    expect(summary.broken).toEqual([{ location: expect.stringMatching(/^INBOX UID \d+$/), error: expect.stringMatching(/not an e-mail message/) }]);
    const soctrang = summary.campaigns.find((c) => c.senders.includes('fem@fundacionhomi.org.co'));
    expect(soctrang).toMatchObject({ level: 'danger', originals: 1, reports: 2, reporters: 2 });
    expect(summary.fragment).toEqual({
      blockedSenderDomains: ['dls.gov.ua', 'fundacionhomi.org.co', 'hethong-thudientu.top'],
      blockedLinkHosts: ['hopthu-laichau.glitch.me', 'mail-laichau-capnhat.web.app', 'upcorss.weebly.com'],
    });
    expect(validateSettings(summary.fragment, 'managed').issues).toEqual([]);
  });

  it('does not count the same reports again on the next run', async () => {
    const run = await runTriage(['--json', '--no-progress', '--out', join(dir, 'out'), imapUrl]);
    expect(run.status).toBe(0);
    const again = JSON.parse(run.stdout) as TriageSummary;
    // the reports with a Message-ID are skipped before their source is downloaded; the broken one is read and known
    expect(again.run).toMatchObject({ newReports: 0, broken: 0, newOriginals: 0 });
    expect(again.run.alreadySeen).toBe(6);
    expect(again.fragment).toEqual(summary.fragment);
    expect(again.campaigns.find((c) => c.senders.includes('fem@fundacionhomi.org.co'))?.reports).toBe(2);
  });

  it('makes the extension flag a new message from a blocked domain, through a real Chromium policy file', async () => {
    // without the block the message is safe: the flag comes from the fragment alone
    const message = await parseRawMessage(fromBlockedDomain);
    expect(score(message, policyForOrganisation('laichau.gov.vn')).level).toBe('safe');

    policyFile = await installManagedPolicy({ ...summary.fragment, webmailHosts: [host] });
    browser = await launchBrowser({ hosts: [host] });
    const worker = browser.serviceWorker!;
    await waitFor(async () => {
      const managed = await managedStorage(worker);
      return JSON.stringify(managed.blockedSenderDomains) === JSON.stringify(summary.fragment.blockedSenderDomains);
    }, 20_000);
    page = await browser.context.newPage();
    await loginToRoundcube(page, `http://${host}:${lab!.port}`, lab!);
    await waitForRoundcubeInbox(page, newSubject);
    const frame = await openRoundcubeMessage(page, newSubject);
    expect(await verdictOf(frame)).toBe('danger');
    const banner = frame.locator('khienthu-banner');
    expect(await banner.getAttribute('data-khienthu-level')).toBe('danger');
    const text = ((await banner.locator('section').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('Người gửi nằm trong danh sách chặn của đơn vị');
    expect(text).toContain('binh.nguyen@fundacionhomi.org.co');
  });
});
