import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales, t } from '../../lib/i18n';

const root = join(import.meta.dirname, '../../locales');
const pluralForms = /\.(zero|one|two|few|many|other)$/;

function keysOf(locale: string): Set<string> {
  const keys = new Set<string>();
  for (const file of readdirSync(join(root, locale))) {
    for (const key of Object.keys(JSON.parse(readFileSync(join(root, locale, file), 'utf8')))) {
      keys.add(key.replace(pluralForms, ''));
    }
  }
  return keys;
}

describe('locales', () => {
  it('has the same messages in Vietnamese and English (plural forms counted once)', () => {
    const [vi, en] = locales.map(keysOf);
    expect([...vi!].filter((k) => !en!.has(k))).toEqual([]);
    expect([...en!].filter((k) => !vi!.has(k))).toEqual([]);
  });

  it('has the same files in each locale', () => {
    expect(readdirSync(join(root, 'en')).sort()).toEqual(readdirSync(join(root, 'vi')).sort());
  });

  it('fills placeholders and picks plural forms', () => {
    expect(t('en', 'banner.moreReasons', { count: 1 })).toBe('Show 1 more sign');
    expect(t('en', 'banner.moreReasons', { count: 3 })).toBe('Show 3 more signs');
    expect(t('vi', 'banner.moreReasons', { count: 3 })).toBe('Xem thêm 3 dấu hiệu khác');
    expect(t('vi', 'banner.report', { address: 'hotro@laichau.gov.vn' })).toBe('Báo cáo thư này cho hotro@laichau.gov.vn');
  });
});
