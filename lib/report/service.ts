/**
 * The background's side of reporting: what was reported (per account, in the background's
 * IndexedDB) and the report in progress in each tab (in storage.session, so a service worker that
 * sleeps between the page that asked and Roundcube's compose page does not forget it).
 */
import type { Policy } from '../policy/types';
import { isWebmailHost } from '../policy/webmail-hosts';
import { pendingLifetimeMs, type PendingReport, type ReportRequest, type ReportState, type StartedReport } from './messages';
import { ReportedMessages, type KeyValueArea } from './reported';

/**
 * Who asks, as the browser (not the page) tells it: the tab, the host of the frame that sent the
 * message, and that host's policy. A message may come from any frame our content scripts run in,
 * and a compromised renderer can send anything a content script can: the report's recipients,
 * mode and host are therefore the policy's, never the caller's word.
 */
export interface ReportCaller {
  tab: number | undefined;
  host: string;
  policy: Pick<Policy, 'webmailHosts' | 'reportAddresses' | 'hotlines' | 'report'>;
}

/** Why a report-begin was refused (the background logs it; the page only learns `false`). */
export function refusal(pending: StartedReport, caller: ReportCaller): string | undefined {
  if (caller.tab === undefined) return 'not from a tab';
  if (typeof pending !== 'object' || pending === null) return 'no report';
  if (!isWebmailHost(caller.host, caller.policy.webmailHosts)) return `${caller.host || 'this page'} is not a webmail host of the policy`;
  if (pending.kind !== 'message') return 'only the background starts a password alert';
  const allowed = new Set(caller.policy.reportAddresses.map((address) => address.toLowerCase()));
  if (!Array.isArray(pending.to) || pending.to.length === 0) return 'no recipient';
  const stranger = pending.to.find((address) => typeof address !== 'string' || !allowed.has(address.toLowerCase()));
  if (stranger !== undefined) return `${String(stranger)} is not a report address of ${caller.host}`;
  return undefined;
}

export const pendingKey = 'pendingReports';

type PendingByTab = Record<string, PendingReport>;

/** How often a password alert's compose is opened in all, when the webmail loses it. */
export const alertComposeAttempts = 3;

export interface ReportServiceHooks {
  now?: () => number;
  /**
   * A password alert was sent from the tab the background opened for it: nobody looks at that
   * tab, so it is closed, not left behind on the webmail's message list.
   */
  alertSent?: (tab: number) => Promise<void>;
  /** Sends the tab to this address again (a password alert whose compose the webmail lost). */
  reopen?: (tab: number, url: string) => Promise<void>;
}

export class ReportService {
  private readonly reported: ReportedMessages;
  private readonly now: () => number;

  constructor(
    local: KeyValueArea,
    private readonly session: KeyValueArea,
    private readonly hooks: ReportServiceHooks = {},
  ) {
    this.reported = new ReportedMessages(local);
    this.now = hooks.now ?? Date.now;
  }

  private async pendingByTab(): Promise<PendingByTab> {
    const stored = (await this.session.get(pendingKey))[pendingKey];
    const all = typeof stored === 'object' && stored !== null ? (stored as PendingByTab) : {};
    const fresh = Object.entries(all).filter(([, pending]) => this.now() - pending.created < pendingLifetimeMs);
    return Object.fromEntries(fresh);
  }

  private async setPending(tab: number, pending: PendingReport | undefined): Promise<void> {
    const all = await this.pendingByTab();
    if (pending) all[tab] = pending;
    else delete all[tab];
    await this.session.set({ [pendingKey]: all });
  }

  /** This tab's report in progress, if it was begun on `host` (a report never moves to another host). */
  async pending(tab: number | undefined, host?: string): Promise<PendingReport | undefined> {
    const pending = tab === undefined ? undefined : (await this.pendingByTab())[tab];
    return pending && (host === undefined || pending.host === host) ? pending : undefined;
  }

  /**
   * Begins a report in `tab` on the webmail at `host`, with what the caller may decide (the
   * original, the body) and what it may not taken from the policy (recipients checked against
   * the policy's, mode, what becomes of the original, hotlines). The password guard's alert is
   * begun here by the background itself, never through a message.
   */
  async begin(tab: number, host: string, pending: StartedReport, policy?: ReportCaller['policy']): Promise<void> {
    const fromPolicy = policy && {
      // only the background's own password alert is opened again
      composeUrl: undefined,
      attempts: undefined,
      to: pending.to.map((address) => address.toLowerCase()),
      mode: policy.report.mode,
      original: policy.report.original,
      hotlines: [...policy.hotlines],
    };
    await this.setPending(tab, { ...pending, ...fromPolicy, host, state: 'composing', filled: false, created: this.now() });
  }

  /** A tab was closed: its report in progress goes with it. */
  async forgetTab(tab: number): Promise<void> {
    if (await this.pending(tab)) await this.setPending(tab, undefined);
  }

  async handle(request: ReportRequest, caller: ReportCaller): Promise<ReportState | number | boolean> {
    const { tab, host } = caller;
    switch (request.type) {
      case 'khienthu:report-state': {
        const reported = request.account && request.key ? await this.reported.has(request.account, request.key) : false;
        const pending = await this.pending(tab, host);
        return pending ? { reported, pending } : { reported };
      }
      case 'khienthu:report-begin': {
        const refused = refusal(request.pending, caller);
        if (refused !== undefined || tab === undefined) {
          console.warn('[Khiên Thư] report refused:', refused);
          return false;
        }
        await this.begin(tab, host, request.pending, caller.policy);
        return true;
      }
      case 'khienthu:report-filled': {
        const pending = await this.pending(tab, host);
        if (!pending || tab === undefined) return false;
        await this.setPending(tab, { ...pending, filled: true });
        return true;
      }
      case 'khienthu:report-sent': {
        const pending = await this.pending(tab, host);
        if (!pending || tab === undefined || pending.state !== 'composing') return false;
        if (!request.ok) return true;
        if (pending.kind === 'password-alert') {
          await this.setPending(tab, undefined);
          await this.hooks.alertSent?.(tab);
          return true;
        }
        await this.reported.add(pending.account, pending.key);
        await this.setPending(tab, { ...pending, state: 'sent' });
        return true;
      }
      case 'khienthu:report-done':
        if (!isWebmailHost(host, caller.policy.webmailHosts)) return false;
        return this.reported.add(request.account, request.key);
      case 'khienthu:report-finish':
        if (await this.pending(tab, host)) await this.setPending(tab!, undefined);
        return true;
      case 'khienthu:report-lost': {
        const pending = await this.pending(tab, host);
        if (!pending || tab === undefined) return false;
        const attempts = pending.attempts ?? 1;
        if (pending.kind === 'password-alert' && pending.state === 'composing' && pending.composeUrl && this.hooks.reopen && attempts < alertComposeAttempts) {
          await this.setPending(tab, { ...pending, filled: false, attempts: attempts + 1 });
          await this.hooks.reopen(tab, pending.composeUrl);
          return true;
        }
        if (pending.kind === 'password-alert') console.warn(`[Khiên Thư] the webmail lost the password alert's compose ${attempts} times: not sent`);
        await this.setPending(tab, undefined);
        return false;
      }
      case 'khienthu:report-count':
        return this.reported.count();
    }
  }
}
