/**
 * Every question about a host or an address goes through tldts (the Public Suffix List): what
 * the registrable domain (eTLD+1) is, whether two hosts belong to the same owner. Nothing here
 * splits host names with a regular expression.
 */
import { parse } from 'tldts';
import { isBrandDomain } from './brands';
import { freeEmailProviders, suspiciousTlds } from './lists';
import { bareText } from './normalize';

export interface HostInfo {
  hostname: string;
  /** eTLD+1, e.g. `laocai.gov.vn`; '' for IP addresses and unknown suffixes. */
  domain: string;
  /** The registrable label, e.g. `laocai`. */
  label: string;
  /** e.g. `gov.vn`. */
  publicSuffix: string;
  /** The suffix is a real top-level domain (ICANN section of the list), not `file.pdf`. */
  isIcann: boolean;
  isIp: boolean;
}

const hostCache = new Map<string, HostInfo>();
const hostCacheLimit = 5000;

/** Host facts of a URL, a bare host name or an e-mail address's domain. */
export function hostInfo(urlOrHost: string): HostInfo {
  const key = urlOrHost.length > 2048 ? urlOrHost.slice(0, 2048) : urlOrHost;
  const cached = hostCache.get(key);
  if (cached) return cached;
  const parsed = parse(key);
  const hostname = (parsed.hostname ?? '').toLowerCase().replace(/\.+$/, '');
  const info: HostInfo = {
    hostname,
    domain: (parsed.domain ?? '').toLowerCase(),
    label: (parsed.domainWithoutSuffix ?? '').toLowerCase(),
    publicSuffix: (parsed.publicSuffix ?? '').toLowerCase(),
    isIcann: parsed.isIcann === true,
    isIp: parsed.isIp === true || isNumericHost(hostname),
  };
  if (hostCache.size >= hostCacheLimit) hostCache.clear();
  hostCache.set(key, info);
  return info;
}

/**
 * A name that is a web domain under a suffix of the public list ("hotmail.com", "ethereum.org"),
 * as its host facts; undefined for one that only looks like it ("Node.js", "Lê Thị C.").
 */
export function publicDomain(name: string): HostInfo | undefined {
  const host = hostInfo(name.trim().toLowerCase());
  return host.isIcann && host.domain !== '' ? host : undefined;
}

/**
 * Browsers accept 3232235777, 0xC0A80101 and 0300.0250.1.1 as IPv4 hosts; tldts only knows the
 * dotted decimal form.
 */
function isNumericHost(hostname: string): boolean {
  return /^(?:0x[0-9a-f]+|[0-9]+)(?:\.(?:0x[0-9a-f]+|[0-9]+)){0,3}$/i.test(hostname);
}

/** The domain part of an address (`"a@b" <c@d>` → `d`), lower-cased; '' when there is none. */
export function addressHost(address: string): string {
  const at = address.lastIndexOf('@');
  if (at < 0) return '';
  return address
    .slice(at + 1)
    .replace(/[>\s]+$/, '')
    .trim()
    .toLowerCase();
}

/** The mailbox name of an address (`Guterman@x.com` → `guterman`), lower-cased; '' when it has no `@`. */
export function localPart(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const at = trimmed.lastIndexOf('@');
  return at < 0 ? '' : trimmed.slice(0, at);
}

/** The address inside a Return-Path value (`<bounce@x.org>` → `bounce@x.org`). */
export function bareAddress(value: string): string {
  const trimmed = value.trim();
  const open = trimmed.lastIndexOf('<');
  const close = trimmed.lastIndexOf('>');
  return (open >= 0 && close > open ? trimmed.slice(open + 1, close) : trimmed).trim().toLowerCase();
}

/** Policy entries come typed by admins: `@Example.org`, `*.example.org`, `https://example.org/`. */
export function normalizeDomainEntry(entry: string): string {
  const trimmed = entry.trim().toLowerCase().replace(/^\*\./, '').replace(/^@/, '');
  if (trimmed === '') return '';
  return hostInfo(trimmed).hostname || trimmed;
}

/** True when `hostname` is `entry` or one of its subdomains, for any entry of `set`. */
export function hostInList(hostname: string, set: ReadonlySet<string>): string | undefined {
  let candidate = hostname;
  for (let guard = 0; guard < 64 && candidate !== ''; guard++) {
    if (set.has(candidate)) return candidate;
    const dot = candidate.indexOf('.');
    if (dot < 0) return undefined;
    candidate = candidate.slice(dot + 1);
  }
  return undefined;
}

