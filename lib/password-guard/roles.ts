/**
 * What the password guard does on a page, decided by the background from the page's host alone
 * (never from what the page says about itself):
 * - `webmail`: the province's webmail: its login form is where the fingerprint is taken;
 * - `watch`: any other site: typed characters are checked, and a page that imitates the webmail
 *   login is flagged;
 * - `off`: the guard is off, or the site is allowlisted.
 */
import type { Policy } from '../policy/types';
import { hostMatches, isWebmailHost } from '../policy/webmail-hosts';
import type { PasswordFingerprint } from './fingerprint';

/** Roundcube's and Zimbra's password fields on their login pages (policy may name others). */
export const defaultLoginSelectors = [
  '#rcmloginpwd',
  'form[name="loginForm"] input[name="password"]',
  'form#zLoginForm input[name="password"]',
] as const;

/** Words that, beside a password field on a foreign host, make a page an imitation of the login. */
export const webmailWords = ['Roundcube', 'Zimbra'] as const;

export type GuardRole =
  | { role: 'off' }
  /** `confirm`: the host is the webmail only if its login page is recognisably Roundcube's or Zimbra's. */
  | { role: 'webmail'; loginSelectors: string[]; confirm: boolean }
  | { role: 'watch'; keys: boolean; lookalikeWords: string[] };

export { hostMatches } from '../policy/webmail-hosts';

export interface RoleInputs {
  host: string;
  /** The policy resolved for this host. */
  policy: Policy;
  fingerprint: PasswordFingerprint | undefined;
  /** The policy of the webmail the fingerprint came from: whose names an imitation borrows. */
  webmailPolicy?: Policy;
}

export function guardRole({ host, policy, fingerprint, webmailPolicy }: RoleInputs): GuardRole {
  const guard = policy.passwordGuard;
  if (!guard.enabled) return { role: 'off' };
  const loginSelectors = guard.loginSelectors.length > 0 ? [...guard.loginSelectors] : [...defaultLoginSelectors];
  const named = policy.webmailHosts.length > 0;
  if (host && named && hostMatches(host, policy.webmailHosts)) return { role: 'webmail', loginSelectors, confirm: false };
  // No webmail named: a *.gov.vn host is the webmail by its login form, which the content script
  // must recognise as Roundcube's or Zimbra's own (`confirm`), and only until a fingerprint
  // exists: after that, another *.gov.vn login page is as foreign as any other site. Once the
  // policy names hosts, no other host ever gets this role, the fingerprint's own included.
  if (host && !named && fingerprint && host === fingerprint.host) return { role: 'webmail', loginSelectors, confirm: true };
  if (host && hostMatches(host, guard.allowlist)) return { role: 'off' };
  if (host && !named && !fingerprint && isWebmailHost(host, [])) return { role: 'webmail', loginSelectors, confirm: true };
  const names = [
    ...(webmailPolicy ?? policy).organisationNames,
    ...policy.organisationNames,
    (webmailPolicy ?? policy).organisationName,
  ].filter((name) => name.trim().length >= 2);
  return { role: 'watch', keys: fingerprint !== undefined, lookalikeWords: [...new Set([...webmailWords, ...names])] };
}

/** The webmail's own "change password" page, on the host the fingerprint came from. */
export function changePasswordUrl(fingerprint: Pick<PasswordFingerprint, 'webmailUrl' | 'client'>): string | undefined {
  let base: URL;
  try {
    base = new URL(fingerprint.webmailUrl);
  } catch {
    return undefined;
  }
  if (base.protocol !== 'https:' && base.protocol !== 'http:') return undefined;
  base.search = '';
  base.hash = '';
  if (fingerprint.client === 'roundcube') {
    // the password plugin's page (Settings → Password), wherever Roundcube is installed
    base.search = '?_task=settings&_action=plugin.password';
    return base.href;
  }
  if (fingerprint.client === 'zimbra') return new URL('/h/changepass', base).href;
  return base.origin + '/';
}
