/**
 * The words of lures, learned from labelled real mail by `npm run fit` (lib/eval/vocabulary.ts)
 * and shipped in data/weights.json: each word with its log-odds of appearing in unsolicited
 * rather than legitimate mail, only words that lean clearly towards lures (a word never speaks
 * *for* a message). A message's vocabulary score is the sum over the strongest few of its distinct
 * words; the finding names those words, so the banner says which words made it.
 */

/** Words shorter than this are too ambiguous across languages (Vietnamese "tai", Portuguese "sua"). */
export const minWordLength = 4;
/** Only this many of a message's strongest words count: a long text does not add up by length. */
export const countedWords = 8;
/** The start of the text that is read for words. */
export const scannedChars = 20_000;

const url = /\b(?:https?:\/\/|www\.)\S+/g;
const word = /[a-z]{4,20}/g;

/** Distinct words of bare text (lower case ASCII without diacritics), URLs left out. */
export function wordsOf(bare: string): Set<string> {
  const text = (bare.length > scannedChars ? bare.slice(0, scannedChars) : bare).replace(url, ' ');
  return new Set(text.match(word) ?? []);
}

export interface VocabularyMatch {
  score: number;
  /** The counted words, strongest first. */
  words: string[];
}

export function vocabularyScore(words: ReadonlySet<string>, lexicon: Readonly<Record<string, number>>): VocabularyMatch {
  const hits: [string, number][] = [];
  for (const w of words) {
    const weight = lexicon[w];
    if (typeof weight === 'number' && weight > 0) hits.push([w, weight]);
  }
  hits.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = hits.slice(0, countedWords);
  return { score: top.reduce((s, [, w]) => s + w, 0), words: top.map(([w]) => w) };
}

/** The vocabulary score bands, each its own feature of the fit (`vocabulary.lure-words.N`). */
export const vocabularyLevels = [4, 8, 12, 16] as const;

export function vocabularyLevel(score: number): number {
  let level = 0;
  for (const edge of vocabularyLevels) if (score >= edge) level++;
  return level;
}
