/**
 * One report at a time into the triage state: unwrap it, score each original with the same
 * library as the extension, and count it once — a report met again (on the next run, or twice in
 * one mailbox) adds nothing, and the same lure reported by several people is one original with
 * several reports. A message that cannot be read is kept as broken, with its error, and the run
 * goes on.
 */
import type { Locale } from '../i18n';
import { parseRawMessage } from '../mail/parse';
import { recipientAddress } from '../mail/recipient';
import type { MailMessage } from '../mail/types';
import { policyForOrganisation } from '../policy/defaults';
import type { Policy } from '../policy/types';
import { flaggedLinks, score } from '../scoring/index';
import { hostInfo } from '../scoring/domains';
import { brokenKey, inlineKey, originalKey, reportKey } from './dedupe';
import { registrableDomain } from './hosts';
import { textSignature } from './similarity';
import type { SourceItem } from './sources';
import type { BrokenRecord, LinkHostRecord, OriginalRecord, ReportRef, TriageState } from './types';
import { unwrapReport } from './unwrap';

export interface IngestOptions {
  locale: Locale;
  /** The organisation's domains as the administrator named them; else each report's help-desk domain. */
  organisationDomains: readonly string[];
  /** Report subject prefixes besides the built-in ones (the province's `reportSubjectPrefix`). */
  reportPrefixes: readonly string[];
  /** Reports from before this moment are left for another run (not marked as seen). */
  since?: Date;
  /** The time a report without any date is given. */
  now: Date;
}

export interface RunTally {
  /** Messages read from the source in this run. */
  read: number;
  newReports: number;
  /** Reports triaged by an earlier run (or earlier in this one), not counted again. */
  alreadySeen: number;
  beforeSince: number;
  broken: number;
  newOriginals: number;
  /** Reports of an original already known: one more reporter, no new original. */
  repeatedOriginals: number;
}

export function emptyTally(): RunTally {
  return { read: 0, newReports: 0, alreadySeen: 0, beforeSince: 0, broken: 0, newOriginals: 0, repeatedOriginals: 0 };
}

const maxLinkHosts = 50;

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function domainOf(address: string | undefined): string | undefined {
  if (!address || !address.includes('@')) return undefined;
  const domain = registrableDomain(address.slice(address.lastIndexOf('@') + 1).toLowerCase());
  return domain || undefined;
}

