/**
 * One-click report through the real Roundcube, to a real SMTP receiver on loopback: the banner's
 * button, the confirmation, Roundcube's own compose with the original forwarded as an attachment,
 * Roundcube's Send, and what becomes of the original — then a second click on the same message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import PostalMime from 'postal-mime';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../lab/browser';
import { loginToRoundcube, openRoundcubeMessage, waitForRoundcubeInbox } from '../lab/roundcube-page';
import { startSmtpSink, type SmtpSink } from '../lab/smtp-sink';
import { startLab, type WebmailLab } from '../lab/webmail-lab';
import { idbValue, setUserOptions, verdictOf } from '../lab/extension';

type Chrome = typeof import('wxt/browser').browser;

const host = 'mail.laichau.gov.vn';
const mails = join(import.meta.dirname, 'mails');
const lure = join(mails, 'soctrang-quota-lure.eml');
const lureSubject = 'Đã vượt quá hạn ngạch';
const secondLure = join(mails, 'free-mail-document-link.eml');
const secondSubject = 'Tài liệu gửi anh chị';
const thirdLure = join(mails, 'html-payload-lure.eml');
/** The Lai Châu preset's help desk (the webmail host decides the province). */
const helpDesk = 'hotro@laichau.gov.vn';

/** The header block of a message, CRLF line ends, as it travels over SMTP. */
function headerBlock(raw: Buffer | string): string {
  const text = typeof raw === 'string' ? raw : raw.toString('latin1');
  const crlf = text.replace(/\r?\n/g, '\r\n');
  return crlf.slice(0, crlf.indexOf('\r\n\r\n'));
}

function messageIdOf(raw: Buffer): string {
  return /^Message-ID: (.+)$/im.exec(raw.toString('latin1'))![1]!.trim();
}

/** Every message file of a Maildir folder ('' is INBOX), read whole. */
function folderMessages(lab: WebmailLab, folder: string): string[] {
  const base = join(lab.maildir(), folder && `.${folder}`);
  return ['cur', 'new'].flatMap((sub) => readdirSync(join(base, sub)).map((name) => readFileSync(join(base, sub, name), 'latin1')));
}

