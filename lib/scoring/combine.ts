/**
 * From findings to a verdict: add the weights, then ask whether the message is one of the
 * organisation's own. The provinces' warning letters quote lures word for word and come from the
 * province's own domain; what tells them apart from a lure is everything around the words — an
 * inside sender and Reply-To, links that stay inside, no dangerous file, no failed
 * authentication — and, in the letters, the vocabulary of a warning ("thư giả mạo",
 * "không cung cấp mật khẩu").
 */
import type { MailMessage } from '../mail/types';
import { isAdvisory } from './advisory';
import { isOrganisationHost, isTrustedSender, type ScoringContext } from './context';
import { addressHost, hostInfo, isFreeMailbox, sameOwner, type HostInfo } from './domains';
import { isRiskyAttachmentFinding } from './signals/attachments';
import { isAuthenticationFailure } from './signals/headers';
import { allLinksInternal, outsideLinksOnlyQuoted } from './signals/links';
import { textFindingIds } from './signals/text';
import type { Finding, Level, ScoringPolicy } from './types';

export const contextFindingIds = ['context.internal-advisory', 'context.government-advisory', 'context.internal-sender', 'context.quoted-lure'] as const;

/**
 * Share of the lure-wording points an inside message keeps when it is not a warning letter. Not
 * less: a hijacked colleague's account asking for passwords by reply (no link at all) must still
 * reach caution.
 */
const insideKeeps = 0.4;

/** The wording of a lure: its phrases and its learned vocabulary, which a warning letter quotes. */
export function isWording(finding: Finding): boolean {
  return textFindingIds.has(finding.id) || finding.category === 'vocabulary';
}

/** The admins blocked this sender or link host (policy). */
export function isBlocked(finding: Finding): boolean {
  return finding.id === 'policy.blocked-sender' || finding.id === 'policy.blocked-link';
}

/** Every Reply-To stays with the sender's owner or the organisation. */
function repliesStayInside(message: MailMessage, context: ScoringContext, sender: HostInfo): boolean {
  return message.replyTo.every((r) => {
    const host = hostInfo(addressHost(r.address));
    return host.hostname === '' || sameOwner(host, sender) || isOrganisationHost(host, context);
  });
}

/** What no letter from the organisation, or any warning letter, comes with. */
function isDisqualifying(finding: Finding): boolean {
  return isRiskyAttachmentFinding(finding) || isAuthenticationFailure(finding) || isBlocked(finding);
}

function isInsideMessage(message: MailMessage, context: ScoringContext, findings: readonly Finding[], advisory: () => boolean): boolean {
  const sender = context.sender;
  if (!sender || !isTrustedSender(sender, context) || !repliesStayInside(message, context, sender)) return false;
  if (findings.some(isDisqualifying)) return false;
  // A warning letter may show the lure's URL; an ordinary inside message has no business linking out.
  return allLinksInternal(message, context) || advisory();
}

/**
 * What no warning letter from another domain has: markup where none belongs, a disguised sender
 * or text, free mail, bounces that go elsewhere, a link whose text lies about where it goes or
 * that carries the recipient's address.
 */
const notInWarningLetters = new Set([
  'text.html-payload',
  'link.text-mismatch',
  'link.organisation-spoof',
  'link.government-spoof',
  'link.lookalike-domain',
  'link.script-url',
  'link.recipient-in-url',
  'sender.lookalike-domain',
  'sender.mixed-script',
  'sender.foreign-script',
  'sender.address-in-name',
  'sender.free-mail',
  // bounces going elsewhere than the sender: a forged From on someone else's server
  'reply-to.return-path',
  'disguise.hidden-characters',
]);

/**
 * Nothing around a warning's words is a lure's: replies stay with the sender (a message without
 * a sender asks for none elsewhere), nothing a warning letter never has, and every outside link
 * only shows its own address or goes to a .gov.vn site — or to `ownSite`, when given.
 */
function surroundsAWarning(message: MailMessage, context: ScoringContext, findings: readonly Finding[], ownSite?: HostInfo): boolean {
  const sender = context.sender;
  if (sender ? !repliesStayInside(message, context, sender) : message.replyTo.some((r) => r.address !== '')) return false;
  if (findings.some((f) => isDisqualifying(f) || notInWarningLetters.has(f.id))) return false;
  return outsideLinksOnlyQuoted(message, context, ownSite);
}

