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

const a = 0x61;
const z = 0x7a;
const maxWordLength = 20;

function isWordUnit(code: number): boolean {
  return (code >= a && code <= z) || (code >= 0x30 && code <= 0x39) || code === 0x5f;
}

/** `https://…`, `http://…` or `www.…` starting at `at`: where its run of non-spaces ends, else -1. */
function urlEnd(text: string, at: number, end: number): number {
  const scheme = text.startsWith('https://', at) ? 8 : text.startsWith('http://', at) ? 7 : text.startsWith('www.', at) ? 4 : 0;
  // and at least one character more
  if (scheme === 0 || at + scheme >= end || text.charCodeAt(at + scheme) === 0x20) return -1;
  let i = at + scheme;
  while (i < end && text.charCodeAt(i) !== 0x20) i++;
  return i;
}

/**
 * Calls `visit` with the bounds of each word of bare text (lower-case ASCII without diacritics):
 * runs of `minWordLength`–20 letters, a longer run cut every 20 letters, in the first
 * `scannedChars` characters, URLs left out. A hand walk rather than a regular expression: the
 * words are never sliced unless asked for, which on a 50 KB letter costs half as much
 * (bench/index.ts).
 */
function eachWord(text: string, visit: (start: number, end: number) => void): void {
  const end = Math.min(text.length, scannedChars);
  let i = 0;
  while (i < end) {
    let code = text.charCodeAt(i);
    if (code < a || code > z) {
      i++;
      continue;
    }
    // a URL starts at a word boundary (bare text is lower case, so a word character is [a-z0-9_])
    if ((code === 0x68 || code === 0x77) && (i === 0 || !isWordUnit(text.charCodeAt(i - 1)))) {
      const skipTo = urlEnd(text, i, end);
      if (skipTo >= 0) {
        i = skipTo;
        continue;
      }
    }
    let j = i + 1;
    while (j < end && (code = text.charCodeAt(j)) >= a && code <= z) j++;
    for (let start = i; j - start >= minWordLength; start += maxWordLength) visit(start, Math.min(j, start + maxWordLength));
    i = j;
  }
}

/** Distinct words of bare text (lower case ASCII without diacritics), URLs left out. */
export function wordsOf(bare: string): Set<string> {
  const words = new Set<string>();
  eachWord(bare, (start, end) => words.add(bare.slice(start, end)));
  return words;
}

type Lexicon = Readonly<Record<string, number>>;

/** A lexicon's counted words by a hash of their letters, so that a word is sliced only when it may be one. */
const lexiconIndexes = new WeakMap<Lexicon, Map<number, string[]>>();

function hashOf(text: string, start: number, end: number): number {
  let hash = 0;
  for (let i = start; i < end; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

function lexiconIndex(lexicon: Lexicon): Map<number, string[]> {
  let index = lexiconIndexes.get(lexicon);
  if (!index) {
    index = new Map();
    for (const [word, weight] of Object.entries(lexicon)) {
      if (typeof weight !== 'number' || weight <= 0) continue;
      const hash = hashOf(word, 0, word.length);
      const words = index.get(hash);
      if (words) words.push(word);
      else index.set(hash, [word]);
    }
    lexiconIndexes.set(lexicon, index);
  }
  return index;
}

/** The distinct words of bare text that `lexicon` counts: `wordsOf` filtered, without slicing the others. */
export function lexiconWordsOf(bare: string, lexicon: Lexicon): Set<string> {
  const index = lexiconIndex(lexicon);
  const words = new Set<string>();
  eachWord(bare, (start, end) => {
    const candidates = index.get(hashOf(bare, start, end));
    if (!candidates) return;
    const word = bare.slice(start, end);
    if (candidates.includes(word)) words.add(word);
  });
  return words;
}

export interface VocabularyMatch {
  score: number;
  /** The counted words, strongest first. */
  words: string[];
}

export function vocabularyScore(words: ReadonlySet<string>, lexicon: Lexicon): VocabularyMatch {
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
