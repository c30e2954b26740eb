/**
 * Lure wording in the subject and body: the rules of rules.ts, the admins' own phrases, and a
 * password box inside the mail itself.
 */
import type { MailMessage } from '../../mail/types';
import { QuotedLures } from '../advisory';
import { isBrandDomain } from '../brands';
import type { ScoringContext } from '../context';
import { isFreeMailbox } from '../domains';
import { bareText, originalPhrase, readable, type NormalizedText } from '../normalize';
import { extraPhraseRule, lureRules, type LureRule } from '../rules';
import type { Finding } from '../types';

interface CompiledRule {
  rule: LureRule;
  /** All patterns of the rule as one alternation (global): one pass over the text instead of one per pattern. */
  pattern: RegExp;
}

function compile(rule: LureRule): CompiledRule {
  return { rule, pattern: new RegExp(rule.patterns.map((p) => `(?:${p})`).join('|'), 'g') };
}

let compiled: CompiledRule[] | undefined;

function compiledRules(): CompiledRule[] {
  return (compiled ??= lureRules.map(compile));
}

/**
 * The words just before a match that make it a warning: "không cung cấp mật khẩu", "tuyệt đối
 * không bấm vào", "never ask for your password", "do not click". Up to four words may stand
 * between ("không bao giờ yêu cầu cung cấp mật khẩu", "will never ask you to enter").
 */
const negation = /\b(khong|dung|chua bao gio|dung bao gio|never|not|do not|don't|dont)( [a-z']{1,12}){0,4} ?$/;
const negationWindow = 48;

export function isNegatedAt(bare: string, at: number): boolean {
  return negation.test(bare.slice(Math.max(0, at - negationWindow), at));
}

function firstMatch({ rule, pattern }: CompiledRule, text: NormalizedText): string | undefined {
  const quoted = new QuotedLures(text.bare);
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text.bare); match; match = pattern.exec(text.bare)) {
    if ((rule.negatable && isNegatedAt(text.bare, match.index)) || quoted.has(match.index, match.index + match[0].length)) {
      pattern.lastIndex = match.index + 1;
      continue;
    }
    return originalPhrase(text, match.index, match.index + match[0].length) || match[0];
  }
  return undefined;
}

/** The first match of `rule` in `text`, as the words the user saw; undefined when none. */
export function matchRule(rule: LureRule, text: NormalizedText): string | undefined {
  return firstMatch(compiledRules().find((c) => c.rule.id === rule.id) ?? compile(rule), text);
}

/** Ids whose findings are "words of a lure": a warning letter may quote them (see combine.ts). */
export const textFindingIds: ReadonlySet<string> = new Set([...lureRules.map((r) => r.id), extraPhraseRule.id]);

/**
 * All rules in one regular expression, the shared leading `\b` factored out: one pass over the
 * text instead of one per rule (2–3× faster on long mail). The scan only says *where* the next
 * match starts; which rules match there is then asked of each remaining rule alone, anchored at
 * that position (sticky), in rule order. So the scanning regex needs no named group per rule and
 * no capturing group inside the patterns — capture bookkeeping at every word was a third of the
 * scan's time. A rule that matched leaves the set and the scan resumes after that position for
 * the others: each rule still gets its leftmost match, exactly as if it ran alone, and the text is
 * walked forward only.
 */
const scannerCache = new Map<string, RegExp>();

/** `(` of a capturing group becomes `(?:` (no pattern uses back-references or escaped parentheses). */
function withoutCaptures(pattern: string): string {
  return pattern.replace(/(?<!\\)\((?!\?)/g, '(?:');
}

/** Index just past the group or character class that starts at `open` (escapes skipped). */
function itemEnd(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (char === '[') {
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      if (depth === 0) return i + 1;
    } else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i + 1;
  }
  return source.length;
}

