/**
 * The password guard's warning, on the extension's own page: the background sends the tab here
 * when the webmail password was typed on a foreign site, or when a foreign page imitates the
 * webmail's login. The page it replaces cannot close, cover or read it, and nothing of the policy
 * (the organisation, its hotlines) ever enters that page's DOM. The page is not web-accessible:
 * no site can open or frame it.
 */
import '@/components/password-guard.css';
import { createRoot } from 'react-dom/client';
import { LookalikeWarning, PasswordWarning } from '@/components/PasswordGuardWarning';
import { t } from '@/lib/i18n';
import { guardMessage, passwordAlertMessage, type GuardWarning, type PasswordAlertResponse } from '@/lib/password-guard/protocol';

const root = createRoot(document.getElementById('root')!);

async function closeTab(): Promise<void> {
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
}

/** Back to the page the warning replaced (`steps` 1), or past it (2); the tab closes when there is none. */
function back(steps: 1 | 2): void {
  if (history.length > steps) history.go(-steps);
  else void closeTab();
}

async function show(): Promise<void> {
  const shown = (await browser.runtime.sendMessage({ type: guardMessage.warning })) as GuardWarning | undefined;
  if (!shown) {
    // opened by hand, or the tab's warning is gone (the browser restarted): nothing to say
    document.title = t('vi', 'passwordGuard.brand');
    document.body.dataset.khienthuReady = 'none';
    return;
  }
  const { locale } = shown.warning;
  document.documentElement.lang = locale;
  document.title = t(locale, shown.kind === 'password' ? 'passwordGuard.title' : 'passwordGuard.lookalike.title');
  root.render(
    shown.kind === 'password' ? (
      <PasswordWarning
        warning={shown.warning}
        onReport={() => browser.runtime.sendMessage({ type: passwordAlertMessage }) as Promise<PasswordAlertResponse | undefined>}
        onClose={() => back(1)}
      />
    ) : (
      <LookalikeWarning
        warning={shown.warning}
        onLeave={() => back(2)}
        onStay={() => void browser.runtime.sendMessage({ type: guardMessage.proceed }).then(() => back(1))}
      />
    ),
  );
  document.body.dataset.khienthuReady = shown.kind;
}

void show();
