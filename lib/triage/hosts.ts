/**
 * What a sender domain or a link host is, for the help desk: something to block for everyone, or
 * something that must not be blocked, and why. The same answer decides which hosts may join two
 * reports into one campaign: a shared Gmail or bit.ly says nothing about who sent a lure.
 */
import { getDomain } from 'tldts';
import { isHostName } from '../policy/settings';
import { hostInList, hostInfo } from '../scoring/domains';
import { disposableEmailProviders, freeEmailProviders, freeFileHosts, freeSiteHosts, urlShorteners } from '../scoring/lists';

/** Why a host is not blocked (`locales`: `triage.why.<reason>`). */
export type NotBlockedReason =
  | 'free-mail'
  | 'government'
  | 'organisation'
  | 'shortener'
  | 'platform'
  | 'not-a-host'
  | 'below-threshold'
  | 'not-flagged'
  | 'refused';

export type HostVerdict = { block: string } | { notBlocked: NotBlockedReason };

/**
 * Big platforms whose own host names carry everybody's content: blocking one would flag ordinary
 * mail province-wide. The shared lists name the free hosting and file platforms; these are the
 * rest a lure commonly links to or sends from.
 */
const wellKnownPlatforms: ReadonlySet<string> = new Set([
  'google.com', 'googleapis.com', 'gstatic.com', 'googleusercontent.com', 'goo.gl', 'forms.gle', 'youtube.com',
  'microsoft.com', 'office.com', 'office365.com', 'live.com', 'outlook.com', 'microsoftonline.com', 'sharepoint.com',
  'onedrive.com', '1drv.ms', 'apple.com', 'icloud.com', 'facebook.com', 'fb.com', 'zalo.me', 'zaloapp.com',
  'amazonaws.com', 'cloudfront.net', 'azurewebsites.net', 'windows.net', 'github.com', 'github.io', 'w3.org',
  'dropbox.com', 'wetransfer.com', 'mediafire.com', 'telegram.org', 't.me',
]);

/** Government of Việt Nam: a hijacked account there must never block a whole province. */
export function isVietnamGovernment(host: string): boolean {
  return host === 'gov.vn' || host.endsWith('.gov.vn');
}

function inOrganisation(host: string, organisationDomains: readonly string[]): boolean {
  return organisationDomains.some((d) => d !== '' && (host === d || host.endsWith(`.${d}`)));
}

/** The registrable domain (eTLD+1, ICANN suffixes), or the host itself when it has none. */
export function registrableDomain(host: string): string {
  return hostInfo(host).domain || host;
}

/** Which platform entry `host` belongs to, if any (free hosting, file hosting, well known). */
function platformOf(host: string): string | undefined {
  return hostInList(host, freeSiteHosts()) ?? hostInList(host, freeFileHosts()) ?? hostInList(host, wellKnownPlatforms);
}

/** A sender's domain: the registrable domain to block, or why not. */
export function classifySender(address: string, organisationDomains: readonly string[]): HostVerdict {
  const host = address.slice(address.lastIndexOf('@') + 1).toLowerCase();
  if (!address.includes('@') || host === '') return { notBlocked: 'not-a-host' };
  const info = hostInfo(host);
  if (info.isIp || info.hostname === '') return { notBlocked: 'not-a-host' };
  if (inOrganisation(info.hostname, organisationDomains)) return { notBlocked: 'organisation' };
  if (isVietnamGovernment(info.hostname)) return { notBlocked: 'government' };
  if (hostInList(info.hostname, freeEmailProviders()) || hostInList(info.hostname, disposableEmailProviders())) {
    return { notBlocked: 'free-mail' };
  }
  if (platformOf(info.hostname)) return { notBlocked: 'platform' };
  const domain = registrableDomain(info.hostname);
  return isHostName(domain) ? { block: domain } : { notBlocked: 'not-a-host' };
}

/**
 * A link host: what to block, or why not. On a hosting platform the attacker owns only their own
 * subdomain (`upcorss.weebly.com`), so that host is blocked, never the platform; elsewhere the
 * registrable domain is, so that the next subdomain of the same lure site is caught too.
 */
export function classifyLinkHost(hostname: string, organisationDomains: readonly string[]): HostVerdict {
  const info = hostInfo(hostname);
  if (info.isIp || info.hostname === '') return { notBlocked: 'not-a-host' };
  const host = info.hostname;
  if (inOrganisation(host, organisationDomains)) return { notBlocked: 'organisation' };
  if (isVietnamGovernment(host)) return { notBlocked: 'government' };
  if (hostInList(host, urlShorteners())) return { notBlocked: 'shortener' };
  if (hostInList(host, freeEmailProviders())) return { notBlocked: 'free-mail' };
  const platform = platformOf(host);
  if (platform !== undefined) {
    // the platform's own host (docs.google.com, sites.google.com) serves everybody
    if (platform === host || host === `www.${platform}` || wellKnownPlatforms.has(platform)) return { notBlocked: 'platform' };
    const tenant = host.startsWith('www.') ? host.slice(4) : host;
    return isHostName(tenant) ? { block: tenant } : { notBlocked: 'not-a-host' };
  }
  // a private suffix of the Public Suffix List (netlify.app, web.app) is a platform too: the tenant is the owner
  const owner = getDomain(host, { allowPrivateDomains: true }) ?? registrableDomain(host);
  return isHostName(owner) ? { block: owner } : { notBlocked: 'not-a-host' };
}
