import { t, type Locale } from '@/lib/i18n';
import '@/lib/policy/messages';

/**
 * For transparency: which managed keys arrived. Chromium drops a value of the wrong type for the
 * schema without telling anyone, so a key the admin set but that is not here was dropped that way.
 */
export function ManagedKeys({ locale, received, absent }: { locale: Locale; received: readonly string[]; absent: readonly string[] }) {
  return (
    <section className="options__managed" data-managed>
      <h2>{t(locale, 'options.managed.title')}</h2>
      {received.length === 0 ? (
        <p>{t(locale, 'options.managed.none')}</p>
      ) : (
        <>
          <p data-managed-received>{t(locale, 'options.managed.received', { keys: received.join(', ') })}</p>
          {absent.length > 0 && (
            <>
              <p data-managed-absent>{t(locale, 'options.managed.absent', { keys: absent.join(', ') })}</p>
              <p className="options__hint">{t(locale, 'options.managed.absentHint')}</p>
            </>
          )}
        </>
      )}
    </section>
  );
}
