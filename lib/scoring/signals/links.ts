/**
 * Where the links really go. The Sóc Trăng lure's "Bấm vào đây để cập nhật…" led to
 * upcorss.weebly.com: a free site builder, nothing to do with the province. Hosts are always
 * compared by registrable domain (tldts), so mail.laocai.gov.vn and laocai.gov.vn are one owner.
 */
import { recipientAddresses } from '../../mail/recipient';
import type { MailLink, MailMessage } from '../../mail/types';
import { isOrganisationHost, type ScoringContext } from '../context';
import { isAdvisory } from '../advisory';
import { sameBrand } from '../brands';
import { hostInfo, imitatedDomain, imitatedStatePortal, imitatesGovernment, isFreeMailbox, sameOwner, underSuspiciousTld, type HostInfo } from '../domains';
import { freeFileHosts, freeSiteHosts, urlShorteners } from '../lists';
import { readable } from '../normalize';
import type { Finding } from '../types';

export const linkSignalIds = [
  'link.organisation-spoof',
  'link.government-spoof',
  'link.text-mismatch',
  'link.lookalike-domain',
  'link.portal-lookalike',
  'link.ip-host',
  'link.punycode',
  'link.free-host',
  'link.file-host',
  'link.shortener',
  'link.suspicious-tld',
  'link.recipient-in-url',
  'link.script-url',
  'link.userinfo',
  'link.search-redirect',
  'policy.blocked-link',
] as const;

type LinkFindingId = (typeof linkSignalIds)[number];

const weights: Record<LinkFindingId, number> = {
  'link.organisation-spoof': 40,
  'link.government-spoof': 50,
  'link.text-mismatch': 25,
  'link.lookalike-domain': 45,
  'link.portal-lookalike': 45,
  'link.ip-host': 25,
  'link.punycode': 20,
  'link.free-host': 20,
  'link.file-host': 10,
  'link.shortener': 15,
  'link.suspicious-tld': 10,
  'link.recipient-in-url': 20,
  'link.script-url': 30,
  'link.userinfo': 30,
  'link.search-redirect': 20,
  'policy.blocked-link': 60,
};

/** Link-protection rewriters put every link behind their own host; the text is not a lie there. */
const linkRewriters: ReadonlySet<string> = new Set([
  'safelinks.protection.outlook.com',
  'urldefense.com',
  'urldefense.proofpoint.com',
  'linkprotect.cudasvc.com',
  'protect-eu.mimecast.com',
  'protect-us.mimecast.com',
]);

const sitePlatform = 1;
const filePlatform = 2;
const shortener = 4;
const rewriter = 8;
let platformIndex: Map<string, number> | undefined;

/** The host lists merged into one index, so that each host's suffixes are walked once. */
function platformKinds(hostname: string): number {
  if (!platformIndex) {
    const index = new Map<string, number>();
    const addAll = (entries: Iterable<string>, kind: number) => {
      for (const entry of entries) index.set(entry, (index.get(entry) ?? 0) | kind);
    };
    addAll(freeSiteHosts(), sitePlatform);
    addAll(freeFileHosts(), filePlatform);
    addAll(urlShorteners(), shortener);
    addAll(linkRewriters, rewriter);
    platformIndex = index;
  }
  let kinds = 0;
  let candidate = hostname;
  for (let guard = 0; guard < 64 && candidate !== ''; guard++) {
    kinds |= platformIndex.get(candidate) ?? 0;
    const dot = candidate.indexOf('.');
    if (dot < 0) break;
    candidate = candidate.slice(dot + 1);
  }
  return kinds;
}

