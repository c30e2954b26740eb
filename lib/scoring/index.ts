/**
 * The lure-scoring library: `score(message, policy)` turns a MailMessage into a Verdict with
 * reasons a civil servant can read. Pure — no DOM, no browser APIs — so the background worker,
 * the `scan` command, the tests and the benchmark all run the same code.
 */
import type { MailMessage } from '../mail/types';
import { t } from '../i18n';
import '../i18n/reasons';
import { assessContext, contextFindingIds, isBlocked, isWording, levelOf } from './combine';
import { buildContext, sanitizeMessage, sanitizePolicy, type Signal } from './context';
import { attachmentSignalIds, attachmentSignals } from './signals/attachments';
import { disguiseSignalIds, disguiseSignals } from './signals/disguise';
import { vocabularySignalIds, vocabularySignals } from './signals/vocabulary';
import { headerSignalIds, headerSignals } from './signals/headers';
import { assessLinks, linkSignalIds, linkSignals } from './signals/links';
import { markupSignalIds, markupSignals } from './signals/markup';
import { recipientSignalIds, recipientSignals } from './signals/recipient';
import { replyToSignalIds, replyToSignals } from './signals/replyTo';
import { senderSignalIds, senderSignals } from './signals/sender';
import { textSignalIds, textSignals } from './signals/text';
import { extraPhraseRule, lureRules } from './rules';
import { applySenderTrust, isCredentialRequest, trustKey } from './trust';
import { withShippedWeight } from './weights';
import type { Finding, Reason, ScoringPolicy, Verdict } from './types';

export type { Finding, Reason, ScoringPolicy, Verdict } from './types';

const signals: readonly Signal[] = [textSignals, senderSignals, replyToSignals, linkSignals, attachmentSignals, headerSignals, markupSignals, disguiseSignals, recipientSignals, vocabularySignals];

/** Every id a finding can carry; each has `reason.<id>` in both locales (a test checks). */
export const allFindingIds: readonly string[] = [
  ...lureRules.map((r) => r.id),
  extraPhraseRule.id,
  ...textSignalIds,
  ...senderSignalIds,
  ...replyToSignalIds,
  ...linkSignalIds,
  ...attachmentSignalIds,
  ...headerSignalIds,
  ...markupSignalIds,
  ...disguiseSignalIds,
  ...recipientSignalIds,
  ...vocabularySignalIds,
  ...contextFindingIds,
];

const maxEvidence = 5;

function runSignal(signal: Signal, ...args: Parameters<Signal>): Finding[] {
  try {
    return signal(...args);
  } catch {
    // One broken signal must not silence the others; the rest of the verdict still stands.
    return [];
  }
}

/** Evidence that another piece already shows ("quá hạn ngạch" inside "vượt quá hạn ngạch") says nothing new. */
function distinctEvidence(items: readonly string[]): string[] {
  const lowered = items.map((item) => item.toLowerCase());
  return items.filter((item, i) => {
    if (item === '') return false;
    const mine = lowered[i]!;
    return !lowered.some((other, j) => j !== i && (other === mine ? j < i : other.includes(mine)));
  });
}

/**
 * Two rules of one kind often fire on the same words ("quá hạn ngạch" inside "vượt quá hạn
 * ngạch"): each reason shows the longest words of its kind that hold its own, so the person reads
 * the phrase as it stands in the mail, and never a scrap of one shown beside it.
 */
function widenedEvidence(finding: Finding, all: readonly Finding[]): string[] {
  const others = all.filter((f) => f.id !== finding.id && f.category === finding.category).flatMap((f) => f.evidence);
  return finding.evidence.map((item) => {
    const mine = item.toLowerCase();
    if (mine === '') return item;
    return others.reduce((longest, other) => (other.length > longest.length && other.toLowerCase().includes(mine) ? other : longest), item);
  });
}

function explain({ feature: _feature, quotedLure: _quotedLure, ...finding }: Finding, policy: ScoringPolicy, all: readonly Finding[] = []): Reason {
  const evidence = distinctEvidence(widenedEvidence(finding, all)).slice(0, maxEvidence);
  return { ...finding, evidence, message: t(policy.locale, `reason.${finding.id}`, { evidence: evidence.join(', ') }) };
}

