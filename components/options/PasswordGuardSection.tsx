import { useState } from 'react';
import { t, type Locale } from '@/lib/i18n';
import '@/lib/password-guard/strings';

export interface PasswordGuardSectionProps {
  locale: Locale;
  enabled: boolean;
  /** The administrator set whether it is on: the toggle above is read-only. */
  locked: boolean;
  /** What is stored now (when and from where), never the hash itself. */
  fingerprint?: { savedAt: number; host: string };
  onForget: () => Promise<void>;
}

/**
 * What the password guard keeps, in plain words, and the way to make it forget. Whether it is on
 * is the "Password guard" setting of the same group.
 */
export function PasswordGuardSection({ locale, enabled, locked, fingerprint, onForget }: PasswordGuardSectionProps) {
  const [forgotten, setForgotten] = useState(false);
  const time = fingerprint ? new Date(fingerprint.savedAt).toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB') : '';
  return (
    <section className="options__password-guard" data-password-guard data-enabled={enabled || undefined} aria-labelledby="khienthu-pg-options-title">
      <h3 id="khienthu-pg-options-title">{t(locale, 'options.passwordGuard.title')}</h3>
      <p>
        {t(locale, enabled ? 'options.passwordGuard.enabled' : 'options.passwordGuard.disabled')}{' '}
        {t(locale, locked ? 'options.passwordGuard.lockedToggle' : 'options.passwordGuard.toggle')}
      </p>
      <p>{t(locale, 'options.passwordGuard.stored')}</p>
      <ul>
        <li>{t(locale, 'options.passwordGuard.salt')}</li>
        <li>{t(locale, 'options.passwordGuard.hash')}</li>
        <li>{t(locale, 'options.passwordGuard.length')}</li>
        <li>{t(locale, 'options.passwordGuard.when')}</li>
      </ul>
      <p>{t(locale, 'options.passwordGuard.never')}</p>
      <p data-fingerprint={fingerprint ? 'stored' : 'none'}>
        {fingerprint ? t(locale, 'options.passwordGuard.saved', { time, host: fingerprint.host }) : t(locale, 'options.passwordGuard.none')}
      </p>
      {fingerprint && (
        <button
          type="button"
          data-khienthu-action="forget-fingerprint"
          onClick={() => {
            void onForget().then(() => setForgotten(true));
          }}
        >
          {t(locale, 'options.passwordGuard.forget')}
        </button>
      )}
      {forgotten && !fingerprint && <p role="status">{t(locale, 'options.passwordGuard.forgotten')}</p>}
    </section>
  );
}