describe('report to the help desk through Roundcube', () => {
  let smtp: SmtpSink | undefined;
  let lab: WebmailLab | undefined;
  let browser: TestBrowser | undefined;
  let page: Page;
  let baseUrl: string;
  const original = readFileSync(lure);
  const originalId = messageIdOf(original);

  beforeAll(async () => {
    try {
      smtp = await startSmtpSink();
      lab = await startLab({ domain: 'laichau.gov.vn', smtpHost: `127.0.0.1:${smtp.port}`, messages: [lure, secondLure] });
      browser = await launchBrowser({ hosts: [host] });
      baseUrl = `http://${host}:${lab.port}`;
      page = await browser.context.newPage();
      await loginToRoundcube(page, baseUrl, lab);
      await waitForRoundcubeInbox(page, lureSubject);
    } catch (error) {
      await browser?.close();
      await lab?.stop();
      await smtp?.stop();
      throw error;
    }
  });

  afterAll(async () => {
    await browser?.close();
    await lab?.stop();
    await smtp?.stop();
  });

  it('sends the original as an unmodified attachment, with the reasons, and moves it to Junk', async () => {
    await setUserOptions(browser!.serviceWorker!, { reportOriginal: 'junk' });
    const frame = await openRoundcubeMessage(page, lureSubject);
    expect(await verdictOf(frame)).toBe('danger');
    await frame.locator('khienthu-banner [data-khienthu-action="report"]').click();

    // the confirmation, with a comment
    const dialog = frame.locator('khienthu-report-dialog [role="dialog"]');
    await expect.poll(() => dialog.textContent()).toContain(helpDesk);
    await frame.locator('khienthu-report-dialog textarea').fill('Nhận lúc 8 giờ sáng, chưa bấm vào liên kết.');
    await frame.locator('khienthu-report-dialog [data-khienthu-action="report-confirm"]').click();

    // Roundcube's compose, filled in: the user checks it and presses Send
    await page.waitForURL(/_action=compose/);
    await expect.poll(() => page.inputValue('#composebody')).toContain('[quota.');
    await page.locator('khienthu-report-notice [data-khienthu-notice="composeReady"]').waitFor();
    expect(await page.inputValue('#_to')).toContain(helpDesk);
    await page.locator('button.btn.send').first().click();

    const mail = await smtp!.nth(1);
    expect(mail.to).toEqual([helpDesk]);
    expect(mail.from).toBe(`${lab!.user}@${lab!.domain}`);
    const parsed = await PostalMime.parse(mail.raw);
    expect(parsed.subject).toBe(`[Khiên Thư] Thư nghi giả mạo: ${lureSubject}`);
    const attached = parsed.attachments.filter((a) => a.mimeType === 'message/rfc822');
    expect(attached).toHaveLength(1);
    const attachedRaw = Buffer.from(attached[0]!.content as ArrayBuffer);
    // every header of the original, byte for byte and in order (the Maildir file has LF line ends)
    expect(headerBlock(attachedRaw)).toBe(headerBlock(original));
    const text = parsed.text ?? '';
    expect(text).toContain('[quota.');
    expect(text).toContain('[sender.');
    expect(text).toContain(originalId);
    expect(text).toContain('Nhận lúc 8 giờ sáng, chưa bấm vào liên kết.');
    expect(text).toContain(`Người báo cáo: ${lab!.user}@${lab!.domain}`);
    expect(text).toMatch(/Phiên bản Khiên Thư: \d+\.\d+\.\d+/);

    // after Roundcube's answer: the thank-you on the next page, the original in Junk, a copy in Sent
    const thanks = page.locator('khienthu-report-notice [data-khienthu-notice="thanks"]');
    await thanks.waitFor();
    expect(await thanks.textContent()).toContain('đổi mật khẩu ngay');
    await expect.poll(() => folderMessages(lab!, 'Junk').some((m) => m.includes(originalId))).toBe(true);
    expect(folderMessages(lab!, '').some((m) => m.includes(originalId))).toBe(false);
    expect(folderMessages(lab!, 'Sent').some((m) => m.includes(helpDesk) && m.includes(originalId))).toBe(true);
  });

  it('says "already reported" on a second click, and sends nothing', async () => {
    await page.goto(`${baseUrl}/?_task=mail&_mbox=Junk`);
    await waitForRoundcubeInbox(page, lureSubject);
    const frame = await openRoundcubeMessage(page, lureSubject);
    expect(await verdictOf(frame)).toBe('danger');
    await frame.locator('khienthu-banner [data-khienthu-reported="true"]').waitFor();
    await frame.locator('khienthu-banner [data-khienthu-action="report"]').click();
    await frame.locator('khienthu-report-notice [data-khienthu-notice="already"]').waitFor();
    expect(await frame.locator('khienthu-report-dialog').count()).toBe(0);
    expect(page.url()).not.toMatch(/_action=compose/);
    expect(smtp!.received).toHaveLength(1);
    // what was reported is the background's: not in storage.local, where content scripts read and write
    const worker = browser!.serviceWorker!;
    expect(await worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.get('reportedMessages'))).toEqual({});
    expect(await idbValue(worker, 'khienthu-reports', 'reportedMessages')).toEqual({ [`${host}:${lab!.port}/canbo@laichau.gov.vn`]: [`mid:${originalId.replace(/^<|>$/g, '')}`] });
  });

  it('sends at once without asking when policy says so, and keeps the original', async () => {
    await setUserOptions(browser!.serviceWorker!, { reportMode: 'send-after-confirm', reportConfirm: false, reportOriginal: 'keep' });
    await page.goto(`${baseUrl}/?_task=mail&_mbox=INBOX`);
    await waitForRoundcubeInbox(page, secondSubject);
    const frame = await openRoundcubeMessage(page, secondSubject);
    await verdictOf(frame);
    await frame.locator('khienthu-banner [data-khienthu-action="report"]').click();
    const mail = await smtp!.nth(2);
    expect(mail.to).toEqual([helpDesk]);
    const parsed = await PostalMime.parse(mail.raw);
    expect(parsed.subject).toBe(`[Khiên Thư] Thư nghi giả mạo: ${secondSubject}`);
    expect(parsed.attachments.filter((a) => a.mimeType === 'message/rfc822')).toHaveLength(1);
    await page.locator('khienthu-report-notice [data-khienthu-notice="thanks"]').waitFor();
    const secondId = messageIdOf(readFileSync(secondLure));
    expect(folderMessages(lab!, '').some((m) => m.includes(secondId))).toBe(true);
  });

  it('waits for a login when the session has ended on the way to the compose, then goes on', async () => {
    await setUserOptions(browser!.serviceWorker!, { reportMode: 'compose', reportConfirm: false, reportOriginal: 'keep' });
    lab!.deliver(thirdLure);
    await page.goto(`${baseUrl}/?_task=mail&_mbox=INBOX`);
    const row = page.locator('#messagelist tbody tr', { hasText: 'Hộp thư đã vượt quá hạn ngạch' }).first();
    await row.waitFor();
    await row.click();
    const frame = await (await page.locator('#messagecontframe').elementHandle())!.contentFrame();
    await frame!.locator('khienthu-banner [data-khienthu-action="report"]').waitFor();
    // the session ends (timeout, logout in another tab) while the message is still on screen
    await browser!.context.clearCookies({ domain: host });
    await frame!.locator('khienthu-banner [data-khienthu-action="report"]').click();
    await page.locator('#rcmloginuser').waitFor();
    await page.fill('#rcmloginuser', lab!.user);
    await page.fill('#rcmloginpwd', lab!.password);
    await page.click('#rcmloginsubmit');
    // back on the compose after the login (Roundcube's `_url`), filled in, for the user to send
    await page.locator('khienthu-report-notice [data-khienthu-notice="composeReady"]').waitFor();
    expect(page.url()).toMatch(/_action=compose/);
    await expect.poll(() => page.inputValue('#composebody')).toContain('Khiên Thư — báo cáo thư nghi giả mạo');
    await page.locator('button.btn.send').first().click();
    const mail = await smtp!.nth(3);
    expect(mail.to).toEqual([helpDesk]);
    const parsed = await PostalMime.parse(mail.raw);
    const attached = parsed.attachments.filter((a) => a.mimeType === 'message/rfc822');
    expect(attached).toHaveLength(1);
    expect(headerBlock(Buffer.from(attached[0]!.content as ArrayBuffer))).toBe(headerBlock(readFileSync(thirdLure)));
  });
});
