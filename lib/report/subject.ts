/**
 * The subject of a report sent to the help desk. The help desk's mail rules sort on it, so the
 * province may set its own prefix, or ask for Outlook's "report phishing" form.
 */
import { t, type Locale } from '../i18n';
import type { Policy } from '../policy/types';

export type ReportSubjectSettings = Pick<Policy['report'], 'subjectPrefix' | 'outlookPrefix'>;

export function reportSubject(settings: ReportSubjectSettings, locale: Locale, original: string): string {
  const subject = original.trim();
  if (settings.outlookPrefix) return `3|Phishing: ${subject}`;
  const prefix = settings.subjectPrefix.trim();
  return prefix ? `${prefix} ${subject}` : t(locale, 'report.subject', { subject });
}
