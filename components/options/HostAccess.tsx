import { t, type Locale } from '@/lib/i18n';
import '@/lib/policy/messages';

export interface HostAccessProps {
  locale: Locale;
  access: {
    /** Match patterns of the policy's webmail hosts outside *.gov.vn. */
    needed: readonly string[];
    granted: readonly string[];
    /** Must run from the click: browsers ask for permissions only on a user gesture. */
    onRequest(): void;
  };
}

/** Webmail hosts outside *.gov.vn work once the user grants the optional host permission. */
export function HostAccess({ locale, access }: HostAccessProps) {
  const missing = access.needed.filter((pattern) => !access.granted.includes(pattern));
  return (
    <section className="options__hosts" data-host-access>
      <h2>{t(locale, 'options.hosts.title')}</h2>
      {access.needed.length === 0 ? (
        <p>{t(locale, 'options.hosts.none')}</p>
      ) : (
        <>
          {access.granted.length > 0 && <p>{t(locale, 'options.hosts.granted', { hosts: access.granted.join(', ') })}</p>}
          {missing.length > 0 && (
            <>
              <p>{t(locale, 'options.hosts.needed', { hosts: missing.join(', ') })}</p>
              <button type="button" data-action="request-hosts" onClick={access.onRequest}>
                {t(locale, 'options.hosts.request')}
              </button>
            </>
          )}
        </>
      )}
    </section>
  );
}
