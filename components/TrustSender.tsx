import { useState } from 'react';
import { t, type Locale } from '@/lib/i18n';

export interface TrustOffer {
  /** The exact From address that would be trusted, shown in full on the button. */
  address: string;
  /** Asks the background to trust it; resolves whether it did (the banner is then redrawn). */
  onTrust(): Promise<boolean>;
}

/**
 * "Tôi biết người gửi này (an@example.vn)": says on its face which address, and below it what the
 * click does and does not do, so nobody takes it for "this message is safe".
 */
export function TrustSenderButton({ locale, address, onTrust }: TrustOffer & { locale: Locale }) {
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const trust = () => {
    if (state === 'busy') return;
    setState('busy');
    onTrust().then(
      (done) => setState(done ? 'busy' : 'failed'),
      () => setState('failed'),
    );
  };
  return (
    <div className="banner__trust">
      {/* aria-disabled, not disabled: the keyboard focus stays on the button while it works */}
      <button
        type="button"
        className="banner__trust-button"
        data-khienthu-action="trust"
        aria-describedby="khienthu-trust-hint"
        aria-disabled={state === 'busy' || undefined}
        onClick={trust}
      >
        {t(locale, 'banner.trust', { address })}
      </button>
      <p id="khienthu-trust-hint" className="banner__trust-hint">
        {t(locale, 'banner.trust.hint')}
      </p>
      <p role="status" className="banner__trust-status">
        {state === 'failed' ? t(locale, 'banner.trust.failed') : ''}
      </p>
    </div>
  );
}

/** On a message from a sender the user trusts: what that trust changed, and what it did not. */
export function TrustedSenderNote({ locale, address }: { locale: Locale; address: string }) {
  return (
    <p className="banner__trusted" data-khienthu-trusted={address}>
      {t(locale, 'banner.trusted', { address })}
    </p>
  );
}