/** The message and policy made safe, the context, and every signal's findings with their hand-set weights. */
function examine(message: MailMessage, policy: ScoringPolicy) {
  const safePolicy = sanitizePolicy(policy);
  const safeMessage = sanitizeMessage(message);
  const context = buildContext(safeMessage, safePolicy);
  const found = signals.flatMap((signal) => runSignal(signal, safeMessage, context));
  return { safePolicy, safeMessage, context, found };
}

/**
 * The features of a message for the fit: the findings that count once the organisation's context
 * is applied. A warning letter quotes the lure word for word and its wording counts for nothing
 * (combine.ts), nor do the words of a whole lure that a warning quotes with nothing of a lure's
 * around it (`context.quoted-lure`): they must not teach the fit that lure words are innocent.
 */
export function featuresOf(message: MailMessage, policy: ScoringPolicy): Finding[] {
  try {
    const { safeMessage, context, found } = examine(message, policy);
    const { findings } = assessContext(safeMessage, context, found);
    const advisory = findings.some((f) => f.id === 'context.internal-advisory' || f.id === 'context.government-advisory');
    const quotedLure = findings.some((f) => f.id === 'context.quoted-lure');
    return findings.filter((f) => f.weight > 0 && !(advisory && isWording(f)) && !(quotedLure && f.quotedLure));
  } catch {
    return [];
  }
}

export function score(message: MailMessage, policy: ScoringPolicy): Verdict {
  try {
    const examined = examine(message, policy);
    const { safePolicy, safeMessage, context } = examined;
    // a finding the fit gave no points says nothing about this message; the admins' own block is
    // danger on its own, whatever the thresholds
    const found = examined.found
      .map(withShippedWeight)
      .filter((f) => f.weight !== 0)
      .map((f) => (isBlocked(f) ? { ...f, weight: Math.max(f.weight, Math.ceil(safePolicy.thresholds.danger)) } : f));
    const trusted = new Set((safePolicy.trustedSenderAddresses ?? []).map(trustKey));
    const { findings: counted, trustedSender } = applySenderTrust(safeMessage, found, trusted);
    const { findings, capAtCaution } = assessContext(safeMessage, context, counted);
    const total = findings.reduce((sum, f) => sum + f.weight, 0);
    let points = Math.max(0, Math.min(100, Math.round(total)));
    let level = levelOf(points, safePolicy.thresholds);
    if (capAtCaution && level === 'danger') {
      level = 'caution';
      points = Math.min(points, Math.max(0, Math.ceil(safePolicy.thresholds.danger) - 1));
    }
    const reasons = findings
      .map((f, _i, all) => explain(f, safePolicy, all))
      .sort((a, b) => b.weight - a.weight || a.id.localeCompare(b.id));
    const asksForCredentials = examined.found.some(isCredentialRequest);
    return { level, score: points, reasons, ...(trustedSender !== undefined && { trustedSender }), ...(asksForCredentials && { asksForCredentials }) };
  } catch {
    // Unreachable by design (every input is sanitised); a verdict is still owed to the caller.
    return { level: 'safe', score: 0, reasons: [] };
  }
}

/** A link the click guard stops: where it really goes, and why (finding ids of the link signals). */
export interface FlaggedLink {
  href: string;
  text: string;
  hostname: string;
  findingIds: string[];
}

/** The links of the message that a link signal fired on; safe links are not in the list. */
export function flaggedLinks(message: MailMessage, policy: ScoringPolicy): FlaggedLink[] {
  try {
    const safePolicy = sanitizePolicy(policy);
    const safeMessage = sanitizeMessage(message);
    return assessLinks(safeMessage, buildContext(safeMessage, safePolicy))
      .filter((a) => a.findings.length > 0)
      .map(({ link, hostname, findings }) => ({ href: link.href, text: link.text, hostname, findingIds: findings.map((f) => f.id) }));
  } catch {
    return [];
  }
}
