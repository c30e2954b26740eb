import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareText, beyondAscii, normalizeText, originalPhrase } from './normalize';

describe('normalizeText', () => {
  const lure = 'hop thu cua ban da vuot qua gioi han';

  it('drops diacritics and đ, lower-cases', () => {
    expect(bareText('Hộp thư của bạn đã vượt quá giới hạn')).toBe(lure);
    expect(bareText('ĐÃ VƯỢT QUÁ')).toBe('da vuot qua');
  });

  it('gives the same bare text for NFC and NFD input', () => {
    const text = 'Hộp thư của bạn đã vượt quá giới hạn';
    expect(bareText(text.normalize('NFD'))).toBe(bareText(text.normalize('NFC')));
    expect(bareText(text.normalize('NFD'))).toBe(lure);
  });

  it('removes zero-width characters, the soft hyphen and other invisible marks', () => {
    expect(bareText('Hộp\u200Bthư')).toBe('hopthu');
    expect(bareText('Hộp \u200Dthư của bạn đã vư\u00ADợt quá giới\uFEFF hạn')).toBe(lure);
    expect(bareText('m\u034Fật\u2060 kh\u180Eẩu')).toBe('mat khau');
  });

  it('folds Cyrillic and Greek lookalikes to Latin', () => {
    expect(bareText('Hộp thư сủа bạn đã vượt quá giới hạn')).toBe(lure);
    expect(bareText('Нộр thư')).toBe('hop thu');
    expect(bareText('Pаssword')).toBe('password');
    expect(bareText('vеrify yοur аccount')).toBe('verify your account');
  });

  it('folds compatibility forms (fullwidth, mathematical letters)', () => {
    expect(bareText('ｐａｓｓｗｏｒｄ')).toBe('password');
    expect(bareText('𝐩𝐚𝐬𝐬𝐰𝐨𝐫𝐝')).toBe('password');
  });

  it('collapses whitespace, including line breaks and no-break spaces', () => {
    expect(bareText('  Tên\n\n người\u00A0dùng:\t mật  khẩu ')).toBe('ten nguoi dung: mat khau');
  });

  it('maps a bare match back to the original words', () => {
    const text = normalizeText('Chú ý: Hộp\u200B thư   của bạn đã vượt quá giới hạn!');
    const start = text.bare.indexOf('hop thu');
    const end = text.bare.indexOf('gioi han') + 'gioi han'.length;
    expect(originalPhrase(text, start, end)).toBe('Hộp thư của bạn đã vượt quá giới hạn');
  });

  it('keeps the combining marks of the last letter of NFD input in the evidence', () => {
    const text = normalizeText('vượt quá'.normalize('NFD'));
    expect(originalPhrase(text, 0, text.bare.length)).toBe('vượt quá');
  });

  it('handles empty and astral-only input', () => {
    expect(normalizeText('').bare).toBe('');
    expect(normalizeText('😀😀').bare).toBe('😀😀');
    expect(originalPhrase(normalizeText(''), 0, 3)).toBe('');
  });
});

describe('normalizeText growth', () => {
  it('keeps offsets right when characters expand (ligatures, astral letters, ﷺ)', () => {
    const text = 'ﬁ'.repeat(50) + '\uFDFA'.repeat(20) + '𝐩𝐚𝐬𝐬';
    const normalized = normalizeText(text);
    expect(normalized.bare.startsWith('fi'.repeat(50))).toBe(true);
    expect(normalized.bare.endsWith('pass')).toBe(true);
    expect(normalized.origins.length).toBe(normalized.bare.length);
    expect(originalPhrase(normalized, normalized.bare.length - 4, normalized.bare.length)).toBe('𝐩𝐚𝐬𝐬');
  });

  it('keeps a lone surrogate without crashing', () => {
    expect(() => normalizeText('a\uD800b\uDC00c')).not.toThrow();
    expect(normalizeText('a\uD800b').bare).toHaveLength(3);
  });
});

describe('the ASCII form the rule scan reads', () => {
  /** What `ascii` must be: `bare` unit for unit, anything beyond ASCII as U+007F. */
  const expectedAscii = (bare: string) => bare.replace(/[^\u0000-\u007f]/g, String.fromCharCode(beyondAscii));

  it('stands U+007F in for each character beyond ASCII, first seen or not, and keeps them in bare', () => {
    // a character this test file is the first to normalise (the fold table fills on first sight)
    const text = 'thư báo “tài khoản bị khóa” → ©\u2e3a 😀 中 ﬁ';
    for (let i = 0; i < 2; i++) {
      const normalized = normalizeText(text);
      expect(normalized.bare).toBe('thu bao “tai khoan bi khoa” → ©\u2e3a 😀 中 fi');
      expect(normalized.ascii).toBe(expectedAscii(normalized.bare));
    }
  });

  it('is bare itself when bare is ASCII', () => {
    const normalized = normalizeText('Hộp thư của bạn đã đầy');
    expect(normalized.ascii).toBe(normalized.bare);
  });

  it('matches bare unit for unit on any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        const normalized = normalizeText(text);
        expect(normalized.ascii).toBe(expectedAscii(normalized.bare));
      }),
      { numRuns: 2000 },
    );
  });
});
