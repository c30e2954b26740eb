import { useEffect, useRef } from 'react';
import { t, type Locale } from '@/lib/i18n';
import { keepFocusInside } from './focus';

export interface LinkGuardProps {
  /** Where the link really goes (its href). */
  destination: string;
  destinationHost: string;
  /** The link's visible text, as the message shows it. */
  shownText: string;
  /** The site the text names, when it names one: offered instead of the real destination. */
  shownSite?: string;
  /** Why the link was flagged, already explained in words. */
  reasons: string[];
  locale: Locale;
  onCancel: () => void;
  /** Absent when the link is not a web address (`javascript:`, `data:`…): there is nowhere to go on to. */
  onProceed?: () => void;
  onShownSite?: () => void;
}

/**
 * The confirmation a click on a flagged link opens (Thunderbird's choice: the shown site, cancel,
 * or go on). Cancel is the default: it has the focus, and Escape means cancel; Tab stays inside.
 */
export function LinkGuard(props: LinkGuardProps) {
  const { destination, destinationHost, shownText, shownSite, reasons, locale, onCancel, onProceed, onShownSite } = props;
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  const shownHost = shownSite ? new URL(shownSite).hostname : undefined;
  return (
    <div className="guard__backdrop">
      <div
        className="guard"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="khienthu-guard-title"
        aria-describedby="khienthu-guard-destination"
        lang={locale}
        onKeyDown={(event) => {
          if (event.key === 'Escape') onCancel();
          else if (event.key === 'Tab') keepFocusInside(event);
        }}
      >
        <h2 id="khienthu-guard-title" className="guard__title">
          {t(locale, 'guard.title')}
        </h2>
        <p id="khienthu-guard-destination">
          {t(locale, 'guard.destination')} <strong className="guard__destination">{destination}</strong>
        </p>
        {shownText && <p className="guard__shown">{t(locale, 'guard.shownText', { text: shownText })}</p>}
        {reasons.length > 0 && (
          <>
            <p>{t(locale, 'guard.why')}</p>
            <ul className="guard__reasons">
              {reasons.map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </>
        )}
        <p className="guard__advice">{t(locale, 'guard.advice')}</p>
        <div className="guard__actions">
          <button ref={cancel} type="button" className="guard__cancel" data-khienthu-action="cancel" onClick={onCancel}>
            {t(locale, 'guard.cancel')}
          </button>
          {shownHost && onShownSite && (
            <button type="button" data-khienthu-action="shown-site" onClick={onShownSite}>
              {t(locale, 'guard.shownSite', { host: shownHost })}
            </button>
          )}
          {onProceed && (
            <button type="button" className="guard__proceed" data-khienthu-action="proceed" onClick={onProceed}>
              {t(locale, 'guard.proceed', { host: destinationHost })}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
