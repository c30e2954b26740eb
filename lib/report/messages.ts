/**
 * What the content script and the popup ask the background about reports. The background is the
 * one writer of what was reported (storage.local) and the keeper of a report in progress, which
 * must outlive the page that started it: Roundcube's compose is another page load.
 */
import type { Locale } from '../i18n';
import type { OriginalAction, ReportMode } from '../policy/types';
import type { MessageRef } from '../webmail/types';

/** A report on its way through the webmail's compose, remembered per tab. */
export interface PendingReport {
  /**
   * `message`: the open message, forwarded as an attachment; `password-alert`: a short alert from
   * the password guard (page address and time), no attachment, and nothing to remember as reported.
   */
  kind: 'message' | 'password-alert';
  /** The webmail account (`host/user`), as `ReportedMessages` files it. */
  account: string;
  /** `messageKey()` of the original. */
  key: string;
  /** The original, in the client's terms, for what policy says happens to it afterwards. */
  ref: MessageRef;
  to: string[];
  body: string;
  mode: ReportMode;
  original: OriginalAction;
  locale: Locale;
  hotlines: string[];
  /** `composing` until the webmail says it sent the report, then `sent` until the thank-you is shown. */
  state: 'composing' | 'sent';
  /** The body went into the compose form already (a reload must not add it twice). */
  filled: boolean;
  /** ms since the epoch; a report left unfinished is forgotten after `pendingLifetimeMs`. */
  created: number;
  /** The webmail host it was begun on: only that host's pages see it or move it on. */
  host: string;
  /**
   * A password alert's compose address, opened again when the webmail loses the compose (Roundcube
   * keeps it in the session, which another tab's request can overwrite), and how often it was opened.
   */
  composeUrl?: string;
  attempts?: number;
}

/** What the page that starts a report says of it (the background adds the rest). */
export type StartedReport = Omit<PendingReport, 'state' | 'created' | 'filled' | 'host'>;

export const pendingLifetimeMs = 30 * 60_000;

export type ReportRequest =
  /** Whether this message was reported from this account; and this tab's report in progress. */
  | { type: 'khienthu:report-state'; account?: string; key?: string }
  /** The compose is about to open in this tab with the original attached. */
  | { type: 'khienthu:report-begin'; pending: StartedReport }
  /** The body is in the compose form. */
  | { type: 'khienthu:report-filled' }
  /** The webmail answered the send of this tab's report. */
  | { type: 'khienthu:report-sent'; ok: boolean }
  /** Sent without a compose (Zimbra's SendMsg): remember it at once. */
  | { type: 'khienthu:report-done'; account: string; key: string }
  /** The thank-you is shown (or the user gave up): forget this tab's report. */
  | { type: 'khienthu:report-finish' }
  /**
   * This tab's report was on its way to the compose, and the webmail shows another page (not a
   * login): the user left it, or the webmail lost it. A password alert is tried again.
   */
  | { type: 'khienthu:report-lost' }
  /** How many messages this browser has reported (the popup says it). */
  | { type: 'khienthu:report-count' };

export interface ReportState {
  reported: boolean;
  pending?: PendingReport;
}

const reportTypes = new Set<string>([
  'khienthu:report-state',
  'khienthu:report-begin',
  'khienthu:report-filled',
  'khienthu:report-sent',
  'khienthu:report-done',
  'khienthu:report-finish',
  'khienthu:report-lost',
  'khienthu:report-count',
]);

export function isReportRequest(value: unknown): value is ReportRequest {
  const type = (value as { type?: unknown } | null)?.type;
  return typeof type === 'string' && reportTypes.has(type);
}
