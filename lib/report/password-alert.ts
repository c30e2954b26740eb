/**
 * The password guard's alert to the help desk (policy `passwordGuardAlertHelpDesk`), sent the way
 * a report is: through the webmail's own compose, from the user's account, so no new server and no
 * new permission. Only the page address (no query) and the time go out, and the account it
 * concerns. Roundcube only: Zimbra has no compose URL (its report goes by SOAP from the open
 * message, which an alert does not have).
 */
import { t } from '../i18n';
import type { PasswordAlert } from '../password-guard/store';
import type { PasswordFingerprint } from '../password-guard/fingerprint';
import type { Policy } from '../policy/types';
import { vietnamTime } from './body';
import type { StartedReport } from './messages';

export interface PasswordAlertCompose {
  /** Roundcube's compose with To and Subject filled. */
  url: string;
  pending: StartedReport;
}

export function passwordAlertCompose(
  alert: PasswordAlert,
  webmail: { policy: Policy; fingerprint: Pick<PasswordFingerprint, 'client' | 'webmailUrl' | 'host'> },
  version: string,
): PasswordAlertCompose | undefined {
  const { policy, fingerprint } = webmail;
  const to = policy.reportAddresses;
  if (to.length === 0 || fingerprint.client !== 'roundcube') return undefined;
  let url: URL;
  try {
    url = new URL(fingerprint.webmailUrl);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const locale = policy.locale;
  const subject = t(locale, 'passwordAlert.subject', { host: fingerprint.host });
  url.search = new URLSearchParams({ _task: 'mail', _action: 'compose', _to: to.join(', '), _subject: subject }).toString();
  url.hash = '';
  const body = [
    t(locale, 'passwordAlert.title'),
    '',
    t(locale, 'passwordAlert.page', { url: alert.pageUrl }),
    t(locale, 'passwordAlert.time', { local: vietnamTime(alert.at, locale, 'medium'), iso: new Date(alert.at).toISOString() }),
    t(locale, 'passwordAlert.webmail', { host: fingerprint.host }),
    t(locale, alert.kind === 'user' ? 'passwordAlert.byUser' : 'passwordAlert.byPolicy'),
    t(locale, 'report.body.version', { version }),
    '',
    t(locale, 'passwordAlert.advice'),
  ].join('\n');
  return {
    url: url.toString(),
    pending: {
      kind: 'password-alert',
      composeUrl: url.toString(),
      account: `${url.host}/`,
      key: `alert:${alert.at}`,
      ref: { id: '' },
      to: to.map((a) => a.toLowerCase()),
      body,
      // an alert is sent at once: the user is busy changing the password
      mode: 'send-after-confirm',
      original: 'keep',
      locale,
      hotlines: policy.hotlines,
    },
  };
}
