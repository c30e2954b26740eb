/**
 * "I know this sender": what a user's trust in one exact From address may take back, and when it
 * may be offered at all. Trust answers only the question "who is this?" — the identity findings
 * about that address. What the message says, where its links go, what it carries, where replies
 * go and what the receiving servers concluded are not questions about who the sender is, so a
 * trusted colleague's hijacked account that sends a credential lure is still flagged.
 */
import type { MailMessage } from '../mail/types';
import type { Finding, Verdict } from './types';

/**
 * Facts about who the sender is, which a person who knows the sender can answer for:
 * - `sender.role-claim`: a support-desk or admin name from an outside address (a vendor's help desk);
 * - `sender.organisation-name`: the province's name in the display name of an outside address;
 * - `sender.free-mail`: Gmail, Yahoo… (a contractor, a retired colleague);
 * - `sender.foreign-government`: a foreign ministry the office corresponds with;
 * - `sender.foreign-script`: a correspondent who writes their name in their own script.
 * Another province's `.gov.vn` address is outside the organisation but raises no finding of its
 * own: it counts through these (its name, its role claim).
 */
export const senderIdentityFindingIds: ReadonlySet<string> = new Set([
  'sender.role-claim',
  'sender.organisation-name',
  'sender.free-mail',
  'sender.foreign-government',
  'sender.foreign-script',
]);

/**
 * Findings that say the From address cannot be taken at its word, or is a disguise rather than an
 * identity: with any of them, trust is neither offered nor applied (and every finding counts).
 * A look-alike domain, a name spelled with look-alike letters or an address written into the name
 * are tricks, not people one knows; a failed SPF/DKIM/DMARC check means the address may be forged;
 * a Reply-To elsewhere means the answer goes to someone else; the admins' block list beats the user.
 */
export const senderInDoubtFindingIds: ReadonlySet<string> = new Set([
  'header.spf-fail',
  'header.dkim-fail',
  'header.dmarc-fail',
  'reply-to.free-mail',
  'reply-to.different-domain',
  'policy.blocked-sender',
  'sender.lookalike-domain',
  'sender.mixed-script',
  'sender.address-in-name',
]);

/** The message asks for a password (in its words or with a password field). */
export function isCredentialRequest(finding: Pick<Finding, 'id' | 'category'>): boolean {
  return finding.category === 'credentials' || finding.id.startsWith('credentials.');
}

/** A From address as the trust list keeps it: trimmed, lower-cased; '' when it is no address. */
export function trustKey(address: string): string {
  const key = address.trim().toLowerCase();
  const at = key.lastIndexOf('@');
  return at > 0 && at < key.length - 1 && !/[\s<>"]/.test(key) ? key : '';
}

/**
 * Answers would go to another address than the trusted one. The Reply-To signal compares owners
 * (two Gmail users are one "owner" to it); trust is about one person, so here the address counts.
 */
export function repliesElsewhere(message: Pick<MailMessage, 'from' | 'replyTo'>): boolean {
  const from = trustKey(message.from?.address ?? '');
  return message.replyTo.some((r) => {
    const to = trustKey(r.address);
    return to !== '' && to !== from;
  });
}

export interface TrustedFindings {
  findings: Finding[];
  /** The address whose trust was applied, when it was. */
  trustedSender?: string;
}

/**
 * Drops the identity findings when the From address, exactly, is one the user trusts and nothing
 * puts that address in doubt. Never by domain: trusting `an@gmail.com` says nothing of `bo@gmail.com`.
 */
export function applySenderTrust(message: MailMessage, findings: Finding[], trusted: ReadonlySet<string>): TrustedFindings {
  const address = trustKey(message.from?.address ?? '');
  if (address === '' || !trusted.has(address)) return { findings };
  if (repliesElsewhere(message) || findings.some((f) => senderInDoubtFindingIds.has(f.id))) return { findings };
  return { findings: findings.filter((f) => !senderIdentityFindingIds.has(f.id)), trustedSender: address };
}

/**
 * Whether the banner may offer "I know this sender" for this verdict. Only on a caution, and only
 * when trust would take back something: a danger verdict is most likely the attack itself, and a
 * button that quiets it is what an attacker wants clicked. Never on a message that asks for a
 * password (the admins never do; trusting from the very lure would help it), nor when the address
 * is in doubt or replies would go to another address.
 */
export function canOfferTrust(verdict: Pick<Verdict, 'level' | 'reasons' | 'trustedSender' | 'asksForCredentials'>, message: Pick<MailMessage, 'from' | 'replyTo'>): boolean {
  if (verdict.level !== 'caution' || verdict.trustedSender !== undefined || verdict.asksForCredentials) return false;
  if (trustKey(message.from?.address ?? '') === '' || repliesElsewhere(message)) return false;
  if (verdict.reasons.some((r) => senderInDoubtFindingIds.has(r.id))) return false;
  return verdict.reasons.some((r) => senderIdentityFindingIds.has(r.id) && r.weight > 0);
}
