import { describe, expect, it } from 'vitest';
import { countedWords, vocabularyLevel, vocabularyLevels, vocabularyScore, wordsOf } from './vocabulary';

describe('wordsOf', () => {
  it('takes distinct words of four letters or more and leaves URLs out', () => {
    const words = wordsOf('verify your mailbox now at https://evil.example/verify-mailbox?login www.bad.example verify');
    expect([...words].sort()).toEqual(['mailbox', 'verify', 'your']);
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
