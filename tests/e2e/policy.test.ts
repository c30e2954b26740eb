/**
 * Admin policy the way a province sets it: a real Chromium policy file under
 * /etc/chromium/policies/managed/ with a `3rdparty.extensions.<id>` section, read by Debian's
 * Chromium at start-up and published to the extension's `storage.managed`.
 *
 * The file is machine-wide (see tests/lab/managed-policy.ts): it is removed in afterAll, if setup
 * fails, and when the process exits, so no other test file ever meets it.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../wxt.config';
import { launchBrowser, type TestBrowser } from '../lab/browser';
import { installManagedPolicy, type ManagedPolicyFile } from '../lab/managed-policy';
import { loginToRoundcube, openRoundcubeMessage, waitForRoundcubeInbox } from '../lab/roundcube-page';
import { startLab, waitFor, type WebmailLab } from '../lab/webmail-lab';
import { managedStorage, verdictOf } from '../lab/extension';

const host = 'mail.laichau.gov.vn';
const mails = join(import.meta.dirname, 'mails');
const lureSubject = 'Đã vượt quá hạn ngạch';

/** Not the Lai Châu preset's contacts (02133.798.788, hotro@laichau.gov.vn): these can only come from the policy. */
const managedPolicy = {
  organisationName: 'Trung tâm Chuyển đổi số tỉnh Lai Châu',
  hotlines: ['0213.3999.123'],
  // the second is well-typed but not an address: refused on its own, the first still applies
  reportAddresses: ['canhbao@laichau.gov.vn', 'khong-phai-dia-chi'],
  webmailHosts: ['mail.laichau.gov.vn', 'not a host'],
  dangerThreshold: 60,
  // well-typed, but above the danger threshold
  cautionThreshold: 80,
  // the wrong type for the schema: Chromium drops it silently; the options page lists it as absent
  allowDismiss: 'no',
  // HTML from policy is sanitised where it is shown
  warningTextVi: '<b>Không</b> cung cấp mật khẩu qua thư. <img src=x onerror="document.title=1"><a href="javascript:alert(1)">x</a> <a href="https://laichau.gov.vn/">Trang hỗ trợ</a>',
};

describe('managed policy from a Chromium policy file', () => {
  let lab: WebmailLab | undefined;
  let browser: TestBrowser | undefined;
  let page: Page;
  let policyFile: ManagedPolicyFile | undefined;

  beforeAll(async () => {
    policyFile = await installManagedPolicy(managedPolicy);
    try {
      lab = await startLab({
        domain: 'laichau.gov.vn',
        messages: [join(mails, 'soctrang-quota-lure.eml'), join(mails, 'meeting-invitation.eml')],
      });
      browser = await launchBrowser({ hosts: [host] });
      // Chromium loads policy asynchronously after start: wait until the extension can read it.
      const worker = browser.serviceWorker!;
      await waitFor(async () => {
        const managed = await managedStorage(worker);
        return JSON.stringify(managed.hotlines) === JSON.stringify(managedPolicy.hotlines);
      }, 20_000);
      page = await browser.context.newPage();
      await loginToRoundcube(page, `http://${host}:${lab.port}`, lab);
      await waitForRoundcubeInbox(page, lureSubject);
    } catch (error) {
      await browser?.close();
      await lab?.stop();
      policyFile.remove();
      throw error;
    }
  });

  afterAll(async () => {
    try {
      await browser?.close();
      await lab?.stop();
    } finally {
      policyFile?.remove();
    }
  });

  it('publishes the well-typed keys to storage.managed and drops the wrongly typed one', async () => {
    const managed = await managedStorage(browser!.serviceWorker!);
    expect(managed).toMatchObject({ reportAddresses: managedPolicy.reportAddresses, cautionThreshold: 80 });
    expect(managed).not.toHaveProperty('allowDismiss');
  });

  it("shows the policy's hotline and report address on the banner, not the preset's", async () => {
    const frame = await openRoundcubeMessage(page, lureSubject);
    expect(await verdictOf(frame)).toBe('danger');
    const banner = frame.locator('khienthu-banner');
    const text = ((await banner.locator('section').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('0213.3999.123');
    expect(text).toContain('Trung tâm Chuyển đổi số tỉnh Lai Châu');
    expect(text).not.toContain('02133.798.788');
    expect(await banner.locator('a[href="tel:02133999123"]').count()).toBe(1);
    const report = banner.locator('[data-khienthu-action="report"]');
    expect(await report.innerText()).toContain('canhbao@laichau.gov.vn');
    expect(await report.innerText()).not.toContain('hotro@laichau.gov.vn');
    // the province's own warning, sanitised: its bold and its safe link stay, the rest is gone
    const official = banner.locator('.banner__official');
    expect(await official.locator('b').textContent()).toBe('Không');
    expect(await official.locator('a[href="https://laichau.gov.vn/"]').textContent()).toBe('Trang hỗ trợ');
    expect(await official.locator('img, [onerror], a[href^="javascript:"]').count()).toBe(0);
    expect(await frame.evaluate(() => document.title)).not.toBe('1');
  });

  it('shows the managed settings locked on the options page, and each refused value with its reason', async () => {
    const options = await browser!.context.newPage();
    await options.goto(`chrome-extension://${EXTENSION_ID}/options.html`);
    await options.locator('body[data-khienthu-ready]').waitFor();
    const setting = (key: string) => options.locator(`[data-setting="${key}"]`);

    for (const key of ['hotlines', 'reportAddresses', 'organisationName', 'dangerThreshold']) {
      expect(await setting(key).getAttribute('data-source')).toBe('managed');
      expect(await setting(key).innerText()).toContain('do quản trị viên đặt');
    }
    expect(await setting('hotlines').locator('textarea').inputValue()).toBe('0213.3999.123');
    expect(await setting('hotlines').locator('textarea').getAttribute('readonly')).not.toBeNull();
    // the valid address applies; the refused one is listed with why
    expect(await setting('reportAddresses').locator('textarea').inputValue()).toBe('canhbao@laichau.gov.vn');
    expect(await setting('webmailHosts').locator('textarea').inputValue()).toBe('mail.laichau.gov.vn');
    // the refused caution threshold gives way to the default; the danger threshold applies
    expect(await setting('cautionThreshold').getAttribute('data-source')).toBe('default');

    const issues = options.locator('[data-issues] li');
    const texts = await issues.allInnerTexts();
    expect(texts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^reportAddresses\[1\] = "khong-phai-dia-chi": không phải địa chỉ thư điện tử hợp lệ/),
        expect.stringMatching(/^webmailHosts\[1\] = "not a host": không phải tên máy chủ hợp lệ/),
        expect.stringMatching(/^cautionThreshold = 80: phải nhỏ hơn ngưỡng nguy hiểm \(60\)/),
      ]),
    );
    expect(texts).toHaveLength(3);

    // the official warning text keeps its formatting and its safe link, and loses the rest
    const preview = setting('warningTextVi').locator('.setting__preview div');
    expect(await preview.locator('b').innerText()).toBe('Không');
    expect(await preview.locator('img').count()).toBe(0);
    expect(await preview.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual([null, 'https://laichau.gov.vn/']);

    // the key Chromium dropped for its wrong type is named as not received
    const managedSection = options.locator('[data-managed]');
    const received = await managedSection.locator('[data-managed-received]').innerText();
    expect(received).toContain('reportAddresses');
    expect(received).not.toContain('allowDismiss');
    expect(await managedSection.locator('[data-managed-absent]').innerText()).toContain('allowDismiss');
    await options.close();
  });
});
