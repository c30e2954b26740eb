/**
 * The `triage` command as an administrator runs it: a folder and an mbox of reports, the state
 * that keeps the second run from counting anything twice, the exit codes and the `error:` line.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinMbox } from '../../lib/triage/mbox';
import type { TriageSummary } from '../../lib/triage/run';
import { EXTENSION_ID } from '../../wxt.config';
import { attachedReport, inlineForwardReport, readEml } from '../lab/triage-reports';

const root = join(import.meta.dirname, '../..');
const lures = join(root, 'tests/corpus/lures');

/** Runs the real command, as `npm run triage` does, without npm around it. */
function triage(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/triage.ts', ...args], {
      cwd: root,
      env: { ...process.env, KHIENTHU_IMAP_PASSWORD: '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('npm run triage', { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'khienthu-triage-cli-'));
    mkdirSync(join(dir, 'reports'));
    const soctrang = readEml(join(lures, 'soctrang-postmaster-quota.eml'));
    writeFileSync(join(dir, 'reports', '1.eml'), await attachedReport(soctrang, { reporter: 'a@laichau.gov.vn' }));
    writeFileSync(join(dir, 'reports', '2.eml'), await attachedReport(soctrang, { reporter: 'b@laichau.gov.vn' }));
    writeFileSync(join(dir, 'reports', '3.eml'), await inlineForwardReport(readEml(join(lures, 'laichau-dls-gov-ua-capnhat.eml'))));
    writeFileSync(join(dir, 'reports', '4.eml'), 'this is not a mail\n');
    const mbox = joinMbox([
      { raw: (await attachedReport(readEml(join(lures, 'soctrang-quota-khong-dau.eml')))).toString('latin1') },
      { raw: (await attachedReport(soctrang, { reporter: 'c@laichau.gov.vn' })).toString('latin1') },
    ]);
    writeFileSync(join(dir, 'reports.mbox'), Buffer.from(mbox, 'latin1'));
    writeFileSync(join(dir, 'managed.json'), JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: { hotlines: ['0213.3999.123'], blockedSenderDomains: ['old.example'] } } } }));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('triages a folder: fragment, report, state, broken message listed, exit code 0', async () => {
    const out = join(dir, 'out');
    const run = await triage(['--json', '--out', out, '--merge', join(dir, 'managed.json'), join(dir, 'reports')]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout) as TriageSummary;
    expect(summary.run).toMatchObject({ read: 4, newReports: 3, broken: 1, newOriginals: 2, repeatedOriginals: 1 });
    expect(summary.broken).toEqual([{ location: join(dir, 'reports', '4.eml'), error: expect.stringMatching(/not an e-mail message/) }]);
    expect(summary.fragment.blockedSenderDomains).toEqual(['dls.gov.ua', 'fundacionhomi.org.co']);
    expect(summary.fragment.blockedLinkHosts).toEqual(['mail-laichau-capnhat.web.app', 'upcorss.weebly.com']);
    expect(summary.notBlocked.linkHosts).toEqual(expect.arrayContaining([{ host: 'www.efa-project.org', why: 'not-flagged' }]));
    const campaign = summary.campaigns.find((c) => c.senders.includes('fem@fundacionhomi.org.co'));
    expect(campaign).toMatchObject({ originals: 1, reports: 2, reporters: 2, level: 'danger' });
    expect(JSON.parse(readFileSync(join(out, 'policy-fragment.json'), 'utf8'))).toEqual(summary.fragment);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toContain('fundacionhomi.org.co');
    const merged = JSON.parse(readFileSync(join(out, 'managed-policy.merged.json'), 'utf8'));
    expect(merged['3rdparty'].extensions[EXTENSION_ID]).toEqual({
      hotlines: ['0213.3999.123'],
      blockedSenderDomains: ['old.example', 'dls.gov.ua', 'fundacionhomi.org.co'],
      blockedLinkHosts: ['mail-laichau-capnhat.web.app', 'upcorss.weebly.com'],
    });

    // the second run over the same folder and an mbox: only the new reports count
    const again = await triage(['--json', '--out', out, join(dir, 'reports')]);
    expect((JSON.parse(again.stdout) as TriageSummary).run).toMatchObject({ read: 4, newReports: 0, alreadySeen: 4, broken: 0 });
    const mbox = await triage(['--json', '--out', out, join(dir, 'reports.mbox')]);
    const summary3 = JSON.parse(mbox.stdout) as TriageSummary;
    expect(summary3.kind).toBe('mbox');
    expect(summary3.run).toMatchObject({ read: 2, newReports: 2, newOriginals: 1, repeatedOriginals: 1 });
    expect(summary3.campaigns.find((c) => c.senders.includes('fem@fundacionhomi.org.co'))).toMatchObject({ reports: 3, reporters: 3 });
    expect(summary3.fragment.blockedSenderDomains).toEqual(['dls.gov.ua', 'fundacionhomi.org.co', 'mailbox-quota.xyz']);
  });

  it('prints a human summary in Vietnamese by default', async () => {
    const run = await triage(['--out', join(dir, 'out-vi'), join(dir, 'reports')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('3 báo cáo mới');
    expect(run.stdout).toContain('Đề xuất chặn 2 tên miền gửi và 2 máy chủ liên kết.');
  });

  it('says error: and exits 1 when the source cannot be read', async () => {
    const missing = await triage(['--out', join(dir, 'out-x'), join(dir, 'nope')]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^error: cannot read .*nope: no such file or directory\n$/);
    const noPassword = await triage(['--out', join(dir, 'out-x'), 'imap://hotro@127.0.0.1:1/INBOX']);
    expect(noPassword.status).toBe(1);
    expect(noPassword.stderr).toContain('error: ');
    expect(noPassword.stderr).toContain('KHIENTHU_IMAP_PASSWORD');
    const refused = await triage(['--out', join(dir, 'out-x'), 'imap://hotro@127.0.0.1:1/INBOX'], { KHIENTHU_IMAP_PASSWORD: 'x' });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^error: cannot connect to imap:\/\/hotro@127\.0\.0\.1:1\/INBOX: /);
  });

  it('exits 2 on a usage error', async () => {
    expect((await triage([])).status).toBe(2);
    const bad = await triage(['--since', '2025-13-01', 'x']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('2025-13-01');
    expect((await triage(['a', 'b'])).stderr).toContain('Chỉ một nguồn');
    const help = await triage(['--help', '--lang', 'en']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: npm run --silent triage');
  });
});
