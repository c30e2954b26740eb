/**
 * The policy fragment: the sender domains and link hosts to block for everyone, ready to merge
 * into the managed policy, and checked with the policy's own validation so that what an admin
 * pastes is what the extension accepts.
 *
 * What goes in:
 * - a sender's registrable domain, from an original the scorer called caution or danger (or the
 *   chosen minimum), unless it is free mail, Vietnamese government, the organisation, or a platform;
 * - a link host the scorer itself flagged (free hosting, look-alike, suspicious TLD, mismatched
 *   text…) in such an original, or any link to a domain already blocked as a sender. A link the
 *   scorer found nothing wrong with is listed for review, not blocked: a blocked host adds 60 points
 *   to every mail that links there, and the fake virus-scan footer of the Sóc Trăng lure links to a
 *   real vendor.
 * Everything that is not blocked is listed with why, for the HTML report.
 */
import { validateSettings, type PolicyIssue } from '../policy/validate';
import type { Level } from '../scoring/types';
import { atLeast } from './campaigns';
import { classifyLinkHost, classifySender, registrableDomain, type NotBlockedReason } from './hosts';
import type { OriginalRecord } from './types';

export interface PolicyFragment {
  blockedSenderDomains: string[];
  blockedLinkHosts: string[];
}

export type RowStatus = { blocked: string } | { notBlocked: NotBlockedReason };

export interface SenderRow {
  /** The sender's domain (as written in the address). */
  domain: string;
  addresses: string[];
  originals: number;
  reports: number;
  level: Level;
  status: RowStatus;
}

export interface LinkHostRow {
  host: string;
  findings: string[];
  originals: number;
  reports: number;
  level: Level;
  status: RowStatus;
}

export interface FragmentResult {
  fragment: PolicyFragment;
  senders: SenderRow[];
  linkHosts: LinkHostRow[];
  /** Entries the policy validation refused (none are expected; they are left out of the fragment). */
  issues: PolicyIssue[];
}

export interface FragmentOptions {
  /** The weakest verdict whose senders and links are blocked: caution by default. */
  minLevel: Level;
  organisationDomains: readonly string[];
}

const levelRank: Record<Level, number> = { safe: 0, caution: 1, danger: 2 };
const stronger = (a: Level, b: Level): Level => (levelRank[a] >= levelRank[b] ? a : b);

function byCountThenName<T extends { reports: number; originals: number }>(key: (row: T) => string) {
  return (a: T, b: T) => b.reports - a.reports || b.originals - a.originals || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

export function buildFragment(originals: readonly OriginalRecord[], options: FragmentOptions): FragmentResult {
  const organisationsOf = (o: OriginalRecord) => [o.organisation, ...options.organisationDomains].filter((d) => d !== '');

  const senders = new Map<string, SenderRow & { qualifies: boolean }>();
  for (const original of originals) {
    if (original.from === '') continue;
    const domain = original.from.slice(original.from.lastIndexOf('@') + 1);
    const verdict = classifySender(original.from, organisationsOf(original));
    const row = senders.get(domain) ?? {
      domain,
      addresses: [],
      originals: 0,
      reports: 0,
      level: original.level,
      status: 'block' in verdict ? { blocked: verdict.block } : { notBlocked: verdict.notBlocked },
      qualifies: false,
    };
    if (!row.addresses.includes(original.from)) row.addresses.push(original.from);
    row.originals += 1;
    row.reports += original.reports.length;
    row.level = stronger(row.level, original.level);
    if (atLeast(original.level, options.minLevel)) row.qualifies = true;
    senders.set(domain, row);
  }
  for (const row of senders.values()) if ('blocked' in row.status && !row.qualifies) row.status = { notBlocked: 'below-threshold' };
  const blockedSenders = new Set([...senders.values()].flatMap((r) => ('blocked' in r.status ? [r.status.blocked] : [])));

  const links = new Map<string, LinkHostRow & { qualifies: boolean; flagged: boolean }>();
  for (const original of originals) {
    for (const link of original.links) {
      const verdict = classifyLinkHost(link.host, organisationsOf(original));
      const row = links.get(link.host) ?? {
        host: link.host,
        findings: [],
        originals: 0,
        reports: 0,
        level: original.level,
        status: 'block' in verdict ? { blocked: verdict.block } : { notBlocked: verdict.notBlocked },
        qualifies: false,
        flagged: false,
      };
      for (const id of link.findings) if (!row.findings.includes(id)) row.findings.push(id);
      row.originals += 1;
      row.reports += original.reports.length;
      row.level = stronger(row.level, original.level);
      if (atLeast(original.level, options.minLevel)) {
        row.qualifies = true;
        if (link.findings.length > 0) row.flagged = true;
      }
      links.set(link.host, row);
    }
  }
  for (const row of links.values()) {
    if (!('blocked' in row.status)) continue;
    const sendersDomain = blockedSenders.has(registrableDomain(row.host));
    if (!row.qualifies) row.status = { notBlocked: 'below-threshold' };
    else if (!row.flagged && !sendersDomain) row.status = { notBlocked: 'not-flagged' };
  }

  const candidate: PolicyFragment = {
    blockedSenderDomains: [...blockedSenders].sort(),
    blockedLinkHosts: [...new Set([...links.values()].flatMap((r) => ('blocked' in r.status ? [r.status.blocked] : [])))].sort(),
  };
  const { settings, issues } = validateSettings(candidate, 'managed');
  const fragment: PolicyFragment = {
    blockedSenderDomains: settings.blockedSenderDomains ?? [],
    blockedLinkHosts: settings.blockedLinkHosts ?? [],
  };
  const refuse = (status: RowStatus, kept: readonly string[]): RowStatus =>
    'blocked' in status && !kept.includes(status.blocked) ? { notBlocked: 'refused' } : status;

  return {
    fragment,
    senders: [...senders.values()]
      .map(({ qualifies: _, ...row }) => ({ ...row, addresses: row.addresses.sort(), status: refuse(row.status, fragment.blockedSenderDomains) }))
      .sort(byCountThenName((r) => r.domain)),
    linkHosts: [...links.values()]
      .map(({ qualifies: _, flagged: __, ...row }) => ({ ...row, findings: row.findings.sort(), status: refuse(row.status, fragment.blockedLinkHosts) }))
      .sort(byCountThenName((r) => r.host)),
    issues,
  };
}

/**
 * The fragment merged into a managed policy: either the extension's flat settings, or a whole
 * Chromium policy file (`3rdparty.extensions.<id>`). Lists are joined without duplicates; every
 * other key is left as it was.
 */
export function mergeFragment(policy: unknown, fragment: PolicyFragment, extensionId: string): Record<string, unknown> {
  const record = typeof policy === 'object' && policy !== null && !Array.isArray(policy) ? (policy as Record<string, unknown>) : {};
  const join = (settings: Record<string, unknown>): Record<string, unknown> => {
    const merged = { ...settings };
    for (const key of ['blockedSenderDomains', 'blockedLinkHosts'] as const) {
      const existing = Array.isArray(settings[key]) ? (settings[key] as unknown[]) : [];
      merged[key] = [...new Set([...existing, ...fragment[key]])];
    }
    return merged;
  };
  const thirdParty = record['3rdparty'] as { extensions?: Record<string, Record<string, unknown>> } | undefined;
  if (thirdParty && typeof thirdParty === 'object') {
    const extensions = { ...(thirdParty.extensions ?? {}) };
    extensions[extensionId] = join(extensions[extensionId] ?? {});
    return { ...record, '3rdparty': { ...thirdParty, extensions } };
  }
  return join(record);
}
