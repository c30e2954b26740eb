import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeText } from './normalize';
import { lureRules } from './rules';
import { matchAllRules, matchRule } from './signals/text';

describe('lureRules', () => {
  it('have unique ids', () => {
    expect(new Set(lureRules.map((r) => r.id)).size).toBe(lureRules.length);
  });

  for (const rule of lureRules) {
    describe(rule.id, () => {
      it.each(rule.examples.match)('matches %s', (text) => {
        expect(matchRule(rule, normalizeText(text))).toBeDefined();
      });
      it.each(rule.examples.match)('matches %s without diacritics or case', (text) => {
        const bare = text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toUpperCase();
        expect(matchRule(rule, normalizeText(bare))).toBeDefined();
      });
      it.each(rule.examples.noMatch)('does not match %s', (text) => {
        expect(matchRule(rule, normalizeText(text))).toBeUndefined();
      });
    });
  }

  it('are written for the bare text: lower case ASCII, no diacritics', () => {
    for (const rule of lureRules) {
      for (const pattern of rule.patterns) {
        expect(pattern, rule.id).not.toMatch(/[^\x00-\x7f]/);
        expect(pattern.replace(/\\[a-zA-Z]/g, ''), rule.id).not.toMatch(/[A-Z]/);
      }
    }
  });

  it('have no quantified group that itself contains a quantifier (no catastrophic backtracking)', () => {
    const nestedQuantifier = /\([^()]*[+*}][^()]*\)[+*{]/;
    for (const rule of lureRules) {
      for (const pattern of rule.patterns) expect(pattern, rule.id).not.toMatch(nestedQuantifier);
    }
  });

  it('run in linear time on long runs of near-matches', () => {
    const nearMisses = [
      'hop thu '.repeat(20_000),
      'ten nguoi dung '.repeat(20_000),
      '5 gb '.repeat(20_000),
      'se bi '.repeat(20_000),
      'bam vao day '.repeat(20_000),
    ];
    for (const text of nearMisses) {
      const normalized = normalizeText(text);
      const started = performance.now();
      for (const rule of lureRules) matchRule(rule, normalized);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});

describe('the combined single-pass matcher', () => {
  it('finds every rule through the scan, in whichever group of fifteen it sits', () => {
    // more rules than one 32-bit mask holds: the later groups must be scanned as well
    expect(lureRules.length).toBeGreaterThan(30);
    for (const rule of lureRules) {
      const found = matchAllRules(normalizeText(`Kính gửi anh chị. ${rule.examples.match[0]} Trân trọng.`)).map((f) => f.rule.id);
      expect(found, rule.id).toContain(rule.id);
    }
  });

  it('every pattern starts at a word boundary (the matcher factors the \\b out)', () => {
    for (const rule of lureRules) for (const pattern of rule.patterns) expect(pattern.startsWith('\\b'), rule.id).toBe(true);
  });

  const fragments = [
    'hộp thư ', 'của bạn ', 'đã vượt quá ', 'giới hạn ', 'bấm vào đây ', 'để cập nhật ', 'tài khoản ', 'sẽ bị ',
    'vô hiệu hóa ', 'tên người dùng ', 'mật khẩu ', 'xác nhận ', '5 GB ', '10,9GB ', 'quản trị viên ', 'click here ',
    'your mailbox is full ', 'scanned for viruses ', 'believed to be clean ', 'hạn ngạch ', 'dung lượng ', 'đã đầy ',
    'Dear webmail user ', 'sau 48 giờ ', 'mất ', 'thư đến ', 'đang chờ ', 'lịch họp ', 'báo cáo ', '. ',
    // beyond ASCII once folded: the scan reads them as U+007F, the rule alone as themselves
    '“', '” ', '→ ', '– ', '© ', '« ', '€', '😀 ', '中文 ', '\u0080',
  ];

  it('finds, for each rule, the same leftmost phrase as the rule run alone', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 60 }), (parts) => {
        const text = normalizeText(parts.join(''));
        const combined = new Map(matchAllRules(text).map(({ rule, phrase }) => [rule.id, phrase]));
        for (const rule of lureRules) expect(combined.get(rule.id), rule.id).toBe(matchRule(rule, text));
      }),
      { numRuns: 500 },
    );
    // 500 runs × 29 rules alone: seconds on a loaded two-core machine; the default 5 s was too close
  }, 30_000);

  it('finds the same on long text, where the scan uses the factored alternation', () => {
    const padding = 'Kính gửi các đơn vị, lịch họp và báo cáo tuần sau. '.repeat(200);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...fragments), { maxLength: 60 }), fc.nat(60), (parts, at) => {
        const text = normalizeText(parts.slice(0, at).join('') + padding + parts.slice(at).join(''));
        const combined = new Map(matchAllRules(text).map(({ rule, phrase }) => [rule.id, phrase]));
        for (const rule of lureRules) expect(combined.get(rule.id), rule.id).toBe(matchRule(rule, text));
      }),
      { numRuns: 40 },
    );
  }, 30_000);
});
