/**
 * The one question the background answers for a content script: how dangerous is the message
 * open in this webmail, and whom should the user call. No browser API here, so it is tested in Node.
 */
import { getHostname } from 'tldts';
import type { Locale } from './i18n';
import { parseRawMessage } from './mail/parse';
import type { MailMessage } from './mail/types';
import { policyForOrganisation } from './policy/defaults';
import type { Policy } from './policy/types';
import { flaggedLinks, score, type FlaggedLink } from './scoring';
import { canOfferTrust, trustKey } from './scoring/trust';
import type { Verdict } from './scoring/types';
import { fromDomMessage } from './webmail/message';
import type { ReportSubjectSettings } from './report/subject';
import type { DomMessage } from './webmail/types';

export interface Contact {
  organisationName: string;
  hotlines: string[];
  reportAddresses: string[];
}

/** What the policy says about how a warning looks and what it lets the user do. */
export interface Presentation {
  /** The province's own warning in the policy's locale (limited HTML, sanitised where shown). */
  warningText: string;
  allowDismiss: boolean;
  report: ReportSubjectSettings & Pick<Policy['report'], 'mode' | 'confirm' | 'original'>;
}

export interface CheckResult {
  verdict: Verdict;
  contact: Contact;
  locale: Locale;
  presentation: Presentation;
  /** Whether the verdict was made from the raw message or only from what the page shows. */
  source: MailMessage['source'];
  /** Links the click guard stops (only for a message that is not safe). */
  flaggedLinks: FlaggedLink[];
  /** The From address and the user's trust in it ("I know this sender"). */
  sender: SenderTrust;
  /** The sender as the raw message (or else the page) gives it: the report names it. */
  from?: MailMessage['from'];
  /** The Message-ID header, when the raw message was read: a report remembers it. */
  messageId?: string;
}

export interface SenderTrust {
  /** The From address, lower-cased ('' when the message has none). */
  address: string;
  /** The user trusts this address, and the trust was applied to this message. */
  trusted: boolean;
  /** Policy allows it and the verdict is one where the banner may offer "I know this sender". */
  canTrust: boolean;
}

export function policyForPage(pageUrl: string): Policy {
  return policyForOrganisation(getHostname(pageUrl) ?? '');
}

/**
 * The message as fully as it can be known: the raw source when the webmail gave it (every header,
 * the real addresses), else the page. The page still adds the attachment names that a capped
 * download of the source may have cut off.
 */
export async function messageToScore(dom: DomMessage, raw: Uint8Array | undefined): Promise<MailMessage> {
  const fromPage = fromDomMessage(dom);
  if (!raw?.length) return fromPage;
  try {
    const fromSource = await parseRawMessage(raw);
    const known = new Set(fromSource.attachments.map((a) => a.filename));
    const cutOff = fromPage.attachments.filter((a) => !known.has(a.filename));
    // A source cut off before its body (megabytes of padding headers) gave no text: the page has it.
    const sourceHasBody = fromSource.text.trim() !== '' || fromSource.links.length > 0 || fromSource.formFields.length > 0;
    const body = sourceHasBody ? {} : { text: fromPage.text, links: fromPage.links, formFields: fromPage.formFields, classNames: fromPage.classNames ?? [] };
    return { ...fromSource, ...body, attachments: [...fromSource.attachments, ...cutOff] };
  } catch {
    return fromPage;
  }
}

function messageIdOf(message: MailMessage): string | undefined {
  return message.headers?.find((header) => header.key === 'message-id')?.value.trim() || undefined;
}

/**
 * `trustedSenders`: the exact addresses the user trusts on this webmail (lib/trust); they count
 * only where the policy lets users trust a sender.
 */
export async function checkMessage(
  dom: DomMessage,
  raw: Uint8Array | undefined,
  policy: Policy,
  trustedSenders: readonly string[] = [],
): Promise<CheckResult> {
  const message = await messageToScore(dom, raw);
  const trusting = policy.allowTrustSender && trustedSenders.length > 0;
  const verdict = score(message, trusting ? { ...policy, trustedSenderAddresses: [...trustedSenders] } : policy);
  const address = trustKey(message.from?.address ?? '');
  return {
    verdict,
    contact: {
      organisationName: policy.organisationName,
      hotlines: policy.hotlines,
      reportAddresses: policy.reportAddresses,
    },
    locale: policy.locale,
    presentation: {
      warningText: policy.warningText[policy.locale],
      allowDismiss: policy.allowDismiss,
      report: {
        subjectPrefix: policy.report.subjectPrefix,
        outlookPrefix: policy.report.outlookPrefix,
        mode: policy.report.mode,
        confirm: policy.report.confirm,
        original: policy.report.original,
      },
    },
    source: message.source,
    flaggedLinks: verdict.level === 'safe' ? [] : flaggedLinks(message, policy),
    ...(message.from && { from: message.from }),
    ...(messageIdOf(message) && { messageId: messageIdOf(message) }),
    sender: {
      address,
      trusted: verdict.trustedSender !== undefined,
      canTrust: policy.allowTrustSender && canOfferTrust(verdict, message),
    },
  };
}
