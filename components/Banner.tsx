import { useState } from 'react';
import type { Contact } from '@/lib/check';
import { t, type Locale } from '@/lib/i18n';
import type { Level, Reason } from '@/lib/scoring/types';
import { OfficialWarning } from './OfficialWarning';
import { TrustSenderButton, TrustedSenderNote, type TrustOffer } from './TrustSender';

export interface BannerProps {
  level: Exclude<Level, 'safe'>;
  score: number;
  reasons: Reason[];
  contact: Contact;
  locale: Locale;
  /** Absent when there is no report address; resolves true once the message is reported (or on its way). */
  onReport?: () => Promise<boolean>;
  /** Reported already from this account: said under the button (a second click says so again). */
  reported?: boolean;
  /** The province's own warning (policy), shown above the reasons. */
  warningText?: string;
  /** Present when policy lets users hide a warning. */
  onDismiss?: () => void;
  /** "I know this sender": present only where policy and the verdict allow it (lib/scoring/trust.ts). */
  trust?: TrustOffer;
  /** The From address, when the user trusts it and the reasons about the sender were set aside. */
  trustedSender?: string;
  /** How many reasons to show at once; the others are one click away. */
  maxReasons?: number;
}

/** Drawn, not an emoji: many office PCs have no colour-emoji font. */
function LevelIcon({ level }: { level: BannerProps['level'] }) {
  return (
    <svg className="banner__icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
      {level === 'danger' ? (
        <>
          <path d="M12 1 2 5v6c0 6.1 4.3 11.3 10 12.8 5.7-1.5 10-6.7 10-12.8V5z" fill="currentColor" />
          <path d="M11 6h2v8h-2zm0 10h2v2h-2z" fill="#fff" />
        </>
      ) : (
        <>
          <path d="M12 2 1 21h22z" fill="currentColor" />
          <path d="M11 9h2v6h-2zm0 8h2v2h-2z" fill="#fff" />
        </>
      )}
    </svg>
  );
}

/** Whom to ask: the organisation and its hotlines, as phone links. */
function ContactLine({ contact, locale }: { contact: Contact; locale: Locale }) {
  return (
    <p>
      {contact.organisationName
        ? t(locale, 'banner.contact', { organisation: contact.organisationName })
        : t(locale, 'banner.contact.generic')}
      {contact.hotlines.length > 0 && (
        <>
          {' · '}
          {t(locale, 'banner.hotline')}{' '}
          {contact.hotlines.map((number, index) => (
            <span key={number}>
              {index > 0 && ', '}
              <a href={`tel:${number.replace(/[^\d+]/g, '')}`}>{number}</a>
            </span>
          ))}
        </>
      )}
    </p>
  );
}

function ReasonItem({ reason }: { reason: Reason }) {
  return <li data-reason={reason.id}>{reason.message}</li>;
}

/**
 * The warning above a message. Everything in it that came from the message (each reason names
 * its evidence: the real address, the link's host, the phrase) is rendered as text, never as HTML.
 */
export function Banner(props: BannerProps) {
  const { level, score, reasons, contact, locale, onReport, reported = false, warningText = '', onDismiss, trust, trustedSender, maxReasons = 3 } = props;
  const [isReported, setReported] = useState(reported);
  const warnings = reasons.filter((reason) => reason.weight > 0);
  const shown = warnings.slice(0, maxReasons);
  const more = warnings.slice(maxReasons);
  const reportAddress = contact.reportAddresses[0];
  return (
    <section
      className={`banner banner--${level}`}
      role={level === 'danger' ? 'alert' : 'status'}
      aria-labelledby="khienthu-headline"
      lang={locale}
    >
      <header className="banner__header">
        <LevelIcon level={level} />
        <div>
          <p className="banner__level">
            {t(locale, 'banner.brand')} · {t(locale, `banner.level.${level}`)} · {t(locale, 'banner.score', { score })}
          </p>
          <h2 id="khienthu-headline" className="banner__headline">
            {t(locale, `banner.headline.${level}`)}
          </h2>
        </div>
      </header>
      <OfficialWarning html={warningText} />
      <p className="banner__advice">{t(locale, 'banner.advice')}</p>
      {shown.length > 0 && (
        <>
          <p className="banner__reasons-title">{t(locale, 'banner.reasons')}</p>
          <ul className="banner__reasons">
            {shown.map((reason) => (
              <ReasonItem key={reason.id} reason={reason} />
            ))}
          </ul>
          {more.length > 0 && (
            <details className="banner__more">
              <summary>{t(locale, 'banner.moreReasons', { count: more.length })}</summary>
              <ul className="banner__reasons">
                {more.map((reason) => (
                  <ReasonItem key={reason.id} reason={reason} />
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      {trustedSender && <TrustedSenderNote locale={locale} address={trustedSender} />}
      <footer className="banner__contact">
        <ContactLine contact={contact} locale={locale} />
        {reportAddress && onReport ? (
          <>
            <button
              type="button"
              className="banner__report"
              data-khienthu-action="report"
              onClick={() => void Promise.resolve(onReport()).then((done) => done && setReported(true), () => undefined)}
            >
              {t(locale, 'banner.report', { address: reportAddress })}
            </button>
            {isReported && (
              <p className="banner__reported" data-khienthu-reported="true">
                {t(locale, 'banner.reported')}
              </p>
            )}
          </>
        ) : (
          <p className="banner__report-unavailable">
            {reportAddress
              ? t(locale, 'banner.report.manual', { address: reportAddress })
              : t(locale, 'banner.report.unavailable')}
          </p>
        )}
        {trust && <TrustSenderButton locale={locale} {...trust} />}
        {onDismiss && (
          <button type="button" className="banner__dismiss" data-khienthu-action="dismiss" onClick={onDismiss}>
            {t(locale, 'banner.dismiss')}
          </button>
        )}
      </footer>
    </section>
  );
}

export interface UncheckedNoticeProps {
  locale: Locale;
  /** Whom to ask, when an earlier check on this page said it (the background gave no answer this time). */
  contact?: Contact;
}

/**
 * In place of a verdict, when the message could not be checked (the background failed or did not
 * answer): silence would read as "safe". No score, no reasons, nothing from the message.
 */
export function UncheckedNotice({ locale, contact }: UncheckedNoticeProps) {
  return (
    <section className="banner banner--unchecked" role="status" aria-labelledby="khienthu-headline" lang={locale}>
      <header className="banner__header">
        <svg className="banner__icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="11" fill="currentColor" />
          <path d="M11 6h2v8h-2zm0 10h2v2h-2z" fill="#fff" />
        </svg>
        <div>
          <p className="banner__level">
            {t(locale, 'banner.brand')} · {t(locale, 'banner.level.unchecked')}
          </p>
          <h2 id="khienthu-headline" className="banner__headline">
            {t(locale, 'banner.headline.unchecked')}
          </h2>
        </div>
      </header>
      <p className="banner__advice">{t(locale, 'banner.advice.unchecked')}</p>
      <footer className="banner__contact">
        <ContactLine contact={contact ?? { organisationName: '', hotlines: [], reportAddresses: [] }} locale={locale} />
      </footer>
    </section>
  );
}
