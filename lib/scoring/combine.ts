/**
 * From findings to a verdict: add the weights, then ask whether the message is one of the
 * organisation's own. The provinces' warning letters quote lures word for word and come from the
 * province's own domain; what tells them apart from a lure is everything around the words — an
 * inside sender and Reply-To, links that stay inside, no dangerous file, no failed
 * authentication — and, in the letters, the vocabulary of a warning ("thư giả mạo",
 * "không cung cấp mật khẩu").
 */
import type { MailMessage } from '../mail/types';
import { isOrganisationHost, isTrustedSender, type ScoringContext } from './context';
import { addressHost, hostInfo, sameOwner } from './domains';
import { isRiskyAttachmentFinding } from './signals/attachments';
import { isAuthenticationFailure } from './signals/headers';
import { allLinksInternal, outsideLinksOnlyQuoted } from './signals/links';
import { textFindingIds } from './signals/text';
import type { Finding, Level, ScoringPolicy } from './types';

export const contextFindingIds = ['context.internal-advisory', 'context.government-advisory', 'context.internal-sender'] as const;

/**
 * Share of the lure-wording points an inside message keeps when it is not a warning letter. Not
 * less: a hijacked colleague's account asking for passwords by reply (no link at all) must still
 * reach caution.
 */
const insideKeeps = 0.4;

/** Words of a warning about phishing, not of phishing itself (bare form). */
const advisoryMarkers = [
  /\bgia mao\b/,
  /\blua dao\b/,
  /\bmao danh\b/,
  /\bma doc\b/,
  /\bcanh giac\b/,
  /\bkhong (cung cap|lam theo|thuc hien cung cap|bam|nhap chuot|click|mo tap tin)\b/,
  /\bkhong bao gio yeu cau\b/,
  /\btuyet doi khong\b/,
  /\b(lay cap|chiem doat|danh cap) thong tin\b/,
  /\ban toan thong tin\b/,
  /\bphong chong\b/,
  /\b(phishing|do not (click|provide|reply|share)|never ask(s)? for (your )?password)\b/,
];

function isAdvisory(bare: string): boolean {
  let found = 0;
  for (const marker of advisoryMarkers) {
    if (marker.test(bare) && ++found >= 2) return true;
  }
  return false;
}

/** The wording of a lure: its phrases and its learned vocabulary, which a warning letter quotes. */
export function isWording(finding: Finding): boolean {
  return textFindingIds.has(finding.id) || finding.category === 'vocabulary';
}

function isBlocked(finding: Finding): boolean {
  return finding.id === 'policy.blocked-sender' || finding.id === 'policy.blocked-link';
}

function isInsideMessage(message: MailMessage, context: ScoringContext, findings: readonly Finding[], advisory: () => boolean): boolean {
  const sender = context.sender;
  if (!sender || !isTrustedSender(sender, context)) return false;
  const repliesInside = message.replyTo.every((r) => {
    const host = hostInfo(addressHost(r.address));
    return host.hostname === '' || sameOwner(host, sender) || isOrganisationHost(host, context);
  });
  if (!repliesInside) return false;
  if (findings.some((f) => isRiskyAttachmentFinding(f) || isAuthenticationFailure(f) || isBlocked(f))) return false;
  // A warning letter may show the lure's URL; an ordinary inside message has no business linking out.
  return allLinksInternal(message, context) || advisory();
}

/**
 * What no warning letter has, whoever sends it: a sign-in form or page, a file that runs, a
 * disguised sender or text, a Reply-To elsewhere, a link whose text lies about where it goes.
 */
const notInWarningLetters = new Set([
  'text.html-payload',
  'link.text-mismatch',
  'link.organisation-spoof',
  'link.lookalike-domain',
  'link.script-url',
  'link.recipient-in-url',
  'sender.lookalike-domain',
  'sender.mixed-script',
  'sender.foreign-script',
  'sender.address-in-name',
  'sender.free-mail',
  'disguise.hidden-characters',
]);

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
  const repliesInside = message.replyTo.every((r) => {
    const host = hostInfo(addressHost(r.address));
    return host.hostname === '' || sameOwner(host, sender) || host.publicSuffix === 'gov.vn' || isOrganisationHost(host, context);
  });
  if (!repliesInside) return false;
  if (findings.some((f) => isRiskyAttachmentFinding(f) || isAuthenticationFailure(f) || isBlocked(f) || f.id.startsWith('reply-to.') || notInWarningLetters.has(f.id))) return false;
  return outsideLinksOnlyQuoted(message, context) && advisory();
}

export interface Assessment {
  findings: Finding[];
  /** The level may not exceed caution (an inside message). */
  capAtCaution: boolean;
}

/** Adds the mitigating `context.*` finding when the message is the organisation's own. */
export function assessContext(message: MailMessage, context: ScoringContext, findings: Finding[]): Assessment {
  let advisoryAnswer: boolean | undefined;
  const advisory = () => (advisoryAnswer ??= isAdvisory(context.text.bare));
  const lurePoints = () => findings.filter(isWording).reduce((sum, f) => sum + f.weight, 0);
  if (!isInsideMessage(message, context, findings, advisory)) {
    if (!isGovernmentAdvisory(message, context, findings, advisory)) return { findings, capAtCaution: false };
    const points = lurePoints();
    if (points <= 0) return { findings, capAtCaution: true };
    const mitigation: Finding = { id: 'context.government-advisory', category: 'context', weight: -points, evidence: [message.from?.address ?? ''] };
    return { findings: [...findings, mitigation], capAtCaution: true };
  }
  const warning = advisory();
  // a warning letter quotes the lure, vocabulary and all; an ordinary inside message keeps its words
  const points = warning ? lurePoints() : findings.filter((f) => textFindingIds.has(f.id)).reduce((sum, f) => sum + f.weight, 0);
  if (points <= 0) return { findings, capAtCaution: true };
  const discount = warning ? points : Math.round(points * (1 - insideKeeps));
  const id = warning ? 'context.internal-advisory' : 'context.internal-sender';
  const mitigation: Finding = { id, category: 'context', weight: -discount, evidence: [message.from?.address ?? ''] };
  return { findings: [...findings, mitigation], capAtCaution: true };
}

export function levelOf(score: number, thresholds: ScoringPolicy['thresholds']): Level {
  if (score >= thresholds.danger) return 'danger';
  if (score >= thresholds.caution) return 'caution';
  return 'safe';
}
