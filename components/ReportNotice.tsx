import { useEffect, useRef } from 'react';
import { t, type Locale } from '@/lib/i18n';

export type ReportNoticeKind =
  /** Sent: thank you, and what to do if the user already clicked or typed the password. */
  | 'thanks'
  | 'already'
  /** Roundcube's compose is filled in: check and press Send. */
  | 'composeReady'
  /** The compose page is not what was opened: nothing was filled in. */
  | 'composeRefused'
  | 'sendFailed'
  /** The webmail route failed: the .eml was downloaded and a mailto: opened. */
  | 'fallback';

export interface ReportNoticeProps {
  kind: ReportNoticeKind;
  locale: Locale;
  address: string;
  hotlines: string[];
  /** What became of the original after `thanks`. */
  original?: 'junk' | 'delete' | 'failed';
  /** Why the webmail route failed (`fallback`). */
  error?: string;
  /** The downloaded original, offered again as a link (`fallback`). */
  download?: { url: string; filename: string };
  /** The report as a mailto: link (`fallback`). */
  mailto?: string;
  onClose: () => void;
}

/**
 * What happened to a report, in a card at the top of the webmail that stays until closed
 * (`role="status"`: announced without taking the keyboard away from the user's work).
 */
export function ReportNotice({ kind, locale, address, hotlines, original, error, download, mailto, onClose }: ReportNoticeProps) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  const tone = kind === 'thanks' || kind === 'already' || kind === 'composeReady' ? 'ok' : 'problem';
  return (
    <div className={`report-notice report-notice--${tone}`} role="status" lang={locale} data-khienthu-notice={kind}>
      {kind === 'thanks' && (
        <>
          <h2 className="report-notice__title">{t(locale, 'report.notice.thanks')}</h2>
          <p>{t(locale, 'report.notice.sent', { address })}</p>
          {original && <p>{t(locale, `report.notice.original.${original}`)}</p>}
        </>
      )}
      {kind === 'already' && <p className="report-notice__title">{t(locale, 'report.notice.already')}</p>}
      {kind === 'composeReady' && <p>{t(locale, 'report.notice.composeReady', { address })}</p>}
      {kind === 'composeRefused' && <p>{t(locale, 'report.notice.composeRefused', { address })}</p>}
      {kind === 'sendFailed' && <p>{t(locale, 'report.notice.sendFailed')}</p>}
      {kind === 'fallback' && (
        <>
          <p>{t(locale, download ? 'report.notice.fallback' : 'report.notice.fallbackNoRaw', { address, error: error ?? '' })}</p>
          <p className="report-notice__links">
            {download && (
              <a href={download.url} download={download.filename} data-khienthu-action="download-eml">
                {download.filename}
              </a>
            )}
            {mailto && (
              <a href={mailto} data-khienthu-action="mailto">
                {address}
              </a>
            )}
          </p>
        </>
      )}
      {(kind === 'thanks' || kind === 'already' || kind === 'sendFailed') && (
        <p className="report-notice__advice">
          {t(locale, 'report.notice.ifClicked')}{' '}
          {hotlines.map((number, index) => (
            <span key={number}>
              {index > 0 && ', '}
              <a href={`tel:${number.replace(/[^\d+]/g, '')}`}>{number}</a>
            </span>
          ))}
        </p>
      )}
      <button ref={close} type="button" className="report-notice__close" data-khienthu-action="notice-close" onClick={onClose}>
        {t(locale, 'report.notice.close')}
      </button>
    </div>
  );
}