/**
 * A warning letter from another Vietnamese government domain: a ministry's or another province's
 * IT centre forwarding its alert, the usual way these letters travel. Its wording counts for
 * nothing and it stays at most caution — but only while nothing around the words is a lure's: a
 * hijacked .gov.vn account that wraps "Xác minh ngay" in warning words has a link that hides where
 * it goes, or a form, and the link decides.
 */
function isGovernmentAdvisory(message: MailMessage, context: ScoringContext, findings: readonly Finding[], advisory: () => boolean): boolean {
  const sender = context.sender;
  if (!sender || sender.publicSuffix !== 'gov.vn') return false;
  return surroundsAWarning(message, context, findings) && advisory();
}

/**
 * A warning that quotes a whole lure (advisory.ts), from whoever publishes it under a domain of
 * its own — the press, a bank, a company's IT department: nothing around the quoted words is a
 * lure's, by the test a letter from another government domain passes, save that its links may
 * also go to the sender's own site (a newspaper's). Not from a free mailbox, anyone's, nor from a
 * sender in doubt: any sender finding, such as a state body's address spelled outside gov.vn
 * ("csgt-gov.vn"). A lure that wraps itself in a warning still has its link, its file or its
 * Reply-To elsewhere, and they decide.
 */
function isQuotingWarning(message: MailMessage, context: ScoringContext, findings: readonly Finding[]): boolean {
  const sender = context.sender;
  if (sender && isFreeMailbox(sender)) return false;
  if (findings.some((f) => f.category === 'sender' && f.weight > 0)) return false;
  return surroundsAWarning(message, context, findings, sender);
}

export interface Assessment {
  findings: Finding[];
  /** The level may not exceed caution (an inside message). */
  capAtCaution: boolean;
}

function pointsOf(findings: readonly Finding[], counts: (finding: Finding) => boolean): number {
  return findings.filter(counts).reduce((sum, f) => sum + f.weight, 0);
}

/**
 * Adds the mitigating `context.*` finding when the message is the organisation's own, or a
 * warning letter from another government domain, and caps those at caution.
 */
export function assessContext(message: MailMessage, context: ScoringContext, findings: Finding[]): Assessment {
  let advisoryAnswer: boolean | undefined;
  const advisory = () => (advisoryAnswer ??= isAdvisory(context.text.bare));
  const inside = isInsideMessage(message, context, findings, advisory);
  if (!inside && !isGovernmentAdvisory(message, context, findings, advisory)) return withQuotedLureShown(message, context, findings);
  const wording = pointsOf(findings, isWording);
  if (wording <= 0) return { findings, capAtCaution: true };
  let id: (typeof contextFindingIds)[number];
  let discount: number;
  if (!inside) {
    [id, discount] = ['context.government-advisory', wording];
  } else if (advisory()) {
    // a warning letter quotes the lure, vocabulary and all
    [id, discount] = ['context.internal-advisory', wording];
  } else {
    // an ordinary inside message keeps part of its phrases' points, and all of its vocabulary's
    [id, discount] = ['context.internal-sender', Math.round(pointsOf(findings, (f) => textFindingIds.has(f.id)) * (1 - insideKeeps))];
  }
  if (discount <= 0) return { findings, capAtCaution: true };
  const mitigation: Finding = { id, category: 'context', weight: -discount, evidence: [message.from?.address ?? ''] };
  return { findings: [...findings, mitigation], capAtCaution: true };
}

/** Outside both contexts: a quoting warning's quoted lure counts for nothing (isQuotingWarning), the rest as it is. */
function withQuotedLureShown(message: MailMessage, context: ScoringContext, findings: Finding[]): Assessment {
  const quoted = findings.filter((f) => f.quotedLure === true && f.weight > 0);
  if (quoted.length === 0 || !isQuotingWarning(message, context, findings)) return { findings, capAtCaution: false };
  const mitigation: Finding = {
    id: 'context.quoted-lure',
    category: 'context',
    weight: -quoted.reduce((sum, f) => sum + f.weight, 0),
    evidence: quoted.flatMap((f) => f.evidence),
  };
  return { findings: [...findings, mitigation], capAtCaution: false };
}

export function levelOf(score: number, thresholds: ScoringPolicy['thresholds']): Level {
  if (score >= thresholds.danger) return 'danger';
  if (score >= thresholds.caution) return 'caution';
  return 'safe';
}
