/** Messages between the password guard's content script and the background, typed in one place. */
import type { Locale } from '../i18n';
import type { GuardRole } from './roles';

export const guardMessage = {
  /** content → background, once per page: what should this page do? Answer: `GuardRole`. */
  hello: 'khienthu:password-guard:hello',
  /** content → background: characters typed or pasted on a watched page (or a Backspace). */
  keys: 'khienthu:password-guard:keys',
  /** content → background: the webmail login form was submitted with this password. */
  login: 'khienthu:password-guard:login',
  /** content → background: the webmail page this tab shows now (after a login: did it work?). */
  page: 'khienthu:password-guard:page',
  /** content → background: this watched page imitates the webmail login. */
  lookalike: 'khienthu:password-guard:lookalike',
  /** the warning page → background: what does this tab's warning say? Answer: `GuardWarning`. */
  warning: 'khienthu:password-guard:warning',
  /** the warning page → background: the user goes on to the imitation page in spite of the warning. */
  proceed: 'khienthu:password-guard:proceed',
  /** the options page → background: when and where the fingerprint was taken. Answer: `FingerprintSummary | null`. */
  fingerprint: 'khienthu:password-guard:fingerprint',
  /** the options page → background: forget the fingerprint. */
  forget: 'khienthu:password-guard:forget',
  /** extension pages → background: counters and state, for the options page and the tests. */
  status: 'khienthu:password-guard:status',
} as const;

/**
 * The help-desk alert: the content script's "report" button, or the background itself when the
 * policy's `passwordGuardAlertHelpDesk` is on. Page address and time only.
 */
export const passwordAlertMessage = 'khienthu:password-alert';

export type GuardRequest =
  | { type: typeof guardMessage.hello }
  | { type: typeof guardMessage.keys; text: string; backspace?: false }
  | { type: typeof guardMessage.keys; text?: undefined; backspace: true }
  | { type: typeof guardMessage.login; password: string; webmailUrl: string; client: 'roundcube' | 'zimbra' | 'other' }
  | { type: typeof guardMessage.page; loggedIn: boolean }
  | { type: typeof guardMessage.lookalike; evidence: string }
  | { type: typeof passwordAlertMessage }
  | { type: typeof guardMessage.warning }
  | { type: typeof guardMessage.proceed }
  | { type: typeof guardMessage.fingerprint }
  | { type: typeof guardMessage.forget }
  | { type: typeof guardMessage.status };

/** What the options page shows of the fingerprint (never the salt or the hash). */
export interface FingerprintSummary {
  host: string;
  savedAt: number;
  iterations: number;
  bits: number;
}

export type HelloResponse = GuardRole;

export interface KeysResponse {
  /** How many hashes were computed for this message (one per key). */
  checked: number;
}

/** What the full warning shows: the webmail's contacts and where to change the password. */
export interface PasswordWarningData {
  locale: Locale;
  /** The host the password was typed on. */
  pageHost: string;
  organisationName: string;
  hotlines: string[];
  reportAddresses: string[];
  /** The webmail's password page, on the host the fingerprint came from. */
  changePasswordUrl?: string;
  /** The policy sends the help desk an alert by itself. */
  alertsHelpDesk: boolean;
}

export interface LookalikeWarningData {
  locale: Locale;
  pageHost: string;
  evidence: string;
  organisationName: string;
  hotlines: string[];
}

/**
 * A warning, shown on the extension's own page (`warning.html`), to which the background sends the
 * tab: never in the page's DOM, where the page could close, cover or read it.
 */
export type GuardWarning = { kind: 'password'; warning: PasswordWarningData } | { kind: 'lookalike'; warning: LookalikeWarningData };

/** The answer to `khienthu:password-alert`: whether it reached the help desk, or was only recorded. */
export interface PasswordAlertResponse {
  recorded: boolean;
  delivered: boolean;
}

export interface GuardStatus {
  /** Typed characters whose check is done, since the worker started. */
  keysChecked: number;
  /** Slow derivations run (one per pause in typing, once the window is full). */
  checks: number;
  matches: number;
  lookalikes: number;
  /** Fingerprints taken at a login submit, committed, or discarded (the login failed). */
  pending: number;
  committed: number;
  discarded: number;
  /** The role given to each host, latest last (the last 20). */
  /** How many pages were given a role so far; `roles` keeps the last 20 of them. */
  rolesGiven: number;
  roles: { host: string; role: GuardRole['role']; keys?: boolean }[];
}

const guardTypes = new Set<string>([...Object.values(guardMessage), passwordAlertMessage]);

export function isGuardRequest(value: unknown): value is GuardRequest {
  if (typeof value !== 'object' || value === null) return false;
  const request = value as Record<string, unknown>;
  if (typeof request.type !== 'string' || !guardTypes.has(request.type)) return false;
  switch (request.type) {
    case guardMessage.keys:
      return request.backspace === true || (typeof request.text === 'string' && request.text.length > 0 && request.text.length <= 4096);
    case guardMessage.login:
      return (
        typeof request.password === 'string' &&
        request.password.length > 0 &&
        request.password.length <= 1024 &&
        typeof request.webmailUrl === 'string' &&
        (request.client === 'roundcube' || request.client === 'zimbra' || request.client === 'other')
      );
    case guardMessage.page:
      return typeof request.loggedIn === 'boolean';
    case guardMessage.lookalike:
      return typeof request.evidence === 'string' && request.evidence.length <= 200;
    default:
      return true;
  }
}
