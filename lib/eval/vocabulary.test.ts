import { describe, expect, it } from 'vitest';
import { learnLexicon, looksEnglish, type Document } from './vocabulary';

function doc(text: string, label: 0 | 1): Document {
  return { words: new Set(text.split(' ')), label, weight: 1 };
}

describe('learnLexicon', () => {
  const documents: Document[] = [
    ...Array.from({ length: 50 }, (_, i) => doc(`verify your mailbox meeting rodrigo ${i % 2 ? 'suspended' : 'today'}`, 1)),
    ...Array.from({ length: 100 }, (_, i) => doc(`meeting agenda your ${i % 25 === 0 ? 'verify' : 'minutes'}`, 0)),
  ];
  const lexicon = learnLexicon(documents);

  it('learns words common in lures and rare in legitimate mail, with positive log-odds', () => {
    expect(Object.keys(lexicon)).toEqual(expect.arrayContaining(['mailbox', 'suspended', 'verify']));
    for (const value of Object.values(lexicon)) expect(value).toBeGreaterThan(0);
    expect(lexicon['mailbox']).toBeGreaterThan(lexicon['verify'] ?? 0);
  });

  it('leaves out words both kinds of mail use, short words and traces of the corpora', () => {
    expect(lexicon).not.toHaveProperty('meeting');
    expect(lexicon).not.toHaveProperty('your');
    expect(lexicon).not.toHaveProperty('rodrigo');
  });
});

describe('looksEnglish', () => {
  it('tells English from Portuguese and Dutch by their function words', () => {
    expect(looksEnglish('please verify your account and the password for this mailbox will expire')).toBe(true);
    expect(looksEnglish('de enviado para voce sua conta com uma senha nao the and you your')).toBe(false);
    expect(looksEnglish('uw pakket voor een levering is niet gelukt het zijn')).toBe(false);
  });
});
