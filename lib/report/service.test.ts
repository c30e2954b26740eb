import { describe, expect, it } from 'vitest';
import type { StartedReport } from './messages';
import { maxReportedPerAccount, messageKey, ReportedMessages, type KeyValueArea } from './reported';
import { ReportService, type ReportCaller } from './service';

/** storage.local / storage.session as the browser has them: values go through structured cloning. */
function memoryArea(): KeyValueArea & { data: Record<string, unknown> } {
  const data: Record<string, unknown> = {};
  return {
    data,
    get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
    set: async (items) => void Object.assign(data, structuredClone(items)),
  };
}

const pending: StartedReport = {
  kind: 'message',
  account: 'mail.laichau.gov.vn/canbo@laichau.gov.vn',
  key: 'mid:abc@weebly.com',
  ref: { id: '7', folder: 'INBOX' },
  to: ['hotro@laichau.gov.vn'],
  body: 'báo cáo',
  mode: 'compose',
  original: 'junk',
  locale: 'vi',
  hotlines: ['02133.798.788'],
};

describe('messageKey', () => {
  it('knows a message by its Message-ID, brackets and domain case aside, else by folder and id', () => {
    expect(messageKey('<Abc@Weebly.COM>', 'INBOX', '7')).toBe('mid:Abc@weebly.com');
    expect(messageKey('Abc@weebly.com', 'Junk', '9')).toBe('mid:Abc@weebly.com');
    expect(messageKey(undefined, 'INBOX', '7')).toBe('uid:INBOX/7');
    expect(messageKey('  ', undefined, '7')).toBe('uid:/7');
  });
});

describe('ReportedMessages', () => {
  it('remembers per account, counts all, and says when a message was already there', async () => {
    const reported = new ReportedMessages(memoryArea());
    expect(await reported.add('a', 'm1')).toBe(true);
    expect(await reported.add('a', 'm1')).toBe(false);
    expect(await reported.add('b', 'm1')).toBe(true);
    expect(await reported.has('a', 'm1')).toBe(true);
    expect(await reported.has('a', 'm2')).toBe(false);
    expect(await reported.count()).toBe(2);
  });

  it('loses nothing when reports come at once', async () => {
    const reported = new ReportedMessages(memoryArea());
    await Promise.all(Array.from({ length: 20 }, (_, i) => reported.add('a', `m${i}`)));
    expect(await reported.count()).toBe(20);
  });

  it('forgets the oldest beyond the limit', async () => {
    const area = memoryArea();
    area.data.reportedMessages = { a: Array.from({ length: maxReportedPerAccount }, (_, i) => `m${i}`) };
    const reported = new ReportedMessages(area);
    await reported.add('a', 'newest');
    expect(await reported.has('a', 'm0')).toBe(false);
    expect(await reported.has('a', 'newest')).toBe(true);
    expect(await reported.count()).toBe(maxReportedPerAccount);
  });

  it('reads damaged storage as nothing reported', async () => {
    const area = memoryArea();
    area.data.reportedMessages = { a: 'not a list' };
    expect(await new ReportedMessages(area).has('a', 'not a list')).toBe(false);
  });
});

/** The Lai Châu webmail's policy, as the background resolves it for the asking frame's host. */
const laichau: ReportCaller['policy'] = {
  webmailHosts: ['mail.laichau.gov.vn'],
  reportAddresses: ['hotro@laichau.gov.vn'],
  hotlines: ['02133.798.788'],
  report: { mode: 'send-after-confirm', confirm: true, subjectPrefix: '', outlookPrefix: false, original: 'junk' },
};
const at = (tab: number | undefined, host = 'mail.laichau.gov.vn', policy = laichau): ReportCaller => ({ tab, host, policy });

