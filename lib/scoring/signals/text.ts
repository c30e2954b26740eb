/**
 * Lure wording in the subject and body: the rules of rules.ts, the admins' own phrases, and a
 * password box inside the mail itself.
 */
import type { MailMessage } from '../../mail/types';
import type { ScoringContext } from '../context';
import { bareText, originalPhrase, readable, type NormalizedText } from '../normalize';
import { extraPhraseRule, lureRules, type LureRule } from '../rules';
import type { Category, Finding } from '../types';

interface CompiledRule {
  rule: LureRule;
  /** All patterns of the rule as one alternation: one pass over the text instead of one per pattern. */
  pattern: RegExp;
}

function compile(rule: LureRule): CompiledRule {
  return { rule, pattern: new RegExp(rule.patterns.map((p) => `(?:${p})`).join('|')) };
}

let compiled: CompiledRule[] | undefined;

function compiledRules(): CompiledRule[] {
  return (compiled ??= lureRules.map(compile));
}

function firstMatch({ pattern }: CompiledRule, text: NormalizedText): string | undefined {
  const match = pattern.exec(text.bare);
  if (!match) return undefined;
  return originalPhrase(text, match.index, match.index + match[0].length) || match[0];
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
const scannerCache = new Map<number, RegExp>();

/** `(` of a capturing group becomes `(?:` (no pattern uses back-references or escaped parentheses). */
function withoutCaptures(pattern: string): string {
  return pattern.replace(/(?<!\\)\((?!\?)/g, '(?:');
}

function scanner(remaining: number): RegExp {
  let pattern = scannerCache.get(remaining);
  if (!pattern) {
    const alternatives = lureRules.flatMap((rule, index) =>
      remaining & (1 << index) ? rule.patterns.map((p) => withoutCaptures(p.replace(/^\\b/, ''))) : [],
    );
    pattern = new RegExp(String.raw`\b(?:${alternatives.join('|')})`, 'g');
    if (scannerCache.size >= 256) scannerCache.clear();
    scannerCache.set(remaining, pattern);
  }
  return pattern;
}

/** Each rule's patterns as one alternation anchored where `lastIndex` says: does it match here? */
let anchored: RegExp[] | undefined;

function anchoredRules(): RegExp[] {
  return (anchored ??= lureRules.map((rule) => new RegExp(rule.patterns.map((p) => `(?:${p})`).join('|'), 'y')));
}

/** Each rule's leftmost match in `text`, in rule order. */
export function matchAllRules(text: NormalizedText): { rule: LureRule; phrase: string }[] {
  const found: { index: number; rule: LureRule; phrase: string }[] = [];
  const rules = anchoredRules();
  // One bit per rule in a 32-bit integer: rules.test.ts keeps the rule count within 30.
  let remaining = (1 << lureRules.length) - 1;
  let position = 0;
  while (remaining !== 0) {
    const pattern = scanner(remaining);
    pattern.lastIndex = position;
    const match = pattern.exec(text.bare);
    if (!match) break;
    const at = match.index;
    for (let index = 0; index < lureRules.length; index++) {
      if (!(remaining & (1 << index))) continue;
      const anchoredRule = rules[index] as RegExp;
      anchoredRule.lastIndex = at;
      const ruleMatch = anchoredRule.exec(text.bare);
      if (!ruleMatch) continue;
      const rule = lureRules[index] as LureRule;
      const phrase = originalPhrase(text, at, at + ruleMatch[0].length) || ruleMatch[0];
      found.push({ index, rule, phrase });
      remaining &= ~(1 << index);
    }
    // Every remaining rule failed at `at` (the scanner found at least one that matched there).
    position = at + 1;
  }
  return found.sort((a, b) => a.index - b.index).map(({ rule, phrase }) => ({ rule, phrase }));
}

function lureRuleFindings(text: NormalizedText): Finding[] {
  const strongest = new Map<Category, { rule: LureRule; evidence: string[] }>();
  for (const { rule, phrase } of matchAllRules(text)) {
    const current = strongest.get(rule.category);
    if (!current) {
      strongest.set(rule.category, { rule, evidence: [phrase] });
    } else if (rule.weight > current.rule.weight) {
      strongest.set(rule.category, { rule, evidence: [phrase, ...current.evidence] });
    } else {
      current.evidence.push(phrase);
    }
  }
  return [...strongest.values()].map(({ rule, evidence }) => ({
    id: rule.id,
    category: rule.category,
    weight: rule.weight,
    evidence: [...new Set(evidence)].slice(0, 3),
  }));
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

export function textSignals(message: MailMessage, context: ScoringContext): Finding[] {
  return [
    ...lureRuleFindings(context.text),
    ...extraPhraseFindings(context.text, context.policy.extraLurePhrases),
    ...passwordFieldFindings(message),
  ];
}
