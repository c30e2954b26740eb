import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countedWords, lexiconWordsOf, scannedChars, vocabularyLevel, vocabularyLevels, vocabularyScore, wordsOf } from './vocabulary';

/** The definition the hand walk must keep: the regular expressions it replaced. */
function wordsByRegExp(bare: string): Set<string> {
  const text = bare.slice(0, scannedChars).replace(/\b(?:https?:\/\/|www\.)\S+/g, ' ');
  return new Set(text.match(/[a-z]{4,20}/g) ?? []);
}

/** Bare-text-like strings: lower-case words, digits, punctuation, URL starts, long runs of letters. */
const bareLike = fc
  .array(
    fc.oneof(
      fc.constantFrom(' ', '.', '/', '_', '5', '-', 'https://', 'http://', 'www.', 'xhttps://', '5www.', 'h', 'w'),
      fc.stringMatching(/^[a-z]{1,30}$/),
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

describe('wordsOf', () => {
  it('takes distinct words of four letters or more and leaves URLs out', () => {
    const words = wordsOf('verify your mailbox now at https://evil.example/verify-mailbox?login www.bad.example verify');
    expect([...words].sort()).toEqual(['mailbox', 'verify', 'your']);
  });

  it('cuts a long run of letters every twenty and reads only the start of a long text', () => {
    expect([...wordsOf('abcdefghijklmnopqrstuvwxyzabc')]).toEqual(['abcdefghijklmnopqrst', 'uvwxyzabc']);
    expect(wordsOf(`${'x '.repeat(scannedChars / 2)}mailbox`).has('mailbox')).toBe(false);
  });

  it('finds exactly the words the regular expressions found, URLs and word boundaries alike', () => {
    fc.assert(
      fc.property(bareLike, (bare) => {
        expect([...wordsOf(bare)].sort()).toEqual([...wordsByRegExp(bare)].sort());
      }),
      { numRuns: 2000 },
    );
  });
});

describe('lexiconWordsOf', () => {
  const lexicon = { verify: 3, mailbox: 2.5, ignored: 0, negative: -1 };

  it('is wordsOf filtered by the words the lexicon counts', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('verify', 'mailbox', 'ignored', 'negative', 'meeting', 'https://verify.example/mailbox', ' ', '-')), (parts) => {
        const bare = parts.join(' ');
        const expected = [...wordsOf(bare)].filter((w) => (lexicon as Record<string, number>)[w]! > 0).sort();
        expect([...lexiconWordsOf(bare, lexicon)].sort()).toEqual(expected);
      }),
    );
  });
});

describe('vocabularyScore', () => {
  const lexicon = { verify: 3, mailbox: 2.5, suspended: 2, urgent: 1.5, alpha: 1, beta: 1, gamma: 1, delta: 1, omega: 1 };

  it('sums the strongest few distinct words, strongest first, and names them', () => {
    const match = vocabularyScore(new Set(['mailbox', 'verify', 'meeting']), lexicon);
    expect(match).toEqual({ score: 5.5, words: ['verify', 'mailbox'] });
  });

  it('counts no more than the strongest words, however long the text', () => {
    const match = vocabularyScore(new Set(Object.keys(lexicon)), lexicon);
    expect(match.words).toHaveLength(countedWords);
    expect(match.words).not.toContain('omega');
  });

  it('ignores words the lexicon does not hold, or holds as anything but a positive number', () => {
    expect(vocabularyScore(new Set(['constructor', 'tostring', 'meeting']), lexicon)).toEqual({ score: 0, words: [] });
  });
});

describe('vocabularyLevel', () => {
  it('puts a score in its band', () => {
    expect(vocabularyLevel(0)).toBe(0);
    expect(vocabularyLevel(vocabularyLevels[0] - 0.01)).toBe(0);
    expect(vocabularyLevel(vocabularyLevels[0])).toBe(1);
    expect(vocabularyLevel(vocabularyLevels[3] + 100)).toBe(4);
  });
});
