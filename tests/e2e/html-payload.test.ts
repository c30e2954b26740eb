/**
 * No message content is ever inserted as HTML. A lure carries HTML/script payloads in its subject,
 * its sender's display name, a link's text and an attachment's name, plus Roundcube's SVG XSS
 * patterns in its body (CVE-2023-5631: `<svg><use href="data:image/svg+xml;base64,…">`, here with
 * the tab and mixed case of the original report; CVE-2024-37383: `<animate attributeName="href"
 * values="javascript:…">`). Every payload, if it ever ran, would set `window.__khienthuPwned`.
 * Opened in a real Roundcube with the extension, the banner must show the payloads as text — no
 * element of theirs in its shadow root, no marker on any window — and name them as a reason.
 */
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from '../lab/browser';
import { loginToRoundcube, openRoundcubeMessage, waitForRoundcubeInbox } from '../lab/roundcube-page';
import { startLab, type RoundcubeSkin, type WebmailLab } from '../lab/webmail-lab';
import { verdictOf } from '../lab/extension';

const host = 'mail.soctrang.gov.vn';
const mails = join(import.meta.dirname, 'mails');
const subject = 'Hộp thư đã vượt quá hạn ngạch';

/** What the payloads would have left: the marker on each window of the tab. */
async function markers(page: Page): Promise<unknown[]> {
  return Promise.all(page.frames().map((f) => f.evaluate(() => (window as { __khienthuPwned?: unknown }).__khienthuPwned ?? null)));
}

/** Every element inside the shadow root of our `host` element: tag, class and any event-handler attribute. */
function shadowInventory(frame: Frame, host = 'khienthu-banner') {
  return frame.evaluate((hostTag) => {
    const root = document.querySelector(hostTag)?.shadowRoot;
    if (!root) return null;
    return [...root.querySelectorAll('*')].map((el) => ({
      tag: el.localName,
      className: el.getAttribute('class') ?? '',
      handlers: el.getAttributeNames().filter((name) => name.toLowerCase().startsWith('on')),
      href: el.getAttribute('href') ?? el.getAttribute('xlink:href') ?? '',
    }));
  }, host);
}

const payloadTags = new Set(['script', 'img', 'image', 'iframe', 'frame', 'object', 'embed', 'use', 'animate', 'set', 'feimage', 'foreignobject', 'math', 'link', 'meta', 'base', 'form', 'input']);

describe.each<RoundcubeSkin>(['elastic', 'larry'])('HTML payloads in a lure, Roundcube (%s)', (skin) => {
  let lab: WebmailLab;
  let browser: TestBrowser;
  let page: Page;
  let frame: Frame;

  beforeAll(async () => {
    lab = await startLab({ skin, domain: 'soctrang.gov.vn', messages: [join(mails, 'html-payload-lure.eml')] });
    browser = await launchBrowser({ hosts: [host] });
    page = await browser.context.newPage();
    await loginToRoundcube(page, `http://${host}:${lab.port}`, lab);
    await waitForRoundcubeInbox(page, subject);
    frame = await openRoundcubeMessage(page, subject);
  });

  afterAll(async () => {
    await browser?.close();
    await lab?.stop();
  });

  it('flags the message as danger and names the payload as a reason', async () => {
    expect(await verdictOf(frame)).toBe('danger');
    const banner = frame.locator('khienthu-banner');
    await expect.poll(() => banner.getAttribute('data-khienthu-level')).toBe('danger');
    const reason = banner.locator('[data-reason="text.html-payload"]');
    expect(await reason.count()).toBe(1);
    // the payload is shown, as the characters it is made of
    const text = (await reason.textContent()) ?? '';
    expect(text).toMatch(/<svg onload=|<img src=x onerror=/);
    expect(text).toContain('__khienthuPwned');
    // the script carried by the body's SVG and the SVG attachment are named too (from the raw source)
    const ids = await banner.locator('[data-reason]').evaluateAll((items) => items.map((item) => item.getAttribute('data-reason')));
    expect(ids).toEqual(expect.arrayContaining(['text.html-payload', 'link.script-url', 'attachment.html']));
  });

  it('renders every payload as text: nothing of theirs exists inside the banner', async () => {
    const inventory = await shadowInventory(frame);
    expect(inventory).not.toBeNull();
    // (WXT's shadow root carries the banner's stylesheet as a <style> of its own: that one is ours)
    expect(inventory!.filter((el) => payloadTags.has(el.tag))).toEqual([]);
    expect(inventory!.flatMap((el) => el.handlers)).toEqual([]);
    // the one <svg> is the banner's own drawn icon
    expect(inventory!.filter((el) => el.tag === 'svg').map((el) => el.className)).toEqual(['banner__icon']);
    expect(inventory!.filter((el) => /^\s*(javascript|data):/i.test(el.href))).toEqual([]);
  });

  it('lets no payload run, in the message frame or the page around it', async () => {
    // control: the same payload inserted as HTML does set the marker, so its absence means something
    await frame.evaluate(() => {
      const probe = document.createElement('div');
      probe.id = 'khienthu-control';
      probe.hidden = true;
      probe.innerHTML = '<img src="x" onerror="window.__khienthuControl = true">';
      document.body.append(probe);
    });
    await frame.waitForFunction(() => (window as { __khienthuControl?: boolean }).__khienthuControl === true);
    await frame.evaluate(() => document.getElementById('khienthu-control')?.remove());
    // …and by then any payload the banner had inserted would have fired as well
    expect(await markers(page)).toEqual(page.frames().map(() => null));
  });

  it('shows the payload link\'s text as text in the link guard\'s question, without running it', async () => {
    await frame.locator('#messagebody a[href*="upcorss.weebly.com"]').first().click();
    const dialog = frame.locator('khienthu-link-guard [role="alertdialog"]');
    await dialog.waitFor();
    expect((await dialog.textContent()) ?? '').toContain('<img src=x onerror=');
    const inventory = await shadowInventory(frame, 'khienthu-link-guard');
    expect(inventory!.filter((el) => payloadTags.has(el.tag))).toEqual([]);
    expect(inventory!.flatMap((el) => el.handlers)).toEqual([]);
    expect(await markers(page)).toEqual(page.frames().map(() => null));
    await frame.locator('khienthu-link-guard [data-khienthu-action="cancel"]').click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows the payload as text in the full view too, without running it', async () => {
    const full = new URL(frame.url());
    full.searchParams.set('_action', 'show');
    full.searchParams.delete('_framed');
    const view = await browser.context.newPage();
    try {
      await view.goto(full.toString());
      expect(await verdictOf(view.mainFrame())).toBe('danger');
      expect(await view.locator('khienthu-banner [data-reason="text.html-payload"]').count()).toBe(1);
      const inventory = await shadowInventory(view.mainFrame());
      expect(inventory!.filter((el) => ['script', 'img', 'iframe', 'use', 'animate'].includes(el.tag))).toEqual([]);
      expect(await markers(view)).toEqual(view.frames().map(() => null));
    } finally {
      await view.close();
    }
  });
});
