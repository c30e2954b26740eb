/**
 * Measuring the scorer on labelled folders of real mail, the way SpamAssassin's mass-check does:
 * per folder, how many messages reach caution and danger; per finding id ("freqs"), how often it
 * fires on lures and on legitimate mail; and the worst false alarms and misses with their reasons.
 * The `eval` command prints this; the regression test holds the rates to floors; `fit` learns the
 * weights from the same findings.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseRawMessage } from '../mail/parse';
import { recipientAddress } from '../mail/recipient';
import type { MailMessage } from '../mail/types';
import { policyForOrganisation, basePolicy } from '../policy/defaults';
import type { Policy } from '../policy/types';
import { score } from '../scoring';
import type { Level, Verdict } from '../scoring/types';

/** What a folder is: unsolicited mail (every message should be flagged) or legitimate mail. */
export type Kind = 'lure' | 'ham';

export interface FolderSpec {
  folder: string;
  /** Free label shown in the tables ("phish", "ham", "vi-lure"…); its kind decides what counts as right. */
  label: string;
  kind: Kind;
}

export interface Scored {
  file: string;
  label: string;
  kind: Kind;
  /** Sub-class from a labels CSV (credential, scam, spam…), when there is one for this file. */
  klass?: string;
  subject: string;
  verdict: Verdict;
  error?: string;
}

const lureWords = /^(lure|lures|phish|phishing|spam|scam|unsolicited|bad)$/i;
const hamWords = /^(ham|legit|legitimate|benign|good)$/i;

/** `FOLDER=LABEL`, where LABEL (or LABEL:KIND) says which kind the folder is. */
export function parseFolderSpec(arg: string): FolderSpec {
  const at = arg.lastIndexOf('=');
  if (at <= 0) throw new Error(`"${arg}": expected FOLDER=LABEL (LABEL is lure, ham, or NAME:lure / NAME:ham)`);
  const folder = arg.slice(0, at);
  const label = arg.slice(at + 1);
  const [name = '', explicit] = label.split(':');
  const kindWord = explicit ?? name;
  const kind: Kind | undefined = lureWords.test(kindWord) || /lure|phish|spam|scam/i.test(kindWord) ? 'lure' : hamWords.test(kindWord) || /ham|legit|benign/i.test(kindWord) ? 'ham' : undefined;
  if (!kind) throw new Error(`"${label}": the label must say lure or ham (e.g. phish, ham, vi-lure, vi-ham, or NAME:lure)`);
  return { folder, label: name, kind };
}

export async function emlFiles(folder: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.eml')) out.push(path);
    }
  };
  await walk(folder);
  return out;
}

/** The policy the extension would use for this mailbox: the recipient's organisation, else none. */
export function policyForMessage(message: MailMessage, domain?: string): Policy {
  const organisation = domain ?? recipientAddress(message);
  return organisation ? policyForOrganisation(organisation) : basePolicy();
}

/** A labels CSV (`file,class[,…]`, header row): file name → class. */
export function parseLabels(csv: string): Map<string, string> {
  const labels = new Map<string, string>();
  for (const line of csv.split(/\r?\n/).slice(1)) {
    const [file, klass] = line.split(',');
    if (file && klass) labels.set(file.trim(), klass.trim());
  }
  return labels;
}

export interface EvalOptions {
  domain?: string;
  labels?: ReadonlyMap<string, string>;
  /** Scores messages; by default the shipped scorer. */
  scorer?: (message: MailMessage, policy: Policy) => Verdict;
}

/**
 * The honeypot corpus anonymised its owner's addresses to `phishing@pot`, `phish@pot`: a domain
 * that does not exist, on every message he forwarded himself. A real forwarder's address has a
 * real domain, so the sender's side is read as a reserved one (`pot.example`, RFC 2606): the
 * anonymisation is not a forger's From. Recipients stay as they are (links carry them as written).
 */
const anonymisedDomain = /@pot$/;

export function withoutAnonymisedSender(message: MailMessage): MailMessage {
  const real = (address: string) => address.replace(anonymisedDomain, '@pot.example');
  const touched = message.from !== undefined && anonymisedDomain.test(message.from.address);
  const replies = message.replyTo.some((r) => anonymisedDomain.test(r.address));
  if (!touched && !replies) return message;
  return {
    ...message,
    ...(message.from && { from: { ...message.from, address: real(message.from.address) } }),
    replyTo: message.replyTo.map((r) => ({ ...r, address: real(r.address) })),
  };
}

