/**
 * The background's side of reporting: what was reported (per account, in storage.local) and the
 * report in progress in each tab (in storage.session, so a service worker that sleeps between the
 * page that asked and Roundcube's compose page does not forget it).
 */
import { pendingLifetimeMs, type PendingReport, type ReportRequest, type ReportState } from './messages';
import { ReportedMessages, type KeyValueArea } from './reported';

export const pendingKey = 'pendingReports';

type PendingByTab = Record<string, PendingReport>;

export class ReportService {
  private readonly reported: ReportedMessages;

  constructor(
    local: KeyValueArea,
    private readonly session: KeyValueArea,
    private readonly now: () => number = Date.now,
  ) {
    this.reported = new ReportedMessages(local);
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

  async pending(tab: number | undefined): Promise<PendingReport | undefined> {
    return tab === undefined ? undefined : (await this.pendingByTab())[tab];
  }

  /** A tab was closed: its report in progress goes with it. */
  async forgetTab(tab: number): Promise<void> {
    if (await this.pending(tab)) await this.setPending(tab, undefined);
  }

  async handle(request: ReportRequest, tab: number | undefined): Promise<ReportState | number | boolean> {
    switch (request.type) {
      case 'khienthu:report-state': {
        const reported = request.account && request.key ? await this.reported.has(request.account, request.key) : false;
        const pending = await this.pending(tab);
        return pending ? { reported, pending } : { reported };
      }
      case 'khienthu:report-begin':
        if (tab === undefined) return false;
        await this.setPending(tab, { ...request.pending, state: 'composing', filled: false, created: this.now() });
        return true;
      case 'khienthu:report-filled': {
        const pending = await this.pending(tab);
        if (!pending || tab === undefined) return false;
        await this.setPending(tab, { ...pending, filled: true });
        return true;
      }
      case 'khienthu:report-sent': {
        const pending = await this.pending(tab);
        if (!pending || tab === undefined || pending.state !== 'composing') return false;
        if (!request.ok) return true;
        if (pending.kind === 'message') await this.reported.add(pending.account, pending.key);
        await this.setPending(tab, { ...pending, state: 'sent' });
        return true;
      }
      case 'khienthu:report-done':
        return this.reported.add(request.account, request.key);
      case 'khienthu:report-finish':
        if (tab !== undefined) await this.setPending(tab, undefined);
        return true;
      case 'khienthu:report-count':
        return this.reported.count();
    }
  }
}