/** Same owner: same registrable domain (subdomains of one domain are one owner). */
export function sameOwner(a: HostInfo, b: HostInfo): boolean {
  if (a.domain !== '' && b.domain !== '') return a.domain === b.domain;
  return a.hostname !== '' && a.hostname === b.hostname;
}

/**
 * Government second-level suffixes outside Việt Nam (`gov.ua`, `gob.mx`, `go.id`, the US `gov`):
 * a Vietnamese civil servant's mailbox has no business with them, and compromised foreign
 * government accounts are a common lure source (the Lai Châu letter).
 */
export function isForeignGovernment(info: HostInfo): boolean {
  const suffix = info.publicSuffix;
  if (suffix === '' || suffix === 'vn' || suffix.endsWith('.vn')) return false;
  if (suffix === 'gov' || suffix === 'mil') return true;
  const first = suffix.split('.')[0] ?? '';
  return ['gov', 'gob', 'go', 'gouv', 'govt', 'gv', 'gub', 'mil', 'gc'].includes(first);
}

/**
 * A host under a top-level domain that sells for cents and hosts mostly abuse (the Sublime list),
 * read on the public suffix and on the last label (a suffix tldts does not know); never a brand's
 * own domain.
 */
export function underSuspiciousTld(info: HostInfo): boolean {
  // a brand's own domain under such a TLD (zalo.me, santander.es) was not bought for cents
  if (info.isIp || isBrandDomain(info.domain)) return false;
  const topLevel = info.hostname.slice(info.hostname.lastIndexOf('.') + 1);
  return suspiciousTlds().has(info.publicSuffix) || suspiciousTlds().has(topLevel);
}

/**
 * A host that spells a state body's address outside gov.vn: "mic-gov.vn", "gov.vn.secure-mail.com",
 * "mic.gov.vn.com". Nobody but an impostor names a domain so.
 */
export function imitatesGovernment(host: HostInfo): boolean {
  return host.publicSuffix !== 'gov.vn' && /(?:^|[.-])gov[.-]vn(?:$|[.-])/.test(host.hostname);
}

/**
 * A mailbox anyone can open (x@gmail.com, x@live.com): its domain is nobody's own, so it vouches
 * for no site, no brand and no bill. The providers' own systems write from their subdomains
 * (refertofriend@reply.yahoo.com), where nobody opens a mailbox.
 */
export function isFreeMailbox(host: HostInfo): boolean {
  return freeEmailProviders().has(host.hostname);
}

/**
 * The free-mail provider a host belongs to ("maine.rr.com" → "rr.com", "x.za.com" → "za.com"),
 * unless the host is the provider's own list or system service: "OneIncomeLiving@groups.msn.com"
 * is an MSN Groups list, "refertofriend@reply.yahoo.com" Yahoo's mailer, nobody's free mailbox.
 */
export function freeMailProvider(hostname: string): string | undefined {
  const provider = hostInList(hostname, freeEmailProviders());
  if (provider === undefined || provider === hostname) return provider;
  return providerService.test(hostname.slice(0, hostname.length - provider.length)) ? undefined : provider;
}
const providerService = /^(?:[a-z0-9-]+\.)*(?:groups?|lists?|reply|replies|bounces?|mailer|notify|notifications?)\.$/;

/** Single characters that read alike in a host name (as char codes); separators vanish (-1). */
const skeletonCodes = new Map<number, number>([
  [0x31, 0x6c], [0x69, 0x6c], [0x7c, 0x6c], [0x21, 0x6c], // 1 i | ! → l
  [0x30, 0x6f], [0x35, 0x73], // 0 → o, 5 → s
  [0x2e, -1], [0x2d, -1], [0x5f, -1], // . - _
]);
/** Letter pairs that read as one letter: rn → m, vv → w, cl → d. */
const skeletonPairs = new Map<number, [number, number]>([
  [0x72, [0x6e, 0x6d]],
  [0x76, [0x76, 0x77]],
  [0x63, [0x6c, 0x64]],
]);

