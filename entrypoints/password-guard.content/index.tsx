import css from '@/components/password-guard.css?inline';
import { createRoot, type Root } from 'react-dom/client';
import { LookalikeWarning, PasswordWarning } from '@/components/PasswordGuardWarning';
import { clientOf, findLoginField, isWebmailLogin, lookalikeEvidence, looksLoggedIn, webmailUrlOf } from '@/lib/password-guard/page';
import {
  guardMessage,
  isTabGuardMessage,
  passwordAlertMessage,
  type GuardRequest,
  type HelloResponse,
  type PasswordAlertResponse,
  type TabGuardMessage,
} from '@/lib/password-guard/protocol';

/**
 * The password guard in every page (see lib/password-guard/service.ts for the background's half).
 * It asks the background once what this page is, and then:
 * - on the webmail: hands over the password when the login form is submitted (the background
 *   keeps only its fingerprint), and says whether the next page is past the login;
 * - elsewhere: forwards typed and pasted characters, and says when the page imitates the login;
 * - when the background says so: shows the warning.
 * It never reads the fingerprint, never stores anything, and never lets an error reach the page.
 */
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_start',
  // the stylesheet is inlined into the shadow root: nothing is made web-accessible to every site
  cssInjectionMode: 'manual',

  main(ctx) {
    start(ctx).catch(quiet);
  },
});

type Context = InstanceType<typeof ContentScriptContext>;

const warningTag = 'khienthu-password-guard';

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
  const role = (await send({ type: guardMessage.hello })) as HelloResponse | undefined;
  if (!role || role.role === 'off' || ctx.isInvalid) return;
  listenForWarnings(ctx);
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

function listenForWarnings(ctx: Context): void {
  let shown: { ui: ShadowRootContentScriptUi<Root>; stop: () => void } | undefined;
  const close = () => {
    shown?.stop();
    shown?.ui.remove();
    shown = undefined;
  };

  const show = async (message: TabGuardMessage) => {
    if (shown) {
      // whatever is shown already says as much as a lookalike warning; a full warning replaces it
      if (message.type === guardMessage.warnLookalike) return;
      close();
    }
    const kind = message.type === guardMessage.warn ? 'password' : 'lookalike';
    const ui = await createShadowRootUi<Root>(ctx, {
      name: warningTag,
      position: 'modal',
      zIndex: 2147483647,
      css,
      isolateEvents: true,
      onMount(container, _shadow, host) {
        host.setAttribute('data-khienthu-warning', kind);
        container.style.zIndex = '2147483647';
        const root = createRoot(container);
        root.render(
          message.type === guardMessage.warn ? (
            <PasswordWarning
              warning={message.warning}
              onReport={() => browser.runtime.sendMessage({ type: passwordAlertMessage }) as Promise<PasswordAlertResponse | undefined>}
              onClose={close}
            />
          ) : (
            <LookalikeWarning
              warning={message.warning}
              onStay={close}
              onLeave={() => {
                close();
                if (history.length > 1) history.back();
                else location.replace('about:blank');
              }}
            />
          ),
        );
        return root;
      },
      onRemove(root) {
        root?.unmount();
      },
    });
    if (ctx.isInvalid) return;
    ui.mount();
    // a page that takes the warning out of its DOM gets it back
    const watch = setInterval(() => {
      if (!ui.shadowHost.isConnected) (document.body ?? document.documentElement).append(ui.shadowHost);
    }, 500);
    shown = { ui, stop: () => clearInterval(watch) };
  };

  const listener = (message: unknown): Promise<boolean> | undefined => {
    if (!isTabGuardMessage(message)) return undefined;
    return show(message).then(
      () => true,
      (error: unknown) => {
        quiet(error);
        return false;
      },
    );
  };
  browser.runtime.onMessage.addListener(listener);
  ctx.onInvalidated(() => {
    browser.runtime.onMessage.removeListener(listener);
    close();
  });
}
