import { useState } from 'react';
import { t, type Locale } from '@/lib/i18n';
import '@/lib/policy/messages';
import type { TrustedSenders as TrustedSenderLists } from '@/lib/trust/store';

export interface TrustedSendersProps {
  locale: Locale;
  /** Webmail host → the exact addresses the user trusts there. */
  trusted: TrustedSenderLists;
  /** The policy lets users trust a sender; when not, the list is shown but not applied. */
  allowed: boolean;
  /** Removes one address; the webmail re-checks its open message on its own. */
  onRemove(host: string, address: string): Promise<void>;
}

/** The undo of "I know this sender": every trusted address, by webmail, each with its own button. */
export function TrustedSenders({ locale, trusted, allowed, onRemove }: TrustedSendersProps) {
  const [removed, setRemoved] = useState<string>();
  const hosts = Object.keys(trusted).sort();
  const remove = (host: string, address: string) => {
    void onRemove(host, address).then(() => setRemoved(address));
  };
  return (
    <section className="options__trusted" data-trusted-senders aria-labelledby="trusted-senders-title">
      <h2 id="trusted-senders-title">{t(locale, 'options.trusted.title')}</h2>
      <p>{t(locale, 'options.trusted.intro')}</p>
      {!allowed && <p className="options__trusted-disabled">{t(locale, 'options.trusted.disabled')}</p>}
      {hosts.length === 0 && <p>{t(locale, 'options.trusted.none')}</p>}
      {hosts.map((host) => (
        <div key={host} data-host={host}>
          <h3>{t(locale, 'options.trusted.host', { host })}</h3>
          <ul className="options__trusted-list">
            {(trusted[host] ?? []).map((address) => (
              <li key={address} data-address={address}>
                <span className="options__trusted-address">{address}</span>{' '}
                <button
                  type="button"
                  data-action="untrust"
                  aria-label={t(locale, 'options.trusted.removeLabel', { address })}
                  onClick={() => remove(host, address)}
                >
                  {t(locale, 'options.trusted.remove')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <p role="status" className="options__trusted-status">
        {removed ? t(locale, 'options.trusted.removed', { address: removed }) : ''}
      </p>
    </section>
  );
}
