/** Messages between the content script and the background, typed in one place. */
import type { CheckResult, Contact } from './check';
import type { Locale } from './i18n';
import type { Level, Reason } from './scoring/types';
import type { DomMessage } from './webmail/types';

export interface CheckRequest {
  type: 'khienthu:check';
  message: DomMessage;
  /** The raw message (capped), base64, when the webmail gave it. */
  rawBase64?: string;
}

export type CheckResponse = { ok: true; result: CheckResult } | { ok: false; error: string };

export function isCheckRequest(value: unknown): value is CheckRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { type, message, rawBase64 } = value as Partial<Record<keyof CheckRequest, unknown>>;
  return (
    type === 'khienthu:check' &&
    typeof message === 'object' &&
    message !== null &&
    (rawBase64 === undefined || typeof rawBase64 === 'string')
  );
}

/**
 * Asked of the content scripts of a tab (the popup asks the active tab): the frame that shows a
 * checked message answers, every other frame stays silent.
 */
export interface StatusRequest {
  type: 'khienthu:status';
}

export interface OpenMessageStatus {
  subject: string;
  level: Level;
  score: number;
  reasons: Reason[];
  contact: Contact;
  locale: Locale;
  /** Whether `khienthu:report` can report this message (there is a report address). */
  canReport: boolean;
  /** Already reported from this account. */
  reported?: boolean;
  /** The From address, and whether the user's trust in it ("I know this sender") applied. */
  sender?: { address: string; trusted: boolean };
}

/** Asks the frame that shows the message to report it, exactly as the banner's button does. */
export interface ReportRequest {
  type: 'khienthu:report';
}

export type TabRequest = StatusRequest | ReportRequest;

export function isTabRequest(value: unknown): value is TabRequest {
  const type = (value as { type?: unknown } | null)?.type;
  return type === 'khienthu:status' || type === 'khienthu:report';
}
