/**
 * The password guard's half in the background worker. Everything secret stays here: the
 * fingerprint is read from the extension's IndexedDB (store.ts) by this worker only, typed
 * characters are hashed and compared here, and no page (not even our own content script on it)
 * ever holds the salt or the hash. A page learns one thing: that the tab was sent to the
 * extension's warning page, once its user has typed the password.
 *
 * Why here and not in the page: a content script lives in the page's renderer process, where a
 * hostile page has the best chance to read memory it should not (Spectre-class attacks); and on
 * plain-http webmail pages Web Crypto is not even there. The cost is one extension message per key
 * on watched pages (well under a millisecond) and keystrokes passing through the worker's memory,
 * where they are never kept beyond the rolling window and never stored or sent.
 */
import { browser, type Browser } from 'wxt/browser';
import { getDomain } from 'tldts';
import { presetForDomain } from '../policy/presets';
import { hostOfSender, isExtensionPage } from '../sender';
import type { ResolvedPolicy } from '../policy/resolve';
import type { Policy } from '../policy/types';
import { createFingerprint, type Derive, type PasswordFingerprint } from './fingerprint';
import { RollingMatcher } from './matcher';
import {
  guardMessage,
  isGuardRequest,
  passwordAlertMessage,
  type GuardRequest,
  type GuardStatus,
  type KeysResponse,
  type LookalikeWarningData,
  type PasswordAlertResponse,
  type PasswordWarningData,
  type FingerprintSummary,
  type GuardWarning,
} from './protocol';
import { changePasswordUrl, guardRole, type GuardRole } from './roles';
import { addAlert, dropLegacyStorage, forgetFingerprint, readFingerprint, saveFingerprint, type PasswordAlert } from './store';

/**
 * Delivers an alert to the help desk through the webmail (the report flow's compose route, issue
 * #6). Until one is set, alerts are recorded only and the warning names the address to write to.
 * Resolves whether the alert went out.
 */
export type PasswordAlertDelivery = (alert: PasswordAlert, webmail: { policy: Policy; fingerprint: PasswordFingerprint }) => Promise<boolean>;

let alertDelivery: PasswordAlertDelivery | undefined;

/** The report flow (issue #6) plugs its compose route in here. */
export function setPasswordAlertDelivery(delivery: PasswordAlertDelivery | undefined): void {
  alertDelivery = delivery;
}


type Sender = Browser.runtime.MessageSender;

/** `storage.session` (trusted contexts only): the warning a tab was sent to, for a worker that slept. */
const warningKey = (tabId: number) => `passwordGuardWarning:${tabId}`;

/** Origin and path of the page the sender shows, or of its tab when the frame has no address of its own. */
function pageUrlOf(sender: Sender): string {
  for (const candidate of [sender.url, sender.tab?.url, sender.origin]) {
    try {
      const url = new URL(candidate ?? '');
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin + url.pathname;
    } catch {
      // next
    }
  }
  return '';
}

/**
 * Policies differ from host to host only by the preset their domain picks: every host without one
 * shares the policy of '' (so browsing the web does not fill the worker with resolved policies).
 */
export function policyHostFor(host: string): string {
  const domain = host ? getDomain(host) : null;
  return domain && presetForDomain(domain) ? host : '';
}

export interface PasswordGuardService {
  stop(): void;
  /** The same counters `khienthu:password-guard:status` answers with. */
  status(): GuardStatus;
}

