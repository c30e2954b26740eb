/**
 * The one text normaliser of the scoring library. Lures hide their words from filters with
 * zero-width characters, soft hyphens, Cyrillic or Greek lookalike letters, compatibility forms
 * (fullwidth, mathematical letters), missing diacritics and odd spacing; rules are written once,
 * against the "bare" text this module produces, and still see the lure.
 */

/** Invisible characters that only ever serve to split words in mail bodies. */
const invisibleCodePoints = new Set<number>([
  0x00ad, 0x034f, 0x061c, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e,
  0x200b, 0x200c, 0x200d, 0x200e, 0x200f,
  0x202a, 0x202b, 0x202c, 0x202d, 0x202e,
  0x2060, 0x2061, 0x2062, 0x2063, 0x2064,
  0x2066, 0x2067, 0x2068, 0x2069,
  0x3164, 0xfeff, 0xffa0,
]);

/**
 * Letters of other scripts that render like Latin ones (after lower-casing). Capital-only
 * lookalikes (Cyrillic В Н М Т К) are listed by their lower-case form, since text is lower-cased
 * before folding.
 */
const confusables: Readonly<Record<string, string>> = {
  // Cyrillic
  'а': 'a', 'в': 'b', 'е': 'e', 'ё': 'e', 'і': 'i', 'ї': 'i', 'ј': 'j', 'к': 'k',
  'м': 'm', 'н': 'h', 'о': 'o', 'р': 'p', 'с': 'c', 'т': 't', 'у': 'y', 'х': 'x', 'ѕ': 's',
  'һ': 'h', 'ԁ': 'd', 'ԛ': 'q', 'ԝ': 'w', 'ӏ': 'l', 'ɡ': 'g', 'ь': 'b', 'ү': 'y', 'ѵ': 'v',
  // Greek
  'α': 'a', 'β': 'b', 'γ': 'y', 'ε': 'e', 'η': 'n', 'ι': 'i', 'κ': 'k', 'ν': 'v', 'ο': 'o',
  'ρ': 'p', 'τ': 't', 'υ': 'u', 'χ': 'x', 'ω': 'w', 'ζ': 'z', 'μ': 'u',
  // Latin letters outside ASCII that NFKD does not decompose
  'ı': 'i', 'ł': 'l', 'ø': 'o', 'ß': 'ss', 'đ': 'd', 'ð': 'd', 'ħ': 'h', 'ŧ': 't', 'ƒ': 'f',
  'ℓ': 'l', 'æ': 'ae', 'œ': 'oe',
};

const combiningMark = /\p{M}/u;
const whitespace = /\s/u;

/** Bare form of one code point: '' (dropped), ' ' (space) or letters/digits/punctuation. */
const bareCache = new Map<number, string>();

function bareOf(codePoint: number): string {
  if (codePoint < 0x80) {
    if (codePoint >= 0x41 && codePoint <= 0x5a) return String.fromCharCode(codePoint + 32);
    if (codePoint === 0x20 || (codePoint >= 0x09 && codePoint <= 0x0d)) return ' ';
    return String.fromCharCode(codePoint);
  }
  const cached = bareCache.get(codePoint);
  if (cached !== undefined) return cached;
  let result: string;
  if (invisibleCodePoints.has(codePoint)) {
    result = '';
  } else {
    const char = String.fromCodePoint(codePoint);
    if (whitespace.test(char)) {
      result = ' ';
    } else {
      // NFKD per code point equals NFKD of the whole text once combining marks are dropped:
      // decomposition is per character, only mark ordering depends on neighbours.
      let folded = '';
      for (const part of char.normalize('NFKD').toLowerCase()) {
        if (combiningMark.test(part)) continue;
        folded += confusables[part] ?? (whitespace.test(part) ? ' ' : part);
      }
      result = folded;
    }
  }
  bareCache.set(codePoint, result);
  return result;
}

export interface NormalizedText {
  /** The text as given. */
  original: string;
  /**
   * Lower-case, compatibility-folded, confusables folded to Latin, invisible characters removed,
   * diacritics dropped (đ → d), whitespace collapsed to single spaces and trimmed.
   */
  bare: string;
  /**
   * `bare` with every character beyond ASCII (arrows, curly quotes, dashes, CJK, emoji; the few
   * Latin-1 signs left after folding) replaced by U+007F, one code unit for one, so that offsets
   * are those of `bare`; ASCII, so V8 stores it one byte wide. The rule scan reads this form
   * (signals/text.ts), so that its expressions only ever meet one string width (V8 compiles their
   * code per width: tuned on one-byte mail, a scanner was once interpreted on a 50 KB letter with
   * one "→", 5 ms instead of 1) and no text needs converting first (that cost 0.18 ms on a 50 KB
   * letter with curly quotes; built here from the output buffer, 0.01 ms). No rule names a character beyond ASCII, and to `\b`, `.`, `\S` and a
   * negated class U+007F is what any of them was, a non-word, non-space character.
   */
  ascii: string;
  /** For each UTF-16 unit of `bare`, the index in `original` of the character it came from. */
  readonly origins: Uint32Array;
}

