import { clientOf, findLoginField, isWebmailLogin, lookalikeEvidence, looksLoggedIn, webmailUrlOf } from '@/lib/password-guard/page';
import { guardMessage, type GuardRequest, type HelloResponse } from '@/lib/password-guard/protocol';
import { guardSwitchedOff } from '@/lib/password-guard/switch';

/**
 * The password guard in every page (see lib/password-guard/service.ts for the background's half).
 * It asks the background once what this page is, and then:
 * - on the webmail: hands over the password when the login form is submitted (the background
 *   keeps only its fingerprint), and says whether the next page is past the login;
 * - elsewhere: forwards typed and pasted characters, and says when the page imitates the login;
 * It shows nothing itself: a warning is the extension's own page, to which the background sends the
 * tab (a page cannot close, cover or read it). It never reads the fingerprint, never stores
 * anything, and never lets an error reach the page.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  // data:, blob: and about: frames too (by their creator's origin): a lure that builds its form in
  // a data: frame is still watched. Chromium only; Firefox MV2 has no such key.
  matchOriginAsFallback: { chrome: true, edge: true },
  runAt: 'document_start',

  main(ctx) {
    start(ctx).catch(quiet);
  },
});

type Context = InstanceType<typeof ContentScriptContext>;

function quiet(error: unknown): void {
  console.debug('[Khiên Thư] password guard:', error);
}

function send(request: GuardRequest): Promise<unknown> {
  return browser.runtime.sendMessage(request).catch(() => undefined);
}

function onReady(ctx: Context, run: () => void): void {
  const safely = () => {
    try {
      run();
    } catch (error) {
      quiet(error);
    }
  };
  if (document.readyState === 'loading') ctx.addEventListener(document, 'DOMContentLoaded', safely, { once: true });
  else safely();
}

async function start(ctx: Context): Promise<void> {
  // the guard switched off: not a word to the background, which then sleeps on
  if (await guardSwitchedOff(browser.storage.local)) return;
  const role = (await send({ type: guardMessage.hello })) as HelloResponse | undefined;
  if (!role || role.role === 'off' || ctx.isInvalid) return;
  if (role.role === 'webmail') {
    captureLogin(ctx, role.loginSelectors, role.confirm);
  } else {
    if (role.keys) watchTyping(ctx);
    watchLookalike(ctx, role.lookalikeWords);
  }
}

/**
 * On the webmail: the password goes to the background in the submit handler, and only there
 * (capture phase, before the page's own handlers). The background hashes it at once and keeps
 * the fingerprint pending until this tab shows the webmail past its login.
 */
function captureLogin(ctx: Context, selectors: readonly string[], confirm: boolean): void {
  ctx.addEventListener(
    document,
    'submit',
    (event) => {
      try {
        const field = findLoginField(document, selectors);
        if (!field || !(event.target instanceof HTMLFormElement) || field.form !== event.target || !field.value) return;
        // a *.gov.vn host that policy does not name is the webmail only if its form is the real one
        if (confirm && !isWebmailLogin(field)) return;
        void send({ type: guardMessage.login, password: field.value, webmailUrl: webmailUrlOf(location), client: clientOf(document, field) });
      } catch (error) {
        quiet(error);
      }
    },
    { capture: true },
  );
  if (window === window.top) {
    onReady(ctx, () => void send({ type: guardMessage.page, loggedIn: !findLoginField(document, selectors) && looksLoggedIn(document) }));
  }
}

/**
 * Elsewhere: every typed character (and Backspace) and every paste goes to the background, which
 * does the same work for each whatever it is. Only the user's own input counts: a page that
 * synthesises key events cannot use the warning to test guesses.
 */
function watchTyping(ctx: Context): void {
  ctx.addEventListener(
    window,
    'keydown',
    (event) => {
      try {
        if (!event.isTrusted || event.isComposing || event.metaKey || (event.ctrlKey && !event.altKey)) return;
        if (event.key === 'Backspace') void send({ type: guardMessage.keys, backspace: true });
        else if (event.key.length === 1 || (event.key.length === 2 && event.key.codePointAt(0)! > 0xffff)) {
          void send({ type: guardMessage.keys, text: event.key });
        }
      } catch (error) {
        quiet(error);
      }
    },
    { capture: true },
  );
  ctx.addEventListener(
    window,
    'paste',
    (event) => {
      try {
        const text = event.isTrusted ? event.clipboardData?.getData('text/plain') : undefined;
        if (text) void send({ type: guardMessage.keys, text: text.slice(0, 4096) });
      } catch (error) {
        quiet(error);
      }
    },
    { capture: true },
  );
}

/** A password field on a page that names the province or the webmail: said before anything is typed. */
function watchLookalike(ctx: Context, words: readonly string[]): void {
  let said = false;
  const check = () => {
    if (said || ctx.isInvalid) return;
    const evidence = lookalikeEvidence(document, words);
    if (!evidence) return;
    said = true;
    void send({ type: guardMessage.lookalike, evidence });
  };
  onReady(ctx, check);
  ctx.addEventListener(
    document,
    'focusin',
    (event) => {
      try {
        if (event.target instanceof HTMLInputElement && event.target.type === 'password') check();
      } catch (error) {
        quiet(error);
      }
    },
    { capture: true },
  );
}
