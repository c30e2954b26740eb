import { useState } from 'react';
import type { Contact } from '@/lib/check';
import { t, type Locale } from '@/lib/i18n';
import '@/lib/policy/messages';
import type { OpenMessageStatus } from '@/lib/messaging';

export type PopupState = { kind: 'loading' } | { kind: 'none' } | { kind: 'message'; status: OpenMessageStatus };

export interface PopupProps {
  state: PopupState;
  /** The language when no message speaks for itself (the policy's). */
  locale: Locale;
  /** The help desk to call when no message is open (the policy's). */
  contact: Contact;
  /** Asks the tab to report the open message; resolves whether it could. */
  onReport?: () => Promise<boolean>;
  onOpenOptions?: () => void;
  /** How many messages this browser has reported. */
  reportedCount?: number;
}

function Hotlines({ locale, contact }: { locale: Locale; contact: Contact }) {
  if (contact.hotlines.length === 0) return null;
  return (
    <p className="popup__hotline">
      {contact.organisationName && <span className="popup__organisation">{contact.organisationName} · </span>}
      {t(locale, 'popup.hotline')}{' '}
      {contact.hotlines.map((number, index) => (
        <span key={number}>
          {index > 0 && ', '}
          <a href={`tel:${number.replace(/[^\d+]/g, '')}`}>{number}</a>
        </span>
      ))}
    </p>
  );
}

/**
 * The toolbar popup: the verdict on the message open in the active tab, the hotline and the report
 * button — the banner's content, in the banner's colours, for when the banner is scrolled away.
 */
export function Popup({ state, locale: policyLocale, contact: policyContact, onReport, onOpenOptions, reportedCount = 0 }: PopupProps) {
  const [reportResult, setReportResult] = useState<boolean>();
  const status = state.kind === 'message' ? state.status : undefined;
  const locale = status?.locale ?? policyLocale;
  const contact = status?.contact ?? policyContact;
  const warnings = status?.reasons.filter((reason) => reason.weight > 0).slice(0, 3) ?? [];
  return (
    <main className="popup" lang={locale} aria-busy={state.kind === 'loading'}>
      {/* the page's one first-level heading, whether or not a message is open */}
      <h1 className="popup__brand">{t(locale, 'popup.title')}</h1>
      {state.kind === 'none' && <p className="popup__none">{t(locale, 'popup.noMessage')}</p>}
      {status && (
        <section className={`banner banner--${status.level} popup__verdict`} data-level={status.level}>
          <h2 className="banner__headline">{t(locale, `popup.level.${status.level}`)}</h2>
          <p className="popup__subject">{t(locale, 'popup.subject', { subject: status.subject })}</p>
          {status.sender?.trusted && (
            <p className="popup__trusted" data-khienthu-trusted={status.sender.address}>
              {t(locale, 'popup.trusted', { address: status.sender.address })}
            </p>
          )}
          {warnings.length > 0 && (
            <>
              <p className="banner__reasons-title">{t(locale, 'popup.reasons')}</p>
              <ul className="banner__reasons">
                {warnings.map((reason) => (
                  <li key={reason.id} data-reason={reason.id}>
                    {reason.message}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}
      <Hotlines locale={locale} contact={contact} />
      {status?.canReport && onReport && (
        <button
          type="button"
          className="banner__report popup__report"
          data-khienthu-action="report"
          disabled={reportResult === true}
          onClick={() => void onReport().then(setReportResult, () => setReportResult(false))}
        >
          {t(locale, 'popup.report')}
        </button>
      )}
      {status?.reported && reportResult === undefined && (
        <p className="popup__report-result" data-khienthu-reported="true">
          {t(locale, 'popup.alreadyReported')}
        </p>
      )}
      {reportResult !== undefined && (
        <p role="status" className="popup__report-result">
          {t(locale, reportResult ? 'popup.reported' : 'popup.reportFailed')}
        </p>
      )}
      {reportedCount > 0 && (
        <p className="popup__reported-count" data-khienthu-reported-count={reportedCount}>
          {t(locale, 'popup.reportedCount', { count: reportedCount })}
        </p>
      )}
      {onOpenOptions && (
        <button type="button" className="popup__options" onClick={onOpenOptions}>
          {t(locale, 'popup.options')}
        </button>
      )}
    </main>
  );
}