/**
 * Bare forms of BMP code units, filled on first sight: a code unit of output, or one of the
 * markers below. The hot loop then costs one table read per character.
 */
const unseen = -1;
const dropped = -2;
const expands = -3;
const bmpTable = new Int32Array(0x10000).fill(unseen);
const expansions = new Map<number, string>();

function bmpEntry(codeUnit: number): number {
  if (codeUnit >= 0xd800 && codeUnit <= 0xdbff) {
    // A high surrogate: its bare form depends on the low surrogate that follows.
    bmpTable[codeUnit] = expands;
    return expands;
  }
  const bare = bareOf(codeUnit);
  let entry: number;
  if (bare === '') entry = dropped;
  else if (bare.length === 1) entry = bare.charCodeAt(0);
  else {
    entry = expands;
    expansions.set(codeUnit, bare);
  }
  bmpTable[codeUnit] = entry;
  return entry;
}

const utf16 = new TextDecoder('utf-16le');
const utf8 = new TextDecoder();
/** The stand-in of a character beyond ASCII in `ascii`. */
export const beyondAscii = 0x7f;

/**
 * The output buffer, kept from one call to the next: allocating (and zeroing) a fresh 100 KB
 * array per 50 KB message cost as much as the whole folding loop. `decode` copies out of it, so
 * reuse is safe; buffers for very long texts are not kept.
 */
let scratch = new Uint16Array(4096);
const maxKeptScratch = 1 << 20;

/**
 * Where `bare` came from in `original`, kept compactly: from bare index `jumpAt[j]` on (until the
 * next jump), bare unit k came from original index k + `jumpShift[j]` (before the first jump, k).
 * In ordinary text the shift changes only where characters are dropped, spaces collapsed or
 * characters expanded, so a 50 KB letter has a few dozen jumps instead of a 200 KB offset table;
 * the full table is built only if asked for.
 */
class NormalizedResult implements NormalizedText {
  #origins: Uint32Array | undefined;

  constructor(
    readonly original: string,
    readonly bare: string,
    readonly ascii: string,
    private readonly jumpAt: readonly number[],
    private readonly jumpShift: readonly number[],
  ) {}

  /** The index in `original` of bare unit `index` (0 ≤ index < bare.length). */
  originAt(index: number): number {
    const { jumpAt, jumpShift } = this;
    let low = 0;
    let high = jumpAt.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((jumpAt[middle] as number) <= index) low = middle + 1;
      else high = middle;
    }
    return index + (low === 0 ? 0 : (jumpShift[low - 1] as number));
  }

  get origins(): Uint32Array {
    if (!this.#origins) {
      const origins = new Uint32Array(this.bare.length);
      let shift = 0;
      let next = 0;
      for (let k = 0; k < origins.length; k++) {
        while (next < this.jumpAt.length && (this.jumpAt[next] as number) <= k) shift = this.jumpShift[next++] as number;
        origins[k] = k + shift;
      }
      this.#origins = origins;
    }
    return this.#origins;
  }
}

function originAt(text: NormalizedText, index: number): number {
  return text instanceof NormalizedResult ? text.originAt(index) : (text.origins[index] ?? 0);
}