export async function loadMessages(spec: FolderSpec): Promise<{ file: string; message?: MailMessage; error?: string }[]> {
  const files = await emlFiles(spec.folder);
  return Promise.all(
    files.map(async (file) => {
      try {
        return { file, message: withoutAnonymisedSender(await parseRawMessage(await readFile(file))) };
      } catch (error) {
        return { file, error: error instanceof Error ? error.message : String(error) };
      }
    }),
  );
}

export async function scoreFolder(spec: FolderSpec, options: EvalOptions = {}): Promise<Scored[]> {
  const scorer = options.scorer ?? score;
  const loaded = await loadMessages(spec);
  return loaded.map(({ file, message, error }) => {
    const klass = options.labels?.get(basename(file));
    const base = { file, label: spec.label, kind: spec.kind, subject: message?.subject ?? '', ...(klass !== undefined && { klass }) };
    if (!message) return { ...base, verdict: { level: 'safe' as Level, score: 0, reasons: [] }, error: error ?? 'unreadable' };
    return { ...base, verdict: scorer(message, policyForMessage(message, options.domain)) };
  });
}

export interface LevelCounts {
  files: number;
  safe: number;
  caution: number;
  danger: number;
  errors: number;
}

export function countLevels(items: readonly Scored[]): LevelCounts {
  const counts: LevelCounts = { files: items.length, safe: 0, caution: 0, danger: 0, errors: 0 };
  for (const item of items) {
    counts[item.verdict.level] += 1;
    if (item.error) counts.errors += 1;
  }
  return counts;
}

/** Share of messages at caution or above, and at danger. */
export function rates(counts: LevelCounts): { flagged: number; danger: number } {
  const n = Math.max(1, counts.files);
  return { flagged: (counts.caution + counts.danger) / n, danger: counts.danger / n };
}

export interface RuleFreq {
  id: string;
  /** Messages of lure folders it fired on, and of ham folders. */
  lure: number;
  ham: number;
  lureRate: number;
  hamRate: number;
  /** SpamAssassin's S/O: the share of its hits that were on lures (0–1). */
  so: number;
  /** Its weight on the last message it fired on (a weight can vary with context). */
  weight: number;
}

export function ruleFreqs(items: readonly Scored[]): RuleFreq[] {
  const lures = items.filter((i) => i.kind === 'lure').length;
  const hams = items.length - lures;
  const byId = new Map<string, RuleFreq>();
  for (const item of items) {
    for (const id of new Set(item.verdict.reasons.map((r) => r.id))) {
      const weight = item.verdict.reasons.find((r) => r.id === id)?.weight ?? 0;
      const entry = byId.get(id) ?? { id, lure: 0, ham: 0, lureRate: 0, hamRate: 0, so: 0, weight };
      entry[item.kind] += 1;
      entry.weight = weight;
      byId.set(id, entry);
    }
  }
  for (const entry of byId.values()) {
    entry.lureRate = entry.lure / Math.max(1, lures);
    entry.hamRate = entry.ham / Math.max(1, hams);
    // Normalised per folder size, as mass-check does: the S/O of rates, not of raw counts.
    const total = entry.lureRate + entry.hamRate;
    entry.so = total > 0 ? entry.lureRate / total : 0;
  }
  return [...byId.values()].sort((a, b) => b.lure + b.ham - (a.lure + a.ham) || a.id.localeCompare(b.id));
}

/** Legitimate messages with the highest scores, and lures with the lowest. */
export function worst(items: readonly Scored[], count: number): { falseAlarms: Scored[]; misses: Scored[] } {
  const falseAlarms = items
    .filter((i) => i.kind === 'ham' && i.verdict.level !== 'safe')
    .sort((a, b) => b.verdict.score - a.verdict.score)
    .slice(0, count);
  const misses = items
    .filter((i) => i.kind === 'lure' && i.verdict.level === 'safe')
    .sort((a, b) => a.verdict.score - b.verdict.score)
    .slice(0, count);
  return { falseAlarms, misses };
}
