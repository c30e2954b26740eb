/**
 * Originals grouped into campaigns: union-find over what two lures share — the sender's domain,
 * the exact sender or Reply-To address, a link host, or near-identical text. What everybody shares
 * joins nothing: free mail, government and the organisation's own domains join only through the
 * exact address (one hijacked account is one actor, the rest of bacgiang.gov.vn is not), and
 * shorteners and platforms never join (two bit.ly links are two lures).
 */
import type { Level } from '../scoring/types';
import { classifyLinkHost, classifySender } from './hosts';
import { similarPairs } from './similarity';
import type { OriginalRecord } from './types';

export type JoinedBy = 'sender-domain' | 'address' | 'link-host' | 'text';

export interface Campaign {
  /** `C1`, `C2`… by number of reports, most first. */
  id: string;
  originals: OriginalRecord[];
  reports: number;
  reporters: string[];
  firstReported: string;
  lastReported: string;
  /** The strongest verdict among its originals. */
  level: Level;
  maxScore: number;
  senders: string[];
  linkHosts: string[];
  /** Distinct subjects, most reported first. */
  subjects: string[];
  joinedBy: JoinedBy[];
}

const levelRank: Record<Level, number> = { safe: 0, caution: 1, danger: 2 };

export function atLeast(level: Level, minimum: Level): boolean {
  return levelRank[level] >= levelRank[minimum];
}

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    while (this.parent[i] !== root) {
      const next = this.parent[i]!;
      this.parent[i] = root;
      i = next;
    }
    return root;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** The keys through which an original may join others, each with what kind of link it is. */
export function joinKeys(original: OriginalRecord, organisationDomains: readonly string[]): [string, JoinedBy][] {
  const organisations = [original.organisation, ...organisationDomains].filter((d) => d !== '');
  const keys: [string, JoinedBy][] = [];
  if (original.from !== '') {
    const sender = classifySender(original.from, organisations);
    if ('block' in sender) keys.push([`domain:${sender.block}`, 'sender-domain']);
    else if (sender.notBlocked !== 'not-a-host') keys.push([`address:${original.from}`, 'address']);
  }
  for (const address of original.replyTo) {
    if (address === original.from) continue;
    const replyTo = classifySender(address, organisations);
    if ('notBlocked' in replyTo && replyTo.notBlocked === 'organisation') continue;
    keys.push([`address:${address}`, 'address']);
  }
  for (const link of original.links) {
    const verdict = classifyLinkHost(link.host, organisations);
    if ('block' in verdict) keys.push([`link:${verdict.block}`, 'link-host']);
  }
  return keys;
}

function distinctByCount(values: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([value]) => value);
}

export function groupCampaigns(originals: readonly OriginalRecord[], organisationDomains: readonly string[] = []): Campaign[] {
  const sets = new UnionFind(originals.length);
  const joined = new Map<number, Set<JoinedBy>>();
  // every kind of tie is noted, also between originals an earlier tie already joined
  const note = (a: number, b: number, how: JoinedBy) => {
    sets.union(a, b);
    for (const i of [a, b]) (joined.get(i) ?? joined.set(i, new Set()).get(i)!).add(how);
  };
  const firstWithKey = new Map<string, number>();
  originals.forEach((original, index) => {
    for (const [key, how] of joinKeys(original, organisationDomains)) {
      const first = firstWithKey.get(key);
      if (first === undefined) firstWithKey.set(key, index);
      else note(first, index, how);
    }
  });
  for (const [a, b] of similarPairs(originals.map((o) => o.signature))) note(a, b, 'text');

  const groups = new Map<number, number[]>();
  originals.forEach((_, index) => {
    const root = sets.find(index);
    (groups.get(root) ?? groups.set(root, []).get(root)!).push(index);
  });

  const campaigns = [...groups.values()].map((members): Omit<Campaign, 'id'> => {
    const list = members.map((i) => originals[i]!);
    const reports = list.flatMap((o) => o.reports);
    const times = reports.map((r) => r.at).sort();
    const level = list.reduce<Level>((best, o) => (levelRank[o.level] > levelRank[best] ? o.level : best), 'safe');
    const how = new Set<JoinedBy>();
    for (const i of members) for (const h of joined.get(i) ?? []) how.add(h);
    return {
      originals: list,
      reports: reports.length,
      reporters: distinctByCount(reports.map((r) => r.reporter)),
      firstReported: times[0] ?? '',
      lastReported: times[times.length - 1] ?? '',
      level,
      maxScore: Math.max(...list.map((o) => o.score)),
      senders: distinctByCount(list.map((o) => o.from)),
      linkHosts: distinctByCount(list.flatMap((o) => o.links.map((l) => l.host))),
      subjects: distinctByCount(list.flatMap((o) => o.reports.map(() => o.subject))),
      joinedBy: [...how].sort(),
    };
  });
  campaigns.sort(
    (a, b) =>
      b.reports - a.reports ||
      b.originals.length - a.originals.length ||
      (a.firstReported < b.firstReported ? -1 : a.firstReported > b.firstReported ? 1 : 0) ||
      (a.originals[0]!.key < b.originals[0]!.key ? -1 : 1),
  );
  return campaigns.map((c, i) => ({ id: `C${i + 1}`, ...c }));
}
