/**
 * No traffic leaves the webmail's origin. Every request the browser reports while a user goes
 * through Roundcube with Khiên Thư — the pages', the content script's (the raw-message download)
 * and the extension service worker's — is recorded, and each must go to the webmail itself or stay
 * inside the extension (`chrome-extension://<id>/`). No telemetry, no remote list, no font.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../wxt.config';
import { chromeBuild, launchBrowser, type TestBrowser } from '../lab/browser';
import { loginToRoundcube, openRoundcubeMessage, waitForRoundcubeInbox } from '../lab/roundcube-page';
import { startLab, type WebmailLab } from '../lab/webmail-lab';
import { verdictOf } from '../lab/extension';

const host = 'mail.soctrang.gov.vn';
const mails = join(import.meta.dirname, 'mails');
const lureSubject = 'Đã vượt quá hạn ngạch';
const benignSubject = 'Lịch họp giao ban tuần sau';
const dynamicId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface Seen {
  url: string;
  method: string;
  /** Who asked: the service worker, or the frame's URL. */
  by: string;
}

describe('network: the extension talks to nobody but the webmail', () => {
  let lab: WebmailLab;
  let browser: TestBrowser;
  let page: Page;
  let origin: string;
  const seen: Seen[] = [];

  const record = (request: Request) => {
    let by: string;
    if (request.serviceWorker()) by = `service worker ${request.serviceWorker()!.url()}`;
    else {
      try {
        by = request.frame().url() || 'a frame';
      } catch {
        by = request.isNavigationRequest() ? 'a navigation' : 'unknown';
      }
    }
    seen.push({ url: request.url(), method: request.method(), by });
  };

  beforeAll(async () => {
    lab = await startLab({
      domain: 'soctrang.gov.vn',
      messages: [join(mails, 'soctrang-quota-lure.eml'), join(mails, 'meeting-invitation.eml')],
    });
    browser = await launchBrowser({ hosts: [host] });
    origin = `http://${host}:${lab.port}`;
    // Recording starts before the first page; the service worker is already running (it loaded with
    // the extension), so anything it fetched at start-up is asked for at the end, from the worker itself.
    browser.context.on('request', record);
    page = await browser.context.newPage();
    await loginToRoundcube(page, origin, lab);
    await waitForRoundcubeInbox(page, lureSubject);
  });

  afterAll(async () => {
    await browser?.close();
    await lab?.stop();
  });

  it('sees the requests of pages, of the content script and of the service worker', async () => {
    // the content script's raw-message download: a request from the preview frame, to viewsource
    const frame = await openRoundcubeMessage(page, lureSubject);
    expect(await verdictOf(frame)).toBe('danger');
    await expect.poll(() => seen.some((s) => s.url.includes('_action=viewsource'))).toBe(true);
    // the recorder sees the service worker's own requests: one it is asked to make
    const probe = `chrome-extension://${EXTENSION_ID}/manifest.json?probe=${Date.now()}`;
    await browser.serviceWorker!.evaluate((url) => fetch(url).then((r) => r.status), probe);
    await expect.poll(() => seen.find((s) => s.url === probe)?.by ?? '').toMatch(/^service worker /);
  });

  it('goes through lure, ordinary mail, back and forth, full view and report without leaving the origin', async () => {
    for (const [subject, level] of [
      [lureSubject, 'danger'],
      [benignSubject, 'safe'],
      [lureSubject, 'danger'],
      [benignSubject, 'safe'],
    ] as const) {
      expect(await verdictOf(await openRoundcubeMessage(page, subject))).toBe(level);
    }
    const preview = await openRoundcubeMessage(page, lureSubject);
    await verdictOf(preview);
    const full = new URL(preview.url());
    full.searchParams.set('_action', 'show');
    full.searchParams.delete('_framed');
    const view = await browser.context.newPage();
    await view.goto(full.toString());
    expect(await verdictOf(view.mainFrame())).toBe('danger');
    await view.locator('khienthu-banner [data-khienthu-action="report"]').click();
    await view.locator('khienthu-report-dialog [data-khienthu-action="report-confirm"]').click();
    await view.waitForURL(/_action=compose/);
    // the report is filled in on Roundcube's compose: that too stays on the origin
    await view.locator('khienthu-report-notice [data-khienthu-notice="composeReady"]').waitFor();
    await view.close();
  });

  it('made every request to the webmail origin or inside the extension', async () => {
    // what the service worker fetched before recording began is in its own performance timeline
    const early = await browser.serviceWorker!.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    const all = [...seen, ...early.map((url) => ({ url, method: 'GET', by: 'service worker (resource timing)' }))];
    const allowed = (url: string) => {
      const parsed = new URL(url);
      // Inside the extension: its ID, or the per-session ID of `use_dynamic_url` resources (the
      // banner's stylesheet); only this extension is loaded, and the file must be one of its own.
      if (parsed.protocol === 'chrome-extension:') {
        return (parsed.host === EXTENSION_ID || dynamicId.test(parsed.host)) && existsSync(join(chromeBuild, decodeURIComponent(parsed.pathname)));
      }
      return parsed.origin === origin;
    };
    const outside = all.filter((s) => !allowed(s.url)).map((s) => `${s.method} ${s.url} (by ${s.by})`);
    const byKind = (test: (s: Seen) => boolean) => all.filter(test).length;
    console.log(
      `${all.length} requests recorded: ${byKind((s) => s.url.startsWith(origin))} to ${origin}, ` +
        `${byKind((s) => s.url.startsWith('chrome-extension:'))} inside the extension, ` +
        `${byKind((s) => s.by.startsWith('service worker'))} by the service worker, ` +
        `${byKind((s) => s.url.includes('_action=viewsource'))} raw-message downloads; outside: ${outside.length}`,
    );
    expect(outside).toEqual([]);
    // the content script fetched the raw message from the webmail itself, once per message opened
    const downloads = all.filter((s) => s.url.includes('_action=viewsource'));
    expect(downloads.length).toBeGreaterThanOrEqual(6);
    for (const download of downloads) expect(new URL(download.url).origin).toBe(origin);
  });
});