/** Characters and pairs that read alike in a host name (iaocai ~ laocai, rn ~ m, vv ~ w, cl ~ d). */
function skeleton(text: string): string {
  // Host names are nearly always ASCII (tldts keeps punycode as is): skip the full normaliser.
  const folded = /^[\x20-\x7e]*$/.test(text) ? text.toLowerCase() : bareText(text);
  const codes: number[] = [];
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    const pair = skeletonPairs.get(code);
    if (pair && folded.charCodeAt(i + 1) === pair[0]) {
      codes.push(pair[1]);
      i++;
      continue;
    }
    const mapped = skeletonCodes.get(code) ?? code;
    if (mapped >= 0) codes.push(mapped);
  }
  return String.fromCharCode(...codes);
}

const organisationSkeletons = new Map<string, string>();

function organisationSkeleton(domain: string): string {
  let cached = organisationSkeletons.get(domain);
  if (cached === undefined) {
    cached = skeleton(domain);
    if (organisationSkeletons.size > 100) organisationSkeletons.clear();
    organisationSkeletons.set(domain, cached);
  }
  return cached;
}

/**
 * The national public-service portals whose names the traffic-fine, identity and social-insurance
 * lures wear ("dichvucongs.top/vn", "dichvucongg.top" over the traffic police's SMS name): the
 * Public Service Portal, the VNeID identity app, Social Insurance. Only their names of five
 * letters or more: one letter off such a name is an imitation, one off "bhxh" is another word.
 */
const statePortals: readonly { name: string; domain: string }[] = [
  { name: 'dichvucong', domain: 'dichvucong.gov.vn' },
  { name: 'vneid', domain: 'vneid.gov.vn' },
  { name: 'baohiemxahoi', domain: 'baohiemxahoi.gov.vn' },
];
/** Each portal's address as `imitatedDomain` reads it inside another ("dichvucong.gov.vn.example.com"). */
let portalSkeletons: string[] | undefined;
const vBeforeN = /v[-._]*n/;

/**
 * Whether `a` and `b` differ by at most one letter added, dropped or changed: an edit distance of
 * at most 1, by one walk from each end instead of a table (a message may link ten thousand hosts).
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === a.length && i === b.length) return true;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/**
 * The state portal that `host` imitates, if any: its name, or its name one letter off, under
 * another top-level domain ("dichvucong.vip", "dichvucongs.top"), or its whole address inside
 * another one ("dichvucong.gov.vn.example.com"). Nothing under gov.vn, where the provinces' own
 * portals live (dichvucong.laocai.gov.vn); "dichvucongchung.vn", a notary's services, is another
 * word.
 */
export function imitatedStatePortal(host: HostInfo): string | undefined {
  if (host.isIp || host.label === '' || host.publicSuffix === 'gov.vn') return undefined;
  const byName = statePortals.find((portal) => withinOneEdit(host.label, portal.name));
  if (byName) return byName.domain;
  // Each portal's address ends in "gov.vn": a host name without a "v" before an "n" (separators
  // aside) cannot hold one, and is not read letter by letter (a message may link ten thousand).
  if (!vBeforeN.test(host.hostname)) return undefined;
  portalSkeletons ??= statePortals.map((portal) => skeleton(portal.domain));
  const shape = skeleton(host.hostname);
  const inside = portalSkeletons.findIndex((portal) => shape.includes(portal));
  return inside >= 0 ? statePortals[inside]!.domain : undefined;
}

/**
 * The organisation domain that `host` imitates, if any: `laocai-gov.vn`, `laocai.gov.vn.com`,
 * `mail.laocai.gov.vn.evil.net`, `iaocai.gov.vn`, `lаocai.gov.vn` (Cyrillic а) all imitate
 * `laocai.gov.vn`. A different owner that merely mentions the province (`baolaocai.vn`) does not.
 */
export function imitatedDomain(host: HostInfo, organisationDomains: readonly string[]): string | undefined {
  if (host.hostname === '' || host.isIp) return undefined;
  for (const organisation of organisationDomains) {
    if (organisation === '' || host.domain === organisation) continue;
    const organisationInfo = hostInfo(organisation);
    const organisationCompact = organisationSkeleton(organisation);
    if (organisationCompact.length >= 6 && skeleton(host.hostname).includes(organisationCompact)) return organisation;
    if (organisationInfo.label.length < 4 || host.label === '') continue;
    if (host.publicSuffix !== organisationInfo.publicSuffix) continue;
    if (skeleton(host.label) === skeleton(organisationInfo.label)) return organisation;
    if (organisationInfo.label.length >= 5 && withinOneEdit(host.label, organisationInfo.label)) {
      return organisation;
    }
  }
  return undefined;
}
