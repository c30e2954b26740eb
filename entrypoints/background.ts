import { getHostname } from 'tldts';
import { checkMessage } from '@/lib/check';
import { isCheckRequest, type CheckResponse } from '@/lib/messaging';
import { resolvePolicy, type ResolvedPolicy } from '@/lib/policy/resolve';
import { cachePolicyLayers, migrateSyncedOptions } from '@/lib/policy/store';
import { registerExtraWebmailHosts } from '@/lib/policy/webmail-hosts';
import { base64ToBytes, maxRawBytes } from '@/lib/webmail/raw-source';
import { capDomMessage } from '@/lib/webmail/cap';
import { isReportRequest } from '@/lib/report/messages';
import { ReportService } from '@/lib/report/service';
import { reportedArea } from '@/lib/report/reported-store';
import { installPasswordGuard, setPasswordAlertDelivery } from '@/lib/password-guard/service';
import { publishGuardSwitch } from '@/lib/password-guard/switch';
import { passwordAlertCompose } from '@/lib/report/password-alert';
import { handleTrustSender } from '@/lib/trust/handler';
import { isTrustSenderRequest, type TrustSenderResponse } from '@/lib/trust/request';
import { migrateLocalTrust, trustedSendersFor } from '@/lib/trust/store';
import { hostOfSender } from '@/lib/sender';

export default defineBackground(() => {
  // Resolved once per host and per change of managed storage or the user's options.
  const resolved = new Map<string, Promise<ResolvedPolicy>>();
  const registerHosts = () =>
    policyFor('')
      .then(({ policy }) => registerExtraWebmailHosts(policy.webmailHosts))
      .catch((error: unknown) => console.warn('[Khiên Thư] could not register the webmail hosts:', error));
  // the password guard's script in every page asks nothing while the guard is off
  const publishGuard = () =>
    policyFor('')
      .then(({ policy }) => publishGuardSwitch(browser.storage.local, policy.passwordGuard.enabled))
      .catch((error: unknown) => console.warn('[Khiên Thư] could not publish whether the password guard is on:', error));
  const layers = cachePolicyLayers(() => {
    resolved.clear();
    void registerHosts();
    void publishGuard();
  });
  function policyFor(host: string): Promise<ResolvedPolicy> {
    let policy = resolved.get(host);
    if (!policy) {
      policy = layers.layers().then(({ managed, user }) => resolvePolicy({ managed, user, host: host || undefined }));
      policy.catch(() => resolved.delete(host));
      resolved.set(host, policy);
    }
    return policy;
  }

  void registerHosts();
  void publishGuard();
  void migrateLocalTrust().catch((error: unknown) => console.warn('[Khiên Thư] could not move the trusted senders out of storage.local:', error));
  void migrateSyncedOptions().catch((error: unknown) => console.warn('[Khiên Thư] could not move the options out of storage.sync:', error));
  // The password guard (issue #7): fingerprint, typed-key checks and its warnings, with the same policies.
  installPasswordGuard(policyFor);
  // Reports: what was reported (the background's IndexedDB), and the report in progress per tab (storage.session).
  const reports = new ReportService(reportedArea(), browser.storage.session, {
    alertSent: async (tab) => void (await browser.tabs.remove(tab).catch(() => undefined)),
    reopen: async (tab, url) => void (await browser.tabs.update(tab, { url })),
  });
  // Password alerts whose tab is being opened: a compose page that asks for its report meanwhile
  // waits for them, so it cannot ask before its report is there.
  let alertTabsOpening: Promise<unknown> = Promise.resolve();
  browser.runtime.onMessage.addListener((request: unknown, sender) => {
    if (!isReportRequest(request) || sender.id !== browser.runtime.id) return undefined;
    // the report's recipients and its host are checked against the policy of the frame that asks
    const host = hostOfSender(sender);
    return alertTabsOpening.then(() => policyFor(host)).then(({ policy }) => reports.handle(request, { tab: sender.tab?.id, host, policy }));
  });
  browser.tabs.onRemoved.addListener((tab) => void reports.forgetTab(tab));
  // The password guard's alert to the help desk goes the report's way: Roundcube's compose, in a
  // tab of its own, sent at once, the tab closed once Roundcube says it is sent. The tab is opened
  // on the compose's address itself: a blank tab sent there afterwards was seen to stay blank
  // ("unloaded") in Chromium 156, and the alert with it.
  setPasswordAlertDelivery(async (alert, webmail) => {
    const compose = passwordAlertCompose(alert, webmail, browser.runtime.getManifest().version);
    if (!compose) return false;
    const opening = (async () => {
      const tab = await browser.tabs.create({ url: compose.url, active: false });
      if (tab.id === undefined) return false;
      await reports.begin(tab.id, webmail.fingerprint.host, compose.pending);
      return true;
    })();
    alertTabsOpening = Promise.all([alertTabsOpening, opening.catch(() => false)]);
    return opening;
  });

  browser.permissions.onAdded.addListener(() => void registerHosts());
  browser.permissions.onRemoved.addListener(() => void registerHosts());

  browser.runtime.onMessage.addListener((request: unknown, sender): Promise<CheckResponse> | undefined => {
    if (!isCheckRequest(request) || sender.id !== browser.runtime.id) return undefined;
    // The organisation is decided by the page the message was read on, never by what the page says.
    const host = getHostname(sender.url ?? sender.tab?.url ?? '') ?? '';
    const raw = request.rawBase64 ? base64ToBytes(request.rawBase64) : undefined;
    return policyFor(host)
      .then(async ({ policy }) => checkMessage(capDomMessage(request.message), raw && raw.subarray(0, maxRawBytes), policy, await trustedSendersFor(host)))
      .then(
        (result): CheckResponse => ({ ok: true, result }),
        (error: unknown): CheckResponse => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
  });

  // "I know this sender": for the host of the frame that asks, as for a check.
  browser.runtime.onMessage.addListener((request: unknown, sender): Promise<TrustSenderResponse> | undefined => {
    if (!isTrustSenderRequest(request) || sender.id !== browser.runtime.id) return undefined;
    const host = getHostname(sender.url ?? sender.tab?.url ?? '') ?? '';
    return policyFor(host)
      .then(({ policy }) => handleTrustSender(request, host, policy))
      .catch((error: unknown): TrustSenderResponse => ({ ok: false, error: error instanceof Error ? error.message : String(error) }));
  });
});