/** Normalises `original` in one linear pass, keeping the way back to the original offsets. */
export function normalizeText(original: string): NormalizedText {
  const length = original.length;
  // The state lives in locals, not in closures, so that V8 keeps the hot loop in registers.
  let capacity = length + 16;
  let out = scratch.length >= capacity ? scratch : new Uint16Array(capacity);
  capacity = out.length;
  const jumpAt: number[] = [];
  const jumpShift: number[] = [];
  // The last entry of jumpAt, in a local: reading jumpAt[-1] out of bounds would slow the loop.
  let lastJumpAt = -1;
  // where bare holds a unit beyond ASCII (rare outside arrows, quotes and dashes)
  const wideAt: number[] = [];
  let size = 0;
  let lastWasSpace = true;
  for (let i = 0; i < length; i++) {
    const unit = original.charCodeAt(i);
    // A UTF-16 code unit is always inside the 0x10000-entry table.
    let entry = bmpTable[unit] as number;
    if (entry > 0x20) {
      // The common case, a letter, digit or mark of punctuation: one test (two beyond ASCII).
      lastWasSpace = false;
      if (entry >= 0x80) wideAt.push(size);
      out[size] = entry;
      size++;
      continue;
    }
    if (entry === unseen) entry = bmpEntry(unit);
    if (entry >= 0) {
      if (entry === 0x20) {
        if (lastWasSpace) {
          // Skipped: from here on, bare units come from one character further on.
          if (lastJumpAt === size) jumpShift[jumpShift.length - 1] = i + 1 - size;
          else jumpAt.push((lastJumpAt = size)), jumpShift.push(i + 1 - size);
          continue;
        }
        lastWasSpace = true;
      } else {
        lastWasSpace = false;
        // a character met for the first time
        if (entry >= 0x80) wideAt.push(size);
      }
      // No capacity check: outside expansions, bare is never longer than the input.
      out[size] = entry;
      size++;
      continue;
    }
    if (entry === dropped) {
      if (lastJumpAt === size) jumpShift[jumpShift.length - 1] = i + 1 - size;
      else jumpAt.push((lastJumpAt = size)), jumpShift.push(i + 1 - size);
      continue;
    }
    // Rare: a character that folds to several (ﬁ → fi) or an astral one (𝐩 → p).
    const at = i;
    let text = expansions.get(unit) ?? '';
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const codePoint = original.codePointAt(i) ?? unit;
      text = bareOf(codePoint);
      if (codePoint > 0xffff) i++;
    }
    // Room for the expansion and for the rest of the input, one unit per character.
    if (size + text.length + (length - i) > capacity) {
      capacity = 2 * capacity + text.length;
      const grown = new Uint16Array(capacity);
      grown.set(out.subarray(0, size));
      out = grown;
    }
    for (let k = 0; k < text.length; k++) {
      const part = text.charCodeAt(k);
      if (part === 0x20) {
        if (lastWasSpace) continue;
        lastWasSpace = true;
      } else {
        lastWasSpace = false;
      }
      if (lastJumpAt === size) jumpShift[jumpShift.length - 1] = at - size;
      else jumpAt.push((lastJumpAt = size)), jumpShift.push(at - size);
      if (part >= 0x80) wideAt.push(size);
      out[size] = part;
      size++;
    }
    if (lastJumpAt === size) jumpShift[jumpShift.length - 1] = i + 1 - size;
    else jumpAt.push((lastJumpAt = size)), jumpShift.push(i + 1 - size);
  }
  if (size > 0 && out[size - 1] === 0x20) size--;
  if (out !== scratch && out.length <= maxKeptScratch) scratch = out;
  const units = out.subarray(0, size);
  // Typed-array conversion and an ASCII decode are native and fast; a loop over 50 KB was not.
  let ascii: string;
  if (wideAt.length === 0) {
    ascii = utf8.decode(new Uint8Array(units));
    return new NormalizedResult(original, ascii, ascii, jumpAt, jumpShift);
  }
  const bytes = new Uint8Array(units);
  for (const at of wideAt) bytes[at] = beyondAscii;
  ascii = utf8.decode(bytes);
  return new NormalizedResult(original, utf16.decode(units), ascii, jumpAt, jumpShift);
}

/** The bare form alone, for short strings (display names, policy phrases). */
export function bareText(text: string): string {
  return normalizeText(text).bare;
}

const maxEvidenceLength = 100;

/** Text fit to show a person: NFC, invisible characters removed, whitespace collapsed, shortened. */
export function readable(text: string): string {
  let cleaned = '';
  // Only the start is shown; a megabyte of link text must not be walked to show 100 characters.
  for (const char of text.slice(0, maxEvidenceLength * 4).normalize('NFC')) {
    const codePoint = char.codePointAt(0) ?? 0;
    if (invisibleCodePoints.has(codePoint)) continue;
    cleaned += whitespace.test(char) ? ' ' : char;
  }
  cleaned = cleaned.replace(/ {2,}/g, ' ').trim();
  return cleaned.length > maxEvidenceLength ? `${cleaned.slice(0, maxEvidenceLength - 1)}…` : cleaned;
}

/**
 * The original words behind `bare[start, end)`, made readable: the phrase the user actually saw,
 * with its diacritics and lookalike letters, rather than the folded form.
 */
export function originalPhrase(text: NormalizedText, start: number, end: number): string {
  const length = text.bare.length;
  if (end <= start || start >= length) return '';
  const from = originAt(text, start);
  const last = originAt(text, Math.min(end, length) - 1);
  let to = last + ((text.original.codePointAt(last) ?? 0) > 0xffff ? 2 : 1);
  // NFD input keeps the marks of the last letter after it; invisible characters may trail too.
  while (to < text.original.length) {
    const codePoint = text.original.codePointAt(to) ?? 0;
    const char = String.fromCodePoint(codePoint);
    if (!combiningMark.test(char) && !invisibleCodePoints.has(codePoint)) break;
    to += char.length;
  }
  return readable(text.original.slice(from, to));
}
