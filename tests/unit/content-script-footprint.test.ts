// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://mail.soctrang.gov.vn/", "settings": { "enableIframePageLoading": true, "disableJavaScriptEvaluation": true, "disableCSSFileLoading": true } }
/**
 * What the content script costs a page. On a `*.gov.vn` page that is not a webmail it does one
 * cheap check and nothing else; on a single-page webmail (Zimbra) it keeps one observer however
 * many messages are opened (the end-to-end test counts the banners: one).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import contentScript from '../../entrypoints/webmail.content/index';
import { zimbraClassicAdapter } from '../../lib/webmail/zimbra-classic';

const fixtures = join(import.meta.dirname, '../fixtures/zimbra');
const fixture = (file: string) => readFileSync(join(fixtures, file), 'utf8');
const bodyHtml = (file: string) => fixture(file).replace(/^\s*<!--[\s\S]*?-->\s*/, '');

let observersMade = 0;
const NativeObserver = window.MutationObserver;

beforeEach(() => {
  fakeBrowser.reset();
  observersMade = 0;
  window.MutationObserver = class extends NativeObserver {
    constructor(callback: MutationCallback) {
      super(callback);
      observersMade += 1;
    }
  };
  globalThis.MutationObserver = window.MutationObserver;
});

afterEach(() => {
  window.MutationObserver = NativeObserver;
  globalThis.MutationObserver = NativeObserver;
  vi.restoreAllMocks();
  vi.useRealTimers();
});

describe('on a page that is not a webmail', () => {
  it('returns after one cheap check: no observer, no listener, no message, no download, no mark', async () => {
    document.body.innerHTML = '<main><h1>Cổng thông tin điện tử tỉnh Sóc Trăng</h1><p>Tin tức</p><div id="messagebody">not mail</div></main>';
    const sendMessage = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const onMessage = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    const fetched = vi.spyOn(globalThis, 'fetch');
    const { main, ...options } = contentScript;
    // (WXT's context listens for a newer copy of the script starting: that is WXT's, not ours)
    const ctx = new ContentScriptContext('webmail', options);
    const listened = vi.spyOn(document, 'addEventListener');
    await main(ctx);
    expect(observersMade).toBe(0);
    expect(listened).not.toHaveBeenCalled();
    expect(onMessage).not.toHaveBeenCalled();
    expect(sendMessage).not.toHaveBeenCalled();
    expect(fetched).not.toHaveBeenCalled();
    expect(document.documentElement.hasAttribute('data-khienthu-scanned')).toBe(false);
    ctx.notifyInvalidated();
  });
});

describe('on Zimbra Classic', () => {
  function writeBody(file: string): void {
    const idoc = (document.getElementById('zv__TV-main__MSG__body__iframe') as HTMLIFrameElement).contentDocument!;
    idoc.open();
    idoc.write(bodyHtml(file));
    idoc.close();
  }

  it('keeps one observer through 300 messages, and calls back once per message', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const parsed = new DOMParser().parseFromString(fixture('classic-reading-pane.html'), 'text/html');
    document.body.replaceWith(document.importNode(parsed.body, true));
    writeBody('lure-body.html');
    const views = {
      lure: document.getElementById('zv__TV-main__MSG')!.innerHTML,
      benign: (document.getElementById('next-message') as HTMLTemplateElement).innerHTML,
    };
    const onChange = vi.fn();
    const stop = zimbraClassicAdapter.watch(document, onChange);
    for (let i = 0; i < 300; i += 1) {
      const which = i % 2 === 0 ? 'benign' : 'lure';
      const view = document.getElementById('zv__TV-main__MSG')!;
      view.replaceChildren();
      view.insertAdjacentHTML('beforeend', views[which]);
      writeBody(`${which}-body.html`);
      await Promise.resolve();
      vi.advanceTimersByTime(150);
    }
    stop();
    expect(observersMade).toBe(1);
    expect(onChange).toHaveBeenCalledTimes(300);
  }, 30_000);
});
