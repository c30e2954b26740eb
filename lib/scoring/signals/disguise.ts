/**
 * Words in disguise. Real lures spell "Metamask", "Coinbase", "Your account" with characters no
 * honest sender types: zero-width and soft-hyphen splits between letters (R­e­a­l), Syriac or
 * variation-selector marks sprinkled over Latin letters (Aܿmܿaܿzܿoܿn, M󠄹ic󠄹ro󠄹soft), small capitals
 * and mathematical letters (ᴘᴀʏᴍᴇɴᴛ, 𝐕𝐞𝐫𝐥𝐢𝐞𝐫𝐞𝐧), and Cyrillic letters inside Latin words (Yоur
 * cryptо). The normaliser already reads through all of it for the rules; this signal says that
 * someone took the trouble. Vietnamese diacritics, in NFC or NFD, are never counted. Plain ASCII
 * has its tricks too, each its own finding: a random token glued to the subject, a zero or a
 * small l in a word of capitals (C0NTA, lTAU), a subject whose words are glued by underscores.
 */
import type { MailMessage } from '../../mail/types';
import type { ScoringContext } from '../context';
import { parse } from 'tldts';
import { readable } from '../normalize';
import type { Finding } from '../types';

export const disguiseSignalIds = [
  'disguise.hidden-characters',
  'disguise.random-token',
  'disguise.lookalike-letters',
  'disguise.glued-words',
  'disguise.random-markup',
  'disguise.random-filename',
] as const;

/**
 * Characters that only split or decorate letters: soft hyphen and zero-width marks, combining
 * overlays (Co̷rreio̷s), Syriac marks over Latin letters, combining marks for symbols, small
 * capitals, mathematical, fullwidth and enclosed letters, tags and variation selectors.
 */
const disguiseClass =
  String.raw`\u00ad\u034f\u200b-\u200d\u2060-\u2064\ufeff\u0334-\u0338\u0700-\u074f\u20d0-\u20ff` +
  String.raw`\u1d00-\u1d2b\ua730\ua731\u0280\u0299\u029c\u026a\u0274\u028f\u0262\u029f` +
  String.raw`\uff21-\uff5a\u24b6-\u24e9\u{e0000}-\u{e01ef}\u{1d400}-\u{1d7ff}\u{1f130}-\u{1f189}`;
const disguise = new RegExp(`[${disguiseClass}]`, 'u');

/**
 * Scripts with letters that pass for Latin ones inside a Latin word: Cyrillic and Greek (о, а, ο),
 * and the rarer ones kits use once filters know those two — Armenian (օ, ս), Cherokee (Ꭺ, Ꮪ), Tai
 * Le (ᥣ, ᥴ, ᥱ in "bᥣoᥴkᥱd"), Lisu (ꓲ, ꓳ), Coptic (ⲟ) and Canadian syllabics (ᑭ, ᒪ).
 */
const lookalikeScripts = String.raw`\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Cherokee}\p{Script=Tai_Le}\p{Script=Lisu}\p{Script=Coptic}\p{Script=Canadian_Aboriginal}`;

/**
 * Any character `count` would look at twice: a disguise character or a letter of a lookalike script.
 * Most mail has none, and one regular-expression scan of 50 KB is far cheaper than a walk.
 */
export const suspects = new RegExp(String.raw`[${disguiseClass}${lookalikeScripts}]`, 'gu');
/**
 * Code units that can never start a suspect: ASCII, Latin letters with their accents (Vietnamese
 * in NFC, and the combining marks of NFD), punctuation, currency (₫), arrows, box drawing and
 * dingbats, and the surrogates of emoji and CJK. The Unicode scan above costs ten times this plain
 * one on 50 KB of Vietnamese prose, so it only starts where this one stops. Left out on purpose:
 * the soft hyphen, the zero-width marks (U+200B–U+200F, U+2060–), the Ohm sign (Greek script),
 * and the surrogates of the astral suspects (U+10140 Greek, U+11AB0 Canadian syllabics, U+11FB0
 * Lisu, U+1D200–U+1D7FF, U+1E030 Cyrillic, tags, and the enclosed letters U+1F130–U+1F189, which
 * share their lead with emoji).
 */
const beyondLatin =
  /[^\x00-\xac\xae-\u024f\u0300-\u0333\u1e00-\u1eff\u2010-\u205f\u20a0-\u20cf\u2100-\u2125\u2127-\u23ff\u2500-\u27bf\u2b00-\u2bff\u3000-\u303f\ud801-\ud805\ud808-\ud833\ud836\ud837\ud839-\udb3f\udb41-\udfff]|\ud83c[\udd30-\udd89]/g;

