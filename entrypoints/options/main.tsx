import '@/components/options/options.css';
import { createRoot } from 'react-dom/client';
import { OptionsPage } from '@/components/options/OptionsPage';
import { t } from '@/lib/i18n';
import { resolvePolicy } from '@/lib/policy/resolve';
import { onUserOptionsChanged, readPolicyLayers, saveUserOptions } from '@/lib/policy/store';
import { sanitizeWarningText } from '@/lib/policy/warning-text';
import { extraWebmailMatches, grantedMatches } from '@/lib/policy/webmail-hosts';
import { readTrustedSenders, trustChangedKey, untrustSender } from '@/lib/trust/store';
import { guardMessage, type FingerprintSummary } from '@/lib/password-guard/protocol';

const root = createRoot(document.getElementById('root')!);

async function show(): Promise<void> {
  const { managed, user } = await readPolicyLayers();
  const resolved = resolvePolicy({ managed, user });
  const needed = extraWebmailMatches(resolved.policy.webmailHosts);
  const granted = await grantedMatches(needed);
  const trusted = await readTrustedSenders();
  // the fingerprint lives in the background's IndexedDB: the background says when and where it was taken
  const fingerprint = (await browser.runtime.sendMessage({ type: guardMessage.fingerprint }).catch(() => null)) as FingerprintSummary | null;
  const locale = resolved.settings.locale;
  document.documentElement.lang = locale;
  document.title = t(locale, 'options.title');
  document.body.dataset.khienthuReady = 'true';
  root.render(
    <OptionsPage
      resolved={resolved}
      userOptions={user}
      onSave={saveUserOptions}
      sanitize={sanitizeWarningText}
      trustedSenders={{ trusted, onRemove: untrustSender }}
      passwordGuard={{
        fingerprint: fingerprint ? { savedAt: fingerprint.savedAt, host: fingerprint.host } : undefined,
        onForget: () => browser.runtime.sendMessage({ type: guardMessage.forget }).then(show),
      }}
      hostAccess={{
        needed,
        granted,
        // no await before this call: the browser grants only from the click itself
        onRequest: () => void browser.permissions.request({ origins: needed.filter((p) => !granted.includes(p)) }).then(show),
      }}
    />,
  );
}

void show();
// The admin's policy can change while the page is open; so can the options, from another window.
browser.storage.onChanged.addListener((changes, area) => {
  if (area === 'managed' || (area === 'local' && trustChangedKey in changes)) void show();
});
onUserOptionsChanged(() => void show());
