/**
 * Words in disguise. Real lures spell "Metamask", "Coinbase", "Your account" with characters no
 * honest sender types: zero-width and soft-hyphen splits between letters (R­e­a­l), Syriac or
 * variation-selector marks sprinkled over Latin letters (Aܿmܿaܿzܿoܿn, M󠄹ic󠄹ro󠄹soft), small capitals
 * and mathematical letters (ᴘᴀʏᴍᴇɴᴛ, 𝐕𝐞𝐫𝐥𝐢𝐞𝐫𝐞𝐧), and Cyrillic letters inside Latin words (Yоur
 * cryptо). The normaliser already reads through all of it for the rules; this signal says that
 * someone took the trouble. Vietnamese diacritics, in NFC or NFD, are never counted.
 */
import type { MailMessage } from '../../mail/types';
import type { ScoringContext } from '../context';
import { readable } from '../normalize';
import type { Finding } from '../types';

export const disguiseSignalIds = ['disguise.hidden-characters'] as const;

/** Characters that only split or decorate letters. */
function isDisguise(cp: number): boolean {
  return (
    cp === 0x00ad || cp === 0x034f || (cp >= 0x200b && cp <= 0x200d) || (cp >= 0x2060 && cp <= 0x2064) || cp === 0xfeff ||
    (cp >= 0x0334 && cp <= 0x0338) || // combining overlays (Co̷rreio̷s)
    (cp >= 0x0700 && cp <= 0x074f) || // Syriac marks over Latin letters
    (cp >= 0x20d0 && cp <= 0x20ff) || // combining marks for symbols
    (cp >= 0xe0000 && cp <= 0xe01ef) || // tags and variation selectors supplement
    (cp >= 0x1d00 && cp <= 0x1d2b) || // small capitals
    (cp >= 0xa730 && cp <= 0xa731) || cp === 0x0280 || cp === 0x0299 || cp === 0x029c || cp === 0x026a || cp === 0x0274 || cp === 0x028f || cp === 0x0262 || cp === 0x029f ||
    (cp >= 0x1d400 && cp <= 0x1d7ff) || // mathematical letters and digits
    (cp >= 0xff21 && cp <= 0xff5a) || // fullwidth letters
    (cp >= 0x24b6 && cp <= 0x24e9) || (cp >= 0x1f130 && cp <= 0x1f189) // enclosed letters
  );
}

/**
 * Any character `count` would look at twice: a disguise character or a Cyrillic or Greek letter.
 * Most mail has none, and one regular-expression test of 50 KB is far cheaper than the walk.
 */
const suspect =
  /[\u00ad\u034f\u200b-\u200d\u2060-\u2064\ufeff\u0334-\u0338\u0700-\u074f\u20d0-\u20ff\u1d00-\u1d2b\ua730\ua731\u0280\u0299\u029c\u026a\u0274\u028f\u0262\u029f\uff21-\uff5a\u24b6-\u24e9\u{e0000}-\u{e01ef}\u{1d400}-\u{1d7ff}\u{1f130}-\u{1f189}\p{Script=Cyrillic}\p{Script=Greek}]/u;

const latin = /\p{Script=Latin}/u;
const lookalikeScript = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;
const letter = /\p{L}/u;

const delimiter = /[\s"'<>()[\]{},;:!?]/u;
const suspects = new RegExp(suspect.source, 'gu');

/**
 * How many disguise characters stand in or beside a word, and a sample of the words. Only the
 * words around a suspect character are walked: most mail has none, and its cost is one scan.
 */
function count(text: string, limit: number): { hits: number; mixedWords: number; sample: string[] } {
  let hits = 0;
  let mixedWords = 0;
  const sample: string[] = [];
  const slice = text.length > limit ? text.slice(0, limit) : text;
  suspects.lastIndex = 0;
  for (let found = suspects.exec(slice); found; found = suspects.exec(slice)) {
    let start = found.index;
    while (start > 0 && !delimiter.test(slice[start - 1]!)) start--;
    let end = found.index + found[0].length;
    while (end < slice.length && !delimiter.test(slice[end]!)) end++;
    suspects.lastIndex = end;
    const word = slice.slice(start, end);
    if (word.length < 2 || word.length > 200) continue;
    let inWord = 0;
    let hasLetter = false;
    for (const char of word) {
      const cp = char.codePointAt(0) ?? 0;
      if (cp < 0x80) {
        hasLetter ||= (cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a;
        continue;
      }
      if (isDisguise(cp)) inWord++;
      else hasLetter ||= letter.test(char);
    }
    const mixed = lookalikeScript.test(word) && latin.test(word);
    if ((inWord > 0 && hasLetter) || mixed) {
      hits += inWord;
      if (mixed) mixedWords++;
      if (sample.length < 3) sample.push(readable(word).slice(0, 40));
    }
  }
  return { hits, mixedWords, sample };
}

export function disguiseSignals(message: MailMessage, _context: ScoringContext): Finding[] {
  const head = count(`${message.subject} ${message.from?.name ?? ''}`, 2000);
  const body = count(message.text, 50_000);
  const inHead = head.hits >= 3 || head.mixedWords >= 1;
  const inBody = body.hits >= 8 || body.mixedWords >= 3;
  if (!inHead && !inBody) return [];
  const evidence = [...new Set([...head.sample, ...body.sample])].filter((w) => w !== '').slice(0, 3);
  return [{ id: 'disguise.hidden-characters', category: 'disguise', weight: 20, evidence }];
}