/** The next suspect character at or after `from`, or null. */
export function nextSuspect(slice: string, from: number): RegExpExecArray | null {
  beyondLatin.lastIndex = from;
  const other = beyondLatin.exec(slice);
  if (!other) return null;
  suspects.lastIndex = other.index;
  return suspects.exec(slice);
}

const latin = /\p{Script=Latin}/u;
const lookalikeScript = new RegExp(`[${lookalikeScripts}]`, 'u');
const letter = /\p{L}/u;

const delimiter = /[\s"'<>()[\]{},;:!?]/u;

/**
 * How many disguise characters stand in or beside a word, and a sample of the words. Only the
 * words around a suspect character are walked: most mail has none, and its cost is one scan.
 */
function count(text: string, limit: number): { hits: number; mixedWords: number; sample: string[] } {
  let hits = 0;
  let mixedWords = 0;
  const sample: string[] = [];
  const slice = text.length > limit ? text.slice(0, limit) : text;
  let resume = 0;
  for (let found = nextSuspect(slice, 0); found; found = nextSuspect(slice, resume)) {
    let start = found.index;
    while (start > 0 && !delimiter.test(slice[start - 1]!)) start--;
    let end = found.index + found[0].length;
    while (end < slice.length && !delimiter.test(slice[end]!)) end++;
    resume = end;
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
      // a decorated letter (𝐕, ᴘ) is a letter too: a word of them alone is disguised
      if (disguise.test(char)) inWord++;
      hasLetter ||= letter.test(char);
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
  // tricks of spelling, each its own finding: a random token, lookalike letters, glued words
  const spelling = [
    ...randomTokenFindings(message.subject),
    ...lookalikeLetterFindings(`${message.subject} ${message.from?.name ?? ''}\n${message.text.slice(0, 20_000)}`),
    ...gluedWordFindings(message.subject),
    ...randomMarkupFindings(message.classNames ?? []),
    ...randomFilenameFindings(message.attachments.map((a) => a.filename)),
  ];
  if (!inHead && !inBody) return spelling;
  const evidence = [...new Set([...head.sample, ...body.sample])].filter((w) => w !== '').slice(0, 3);
  return [{ id: 'disguise.hidden-characters', category: 'disguise', weight: 20, evidence }, ...spelling];
}

/**
 * "lTAUCARD PONTOS", "HABILITE SUA C0NTA", "VlAGRA", "lRS Tax Statement": a word in capitals
 * with a small l for the I or a zero for the O reads the same to a person and differently to a
 * filter counting brand names. Words inside a URL or a code (y.lEAA/MVfIAA) are not counted.
 */
const lookalikeWord = /^(?=[\p{Lu}0l]*\p{Lu}\p{Lu})(?:\p{Lu}+[0l]+\p{Lu}[\p{Lu}0l]*|l\p{Lu}{2,}[\p{Lu}0l]*)$/u;
/**
 * Where such a word can be: a zero after a capital, an l between capitals or before two. One
 * plain scan without the Unicode flag; the rare hit's word is then read whole. (A single Unicode
 * pattern with look-arounds at every character cost a millisecond on 20 KB of office prose.)
 */
const lookalikeCandidates = /[A-Z]0|[A-Z]l[A-Z]|(?<![A-Za-z0-9])l[A-Z][A-Z]/g;
const wordCharacter = /[\p{L}\p{N}]/u;
/** A word inside a URL or a code (y.lEAA/MVfIAA, ?q=B0NUS) is not a heading. */
const codeBefore = '/.=_%&?#-';
const codeAfter = '/=_%&-';

export function lookalikeLetterFindings(text: string): Finding[] {
  const slice = text.length > 25_000 ? text.slice(0, 25_000) : text;
  lookalikeCandidates.lastIndex = 0;
  let tries = 0;
  for (let found = lookalikeCandidates.exec(slice); found && tries < 50; found = lookalikeCandidates.exec(slice), tries++) {
    let start = found.index;
    while (start > 0 && wordCharacter.test(slice[start - 1]!)) start--;
    let end = found.index + found[0].length;
    while (end < slice.length && wordCharacter.test(slice[end]!)) end++;
    lookalikeCandidates.lastIndex = end;
    if (start > 0 && codeBefore.includes(slice[start - 1]!)) continue;
    if (end < slice.length && codeAfter.includes(slice[end]!)) continue;
    const word = slice.slice(start, end);
    if (lookalikeWord.test(word)) return [{ id: 'disguise.lookalike-letters', category: 'disguise', weight: 15, evidence: [word] }];
  }
  return [];
}

/**
 * "Liberação de IRPF - 6NwlyfzWcsNerv0", "Valor bloqueado por segurancaNm9ehEyNWyox3": a run of
 * random letters and digits glued to the subject makes every copy of a mass mailing unique, so
 * that filters counting identical subjects miss it. Order numbers and ticket ids are digits or
 * capitals; words in CamelCase ("iPhone12Pro", "McDonaldsHQ2024") change case three times at most. A token in brackets is a list's tag.
 */
/**
 * Words run together, each capitalised and each with a vowel, with acronyms and numbers:
 * "BaoCaoQuy4", "ToTrinhSo15UBND". ("6NwlyfzWcsNerv0" capitalises too, but "Wcs" is no word.)
 */
const camelShape = /^(?:[A-Z][a-z]+|[A-Z]+(?![a-z])|\d+)+$/;

function isCamelWords(token: string): boolean {
  return camelShape.test(token) && (token.match(/[A-Z][a-z]+/g) ?? []).every((word) => /[aeiouy]/.test(word));
}
const tokenCandidates = /(?<![\p{L}\p{N}@./#:=_[-])[A-Za-z0-9]{9,40}(?![\p{L}\p{N}@/\]-])/gu;

function isRandomToken(token: string): boolean {
  let upper = 0;
  let lower = 0;
  let digits = 0;
  let caseChanges = 0;
  let previous = '';
  for (const char of token) {
    const kind = char >= '0' && char <= '9' ? 'd' : char === char.toUpperCase() ? 'u' : 'l';
    if (kind === 'd') digits++;
    else if (kind === 'u') upper++;
    else lower++;
    if ((kind === 'u' && previous === 'l') || (kind === 'l' && previous === 'u' && upper > 1)) caseChanges++;
    if (kind !== 'd') previous = kind;
  }
  return upper >= 2 && lower >= 2 && digits >= 1 && caseChanges >= 4;
}

/**
 * "…will be deleted today!!__ID:#0XY7-045", "…with MEDVi__ID#DPU82-701": an id tag glued to the end
 * of the subject with underscores, another number for each copy. A ticket's id ("[Ticket ID:
 * #12345]", "Yêu cầu hỗ trợ ID#4521") stands apart from the words, without the underscores.
 */
const gluedIdTag = /_{1,3} ?ID ?:? ?# ?[A-Z0-9][A-Z0-9#-]{3,24}_*\s*$/;

export function randomTokenFindings(subject: string): Finding[] {
  const head = subject.slice(0, 500);
  const tag = gluedIdTag.exec(head.trimEnd());
  if (tag) return [{ id: 'disguise.random-token', category: 'disguise', weight: 15, evidence: [tag[0].replace(/^_+|_+$/g, '').trim()] }];
  tokenCandidates.lastIndex = 0;
  for (let found = tokenCandidates.exec(head); found; found = tokenCandidates.exec(head)) {
    if (isRandomToken(found[0]) && !isCamelWords(found[0])) return [{ id: 'disguise.random-token', category: 'disguise', weight: 15, evidence: [found[0]] }];
  }
  return [];
}

/**
 * "b7QpxsmeQ0eUwK1GnRX4337.pdf", "URQpae5egR7PmZ.pdf": an attached file named with random letters
 * and digits, a new name for each copy of a mass mailing so that no filter can match it. Scanners,
 * phones and offices name files by date, number or subject ("IMG_4523.HEIC", "Scan0001.pdf",
 * "HoaDon_0000123.pdf"), or run its words together ("BaoCaoQuy4.docx", "KeHoachNam2025.xlsx").
 */
const fileBase = /^([A-Za-z0-9]{7,40})\.[A-Za-z0-9]{1,5}$/;

export function randomFilenameFindings(filenames: readonly string[]): Finding[] {
  const random = filenames
    .slice(0, 200)
    .filter((name) => {
      const base = fileBase.exec(name.trim())?.[1];
      return base !== undefined && isRandomToken(base) && !isCamelWords(base);
    })
    .slice(0, 3);
  return random.length > 0 ? [{ id: 'disguise.random-filename', category: 'disguise', weight: 15, evidence: random }] : [];
}

/**
 * "Mining_transaction_0.7495_BTC", "Get_Rid_of_Back_Pain_Easily", "Now.get.up.to.1.BTC": a subject
 * whose words are joined by underscores or dots is one token to a filter that counts words. Four
 * words at least, or three wrapped in underscores ("_Message_fOr_YOU_"); a host name
 * (webmail.eircom.net) and a program's option (spam_level_char) are not counted.
 */
const gluedCandidates = /(?<![\p{L}\p{N}_.])_*[\p{L}\p{N}]+(?:(?:_{1,2}|\.)[\p{L}\p{N}]+)+[_.!?]*(?![\p{L}\p{N}])/gu;

export function gluedWordFindings(subject: string): Finding[] {
  const head = subject.slice(0, 500);
  gluedCandidates.lastIndex = 0;
  for (let found = gluedCandidates.exec(head); found; found = gluedCandidates.exec(head)) {
    const token = found[0];
    // a number with a decimal point is one word: "0.7495" in "Mining_transaction_0.7495_BTC"
    const words = token.replace(/(\d)\.(?=\d)/gu, '$1,').split(/[_.]+/u).filter((w) => /\p{L}{2}|\d/u.test(w));
    const wrapped = token.startsWith('_') && /_[!?.]*$/u.test(token);
    if (words.length < (wrapped ? 3 : 4)) continue;
    if (!token.includes('_') && parse(token.replace(/[.!?]+$/u, '')).isIcann === true) continue;
    return [{ id: 'disguise.glued-words', category: 'disguise', weight: 10, evidence: [token] }];
  }
  return [];
}

/**
 * `<td class="compass-flew">`, `<tr class="tongue-farm">`, `<tbody class="jararaca-taiá">`: a
 * phishing kit that tags every element of its layout with a class made of random dictionary words,
 * a different one on each element and in each copy, so that no two copies of the mail look alike
 * to a filter that fingerprints markup. A designer's template names its classes after what they
 * lay out (header, button, mj-column, es-wrapper, text-center) and uses them again and again; a
 * kit's hundreds of names are each used once. Counted: class names of lower-case words that no
 * template vocabulary explains, used once; at least `minRandomClasses` of them, and most of all
 * the class names the message uses.
 */
export const minRandomClasses = 30;
const randomShare = 0.6;
/** Words in lower case, joined by hyphens; five letters at least (atomic CSS's "ax", "bfg" are reused names). */
const classWords = /^(?=.{5})\p{Ll}{2,}(?:-\p{Ll}+)*$/u;
/** The words class names of templates, builders and mail programs are made of. */
const layoutWords = new Set(
  (
    'wrap wrapper container content contents header footer logo body main text title subtitle heading button btn col cols column columns ' +
    'row rows table cell img image images link links hide show mobile desktop center centre left right top bottom padding pad margin spacer ' +
    'space section block inner outer social icon icons menu nav navbar item items list head foot caption banner hero cta card box panel grid ' +
    'full width height small large big bold italic font color colour bg background border line divider address unsubscribe preheader ' +
    'preview responsive outlook ios android apple gmail yahoo mso mj es kl hse mcn stylingblock msonormal paragraph para span div td tr th ' +
    'tbody thead align float clear fix clearfix visible hidden display inline none first last odd even active primary secondary ' +
    'external internal signature quote quoted blockquote reply forward original message mail email newsletter article story post date ' +
    'time author name price product photo thumb thumbnail media video share follow facebook twitter instagram linkedin youtube ' +
    'view wide narrow fluid fixed flex auto stack stacked group web online copy legal note notice alert info warning success ' +
    'error danger label value total amount summary detail details intro greeting sub upper lower uppercase lowercase ' +
    'underline rounded shadow normal light dark white black gray grey red blue green yellow orange purple brand tagline'
  ).split(' '),
);

function isRandomClass(name: string): boolean {
  return classWords.test(name) && !name.split('-').some((part) => layoutWords.has(part));
}

export function randomMarkupFindings(classNames: readonly string[]): Finding[] {
  if (classNames.length < minRandomClasses) return [];
  const uses = new Map<string, number>();
  for (const name of classNames) uses.set(name, (uses.get(name) ?? 0) + 1);
  const random = [...uses].filter(([name, count]) => count === 1 && isRandomClass(name)).map(([name]) => name);
  if (random.length < minRandomClasses || random.length < randomShare * classNames.length) return [];
  return [{ id: 'disguise.random-markup', category: 'disguise', weight: 20, evidence: random.slice(0, 3) }];
}
