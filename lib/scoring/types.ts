import type { Locale } from '../i18n';

export type Level = 'safe' | 'caution' | 'danger';

/** The families of the threat model (DESIGN.md); a banner groups and a report counts by them. */
export type Category =
  | 'quota'
  | 'verification'
  | 'threat'
  | 'credentials'
  | 'call-to-action'
  | 'impersonation'
  | 'pending-mail'
  | 'trust-footer'
  /** Words spelled with invisible, lookalike or decorative characters so that filters miss them. */
  | 'disguise'
  /** Words that lures use and legitimate mail rarely does, learned from real mail. */
  | 'vocabulary'
  /** Promises of money, prizes or crypto: the scams that are not after a password. */
  | 'scam'
  | 'sender'
  /** How the message addresses its reader (by the bare address, like a mass mailing). */
  | 'recipient'
  | 'reply-to'
  | 'link'
  | 'attachment'
  | 'header'
  /** HTML or script where only text belongs (subject, sender name, link text, file name). */
  | 'markup'
  | 'policy'
  | 'context';

/** One thing a signal found, before it is explained in words. */
export interface Finding {
  /** Stable id; the explanation is `reason.<id>` in `locales/`. */
  id: string;
  category: Category;
  /** Points this finding adds to the score (negative for a mitigating context). */
  weight: number;
  /**
   * The feature of the fit whose points this finding carries, when it is not the id itself: a
   * graded signal shows one reason but is weighed by its band (`vocabulary.lure-words.2`).
   */
  feature?: string;
  /** What was seen: the matched phrase, the real address, the two domains… shown to the user as text. */
  evidence: string[];
  /**
   * A lure rule's words stand only inside a whole lure that a plain warning quotes
   * (advisory.ts): combine.ts discounts them when nothing around them is a lure's.
   */
  quotedLure?: true;
}

export interface Reason extends Finding {
  /** The explanation in the policy's locale, ready to show. */
  message: string;
}

export interface Verdict {
  level: Level;
  /** 0–100. */
  score: number;
  /** Sorted by weight, strongest first. */
  reasons: Reason[];
  /** The From address, when the user's trust in it was applied (its identity findings dropped). */
  trustedSender?: string;
  /**
   * The message asks for a password or a sign-in (a credentials finding fired), whatever points
   * the fit gave that finding: such a message is never offered "I know this sender".
   */
  asksForCredentials?: true;
}

export interface ScoringPolicy {
  /** Registrable domains of the organisation (eTLD+1), e.g. `laichau.gov.vn`. */
  organisationDomains: string[];
  /** Names a sender may falsely claim (the province, its IT centre), matched without diacritics. */
  organisationNames: string[];
  thresholds: { caution: number; danger: number };
  /** Admin-supplied lure phrases, matched like the built-in rules (case and diacritics ignored). */
  extraLurePhrases: string[];
  blockedSenderDomains: string[];
  trustedSenderDomains: string[];
  blockedLinkHosts: string[];
  trustedLinkHosts: string[];
  /**
   * Exact From addresses the user said they know ("I know this sender"), lower-cased: their
   * identity findings do not count (`./trust.ts`). Never a domain; the user's, not the admins'.
   */
  trustedSenderAddresses?: string[];
  locale: Locale;
}