function linkHosts(message: MailMessage, policy: Policy): LinkHostRecord[] {
  const findings = new Map<string, Set<string>>();
  for (const link of flaggedLinks(message, policy)) {
    if (link.hostname === '') continue;
    const set = findings.get(link.hostname) ?? new Set<string>();
    for (const id of link.findingIds) set.add(id);
    findings.set(link.hostname, set);
  }
  const hosts = new Map<string, LinkHostRecord>();
  for (const link of message.links) {
    if (hosts.size >= maxLinkHosts) break;
    const href = link.href.trim();
    if (!/^(?:https?:)?\/\//i.test(href)) continue;
    const host = hostInfo(href).hostname;
    if (host === '' || hosts.has(host)) continue;
    hosts.set(host, { host, findings: [...(findings.get(host) ?? [])].sort() });
  }
  return [...hosts.values()];
}

export class TriageRun {
  readonly tally = emptyTally();
  private readonly seenReports: Set<string>;
  private readonly originals: Map<string, OriginalRecord>;
  private readonly brokenKeys: Set<string>;

  constructor(
    readonly state: TriageState,
    private readonly options: IngestOptions,
  ) {
    this.seenReports = new Set(state.reports);
    this.originals = new Map(state.originals.map((o) => [o.key, o]));
    this.brokenKeys = new Set(state.broken.map((b) => b.key));
  }

  /** For sources that can skip a report before downloading it (IMAP). */
  isSeenMessageId = (messageId: string): boolean => {
    const key = reportKey(new Uint8Array(), messageId);
    return key.startsWith('mid:') && this.seenReports.has(key);
  };

  private markSeen(key: string): void {
    this.seenReports.add(key);
    this.state.reports.push(key);
  }

  private addBroken(record: BrokenRecord): void {
    if (this.brokenKeys.has(record.key)) return;
    this.brokenKeys.add(record.key);
    this.state.broken.push(record);
    this.tally.broken += 1;
  }

  private policyFor(organisation: string | undefined): Policy {
    const base = organisation ? policyForOrganisation(organisation) : policyForOrganisation('');
    const organisationDomains = [...new Set([...base.organisationDomains, ...this.options.organisationDomains])];
    return { ...base, organisationDomains, locale: this.options.locale };
  }

  async add(item: SourceItem): Promise<void> {
    this.tally.read += 1;
    const { location } = item;
    if (!item.raw) {
      const key = brokenKey(undefined, location);
      if (this.seenReports.has(key)) this.tally.alreadySeen += 1;
      else {
        this.markSeen(key);
        this.addBroken({ key, location, error: item.error ?? 'unreadable' });
      }
      return;
    }
    const raw = item.raw;
    let report;
    try {
      report = await unwrapReport(raw, this.options.reportPrefixes);
    } catch (error) {
      const key = brokenKey(raw, location);
      if (this.seenReports.has(key)) this.tally.alreadySeen += 1;
      else {
        this.markSeen(key);
        this.addBroken({ key, location, error: errorMessage(error), ...(item.receivedAt && { at: item.receivedAt.toISOString() }) });
      }
      return;
    }
    const key = reportKey(raw, report.messageId);
    if (this.seenReports.has(key)) {
      this.tally.alreadySeen += 1;
      return;
    }
    const at = report.date ?? item.receivedAt ?? this.options.now;
    if (this.options.since && at.getTime() < this.options.since.getTime()) {
      this.tally.beforeSince += 1;
      return;
    }
    this.markSeen(key);
    this.tally.newReports += 1;
    const ref: ReportRef = { key, reporter: report.reporter, at: at.toISOString(), location };
    const helpDesk = this.options.organisationDomains[0] ?? domainOf(report.recipients[0]) ?? domainOf(report.reporter);

    for (const [index, original] of report.originals.entries()) {
      let message: MailMessage;
      let originalId: string;
      if (original.message) {
        message = original.message;
        originalId = inlineKey(message);
      } else {
        try {
          message = await parseRawMessage(original.raw ?? new Uint8Array());
        } catch (error) {
          this.addBroken({
            key: `${key}#${index + 1}`,
            location: `${location} → ${index + 1}`,
            error: errorMessage(error),
            at: ref.at,
            reporter: report.reporter,
          });
          continue;
        }
        originalId = originalKey(original.raw!, message);
      }
      const known = this.originals.get(originalId);
      if (known) {
        if (!known.reports.some((r) => r.key === key)) known.reports.push(ref);
        this.tally.repeatedOriginals += 1;
        continue;
      }
      const organisation = helpDesk ?? domainOf(recipientAddress(message)) ?? '';
      const policy = this.policyFor(organisation);
      const verdict = score(message, policy);
      const dateValue = message.headers?.find((h) => h.key === 'date')?.value;
      const date = dateValue ? Date.parse(dateValue) : Number.NaN;
      const record: OriginalRecord = {
        key: originalId,
        how: original.how,
        subject: message.subject,
        from: message.from?.address ?? '',
        fromName: message.from?.name ?? '',
        replyTo: message.replyTo.map((a) => a.address).filter((a) => a !== ''),
        ...(!Number.isNaN(date) && { date: new Date(date).toISOString() }),
        level: verdict.level,
        score: verdict.score,
        reasons: verdict.reasons.map((r) => ({ id: r.id, evidence: r.evidence })),
        links: linkHosts(message, policy),
        signature: textSignature(message.subject, message.text),
        organisation,
        reports: [ref],
      };
      this.originals.set(originalId, record);
      this.state.originals.push(record);
      this.tally.newOriginals += 1;
    }
  }
}