/** More distinct links than this are not read: no lure needs them, and the cost must stay bounded. */
const maxDistinctLinks = 2000;
/** A host-looking token in visible text; tldts then decides whether it is a real domain. */
const hostToken = /(?:[a-z][a-z0-9+.-]{0,15}:\/\/)?(?:[^\s@/:]{1,64}@)?([\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,10})/u;
const webScheme = /^(?:https?|ftp):\/\//i;
/** A link that runs code or carries a whole page inside itself: no mail has a reason to. */
const scriptScheme = /^\s*(?:javascript:|vbscript:|data:\s*(?:text\/html|image\/svg|application\/(?:xhtml|javascript|x-javascript)))/i;

/**
 * "https://www.google.com.br-pt-detran…@hajuhahasi.in.ua/": everything before the `@` of the
 * authority is a user name the browser drops, there only to show a trusted name first.
 */
const userinfoTrick = /^\s*(?:https?:)?\/\/[^/?#\\\s]*@/i;

function linkHost(href: string): HostInfo | undefined {
  const trimmed = href.trim();
  if (!webScheme.test(trimmed) && !trimmed.startsWith('//')) return undefined;
  const host = hostInfo(trimmed);
  return host.hostname === '' ? undefined : host;
}

/** The link's text is its own address (or names its host): nothing about where it goes is hidden. */
function sameOwnerShown(link: MailLink, host: HostInfo): boolean {
  const shown = shownHost(link.text);
  return shown !== undefined && sameOwner(shown, host);
}

/**
 * A search engine's click redirect: `https://www.bing.com/ck/a?…&u=a1aHR0cHM6Ly9saW5rbGlmdC5zcGFjZS8…`,
 * `https://www.google.com/url?q=https://accelerator-ripple.com`. The reader sees the engine's
 * name; the browser opens any site, and a filter that trusts the engine never sees which. The
 * target is read back (Bing's is base64 after `a1`) and its host is judged like any other. Only
 * Bing's detour is a finding of its own: Google wraps the links of the mail it writes (Docs,
 * Calendar descriptions), which people forward every day; Bing's only come from a result copied
 * by hand.
 */
function redirectTarget(href: string, host: HostInfo): HostInfo | undefined {
  const google = host.label === 'google' && host.isIcann;
  if (host.domain !== 'bing.com' && !google) return undefined;
  let url: URL;
  try {
    url = new URL(href.trim().slice(0, 8192));
  } catch {
    return undefined;
  }
  let target: string | null = null;
  if (google && url.pathname === '/url') target = url.searchParams.get('q') ?? url.searchParams.get('url');
  else if (host.domain === 'bing.com' && url.pathname === '/ck/a') {
    const encoded = url.searchParams.get('u') ?? '';
    if (encoded.startsWith('a1')) {
      try {
        target = atob(encoded.slice(2).replace(/-/g, '+').replace(/_/g, '/'));
      } catch {
        return undefined;
      }
    }
  }
  if (!target || !webScheme.test(target)) return undefined;
  const found = linkHost(target);
  return found && !sameOwner(found, host) ? found : undefined;
}

/**
 * Link text that is itself an address ("www.paypal.com", "https://mail.laichau.gov.vn/login"),
 * perhaps with a word before it ("Đăng nhập: mail.laichau.gov.vn"). Text that merely contains a
 * name with a dot ("News.com: Top CIOs", "ZDNet.com Shopper") is a headline, not a promise of
 * where the link goes: newsletters route those through their click counters all day.
 */
const addressLikeText = /^(?:[^\s:]{1,20}(?: [^\s:]{1,20}){0,2}: )?(?:[a-z][a-z0-9+.-]{0,15}:\/\/)?(?:[^\s@/:]{1,64}@)?[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){1,10}(?::\d{1,5})?(?:[/?#]\S*)?\.?$/u;

/** The domain the visible text of a link shows, if it shows one. */
function shownHost(text: string): HostInfo | undefined {
  if (!text.includes('.')) return undefined;
  const trimmed = text.trim().toLowerCase();
  if (trimmed.length > 300 || !addressLikeText.test(trimmed)) return undefined;
  const match = hostToken.exec(trimmed);
  const token = match?.[1];
  if (!token) return undefined;
  const host = hostInfo(token);
  return host.isIcann && host.domain !== '' ? host : undefined;
}

function inPolicyList(hostname: string, set: ReadonlySet<string>): boolean {
  for (const entry of set) if (hostname === entry || hostname.endsWith(`.${entry}`)) return true;
  return false;
}

/** The recipient's address in the URL (plain, %-encoded or base64): a page pre-filled for them. */
function recipientForms(message: MailMessage): { address: string; forms: string[] }[] {
  return recipientAddresses(message).map((address) => {
    let binary = '';
    for (const byte of new TextEncoder().encode(address)) binary += String.fromCharCode(byte);
    const base64 = btoa(binary).replace(/=+$/, '');
    return { address, forms: [address, address.replace('@', '%40'), base64, base64.replace(/\+/g, '-').replace(/\//g, '_')] };
  });
}

/**
 * Unsubscribe and preference links carry the subscriber's address by design: a list has to know
 * whom to remove. That is not a page pre-filled for a password.
 */
const listManagementWords = /unsubscribe|unsub\b|opt-?out|optout|remove (me|yourself)|preferences|manage (your |my )?subscriptions?|subscri|newsletter|email settings|huy (dang ky|nhan tin)|descadastr|desinscri|abmelden|afmelden/i;
const listManagementPath = /unsub|optout|opt-out|opt_out|remove|preferences|manage[-_]?(subscriptions?|preferences|emails?)|subscri|profile_center|listserv|mailman|lyris/i;

/**
 * The unsubscribe addresses a list server declares in `List-Unsubscribe` (RFC 2369, 8058), when
 * the raw message is known: the web ones, as host and path, for the links of the body that lead
 * there. That link is exempt, and the pages in its folder (`listServerOf`), nothing more.
 */
function listUnsubscribeTargets(message: MailMessage): Set<string> {
  const targets = new Set<string>();
  for (const header of message.headers ?? []) {
    if (header.key !== 'list-unsubscribe') continue;
    for (const [, url] of header.value.slice(0, 4000).matchAll(/<\s*(https?:[^>\s]+)\s*>/gi)) {
      const target = hostAndPath(url!);
      if (target) targets.add(target);
      if (targets.size >= 10) return targets;
    }
  }
  return targets;
}

function hostAndPath(href: string): string | undefined {
  try {
    const url = new URL(href);
    return `${url.hostname.toLowerCase()}${url.pathname}`;
  } catch {
    return undefined;
  }
}

/** Where a mailing's list server lives: the `List-Unsubscribe` targets and its folders (below). */
interface ListServer {
  unsubscribe: ReadonlySet<string>;
  folders: ReadonlySet<string>;
}

/**
 * The folders of the list server: where a link whose path says it unsubscribes (or which
 * `List-Unsubscribe` names) lives. Pages beside it that carry the subscriber's address ("update
 * your profile", "change to text": imakenews.com/eletra/update.cfm?x=list,reader@… beside
 * eletra/remove.cfm) manage the list too; a spammer's /fwd/…/reader@ beside its /unsub/ is in
 * another folder, and a tracker merely labelled "Unsubscribe" names no folder at all.
 */
function listServerOf(message: MailMessage): ListServer {
  const unsubscribe = listUnsubscribeTargets(message);
  const folders = new Set<string>();
  let looked = 0;
  for (const link of message.links) {
    if (++looked > maxDistinctLinks) break;
    const target = hostAndPath(link.href.slice(0, 2048));
    if (target === undefined) continue;
    // a folder of its own (eletra/): an unsubscribe page at the site's root vouches for no other page
    const folder = folderOf(target);
    if (folder.indexOf('/') < folder.length - 1 && (unsubscribe.has(target) || listManagementPath.test(target.slice(target.indexOf('/'))))) folders.add(folder);
  }
  return { unsubscribe, folders };
}

/** "host/a/b/page.cfm" → "host/a/b/". */
function folderOf(hostAndPath: string): string {
  return hostAndPath.slice(0, hostAndPath.lastIndexOf('/') + 1);
}

function isListManagement(link: MailLink, list: ListServer): boolean {
  const href = link.href.slice(0, 2048);
  if (list.unsubscribe.size > 0 || list.folders.size > 0) {
    const target = hostAndPath(href);
    if (target !== undefined && (list.unsubscribe.has(target) || list.folders.has(folderOf(target)))) return true;
  }
  if (listManagementWords.test(link.text.slice(0, 200))) return true;
  const pathStart = href.indexOf('/', href.indexOf('//') + 2);
  return pathStart > 0 && listManagementPath.test(href.slice(pathStart));
}

/** Links to the organisation itself, or to hosts the admins trust, are nobody's business. */
function isExempt(host: HostInfo, context: ScoringContext): boolean {
  return inPolicyList(host.hostname, context.trustedLinkHosts) || isOrganisationHost(host, context);
}

/**
 * A host that carries this many distinct links of one message is the mailing's click counter:
 * every link of a newsletter goes through it, whatever its text shows. A lure has one or two.
 */
const clickCounterLinks = 10;

/** Visible text naming one domain while the link goes to another owner. */
function textMismatch(link: MailLink, host: HostInfo, context: ScoringContext, linksPerHost: ReadonlyMap<string, number>, target: HostInfo | undefined): LinkFindingId | undefined {
  if (isExempt(host, context)) return undefined;
  if ((linksPerHost.get(host.hostname) ?? 0) >= clickCounterLinks && !isOrganisationLink(link, context)) return undefined;
  const shown = shownHost(link.text);
  if (!shown || sameOwner(shown, host) || (platformKinds(host.hostname) & rewriter) !== 0) return undefined;
  // a Calendar invitation's "us02web.zoom.us/j/…" behind google.com/url goes where it says
  if (target && sameOwner(shown, target)) return undefined;
  if (isOrganisationHost(shown, context)) return 'link.organisation-spoof';
  // "mail.gov.vn" over a link to anywhere else: a state body's address, which a civil servant trusts
  // like the own one (WhiteHat's 2018 warning: the "Tổng cục Việt Nam" quota lure)
  if (isGovernmentHost(shown) && !isGovernmentHost(host)) return 'link.government-spoof';
  return 'link.text-mismatch';
}

/**
 * "168.37.167.72.host.secureserver.net", "64-120-94-224.cprapid.com", "37-58-63-18.cloud.leaseweb.net":
 * the name a hosting company gives a rented server, built from its IP address. A link to it is a
 * link to a bare machine, like a link to the address itself; a site has a name of its own.
 */
const dottedQuad = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.[a-z]/;
const dashedQuad = /^(?:[a-z][a-z0-9]{0,5}-)?(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})\./;

function isMachineName(hostname: string): boolean {
  const quad = dottedQuad.exec(hostname) ?? dashedQuad.exec(hostname);
  return quad !== null && quad.slice(1, 5).every((part) => Number(part) <= 255);
}

/** Vietnam's state bodies: every host under gov.vn. */
function isGovernmentHost(host: HostInfo): boolean {
  return host.publicSuffix === 'gov.vn';
}

function hostFindingIds(host: HostInfo, context: ScoringContext): LinkFindingId[] {
  const ids: LinkFindingId[] = [];
  if (inPolicyList(host.hostname, context.blockedLinkHosts)) ids.push('policy.blocked-link');
  if (isExempt(host, context)) return ids;
  if (host.isIp || isMachineName(host.hostname)) ids.push('link.ip-host');
  if (host.hostname.split('.').some((label) => label.startsWith('xn--'))) ids.push('link.punycode');
  if (imitatedDomain(host, context.organisationDomains)) ids.push('link.lookalike-domain');
  // a national portal one letter off ("dichvucongs.top"), or any state body's address spelled
  // outside gov.vn ("csgt-gov.vn", "thongbao.gov.vn.secure-login.top")
  else if (imitatedStatePortal(host) || imitatesGovernment(host)) ids.push('link.portal-lookalike');
  const kinds = platformKinds(host.hostname);
  const platform = kinds & sitePlatform ? 'link.free-host' : kinds & filePlatform ? 'link.file-host' : undefined;
  // Google Drive's own share notice (drive-shares-dm-noreply@google.com) links docs.google.com:
  // a file platform's link in the platform's own mail is its notice, not a file parked there
  // (not from a free mailbox: x@live.com linking onedrive.live.com is anyone's file)
  const platformsOwnNotice = platform === 'link.file-host' && context.sender !== undefined && !isFreeMailbox(context.sender) && sameOwner(host, context.sender);
  if (platform && !platformsOwnNotice) ids.push(platform);
  if (kinds & shortener) ids.push('link.shortener');
  // On a hosting platform or a shortener the top-level domain is the platform's choice (web.app,
  // bit.ly), not the attacker's: the platform is the finding.
  if (!platform && !(kinds & shortener) && underSuspiciousTld(host)) {
    ids.push('link.suspicious-tld');
  }
  return ids;
}

function distinctLinksPerHost(links: readonly MailLink[]): Map<string, number> {
  const hrefs = new Set<string>();
  const counts = new Map<string, number>();
  for (const link of links) {
    if (hrefs.size >= maxDistinctLinks) break;
    if (hrefs.has(link.href)) continue;
    hrefs.add(link.href);
    const host = linkHost(link.href);
    if (host) counts.set(host.hostname, (counts.get(host.hostname) ?? 0) + 1);
  }
  return counts;
}

/** A link whose text shows the organisation's own address: never excused, click counter or not. */
function isOrganisationLink(link: MailLink, context: ScoringContext): boolean {
  const shown = shownHost(link.text);
  return shown !== undefined && isOrganisationHost(shown, context);
}

/** One link and what the link signals found on it. */
export interface LinkAssessment {
  link: MailLink;
  /** Empty for links that are not web links (mailto:, anchors…). */
  hostname: string;
  findings: { id: LinkFindingId; evidence: string }[];
}

/**
 * The message links its sender's own site (drive-shares-dm-noreply@google.com and
 * docs.google.com, calendar-notification@google.com and calendar.google.com): a platform's notice
 * of a share, a comment or an invitation, which names the person behind it and sets Reply-To to
 * them (signals/replyTo.ts).
 */
export function linksSendersOwnSite(message: MailMessage, context: ScoringContext): boolean {
  const sender = context.sender;
  if (!sender || sender.domain === '' || isFreeMailbox(sender)) return false;
  return message.links.slice(0, 50).some((link) => {
    const host = linkHost(link.href);
    return host !== undefined && sameOwner(host, sender);
  });
}

/**
 * Every distinct link of the message (up to the reading limit) with its findings. The score sums
 * them up per id; the click guard stops exactly the links that have any.
 */
export function assessLinks(message: MailMessage, context: ScoringContext): LinkAssessment[] {
  // Host-only answers are the same for every link to one host: ask once per host.
  const hostFindings = new Map<string, LinkFindingId[]>();
  const recipients = recipientForms(message);
  // whose own site a link may be: the sender's, unless the sender is a free mailbox
  const owner = context.sender && !isFreeMailbox(context.sender) ? context.sender : undefined;
  const list: ListServer = recipients.length > 0 ? listServerOf(message) : { unsubscribe: new Set(), folders: new Set() };
  const linksPerHost = distinctLinksPerHost(message.links);
  const seen = new Set<string>();
  const assessed: LinkAssessment[] = [];
  for (const link of message.links) {
    if (seen.size >= maxDistinctLinks) break;
    const key = `${link.href}\u0000${link.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const findings: LinkAssessment['findings'] = [];
    // a browser drops tabs and newlines inside a URL: `jav\tascript:` runs like `javascript:`
    if (scriptScheme.test(link.href.slice(0, 200).replace(/[\t\n\r]/g, ''))) findings.push({ id: 'link.script-url', evidence: readable(link.href.slice(0, 60)) });
    const host = linkHost(link.href);
    if (host) {
      let hostIds = hostFindings.get(host.hostname);
      if (!hostIds) {
        hostIds = hostFindingIds(host, context);
        hostFindings.set(host.hostname, hostIds);
      }
      for (const id of hostIds) findings.push({ id, evidence: host.hostname });
      const target = redirectTarget(link.href, host);
      // (Google's own notices link google.com/url from google.com: the engine's mail, not a detour)
      const enginesOwn = owner !== undefined && sameOwner(host, owner);
      if (target && !enginesOwn && !isExempt(target, context)) {
        if (host.domain === 'bing.com') findings.push({ id: 'link.search-redirect', evidence: `${host.hostname} → ${target.hostname}` });
        for (const id of hostFindingIds(target, context)) findings.push({ id, evidence: target.hostname });
      }
      if (userinfoTrick.test(link.href.slice(0, 2048))) findings.push({ id: 'link.userinfo', evidence: readable(link.href.slice(0, 80)) });
      const mismatch = textMismatch(link, host, context, linksPerHost, target);
      if (mismatch) findings.push({ id: mismatch, evidence: `${readable(link.text)} → ${host.hostname}` });
      // a page pre-filled for the reader on the sender's own site is its mailing's registration
      // or tracking link (events.fortinet.com?email=… from fortinet.com); a lure's is elsewhere
      const sendersOwn = owner !== undefined && (sameOwner(host, owner) || sameBrand(host, owner));
      if (!isExempt(host, context) && !isListManagement(link, list) && !sendersOwn) {
        const href = link.href.slice(0, 8192).toLowerCase();
        const hrefRaw = link.href.slice(0, 8192);
        const recipient = recipients.find((r) => r.forms.some((form, i) => (i >= 2 ? hrefRaw.includes(form) : href.includes(form))));
        if (recipient) findings.push({ id: 'link.recipient-in-url', evidence: recipient.address });
      }
    }
    assessed.push({ link, hostname: host?.hostname ?? '', findings });
  }
  return assessed;
}

/**
 * Addresses written out for the reader to copy, linked nowhere: "transfer705.pages.dev/evas-…" in
 * the subject and the text, past the filters that read only links. A written address counts when
 * it has a scheme or a path (a bare "example.com" is a name, not a place to go), its host is on a
 * public suffix, and the message does not link that host anyway. Only the start of a long text is
 * read, where such a line is meant to be seen.
 */
const writtenReach = 100_000;
const maxWrittenHosts = 20;
/** Where a written address may be: a scheme's "://" (rarer in prose than its "h"), or a top-level name followed by a path. */
const writtenMark = /:\/\/|\.[a-z]{2,24}[/?#]/gi;
const tokenEdge = /[\s<>"'()[\]{}]/;
const writtenUrl = /^(?:https?:\/\/)?([a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,8})(?::\d{1,5})?([/?#].+)?$/i;

const writtenFindings: ReadonlySet<LinkFindingId> = new Set(['link.free-host', 'link.file-host', 'link.suspicious-tld', 'link.portal-lookalike']);

function writtenHosts(message: MailMessage, linked: ReadonlySet<string>): HostInfo[] {
  // (a link's text is the link's: judged with it)
  const texts = message.links.slice(0, maxDistinctLinks).map((link) => link.text.toLowerCase());
  const hosts = new Map<string, HostInfo>();
  const written = `${message.subject.slice(0, 1000)}\n${message.text.slice(0, writtenReach)}`;
  writtenMark.lastIndex = 0;
  for (let mark = writtenMark.exec(written); mark && hosts.size < maxWrittenHosts; mark = writtenMark.exec(written)) {
    // the whitespace-delimited word around the mark, read once
    let start = mark.index;
    while (start > 0 && mark.index - start < 300 && !tokenEdge.test(written[start - 1]!)) start -= 1;
    let end = mark.index + mark[0].length;
    while (end < written.length && end - mark.index < 2048 && !tokenEdge.test(written[end]!)) end += 1;
    writtenMark.lastIndex = end;
    const token = written.slice(start, end).replace(/[.,;:!?]+$/, '');
    if (token.includes('@')) continue;
    const found = writtenUrl.exec(token);
    if (!found || (!found[2] && !/^https?:/i.test(token))) continue;
    const hostname = found[1]!.toLowerCase();
    if (linked.has(hostname) || hosts.has(hostname) || texts.some((text) => text.includes(hostname))) continue;
    const host = hostInfo(hostname);
    if (host.isIcann && host.domain !== '') hosts.set(hostname, host);
  }
  return [...hosts.values()];
}

/**
 * A newsletter links dozens of sites, and a sponsor's .biz or a columnist's tinyurl among them is
 * the newsletter's, not a lure's: in the corpora a lure's cheap-TLD or shortened hosts are at
 * least a ninth of the domains it links (mostly all of them, of one to four), a newsletter's two
 * or three of thirty-odd. Below this share of at least `crowdedDomains` domains, those two findings
 * say nothing.
 */
const crowdedDomains = 10;
const crowdShare = 1 / 8;
const diluted: ReadonlySet<LinkFindingId> = new Set(['link.suspicious-tld', 'link.shortener']);

const closingQuote = /^[.,;:!?]?["”»]/;
/** A warning quotes a lure or two; past this many auto-linked addresses a text is not one. */
const maxQuotedChecks = 20;
/** The shortest quotation taken for a whole lure quoted, its address at the end. */
const quotedLureLength = 60;

/**
 * A warning that quotes a lure whole shows its address at the end of the quotation ("… vui lòng
 * truy cập: https://dichvucongs.top/vn”"), and the mail client turns that address into a link. In
 * a warning such a link — its own address for text, ending a quotation of a whole message — is the
 * quoted lure's, not offered: the score leaves it out (the click guard still stops it). A lure's
 * own link hides behind words ("Xem tại đây"), stands alone, or is quoted alone
 * ("xác minh tại: “https://…”"), and counts wherever it is.
 */
function isQuotedAddress(link: MailLink, message: MailMessage): boolean {
  // (the caller asks only of a link whose text is its own address)
  const text = message.text;
  const at = text.indexOf(link.href);
  if (at < 0 || !closingQuote.test(text.slice(at + link.href.length, at + link.href.length + 2))) return false;
  const opened = Math.max(text.lastIndexOf('“', at), text.lastIndexOf('«', at), text.lastIndexOf('"', at));
  return opened >= 0 && at - opened >= quotedLureLength && !/[”»"]/.test(text.slice(opened + 1, at));
}

export function linkSignals(message: MailMessage, context: ScoringContext): Finding[] {
  const evidence = new Map<LinkFindingId, string[]>();
  const domains = new Set<string>();
  const domainsOf = new Map<LinkFindingId, Set<string>>();
  const linked = new Set<string>();
  let advisory: boolean | undefined;
  let quotedChecks = 0;
  for (const { link, hostname, findings } of assessLinks(message, context)) {
    linked.add(hostname);
    // (the warning test first, and a few links at most: each look is a search of the text)
    if (findings.length > 0 && link.text === link.href && quotedChecks++ < maxQuotedChecks && (advisory ??= isAdvisory(context.text.bare)) && isQuotedAddress(link, message)) continue;
    const host = hostname === '' ? undefined : hostInfo(hostname);
    const domain = host ? host.domain || hostname : '';
    if (domain !== '') domains.add(domain);
    // an office pastes its short link as it is ("https://bit.ly/khaosat-snv"), a lure hides it
    // behind words (103 of the 107 shortened lures of the corpus): the score counts only those.
    // The click guard still stops both, since neither shows where the link ends up.
    const shownAsItIs = host !== undefined && sameOwnerShown(link, host);
    for (const { id, evidence: item } of findings) {
      if (shownAsItIs && id === 'link.shortener' && item === hostname) continue;
      const items = evidence.get(id) ?? [];
      evidence.set(id, items);
      if (items.length < 3 && !items.includes(item)) items.push(item);
      // (their evidence is the host: a redirect's target, not the engine, for a detour)
      if (diluted.has(id)) domainsOf.set(id, (domainsOf.get(id) ?? new Set()).add(hostInfo(item).domain || item));
    }
  }
  // a written address is there to be copied as it is: its shortener says nothing (as a pasted
  // link's), its free host, file host or cheap TLD what a link's would (the newsletter share stays
  // a share of the domains linked). In a warning ("tin nhắn yêu cầu truy cập dichvucongs.top/vn …
  // tuyệt đối không truy cập") it is the lure's address being shown, not offered: only a link is
  // there to be followed
  const written = writtenHosts(message, linked);
  for (const host of written.length > 0 && (advisory ??= isAdvisory(context.text.bare)) ? [] : written) {
    for (const id of hostFindingIds(host, context)) {
      if (!writtenFindings.has(id)) continue;
      const items = evidence.get(id) ?? [];
      evidence.set(id, items);
      if (items.length < 3 && !items.includes(host.hostname)) items.push(host.hostname);
      if (diluted.has(id)) domainsOf.set(id, (domainsOf.get(id) ?? new Set()).add(host.domain));
    }
  }
  const crowded = domains.size >= crowdedDomains;
  return [...evidence]
    .filter(([id]) => !(crowded && diluted.has(id) && (domainsOf.get(id)?.size ?? 0) < crowdShare * domains.size))
    .map(([id, items]) => ({ id, category: 'link', weight: weights[id], evidence: items }));
}

/** Does every link that leaves the organisation (and the admins' trusted hosts) pass `passes`? */
function everyOutsideLink(message: MailMessage, context: ScoringContext, passes: (link: MailLink, host: HostInfo) => boolean): boolean {
  // Past the reading limit nobody has looked at the rest, so nothing vouches for it.
  if (message.links.length > maxDistinctLinks) return false;
  return message.links.every((link) => {
    const host = linkHost(link.href);
    return !host || isExempt(host, context) || passes(link, host);
  });
}

/** Does every link stay inside the organisation (or the admins' trusted hosts)? */
export function allLinksInternal(message: MailMessage, context: ScoringContext): boolean {
  return everyOutsideLink(message, context, () => false);
}

/**
 * Does every link that leaves the organisation only quote its own address? A warning letter shows
 * the lure's URL as the URL ("https://upcorss.weebly.com/"); a lure hides it behind "Xác minh
 * ngay" or "Bấm vào đây". Links to any Vietnamese government site (`.gov.vn`) count as quoted, and
 * so do those to `own`'s registrable domain when given (a newspaper's links to its own site).
 */
export function outsideLinksOnlyQuoted(message: MailMessage, context: ScoringContext, own?: HostInfo): boolean {
  return everyOutsideLink(message, context, (link, host) => {
    if (host.publicSuffix === 'gov.vn' || (own !== undefined && sameOwner(host, own))) return true;
    // (the address as it stands, even one under no domain: a page quoting "https://dichvucong…" cut
    // short; not a bare IP address, which a hijacked account's own sign-in link may show as it is)
    if (!host.isIp && link.text.trim() === link.href) return true;
    const shown = shownHost(link.text);
    return shown !== undefined && sameOwner(shown, host);
  });
}
