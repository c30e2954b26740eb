// @vitest-environment happy-dom
// @vitest-environment-options { "url": "https://dang-nhap-laichau.com/login" }
/**
 * The password guard's content script runs in every frame of every page: it must cost nothing
 * where it has nothing to do, never let an error reach the page, and forward only what the user
 * really typed (a page that fakes key events must not be able to test guesses against it).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import contentScript from '../../entrypoints/password-guard.content/index';
import { guardMessage } from '../../lib/password-guard/protocol';
import { guardSwitchKey } from '../../lib/password-guard/switch';

let ctx: ContentScriptContext;
beforeEach(() => {
  fakeBrowser.reset();
  document.body.innerHTML = '<form><input type="text" name="u"><input type="password" name="p"></form>';
});
afterEach(() => {
  ctx?.notifyInvalidated();
  vi.restoreAllMocks();
});

async function run(answer: (request: { type: string }) => unknown) {
  const sent: { type: string; text?: string }[] = [];
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (request: { type: string }) => {
    sent.push(request);
    return answer(request);
  }) as never);
  const { main, ...options } = contentScript;
  ctx = new ContentScriptContext('password-guard', options);
  main(ctx);
  await vi.waitFor(() => expect(sent.length).toBeGreaterThan(0));
  await new Promise((resolve) => setTimeout(resolve, 0));
  return sent;
}

describe('the password guard content script', () => {
  it('asks once and does nothing more when the guard is off', async () => {
    const listened = vi.spyOn(window, 'addEventListener');
    const sent = await run(() => ({ role: 'off' }));
    document.querySelector<HTMLInputElement>('input[type=password]')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    expect(sent.map((m) => m.type)).toEqual([guardMessage.hello]);
    expect(listened).not.toHaveBeenCalled();
  });

  it('asks nothing at all once the background has switched the guard off', async () => {
    await fakeBrowser.storage.local.set({ [guardSwitchKey]: false });
    const sent = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    const read = vi.spyOn(fakeBrowser.storage.local, 'get');
    const { main, ...options } = contentScript;
    ctx = new ContentScriptContext('password-guard', options);
    main(ctx);
    await vi.waitFor(() => expect(read).toHaveBeenCalledWith(guardSwitchKey));
    await read.mock.results[0]!.value;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).not.toHaveBeenCalled();
  });

  it('asks as before when the switch says on', async () => {
    await fakeBrowser.storage.local.set({ [guardSwitchKey]: true });
    const sent = await run(() => ({ role: 'off' }));
    expect(sent.map((m) => m.type)).toEqual([guardMessage.hello]);
  });

  it('stays quiet when the background cannot be reached', async () => {
    const errors = vi.fn();
    window.addEventListener('error', errors);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist'));
    const { main, ...options } = contentScript;
    ctx = new ContentScriptContext('password-guard', options);
    expect(() => main(ctx)).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(errors).not.toHaveBeenCalled();
  });

  it('ignores key and paste events a page makes up', async () => {
    const sent = await run((request) => (request.type === guardMessage.hello ? { role: 'watch', keys: true, lookalikeWords: [] } : { checked: 1 }));
    const field = document.querySelector<HTMLInputElement>('input[type=password]')!;
    for (const key of 'secret') field.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    field.dispatchEvent(new Event('paste', { bubbles: true }));
    await new Promise((resolve) => setTimeout(resolve, 0));
    // happy-dom's dispatched events are untrusted, as a page's own would be
    expect(sent.filter((m) => m.type === guardMessage.keys)).toEqual([]);
  });

  it('says when a page with a password field names the webmail', async () => {
    document.title = 'Roundcube Webmail :: Đăng nhập';
    const sent = await run((request) => (request.type === guardMessage.hello ? { role: 'watch', keys: false, lookalikeWords: ['Roundcube', 'Zimbra'] } : undefined));
    await vi.waitFor(() => expect(sent.map((m) => m.type)).toContain(guardMessage.lookalike));
    expect(sent.find((m) => m.type === guardMessage.lookalike)).toEqual({ type: guardMessage.lookalike, evidence: 'Roundcube' });
  });
});
