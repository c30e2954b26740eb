/**
 * What every signal needs besides the message: the policy made safe to use, and facts computed
 * once (the normalised text, the sender's host). Inputs come from hostile mail and from admins'
 * hand-written policy, so both are coerced into shape here and nowhere else.
 */
import { maxClassNames, type MailAddress, type MailMessage } from '../mail/types';
import { isLocale } from '../i18n';
import { addressHost, hostInfo, hostInList, normalizeDomainEntry, type HostInfo } from './domains';
import { disposableEmailProviders, freeEmailProviders } from './lists';
import { normalizeText, type NormalizedText } from './normalize';
import { fittedThresholds } from './weights';
import type { Finding, ScoringPolicy } from './types';

/** Beyond this, text is not read further: a 2 MB lure is no longer a lure anybody reads. */
export const maxScannedTextLength = 2_000_000;
const maxListItems = 20_000;

export interface ScoringContext {
  policy: ScoringPolicy;
  /** Subject and body (and form labels), normalised once for all text rules. */
  text: NormalizedText;
  organisationDomains: readonly string[];
  trustedSenderDomains: ReadonlySet<string>;
  blockedSenderDomains: ReadonlySet<string>;
  trustedLinkHosts: ReadonlySet<string>;
  blockedLinkHosts: ReadonlySet<string>;
  /** The From address's host, when there is an address. */
  sender?: HostInfo;
}

export type Signal = (message: MailMessage, context: ScoringContext) => Finding[];

function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value.slice(0, maxListItems) : [];
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function asAddress(value: unknown): MailAddress {
  const record = asRecord(value);
  return { name: asString(record.name), address: asString(record.address).trim().toLowerCase() };
}

/** A well-formed MailMessage whatever was passed in (missing arrays, wrong types, null). */
export function sanitizeMessage(input: unknown): MailMessage {
  const record = asRecord(input);
  const headers = Array.isArray(record.headers)
    ? asArray(record.headers).map((h) => {
        const header = asRecord(h);
        return { key: asString(header.key).toLowerCase(), value: asString(header.value) };
      })
    : undefined;
  const returnPath = asString(record.returnPath);
  return {
    subject: asString(record.subject),
    ...(record.from !== undefined && record.from !== null && { from: asAddress(record.from) }),
    replyTo: asArray(record.replyTo).map(asAddress),
    to: asArray(record.to).map(asAddress),
    cc: asArray(record.cc).map(asAddress),
    ...(returnPath !== '' && { returnPath }),
    text: asString(record.text),
    links: asArray(record.links).map((l) => {
      const link = asRecord(l);
      return { href: asString(link.href), text: asString(link.text) };
    }),
    attachments: asArray(record.attachments).map((a) => {
      const attachment = asRecord(a);
      const contentType = asString(attachment.contentType);
      return { filename: asString(attachment.filename), ...(contentType !== '' && { contentType }) };
    }),
    formFields: asArray(record.formFields).map((f) => {
      const field = asRecord(f);
      return { type: asString(field.type).toLowerCase(), label: asString(field.label) };
    }),
    ...(Array.isArray(record.classNames) && { classNames: asStrings(record.classNames).slice(0, maxClassNames) }),
    ...(headers && { headers }),
    source: record.source === 'raw' ? 'raw' : 'dom',
  };
}

function asStrings(value: unknown): string[] {
  return asArray(value).filter((v): v is string => typeof v === 'string');
}

function finiteOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** A usable ScoringPolicy whatever was passed in; defaults are those of lib/policy/defaults.ts. */
export function sanitizePolicy(input: unknown): ScoringPolicy {
  const record = asRecord(input);
  const thresholds = asRecord(record.thresholds);
  return {
    organisationDomains: asStrings(record.organisationDomains),
    organisationNames: asStrings(record.organisationNames),
    thresholds: { caution: finiteOr(thresholds.caution, fittedThresholds.caution), danger: finiteOr(thresholds.danger, fittedThresholds.danger) },
    extraLurePhrases: asStrings(record.extraLurePhrases),
    blockedSenderDomains: asStrings(record.blockedSenderDomains),
    trustedSenderDomains: asStrings(record.trustedSenderDomains),
    blockedLinkHosts: asStrings(record.blockedLinkHosts),
    trustedLinkHosts: asStrings(record.trustedLinkHosts),
    trustedSenderAddresses: asStrings(record.trustedSenderAddresses),
    locale: isLocale(record.locale) ? record.locale : 'vi',
  };
}

function domainSet(entries: readonly string[]): Set<string> {
  return new Set(entries.map(normalizeDomainEntry).filter((e) => e !== ''));
}

export function buildContext(message: MailMessage, policy: ScoringPolicy): ScoringContext {
  const labels = message.formFields.map((f) => f.label).join('\n');
  // One flat string (join copies once): a concatenation would be a rope, and the normaliser's
  // per-character reads through it cost a fifth of its time on a 50 KB letter.
  let scanned = [message.subject, message.text, labels].join('\n');
  if (scanned.length > maxScannedTextLength) scanned = scanned.slice(0, maxScannedTextLength);
  // A free-mail provider is never the organisation: its other users are strangers to the reader
  // (a mailbox at gmail.com does not make every Gmail sender a colleague).
  const organisationDomains = [...domainSet(policy.organisationDomains)]
    .map((d) => hostInfo(d).domain || d)
    .filter((d) => !hostInList(d, freeEmailProviders()) && !hostInList(d, disposableEmailProviders()));
  const senderHost = addressHost(message.from?.address ?? '');
  return {
    policy,
    text: normalizeText(scanned),
    organisationDomains,
    trustedSenderDomains: domainSet(policy.trustedSenderDomains),
    blockedSenderDomains: domainSet(policy.blockedSenderDomains),
    trustedLinkHosts: domainSet(policy.trustedLinkHosts),
    blockedLinkHosts: domainSet(policy.blockedLinkHosts),
    ...(senderHost !== '' && { sender: hostInfo(senderHost) }),
  };
}

/** Inside the organisation: an organisation domain or one of its subdomains. */
export function isOrganisationHost(host: HostInfo, context: ScoringContext): boolean {
  return host.domain !== '' && context.organisationDomains.includes(host.domain);
}

/** Inside the organisation, or a sender domain the admins vouch for. */
export function isTrustedSender(host: HostInfo, context: ScoringContext): boolean {
  if (isOrganisationHost(host, context)) return true;
  for (const trusted of context.trustedSenderDomains) {
    if (host.hostname === trusted || host.hostname.endsWith(`.${trusted}`)) return true;
  }
  return false;
}
