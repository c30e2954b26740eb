import { describe, expect, it } from 'vitest';
import en from '../../locales/en/reasons.json';
import vi from '../../locales/vi/reasons.json';
import { allFindingIds } from './index';

describe('reason texts', () => {
  it('exist in Vietnamese and English for every finding id', () => {
    const missing = allFindingIds.flatMap((id) =>
      (['vi', 'en'] as const).filter((locale) => !(`reason.${id}` in (locale === 'vi' ? vi : en))).map((locale) => `${locale}: reason.${id}`),
    );
    expect(missing).toEqual([]);
  });

  it('have no key without a finding id, and the same keys in both locales', () => {
    const expected = allFindingIds.map((id) => `reason.${id}`).sort();
    expect(Object.keys(vi).sort()).toEqual(expected);
    expect(Object.keys(en).sort()).toEqual(expected);
  });

  it('are non-empty and use no placeholder other than {evidence}', () => {
    for (const catalog of [vi, en] as Record<string, string>[]) {
      for (const [key, text] of Object.entries(catalog)) {
        expect(text.trim(), key).not.toBe('');
        expect(text.match(/\{(\w+)\}/g)?.filter((p) => p !== '{evidence}') ?? [], key).toEqual([]);
      }
    }
  });

  it('list unique ids', () => {
    expect(new Set(allFindingIds).size).toBe(allFindingIds.length);
  });
});
