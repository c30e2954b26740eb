/**
 * Learning the lure vocabulary of lib/scoring/vocabulary.ts from labelled messages: document
 * frequencies in unsolicited and in legitimate mail, smoothed log-odds, and only words that are
 * both common in lures and rare in legitimate mail. Words that name the corpora rather than the
 * lure (the honeypot's anonymised recipients) are left out by name.
 */
import { minWordLength } from '../scoring/vocabulary';

export interface Document {
  words: ReadonlySet<string>;
  label: 0 | 1;
  /** Relative weight (a Vietnamese message counts more than one of the 1,325 English ones). */
  weight: number;
}

/** Traces of where the corpora were collected, not of what lures say. */
export const corpusAccidents: ReadonlySet<string> = new Set([
  'phishing', 'rodrigo', 'peixoto', 'ferreira', 'hotmail', 'protonmail', 'mathkichuu', 'merciayanmact', 'rodrigofp',
  'spamassassin', 'taint', 'jmason', 'zzzz', 'qqqqqqqqqq', 'yyyy',
  // markup that some messages carry as text (an HTML source in a text/plain part): how it was sent, not what it says
  'padding', 'margin', 'serif', 'sans', 'helvetica', 'arial', 'verdana', 'tahoma', 'webkit', 'tbody', 'thead', 'font', 'family',
  'color', 'width', 'height', 'border', 'solid', 'display', 'none', 'block', 'inline', 'align', 'valign', 'center', 'style',
  'important', 'collapse', 'spacing', 'cellpadding', 'cellspacing', 'bgcolor', 'nbsp', 'html', 'body', 'table', 'media',
  'screen', 'href', 'https', 'http', 'mailto', 'span', 'class', 'text', 'decoration', 'weight', 'bold', 'line', 'size',
  'rgba', 'ffffff', 'radius', 'container', 'footer', 'logo', 'rsquo', 'lsquo', 'ldquo', 'rdquo', 'mdash', 'ndash', 'hellip',
  // the town of one campaign's sender address or time zone ("Singapore Standard Time"): that campaign, not lures
  'francisco', 'montgomery', 'singapore', 'paris',
  // function words and forwarded-header words of other languages, which English-tagged lures carry
  // ("De: … Enviado: segunda-feira … Assunto:"): foreign, not lure words
  'para', 'enviado', 'assunto', 'feira', 'segunda', 'terca', 'quarta', 'quinta', 'sexta', 'sabado', 'domingo', 'mensagem',
  'voce', 'esta', 'este', 'pela', 'pelo', 'como', 'mais', 'sobre', 'entre', 'ainda', 'apenas', 'voor', 'niet', 'deze',
  'meer', 'onze', 'zijn', 'naar', 'maar', 'heeft', 'wordt', 'worden', 'kunt', 'jouw', 'sind', 'nicht', 'eine', 'einen',
  'oder', 'wenn', 'auch', 'haben', 'werden', 'ihre', 'ihren', 'dass', 'pour', 'vous', 'votre', 'avec', 'dans', 'nous',
  'sont', 'plus', 'cette', 'usted', 'todos', 'nuestro', 'puede', 'desde', 'hasta', 'della', 'sono', 'questo', 'maio', 'neue',
  // names of services born after the legitimate mail was written (2002–2003): the era, not the lure
  'gmail', 'facebook', 'iphone', 'ipad', 'instagram', 'whatsapp', 'youtube', 'twitter', 'tiktok', 'android', 'smartphone', 'covid',
]);

const english = ['the', 'and', 'you', 'your', 'for', 'this', 'with', 'that', 'have', 'are', 'our', 'will', 'from', 'please'];
const otherLanguages = ['para', 'voce', 'sua', 'seu', 'uma', 'com', 'nao', 'het', 'een', 'voor', 'zijn', 'niet', 'und', 'der', 'die', 'das', 'nicht', 'sie', 'ihr', 'pour', 'vous', 'est', 'les', 'des', 'por', 'los', 'usted', 'della', 'per'];

/**
 * Is this bare text English? By its function words, since the corpus's language guess is
 * rough: a forwarded Portuguese header or a Dutch body tagged "en" would teach the lexicon
 * that Portuguese is a lure.
 */
export function looksEnglish(bare: string): boolean {
  const words = new Set(bare.slice(0, 20_000).match(/[a-z]+/g) ?? []);
  const ours = english.filter((w) => words.has(w)).length;
  const theirs = otherLanguages.filter((w) => words.has(w)).length;
  return ours >= 4 && theirs < 3;
}

export interface LexiconOptions {
  /** Share of lures (by weight) a word must appear in. */
  minLureShare?: number;
  /** Least log-odds (natural log) a word must lean towards lures. */
  minLogOdds?: number;
  maxWords?: number;
}

export function learnLexicon(documents: readonly Document[], options: LexiconOptions = {}): Record<string, number> {
  const minLureShare = options.minLureShare ?? 0.015;
  const minLogOdds = options.minLogOdds ?? 1.6;
  const maxWords = options.maxWords ?? 600;
  const totals = [0, 0];
  const freq = new Map<string, [number, number]>();
  for (const doc of documents) {
    totals[doc.label] = (totals[doc.label] as number) + doc.weight;
    for (const w of doc.words) {
      if (w.length < minWordLength || corpusAccidents.has(w)) continue;
      const entry = freq.get(w) ?? [0, 0];
      entry[doc.label] += doc.weight;
      freq.set(w, entry);
    }
  }
  const [hamTotal = 1, lureTotal = 1] = totals;
  const scored: [string, number][] = [];
  for (const [w, [ham, lure]] of freq) {
    const lureShare = lure / lureTotal;
    if (lureShare < minLureShare) continue;
    // add-half smoothing on the share of legitimate mail, so a word unseen there is not infinite
    const hamShare = (ham + 0.5 / documents.length) / (hamTotal + 1 / documents.length);
    const logOdds = Math.log(lureShare / Math.max(hamShare, 1e-4));
    if (logOdds >= minLogOdds) scored.push([w, Math.round(Math.min(logOdds, 5) * 100) / 100]);
  }
  scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return Object.fromEntries(scored.slice(0, maxWords).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}