describe('ReportService', () => {
  it('carries a compose report from the page that asked to the page after the send, in that tab only', async () => {
    let now = 1_000;
    const service = new ReportService(memoryArea(), memoryArea(), { now: () => now });
    expect(await service.handle({ type: 'khienthu:report-begin', pending }, at(5))).toBe(true);
    expect(await service.handle({ type: 'khienthu:report-state' }, at(6))).toEqual({ reported: false });
    const composing = await service.handle({ type: 'khienthu:report-state' }, at(5));
    expect(composing).toMatchObject({ reported: false, pending: { state: 'composing', filled: false, body: 'báo cáo' } });
    await service.handle({ type: 'khienthu:report-filled' }, at(5));
    // a failed send changes nothing
    await service.handle({ type: 'khienthu:report-sent', ok: false }, at(5));
    expect(await service.handle({ type: 'khienthu:report-state', account: pending.account, key: pending.key }, at(5))).toMatchObject({
      reported: false,
      pending: { state: 'composing', filled: true },
    });
    now += 1_000;
    await service.handle({ type: 'khienthu:report-sent', ok: true }, at(5));
    expect(await service.handle({ type: 'khienthu:report-state', account: pending.account, key: pending.key }, at(5))).toMatchObject({
      reported: true,
      pending: { state: 'sent' },
    });
    await service.handle({ type: 'khienthu:report-finish' }, at(5));
    expect(await service.handle({ type: 'khienthu:report-state', account: pending.account, key: pending.key }, at(5))).toEqual({ reported: true });
    expect(await service.handle({ type: 'khienthu:report-count' }, at(undefined))).toBe(1);
  });

  it('ignores a send answer with no report in progress, and forgets a report left for half an hour', async () => {
    let now = 0;
    const service = new ReportService(memoryArea(), memoryArea(), { now: () => now });
    expect(await service.handle({ type: 'khienthu:report-sent', ok: true }, at(5))).toBe(false);
    await service.handle({ type: 'khienthu:report-begin', pending }, at(5));
    now = 31 * 60_000;
    expect(await service.handle({ type: 'khienthu:report-state' }, at(5))).toEqual({ reported: false });
    expect(await service.handle({ type: 'khienthu:report-count' }, at(5))).toBe(0);
  });

  it('closes the tab of a sent password alert, and does not count it as a reported message', async () => {
    const closed: number[] = [];
    const service = new ReportService(memoryArea(), memoryArea(), { alertSent: async (tab) => void closed.push(tab) });
    await service.begin(4, 'mail.laichau.gov.vn', { ...pending, kind: 'password-alert' });
    // a refused send leaves the tab open, with its notice, and the alert still in progress
    expect(await service.handle({ type: 'khienthu:report-sent', ok: false }, at(4))).toBe(true);
    expect(closed).toEqual([]);
    expect(await service.handle({ type: 'khienthu:report-sent', ok: true }, at(4))).toBe(true);
    expect(closed).toEqual([4]);
    expect(await service.handle({ type: 'khienthu:report-count' }, at(4))).toBe(0);
    expect(await service.pending(4)).toBeUndefined();
  });

  it("opens a lost password alert's compose again, up to three times in all, then gives up", async () => {
    const reopened: [number, string][] = [];
    const service = new ReportService(memoryArea(), memoryArea(), { reopen: async (tab, url) => void reopened.push([tab, url]) });
    const composeUrl = 'https://mail.laichau.gov.vn/?_task=mail&_action=compose&_to=hotro%40laichau.gov.vn';
    await service.begin(6, 'mail.laichau.gov.vn', { ...pending, kind: 'password-alert', composeUrl });
    await service.handle({ type: 'khienthu:report-filled' }, at(6));
    // another host in the tab cannot make it reopen
    expect(await service.handle({ type: 'khienthu:report-lost' }, at(6, 'evil.example'))).toBe(false);
    expect(await service.handle({ type: 'khienthu:report-lost' }, at(6))).toBe(true);
    // the next compose is a new one: its body is still to be written
    expect(await service.pending(6)).toMatchObject({ attempts: 2, filled: false, state: 'composing' });
    expect(await service.handle({ type: 'khienthu:report-lost' }, at(6))).toBe(true);
    expect(await service.handle({ type: 'khienthu:report-lost' }, at(6))).toBe(false);
    expect(reopened).toEqual([
      [6, composeUrl],
      [6, composeUrl],
    ]);
    expect(await service.pending(6)).toBeUndefined();
  });

  it('ends a message report the user left, and never reopens an address a page gave', async () => {
    const reopened: string[] = [];
    const service = new ReportService(memoryArea(), memoryArea(), { reopen: async (_tab, url) => void reopened.push(url) });
    const forged = { ...pending, composeUrl: 'https://evil.example/', attempts: -5 } as StartedReport;
    expect(await service.handle({ type: 'khienthu:report-begin', pending: forged }, at(2))).toBe(true);
    expect(await service.pending(2)).not.toHaveProperty('composeUrl', 'https://evil.example/');
    expect(await service.handle({ type: 'khienthu:report-lost' }, at(2))).toBe(false);
    expect(reopened).toEqual([]);
    expect(await service.pending(2)).toBeUndefined();
  });

  it('remembers a direct send at once, and a closed tab takes its report along', async () => {
    const service = new ReportService(memoryArea(), memoryArea());
    expect(await service.handle({ type: 'khienthu:report-done', account: 'z/u', key: 'mid:x@y' }, at(3))).toBe(true);
    expect(await service.handle({ type: 'khienthu:report-done', account: 'z/u', key: 'mid:x@y' }, at(3))).toBe(false);
    await service.handle({ type: 'khienthu:report-begin', pending }, at(3));
    await service.forgetTab(3);
    expect(await service.pending(3)).toBeUndefined();
  });

  it('refuses a report begun anywhere but the policy’s webmail, or to anyone but its help desk', async () => {
    const service = new ReportService(memoryArea(), memoryArea());
    // any page the password guard's script runs on (a compromised renderer can send anything)
    expect(await service.handle({ type: 'khienthu:report-begin', pending }, at(7, 'evil.example'))).toBe(false);
    // another *.gov.vn host of the province, when the policy names the webmail
    expect(await service.handle({ type: 'khienthu:report-begin', pending }, at(7, 'xyz.laichau.gov.vn'))).toBe(false);
    // the webmail itself, to an address the policy does not list (or in addition to it)
    for (const to of [['attacker@evil.example'], ['hotro@laichau.gov.vn', 'attacker@evil.example'], [], [42]] as unknown as string[][]) {
      expect(await service.handle({ type: 'khienthu:report-begin', pending: { ...pending, to } }, at(7))).toBe(false);
    }
    // a password alert is the background's alone
    expect(await service.handle({ type: 'khienthu:report-begin', pending: { ...pending, kind: 'password-alert' } }, at(7))).toBe(false);
    expect(await service.handle({ type: 'khienthu:report-begin', pending: null as unknown as StartedReport }, at(7))).toBe(false);
    expect(await service.pending(7)).toBeUndefined();
    // a message-done from a foreign page is not remembered
    expect(await service.handle({ type: 'khienthu:report-done', account: 'z/u', key: 'mid:x@y' }, at(7, 'evil.example'))).toBe(false);
    expect(await service.handle({ type: 'khienthu:report-count' }, at(7, 'evil.example'))).toBe(0);
  });

  it('takes mode, original and hotlines from the policy, not from the page, and keeps the report to its host', async () => {
    const service = new ReportService(memoryArea(), memoryArea());
    const asked = { ...pending, to: ['HoTro@LaiChau.gov.vn'], mode: 'compose' as const, original: 'keep' as const, hotlines: ['1900 0000'] };
    expect(await service.handle({ type: 'khienthu:report-begin', pending: asked }, at(8))).toBe(true);
    expect(await service.pending(8)).toMatchObject({
      host: 'mail.laichau.gov.vn',
      to: ['hotro@laichau.gov.vn'],
      mode: 'send-after-confirm',
      original: 'junk',
      hotlines: ['02133.798.788'],
    });
    // another host in the same tab neither sees nor moves it
    expect(await service.handle({ type: 'khienthu:report-state' }, at(8, 'evil.example'))).toEqual({ reported: false });
    expect(await service.handle({ type: 'khienthu:report-filled' }, at(8, 'evil.example'))).toBe(false);
    expect(await service.handle({ type: 'khienthu:report-sent', ok: true }, at(8, 'evil.example'))).toBe(false);
    await service.handle({ type: 'khienthu:report-finish' }, at(8, 'evil.example'));
    expect(await service.handle({ type: 'khienthu:report-state' }, at(8))).toMatchObject({ pending: { state: 'composing', filled: false } });
  });

  it('finds an unnamed webmail under *.gov.vn only', async () => {
    const service = new ReportService(memoryArea(), memoryArea());
    const unnamed = { ...laichau, webmailHosts: [] };
    expect(await service.handle({ type: 'khienthu:report-begin', pending }, at(9, 'mail.tinh-khac.gov.vn', unnamed))).toBe(true);
    expect(await service.handle({ type: 'khienthu:report-begin', pending }, at(9, 'mail.tinh-khac.gov.vn.evil.example', unnamed))).toBe(false);
  });
});