/** `a|b(c|d)|e` → `a`, `b(c|d)`, `e`. */
function topLevelAlternatives(source: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') i++;
    else if (char === '[' || char === '(') i = itemEnd(source, i) - 1;
    else if (char === '|') parts.push(source.slice(start, i)), (start = i + 1);
  }
  parts.push(source.slice(start));
  return parts;
}

const quantifier = /^[?*+{]/;

/**
 * The same language with a leading group spelled out: `(?:bam|nhan) vao` → `bam vao`, `nhan vao`;
 * `(?:da duoc )?quet` → `da duoc quet`, `quet`. So most alternatives start with a literal letter.
 */
function spelledOut(source: string): string[] {
  if (!source.startsWith('(?:')) return [source];
  const end = itemEnd(source, 0);
  const inner = source.slice(3, end - 1);
  const rest = source.slice(end);
  if (rest.startsWith('?') && !rest.startsWith('??')) {
    const tail = rest.slice(1);
    return [...topLevelAlternatives(inner).flatMap((a) => spelledOut(a + tail)), ...spelledOut(tail)];
  }
  if (quantifier.test(rest)) return [source];
  return topLevelAlternatives(inner).flatMap((a) => spelledOut(a + rest));
}

function isLiteralStart(alternative: string): boolean {
  const code = alternative.charCodeAt(0);
  const next = alternative.charCodeAt(1);
  // A lower-case letter, digit, space, comma or hyphen, not itself quantified (`?`, `*`, `+`, `{`).
  const literal = (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || code === 0x20 || code === 0x2c || code === 0x2d;
  return literal && next !== 0x3f && next !== 0x2a && next !== 0x2b && next !== 0x7b;
}

/**
 * Alternatives with their common literal prefixes factored out (`vuot qua|vuot han` →
 * `v(?:uot (?:qua|han))`). It matches at exactly the same positions; but the regular-expression
 * engine, which tries alternatives one after the other, now rejects a word by its first letter
 * once instead of once per alternative — the scan of the remaining rules over a long letter costs
 * a third less. Returns the source and whether it is a single alternative (needs no group).
 */
function factored(alternatives: readonly string[]): { source: string; single: boolean } {
  const byFirst = new Map<string, string[]>();
  const others: string[] = [];
  for (const alternative of alternatives) {
    if (isLiteralStart(alternative)) {
      const first = alternative[0] as string;
      const group = byFirst.get(first);
      if (group) group.push(alternative.slice(1));
      else byFirst.set(first, [alternative.slice(1)]);
    } else {
      others.push(alternative);
    }
  }
  const parts: string[] = [];
  for (const [first, rests] of byFirst) {
    const rest = rests.length === 1 ? { source: rests[0] as string, single: true } : factored(rests);
    parts.push(rest.single ? first + rest.source : `${first}(?:${rest.source})`);
  }
  parts.push(...others);
  return { source: parts.join('|'), single: parts.length === 1 };
}

/** Each rule's patterns without their leading `\b` and capturing groups: as written, or with leading groups spelled out. */
let plainAlternatives: string[][] | undefined;
let spelledAlternatives: string[][] | undefined;

/**
 * Below this many characters the scan is cheap either way; the factored scanner, with twice the
 * alternatives, costs twice as long to compile (a few milliseconds, once per set of remaining
 * rules), so it is kept for long text, where the scan dominates.
 */
const factoredScanFrom = 8192;

function scanner(group: number, remaining: number, long: boolean): RegExp {
  const key = `${group}:${long ? 'l' : 's'}:${remaining}`;
  let pattern = scannerCache.get(key);
  if (!pattern) {
    const stripped = (p: string) => withoutCaptures(p.replace(/^\\b/, ''));
    const perRule = long
      ? (spelledAlternatives ??= lureRules.map((rule) => rule.patterns.flatMap((p) => spelledOut(stripped(p)))))
      : (plainAlternatives ??= lureRules.map((rule) => rule.patterns.map(stripped)));
    const alternatives = new Set<string>();
    groupsOfRules().members[group]!.forEach((index, bit) => {
      if (remaining & (1 << bit)) for (const alternative of perRule[index]!) alternatives.add(alternative);
    });
    const source = long ? factored([...alternatives]).source : [...alternatives].join('|');
    pattern = compiledOnSample(new RegExp(String.raw`\b(?:${source})`, 'g'));
    if (scannerCache.size >= 4096) scannerCache.clear();
    scannerCache.set(key, pattern);
  }
  return pattern;
}

/**
 * V8 first runs a new regular expression in its interpreter, then compiles it to machine code on
 * a later run, and tunes that code's look-ahead to 128 characters from the middle of the text of
 * the run that compiled it, once for each width a string can be stored in (one byte or two).
 * Left to chance, both hurt:
 * - the interpreter's compile of a group took 20–220 ms (14 KB of pattern). The first long
 *   message after a page load spent 460 ms there;
 * - the scanners were tuned to whatever mail came first. On the 1 MB adversarial message, two of
 *   them then scanned at 35 ns a character instead of 2 (bench/index.ts: 110 ms instead of 45).
 * So each new expression first runs on the same ordinary sample. The sample is over 1,000
 * characters, the length from which V8 compiles to machine code at once (2–13 ms), and ASCII,
 * stored one byte wide like every text the scan reads (`NormalizedText.ascii`): the code is then
 * the same whatever the mailbox holds, and no second width is ever compiled.
 */
const tuningText =
  'Hop thu cua ban da vuot qua gioi han dung luong, vui long xac minh tai khoan. The committee met on ' +
  'Tuesday to review the quarterly budget and the schedule for the new library building, and asked ' +
  'the staff to prepare a report on the costs. Cong van so 125/UBND gui cac so, ban, nganh ve viec ' +
  'bao cao ket qua thuc hien ke hoach chuyen doi so truoc ngay 25 hang thang. ';
let tuningSample: string | undefined;

function compiledOnSample<T extends RegExp>(pattern: T): T {
  tuningSample ??= tuningText.repeat(4);
  pattern.lastIndex = 0;
  pattern.exec(tuningSample);
  pattern.lastIndex = 0;
  return pattern;
}

/** Each rule's patterns as one alternation anchored where `lastIndex` says: does it match here? */
let anchored: RegExp[] | undefined;

function anchoredRules(): RegExp[] {
  return (anchored ??= lureRules.map((rule) => compiledOnSample(new RegExp(rule.patterns.map((p) => `(?:${p})`).join('|'), 'y'))));
}

/**
 * The rules in groups, each group scanned by its own regular expression. V8 compiles an
 * alternation beyond a certain size without its fast first-letter lookahead: at 27 rules one scan
 * of 50 KB took 2 ms instead of 0.1, and a group of 15 rules whose patterns came to 8,000
 * characters did the same (bench/index.ts). So a group closes at 15 rules (one bit each of a mask)
 * or at `groupSourceBudget` characters of pattern, whichever comes first: 6,000, four groups of
 * 5,100–5,900 today; at 5,000 the 40 rules fell into six groups and the 50 KB office report took
 * 1.16 ms instead of 1.03, the padded warning letter 1.72 instead of 1.56. A few small scans cost a
 * few tenths of a millisecond; `nextAt` remembers where each group matches next, so a group is
 * only scanned again once the walk has passed its last match.
 */
const rulesPerScan = 15;
const groupSourceBudget = 6000;

interface ScanGroups {
  /** Per rule: its group and its bit in that group's mask. */
  groupOf: number[];
  bitOf: number[];
  /** Per group: the rule indices, and the mask of all of them. */
  members: number[][];
  full: number[];
}

let scanGroups: ScanGroups | undefined;

function groupsOfRules(): ScanGroups {
  if (scanGroups) return scanGroups;
  const groups: ScanGroups = { groupOf: [], bitOf: [], members: [], full: [] };
  let size = 0;
  lureRules.forEach((rule, index) => {
    const own = rule.patterns.reduce((sum, p) => sum + p.length, 0);
    let current = groups.members.length - 1;
    const members = groups.members[current];
    if (!members || members.length >= rulesPerScan || (members.length > 0 && size + own > groupSourceBudget)) {
      groups.members.push([]);
      groups.full.push(0);
      current++;
      size = 0;
    }
    const bit = groups.members[current]!.length;
    groups.members[current]!.push(index);
    groups.full[current] = groups.full[current]! | (1 << bit);
    groups.groupOf.push(current);
    groups.bitOf.push(1 << bit);
    size += own;
  });
  return (scanGroups = groups);
}

export interface RuleMatch {
  rule: LureRule;
  phrase: string;
  /** Its only matches stand inside a whole lure that a warning quotes (advisory.ts). */
  quotedLure?: true;
}

/** Each rule's leftmost match in `text`, in rule order. */
export function matchAllRules(text: NormalizedText): RuleMatch[] {
  const found: (RuleMatch & { index: number })[] = [];
  // rule index → the words of its first match inside a whole quoted lure, while it has no other
  const onlyQuoted = new Map<number, string>();
  const rules = anchoredRules();
  const subject = text.ascii;
  // the same indices as `subject`, with the quotation marks that `ascii` stands in for
  const quoted = new QuotedLures(text.bare);
  const long = subject.length >= factoredScanFrom;
  const { groupOf, bitOf, full } = groupsOfRules();
  const groups = full.length;
  // One bit per rule of each group, in a 32-bit integer per group: the rules still to be found.
  const remaining = [...full];
  // where each group matches next (-1: not yet scanned; Infinity: nowhere), and for which rules
  const nextAt = new Array<number>(groups).fill(-1);
  const scannedFor = new Array<number>(groups).fill(0);
  let position = 0;
  while (remaining.some((mask) => mask !== 0)) {
    let at = Infinity;
    for (let group = 0; group < groups; group++) {
      const mask = remaining[group]!;
      if (mask === 0) continue;
      if (nextAt[group]! < position || scannedFor[group] !== mask) {
        // Fewer rules match nowhere earlier than more did: a group that found nothing more
        // before a rule left it has nothing more after, and is not scanned again.
        const from = Math.max(position, nextAt[group]!);
        if (from !== Infinity) {
          const pattern = scanner(group, mask, long);
          pattern.lastIndex = from;
          nextAt[group] = pattern.exec(subject)?.index ?? Infinity;
        }
        scannedFor[group] = mask;
      }
      at = Math.min(at, nextAt[group]!);
    }
    if (at === Infinity) break;
    for (let index = 0; index < lureRules.length; index++) {
      const group = groupOf[index]!;
      const bit = bitOf[index]!;
      if (!(remaining[group]! & bit)) continue;
      const anchoredRule = rules[index] as RegExp;
      anchoredRule.lastIndex = at;
      const ruleMatch = anchoredRule.exec(subject);
      if (!ruleMatch) continue;
      const rule = lureRules[index] as LureRule;
      // a warning ("không cung cấp mật khẩu") is not a request: the rule stays in for a later match
      if (rule.negatable && isNegatedAt(subject, at)) continue;
      // a warning that shows the lure in quotation marks ("nội dung “tài khoản bị khóa”") likewise
      const shown = quoted.shown(at, at + ruleMatch[0].length);
      if (shown === 'phrase') continue;
      const phrase = originalPhrase(text, at, at + ruleMatch[0].length) || ruleMatch[0];
      // a whole lure quoted by a warning: kept aside while a later match may stand outside it
      if (shown === 'lure') {
        if (!onlyQuoted.has(index)) onlyQuoted.set(index, phrase);
        continue;
      }
      onlyQuoted.delete(index);
      found.push({ index, rule, phrase });
      remaining[group] = remaining[group]! & ~bit;
    }
    // Every remaining rule failed at `at` (a scanner found at least one that matched there).
    position = at + 1;
  }
  for (const [index, phrase] of onlyQuoted) found.push({ index, rule: lureRules[index] as LureRule, phrase, quotedLure: true });
  return found.sort((a, b) => a.index - b.index).map(({ index: _index, ...match }) => match);
}

/**
 * Each rule that matches is one finding, however often it matches: a lure that repeats itself
 * scores no more than one that says it once. Rules of one family that fire together ("vượt quá
 * hạn ngạch" and "hạn ngạch hộp thư") are each a feature of the fit, whose weights already
 * account for how often they come together.
 */
function lureRuleFindings(text: NormalizedText): Finding[] {
  return matchAllRules(text).map(({ rule, phrase, quotedLure }) => ({ id: rule.id, category: rule.category, weight: rule.weight, evidence: [phrase], ...(quotedLure && { quotedLure }) }));
}

let extraPhrasesCache: { key: string; phrases: string[] } | undefined;

function extraPhraseFindings(text: NormalizedText, extraLurePhrases: readonly string[]): Finding[] {
  const key = extraLurePhrases.join('\u0000');
  if (extraPhrasesCache?.key !== key) {
    extraPhrasesCache = { key, phrases: extraLurePhrases.map(bareText).filter((p) => p.length >= 3) };
  }
  const evidence: string[] = [];
  for (const phrase of extraPhrasesCache.phrases) {
    const at = text.bare.indexOf(phrase);
    if (at >= 0) evidence.push(originalPhrase(text, at, at + phrase.length) || phrase);
  }
  if (evidence.length === 0) return [];
  return [{ ...extraPhraseRule, evidence: evidence.slice(0, 3) }];
}

const passwordLabel = /\b(mat khau|password|passwd|pwd|pass word|passcode)\b/;

/**
 * A password box in the mail itself: no administrator ever asks for a password by mail (every
 * letter says so), so this weighs heavily on its own.
 */
function passwordFieldFindings(message: MailMessage): Finding[] {
  const evidence = message.formFields
    .filter((field) => field.type === 'password' || passwordLabel.test(bareText(field.label.slice(0, 200))))
    .map((field) => readable(field.label) || field.type);
  if (evidence.length === 0) return [];
  return [{ id: 'credentials.password-field', category: 'credentials', weight: 45, evidence: [...new Set(evidence)].slice(0, 3) }];
}

export const textSignalIds = ['credentials.password-field'] as const;

/**
 * Whose number a "call us" is: a brand writing from its own domain (Microsoft's renewal notice from
 * microsoft.com with its +1 800 billing line) gives its own; a callback lure never writes from
 * there (none of the 44 in the honeypot corpus does; a forged From of such a domain is the
 * authentication headers' to show). A free mailbox is nobody's own domain.
 */
function fromBrandsOwnDomain(context: ScoringContext): boolean {
  const sender = context.sender;
  return sender !== undefined && isBrandDomain(sender.domain) && !isFreeMailbox(sender);
}

/**
 * What a brand says for real from its own domain: its billing line, and its notice of an unusual
 * sign-in ("We detected something unusual about a recent sign-in to the Microsoft account", from
 * accountprotection.microsoft.com). A lure that wears them writes from elsewhere (the corpus's
 * sign-in lures: hotmail.com and outlook.com mailboxes, which are anyone's).
 */
const brandsOwnNotices: ReadonlySet<string> = new Set(['scam.callback', 'verification.unusual-signin']);

export function textSignals(message: MailMessage, context: ScoringContext): Finding[] {
  const rules = lureRuleFindings(context.text);
  return [
    ...(rules.some((f) => brandsOwnNotices.has(f.id)) && fromBrandsOwnDomain(context) ? rules.filter((f) => !brandsOwnNotices.has(f.id)) : rules),
    ...extraPhraseFindings(context.text, context.policy.extraLurePhrases),
    ...passwordFieldFindings(message),
  ];
}
