/**
 * "Near-identical text", measured the way spam clusterers do: MinHash signatures over word
 * 3-shingles of the normalised text (the scorer's normaliser: no diacritics, no look-alike letters,
 * no zero-width tricks), with addresses, links and numbers folded, since a kit fills those in per
 * recipient. Two signatures agreeing in a fraction f of positions estimate a Jaccard similarity f.
 *
 * Candidates are found by LSH banding (16 bands of 4 rows), so a thousand originals are not
 * compared pairwise; each candidate pair is then checked against the threshold.
 */
import { bareText } from '../scoring/normalize';

export const signatureLength = 64;
const bands = 16;
const rows = signatureLength / bands;
/** Below this many shingles a text is too short to say two messages are the same. */
const minShingles = 8;
const maxTextChars = 20_000;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** murmur3's finaliser: spreads one 32-bit hash into an independent-looking one per seed. */
function mix(hash: number, seed: number): number {
  let h = (hash ^ Math.imul(seed, 0x9e3779b1)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The words a kit does not vary: addresses, links and numbers become placeholders. */
export function shingleText(subject: string, text: string): string[] {
  const folded = bareText(`${subject}\n${text}`.slice(0, maxTextChars))
    .replace(/\S+@\S+/g, ' @ ')
    .replace(/\b(?:https?:\/\/|www\.)\S+/g, ' url ')
    .replace(/\d+/g, '0');
  return folded.split(/[^\p{L}\p{N}@]+/u).filter((w) => w !== '');
}

/** The signature of a text; empty when the text is too short to compare. */
export function textSignature(subject: string, text: string): number[] {
  const words = shingleText(subject, text);
  const shingles = new Set<number>();
  for (let i = 0; i + 3 <= words.length; i++) shingles.add(fnv1a(`${words[i]} ${words[i + 1]} ${words[i + 2]}`));
  if (shingles.size < minShingles) return [];
  const signature = new Array<number>(signatureLength).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let k = 0; k < signatureLength; k++) {
      const value = mix(shingle, k + 1);
      if (value < signature[k]!) signature[k] = value;
    }
  }
  return signature;
}

export function estimatedJaccard(a: readonly number[], b: readonly number[]): number {
  if (a.length !== signatureLength || b.length !== signatureLength) return 0;
  let same = 0;
  for (let k = 0; k < signatureLength; k++) if (a[k] === b[k]) same += 1;
  return same / signatureLength;
}

/**
 * Pairs (i < j) of signatures whose estimated Jaccard similarity is at least `threshold`, enough of
 * them to connect every similar group (not every pair: within a bucket each signature is compared
 * with the bucket's first, and only those unlike it with each other, so a thousand copies of one
 * lure cost a thousand comparisons, not half a million).
 */
export function similarPairs(signatures: readonly (readonly number[])[], threshold = 0.8): [number, number][] {
  const buckets = new Map<string, number[]>();
  signatures.forEach((signature, index) => {
    if (signature.length !== signatureLength) return;
    for (let band = 0; band < bands; band++) {
      const key = `${band}:${signature.slice(band * rows, (band + 1) * rows).join(',')}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(index);
      else buckets.set(key, [index]);
    }
  });
  const checked = new Set<string>();
  const pairs: [number, number][] = [];
  const check = (i: number, j: number): boolean => {
    const [a, b] = i < j ? [i, j] : [j, i];
    const key = `${a},${b}`;
    if (checked.has(key)) return false;
    checked.add(key);
    if (estimatedJaccard(signatures[a]!, signatures[b]!) < threshold) return false;
    pairs.push([a, b]);
    return true;
  };
  for (const bucket of buckets.values()) {
    if (bucket.length < 2) continue;
    const first = bucket[0]!;
    const unlike = bucket.slice(1).filter((other) => !check(first, other) && estimatedJaccard(signatures[first]!, signatures[other]!) < threshold);
    for (let x = 0; x < unlike.length; x++) for (let y = x + 1; y < unlike.length; y++) check(unlike[x]!, unlike[y]!);
  }
  return pairs;
}