export function installPasswordGuard(
  policyFor: (host: string) => Promise<ResolvedPolicy>,
  { derive, iterations, pauseMs, now = Date.now }: { derive?: Derive; iterations?: number; pauseMs?: number; now?: () => number } = {},
): PasswordGuardService {
  let fingerprint: Promise<PasswordFingerprint | undefined> | undefined;
  const currentFingerprint = () => {
    fingerprint ??= readFingerprint().catch(() => {
      fingerprint = undefined;
      return undefined;
    });
    return fingerprint;
  };
  /**
   * One window per tab, whichever of its frames typed (a page that splits the password field
   * across frames is still one page to the user), made for the fingerprint of the moment.
   */
  const matchers = new Map<string, { matcher: RollingMatcher; fingerprint: PasswordFingerprint }>();
  /** A fingerprint taken at a login submit, by tab, until that tab shows the webmail again. */
  const pending = new Map<number, { host: string; fingerprint: Promise<PasswordFingerprint | undefined> }>();
  const lastMatch = new Map<number, { pageUrl: string; at: number }>();
  /** The warning each tab was sent to (see `showWarning`), and the imitations the user chose to go on to (`tab|host`). */
  const warnings = new Map<number, GuardWarning>();
  const proceeded = new Set<string>();
  const stats: GuardStatus = { keysChecked: 0, checks: 0, matches: 0, lookalikes: 0, pending: 0, committed: 0, discarded: 0, rolesGiven: 0, roles: [] };

  /** The fingerprint was stored or forgotten: every window was made for the old one. */
  const fingerprintChanged = () => {
    fingerprint = undefined;
    for (const { matcher } of matchers.values()) matcher.clear();
    matchers.clear();
  };
  void dropLegacyStorage().catch(() => undefined);

  const onTabRemoved = (tabId: number) => {
    pending.delete(tabId);
    lastMatch.delete(tabId);
    warnings.delete(tabId);
    void browser.storage.session?.remove(warningKey(tabId)).catch(() => undefined);
    for (const key of [...proceeded]) if (key.startsWith(`${tabId}|`)) proceeded.delete(key);
    matchers.get(String(tabId))?.matcher.clear();
    matchers.delete(String(tabId));
  };
  browser.tabs?.onRemoved.addListener(onTabRemoved);

  async function situation(host: string) {
    const [{ policy }, fp] = await Promise.all([policyFor(policyHostFor(host)), currentFingerprint()]);
    const webmailPolicy = fp ? (await policyFor(policyHostFor(fp.host))).policy : undefined;
    return { role: guardRole({ host, policy, fingerprint: fp, webmailPolicy }), policy, fingerprint: fp, webmailPolicy: webmailPolicy ?? policy };
  }

  function matcherFor(key: string, fp: PasswordFingerprint): RollingMatcher {
    const existing = matchers.get(key);
    if (existing && existing.fingerprint === fp) return existing.matcher;
    existing?.matcher.clear();
    const matcher = new RollingMatcher(fp, { derive, pauseMs, onCheck: () => (stats.checks += 1) });
    matchers.set(key, { matcher, fingerprint: fp });
    return matcher;
  }

  /**
   * Sends the tab to the extension's warning page, which asks for this warning. A page cannot
   * close, cover or read what is not in its DOM; and the whole tab goes, whichever frame typed.
   */
  async function showWarning(tabId: number, shown: GuardWarning): Promise<void> {
    warnings.set(tabId, shown);
    await browser.storage.session?.set({ [warningKey(tabId)]: shown }).catch(() => undefined);
    await browser.tabs.update(tabId, { url: browser.runtime.getURL('/warning.html') });
  }

  async function warningOf(tabId: number): Promise<GuardWarning | undefined> {
    const kept = warnings.get(tabId);
    if (kept) return kept;
    // the worker slept between the warning and its page
    const stored = await browser.storage.session?.get(warningKey(tabId)).catch(() => undefined);
    return stored?.[warningKey(tabId)] as GuardWarning | undefined;
  }

  async function raiseAlert(alert: PasswordAlert, webmail: { policy: Policy; fingerprint: PasswordFingerprint } | undefined): Promise<PasswordAlertResponse> {
    await addAlert(alert);
    let delivered = false;
    if (alertDelivery && webmail) delivered = await alertDelivery(alert, webmail).catch(() => false);
    return { recorded: true, delivered };
  }

  function record(host: string, role: GuardRole): void {
    stats.rolesGiven += 1;
    stats.roles.push({ host, role: role.role, ...(role.role === 'watch' && { keys: role.keys }) });
    if (stats.roles.length > 20) stats.roles.shift();
  }

  async function handle(request: GuardRequest, sender: Sender): Promise<unknown> {
    const tabId = sender.tab?.id;
    const frameId = sender.frameId;
    const host = hostOfSender(sender);

    if (request.type === guardMessage.status || request.type === guardMessage.fingerprint || request.type === guardMessage.forget) {
      // our own pages only (the options page, the tests through it)
      if (!isExtensionPage(sender)) return undefined;
      if (request.type === guardMessage.status) return { ...stats, roles: [...stats.roles] } satisfies GuardStatus;
      if (request.type === guardMessage.forget) {
        await forgetFingerprint();
        fingerprintChanged();
        return true;
      }
      const fp = await currentFingerprint();
      return fp ? ({ host: fp.host, savedAt: fp.savedAt, iterations: fp.iterations, bits: fp.bits } satisfies FingerprintSummary) : null;
    }
    if (tabId === undefined) return undefined;
    // the warning page's questions: our own page in that tab only, never a content script
    if (request.type === guardMessage.warning) return isExtensionPage(sender) ? warningOf(tabId) : undefined;
    if (request.type === guardMessage.proceed) {
      const shown = isExtensionPage(sender) ? await warningOf(tabId) : undefined;
      if (shown?.kind !== 'lookalike') return false;
      proceeded.add(`${tabId}|${shown.warning.pageHost}`);
      return true;
    }
    if (request.type === passwordAlertMessage && !isExtensionPage(sender)) return undefined;
    const frameKey = String(tabId);
    const { role, fingerprint: fp, webmailPolicy } = await situation(host);

    switch (request.type) {
      case guardMessage.hello: {
        // a new page in the tab: nothing typed before it counts (a frame loading inside it,
        // an advertisement say, does not wipe what is being typed in the page)
        if ((frameId ?? 0) === 0) {
          matchers.get(frameKey)?.matcher.clear();
          matchers.delete(frameKey);
        }
        record(host, role);
        return role;
      }

      case guardMessage.keys: {
        if (role.role !== 'watch' || !fp) return { checked: 0 } satisfies KeysResponse;
        const matcher = matcherFor(frameKey, fp);
        const checked = request.backspace ? 1 : request.text.length;
        const matched = request.backspace ? await matcher.backspace() : await matcher.type(request.text);
        if (matched) {
          matcher.clear();
          stats.matches += 1;
          const at = now();
          const pageUrl = pageUrlOf(sender);
          lastMatch.set(tabId, { pageUrl, at });
          const guard = webmailPolicy.passwordGuard;
          const warning: PasswordWarningData = {
            locale: webmailPolicy.locale,
            pageHost: host || new URL(pageUrl || 'about:blank').hostname,
            organisationName: webmailPolicy.organisationName,
            hotlines: webmailPolicy.hotlines,
            reportAddresses: webmailPolicy.reportAddresses,
            changePasswordUrl: changePasswordUrl(fp),
            alertsHelpDesk: guard.alertHelpDesk,
          };
          await showWarning(tabId, { kind: 'password', warning });
          if (guard.alertHelpDesk) await raiseAlert({ pageUrl, at, kind: 'auto' }, { policy: webmailPolicy, fingerprint: fp });
        }
        // counted once any warning is on the page: whoever waits for the count sees the outcome
        stats.keysChecked += checked;
        return { checked } satisfies KeysResponse;
      }

      case guardMessage.login: {
        if (role.role !== 'webmail' || !host) return { pending: false };
        // the webmail's address must be the page's own: a page cannot point the "change
        // password" link elsewhere
        let webmailUrl: URL;
        try {
          webmailUrl = new URL(request.webmailUrl);
        } catch {
          return { pending: false };
        }
        if (webmailUrl.hostname.toLowerCase() !== host) return { pending: false };
        const taken = createFingerprint(
          request.password,
          { host, webmailUrl: webmailUrl.origin + webmailUrl.pathname, client: request.client },
          { derive, iterations, now },
        ).catch(() => undefined);
        pending.set(tabId, { host, fingerprint: taken });
        stats.pending += 1;
        await taken;
        return { pending: true };
      }

      case guardMessage.page: {
        const waiting = pending.get(tabId);
        if (!waiting || frameId !== 0 || role.role !== 'webmail' || waiting.host !== host) return { committed: false };
        pending.delete(tabId);
        const taken = await waiting.fingerprint;
        if (!request.loggedIn || !taken) {
          // the login failed (the form is back): what was typed was not the password
          stats.discarded += 1;
          return { committed: false };
        }
        await saveFingerprint(taken);
        fingerprintChanged();
        stats.committed += 1;
        return { committed: true };
      }

      case guardMessage.lookalike: {
        if (role.role !== 'watch' || proceeded.has(`${tabId}|${host}`)) return undefined;
        stats.lookalikes += 1;
        const warning: LookalikeWarningData = {
          locale: webmailPolicy.locale,
          pageHost: host,
          evidence: request.evidence,
          organisationName: webmailPolicy.organisationName,
          hotlines: webmailPolicy.hotlines,
        };
        await showWarning(tabId, { kind: 'lookalike', warning });
        return undefined;
      }

      case passwordAlertMessage: {
        const match = lastMatch.get(tabId);
        if (!match) return { recorded: false, delivered: false } satisfies PasswordAlertResponse;
        return raiseAlert({ ...match, kind: 'user' }, fp ? { policy: webmailPolicy, fingerprint: fp } : undefined);
      }
    }
    return undefined;
  }

  const listener = (request: unknown, sender: Sender): Promise<unknown> | undefined => {
    if (!isGuardRequest(request) || sender.id !== browser.runtime.id) return undefined;
    return handle(request, sender).catch((error: unknown) => {
      console.warn('[Khiên Thư] password guard:', error);
      return undefined;
    });
  };
  browser.runtime.onMessage.addListener(listener);

  return {
    stop() {
      browser.runtime.onMessage.removeListener(listener);
      browser.tabs?.onRemoved.removeListener(onTabRemoved);
      for (const { matcher } of matchers.values()) matcher.clear();
    },
    status: () => ({ ...stats, roles: [...stats.roles] }),
  };
}
