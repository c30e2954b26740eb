// @vitest-environment happy-dom
/**
 * A failure inside the extension never breaks the webmail. The real content script (its `main`,
 * unchanged) runs on a Roundcube page saved from the lab, with a part of the extension forced to
 * fail: the adapter's reading, the background, the adapter's detection. The page must come out as
 * it went in — its own listeners fire, its links are not held — with `data-khienthu-scanned="error"`
 * on <html> and one quiet warning in the console per failed check; where the page was read but the
 * background gave no verdict, the one thing added is the "could not check" notice. The end-to-end variant
 * (tests/e2e/failure.test.ts) does the same in Chromium on a real Roundcube.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import contentScript from '../../entrypoints/webmail.content/index';
import type { CheckResponse } from '../../lib/messaging';
import { webmailAdapters } from '../../lib/webmail';
import { roundcubeAdapter } from '../../lib/webmail/roundcube';

const pageUrl = 'http://mail.soctrang.gov.vn/?_task=mail&_caps=pdf%3D1&_uid=1&_mbox=INBOX&_framed=1&_action=preview';
const fixture = readFileSync(join(import.meta.dirname, '../fixtures/roundcube/elastic-preview-lure.html'), 'utf8')
  // no stylesheet or script is fetched or run by happy-dom: only the DOM matters here
  .replace(/<link\b[^>]*>/gi, '')
  .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');

function loadRoundcubePage(): void {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(pageUrl);
  const parsed = new DOMParser().parseFromString(fixture, 'text/html');
  const html = document.importNode(parsed.documentElement, true);
  document.removeChild(document.documentElement);
  document.appendChild(html);
}

let ctx: ContentScriptContext;
let warn: ReturnType<typeof vi.spyOn>;
let errors: ReturnType<typeof vi.spyOn>;

function runContentScript(): void {
  const { main, ...options } = contentScript;
  ctx = new ContentScriptContext('webmail', options);
  void main(ctx);
}

const scanned = () => document.documentElement.getAttribute('data-khienthu-scanned');
const ourWarnings = () => warn.mock.calls.filter((call: unknown[]) => String(call[0]).startsWith('[Khiên Thư]'));

/** What a user does on the page, answered by the page's own listeners (Roundcube's, here a stand-in). */
function pageStillWorks(): void {
  const link = document.querySelector<HTMLAnchorElement>('#messagebody a[href]');
  expect(link, 'the message body has a link').not.toBeNull();
  let heldBeforePage: boolean | undefined;
  const pageHandler = vi.fn((event: Event) => {
    heldBeforePage = event.defaultPrevented;
    // the test's own doing: happy-dom would really navigate to the lure's site
    event.preventDefault();
  });
  document.addEventListener('click', pageHandler);
  link!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  document.removeEventListener('click', pageHandler);
  expect(pageHandler).toHaveBeenCalledTimes(1);
  expect(heldBeforePage, 'the link still opens').toBe(false);
}

beforeEach(() => {
  fakeBrowser.reset();
  loadRoundcubePage();
  // the raw-message download: no network in unit tests (a 404 is "no source", the page is read)
  vi.spyOn(globalThis, 'fetch').mockResolvedValue(new Response('', { status: 404 }));
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

afterEach(() => {
  ctx?.notifyInvalidated();
  vi.restoreAllMocks();
});

describe('a failure inside the extension', () => {
  it('when the adapter cannot read the message: the page is left as it was, marked "error", warned once', async () => {
    const failure = new Error('the adapter broke');
    const read = vi.spyOn(roundcubeAdapter, 'readMessage').mockImplementation(() => {
      throw failure;
    });
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const before = document.body.innerHTML;

    runContentScript();
    await vi.waitFor(() => expect(scanned()).toBe('error'));

    expect(read).toHaveBeenCalledTimes(1);
    // nothing is sent to be checked (the only question is whether a report is in progress in this tab)
    expect(send.mock.calls.map(([request]) => (request as unknown as { type: string }).type)).toEqual(['khienthu:report-state']);
    expect(ourWarnings()).toEqual([['[Khiên Thư] could not check this message:', failure]]);
    expect(errors).not.toHaveBeenCalled();
    expect(document.querySelector('khienthu-banner')).toBeNull();
    expect(document.body.innerHTML).toBe(before);
    pageStillWorks();
  });

  it('when the background does not answer: a "could not check" notice, and nothing else of the page changes', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    const before = document.body.innerHTML;

    runContentScript();
    await vi.waitFor(() => expect(scanned()).toBe('error'));

    expect(ourWarnings()).toHaveLength(1);
    expect(errors).not.toHaveBeenCalled();
    const notices = document.querySelectorAll('khienthu-banner');
    expect([...notices].map((notice) => notice.getAttribute('data-khienthu-level'))).toEqual(['unchecked']);
    notices[0]!.remove();
    expect(document.body.innerHTML).toBe(before);
    pageStillWorks();
  });

  it('when the background answers with an error: the same', async () => {
    const answer: CheckResponse = { ok: false, error: 'scoring failed' };
    // the fake's sendMessage is typed as answering nothing; the real one answers what the background returns
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((() => Promise.resolve(answer)) as unknown as typeof fakeBrowser.runtime.sendMessage);

    runContentScript();
    await vi.waitFor(() => expect(scanned()).toBe('error'));

    expect(ourWarnings()).toHaveLength(1);
    expect(String((ourWarnings()[0] as unknown[])[1])).toContain('scoring failed');
    expect(document.querySelector('khienthu-banner')?.getAttribute('data-khienthu-level')).toBe('unchecked');
    pageStillWorks();
  });

  it('when an adapter cannot even tell whether the page is its client: the others are asked, nothing throws', async () => {
    for (const adapter of webmailAdapters) {
      vi.spyOn(adapter, 'detect').mockImplementation(() => {
        throw new Error(`${adapter.id} detect broke`);
      });
    }
    const { main, ...options } = contentScript;
    ctx = new ContentScriptContext('webmail', options);
    expect(() => main(ctx)).not.toThrow();
    for (const adapter of webmailAdapters) expect(adapter.detect, adapter.id).toHaveBeenCalled();
    expect(scanned()).toBeNull();
    expect(document.querySelector('khienthu-banner')).toBeNull();
    pageStillWorks();
  });
});
