import viUi from '../../locales/vi/ui.json';
import enUi from '../../locales/en/ui.json';

export type Locale = 'vi' | 'en';
export const locales = ['vi', 'en'] as const satisfies readonly Locale[];
export const defaultLocale: Locale = 'vi';

type Catalog = Record<string, string>;
/**
 * Each locale is one flat catalogue. The interface strings are always there; the explanations of
 * the scoring rules join them where rules run (`./reasons.ts`), so the content script that every
 * webmail frame loads does not carry them.
 */
const catalogs: Record<Locale, Catalog> = { vi: { ...viUi }, en: { ...enUi } };

export function addMessages(messages: Record<Locale, Catalog>): void {
  for (const locale of locales) Object.assign(catalogs[locale], messages[locale]);
}

export type Params = Record<string, string | number>;

/**
 * The one way to get a user-visible string. `{name}` placeholders are filled from `params`;
 * a key with plural forms (`key.one`, `key.other`) is chosen by `params.count`.
 * A missing key falls back to Vietnamese, then to the key itself, so a gap never blanks the UI.
 */
export function t(locale: Locale, key: string, params: Params = {}): string {
  const catalog = catalogs[locale] ?? catalogs[defaultLocale];
  let template: string | undefined;
  if (typeof params.count === 'number') {
    const form = new Intl.PluralRules(locale).select(params.count);
    template = catalog[`${key}.${form}`] ?? catalog[`${key}.other`];
  }
  template ??= catalog[key] ?? catalogs[defaultLocale][key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function hasKey(locale: Locale, key: string): boolean {
  return key in catalogs[locale];
}

export function isLocale(value: unknown): value is Locale {
  return value === 'vi' || value === 'en';
}
