import { useEffect, useRef, useState } from 'react';
import { t } from '@/lib/i18n';
import '@/lib/password-guard/strings';
import type { LookalikeWarningData, PasswordAlertResponse, PasswordWarningData } from '@/lib/password-guard/protocol';
import { keepFocusInside } from './focus';

const telHref = (number: string) => `tel:${number.replace(/[^\d+]/g, '')}`;

/** Only the webmail's own http(s) address becomes a link. */
function safeHttpUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

function Hotlines({ numbers }: { numbers: readonly string[] }) {
  return (
    <>
      {numbers.map((number, index) => (
        <span key={number}>
          {index > 0 && ', '}
          <a href={telHref(number)} data-khienthu-action="call">
            {number}
          </a>
        </span>
      ))}
    </>
  );
}

export interface PasswordWarningProps {
  warning: PasswordWarningData;
  /** Raises the help-desk alert; resolves whether it went out or was only recorded. */
  onReport?: () => Promise<PasswordAlertResponse | undefined>;
  onClose: () => void;
}

/**
 * The full-page warning once the webmail password was typed on a foreign site: what happened, and
 * the three things to do, in order (change the password, call, report). It takes the focus and
 * keeps it; it does not go with Escape, only with its own button.
 */
export function PasswordWarning({ warning, onReport, onClose }: PasswordWarningProps) {
  const { locale, pageHost, organisationName, hotlines, reportAddresses, alertsHelpDesk } = warning;
  const change = useRef<HTMLAnchorElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  const [report, setReport] = useState<'idle' | 'busy' | 'delivered' | 'recorded'>('idle');
  useEffect(() => (change.current ?? close.current)?.focus(), []);
  const changeUrl = safeHttpUrl(warning.changePasswordUrl);
  const address = reportAddresses[0];
  const showReportButton = onReport !== undefined && (report === 'idle' || report === 'busy');

  const sendReport = () => {
    if (!onReport || report === 'busy') return;
    setReport('busy');
    void onReport()
      .catch(() => undefined)
      .then((answer) => setReport(answer?.delivered ? 'delivered' : 'recorded'));
  };

  return (
    <div className="pg__backdrop">
      <div
        className="pg pg--danger"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="khienthu-pg-title"
        aria-describedby="khienthu-pg-what"
        lang={locale}
        data-khienthu-warning="password"
        onKeyDown={(event) => {
          if (event.key === 'Tab') keepFocusInside(event);
        }}
      >
        <p className="pg__brand">{t(locale, 'passwordGuard.brand')}</p>
        <h2 id="khienthu-pg-title" className="pg__title">
          {t(locale, 'passwordGuard.title')}
        </h2>
        <p id="khienthu-pg-what">{t(locale, 'passwordGuard.what', { host: pageHost })}</p>
        <p className="pg__steps-title">{t(locale, 'passwordGuard.steps')}</p>
        <ol className="pg__steps">
          <li>
            {changeUrl ? (
              <a ref={change} className="pg__primary" href={changeUrl} target="_blank" rel="noopener noreferrer" data-khienthu-action="change-password">
                {t(locale, 'passwordGuard.change')}
              </a>
            ) : (
              t(locale, 'passwordGuard.change.manual')
            )}
          </li>
          <li>
            {hotlines.length > 0 ? (
              <>
                {organisationName ? t(locale, 'passwordGuard.call', { organisation: organisationName }) : t(locale, 'passwordGuard.call.generic')}{' '}
                <Hotlines numbers={hotlines} />
              </>
            ) : (
              t(locale, 'passwordGuard.call.none')
            )}
          </li>
          <li>
            {showReportButton ? (
              <button type="button" className="pg__report" data-khienthu-action="password-alert" disabled={report === 'busy'} onClick={sendReport}>
                {t(locale, 'passwordGuard.report')}
              </button>
            ) : (
              <span role="status" data-khienthu-report={report}>
                {report === 'delivered'
                  ? t(locale, 'passwordGuard.report.delivered')
                  : address
                    ? t(locale, 'passwordGuard.report.recorded', { address, host: pageHost })
                    : t(locale, 'passwordGuard.report.recordedNoAddress')}
              </span>
            )}
          </li>
        </ol>
        {alertsHelpDesk && <p className="pg__note">{t(locale, 'passwordGuard.autoAlert')}</p>}
        <p className="pg__note">{t(locale, 'passwordGuard.privacy')}</p>
        <div className="pg__actions">
          <button ref={close} type="button" data-khienthu-action="close" onClick={onClose}>
            {t(locale, 'passwordGuard.close')}
          </button>
        </div>
      </div>
    </div>
  );
}

export interface LookalikeWarningProps {
  warning: LookalikeWarningData;
  onLeave: () => void;
  onStay: () => void;
}

/** Before anything is typed: this foreign page looks like the webmail's login. Leaving is the default (it has the focus). */
export function LookalikeWarning({ warning, onLeave, onStay }: LookalikeWarningProps) {
  const { locale, pageHost, evidence, hotlines } = warning;
  const leave = useRef<HTMLButtonElement>(null);
  useEffect(() => leave.current?.focus(), []);
  return (
    <div className="pg__backdrop pg__backdrop--light">
      <div
        className="pg pg--caution"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="khienthu-pg-lookalike-title"
        aria-describedby="khienthu-pg-lookalike-body"
        lang={locale}
        data-khienthu-warning="lookalike"
        onKeyDown={(event) => {
          // no Escape: on the warning page, going on to the imitation must be a deliberate choice
          if (event.key === 'Tab') keepFocusInside(event);
        }}
      >
        <p className="pg__brand">{t(locale, 'passwordGuard.brand')}</p>
        <h2 id="khienthu-pg-lookalike-title" className="pg__title">
          {t(locale, 'passwordGuard.lookalike.title')}
        </h2>
        <p id="khienthu-pg-lookalike-body">{t(locale, 'passwordGuard.lookalike.body', { host: pageHost, evidence })}</p>
        {hotlines.length > 0 && (
          <p>
            {t(locale, 'passwordGuard.lookalike.hotline')} <Hotlines numbers={hotlines} />
          </p>
        )}
        <div className="pg__actions">
          <button ref={leave} type="button" className="pg__primary" data-khienthu-action="leave" onClick={onLeave}>
            {t(locale, 'passwordGuard.lookalike.leave')}
          </button>
          <button type="button" data-khienthu-action="stay" onClick={onStay}>
            {t(locale, 'passwordGuard.lookalike.stay')}
          </button>
        </div>
      </div>
    </div>
  );
}
