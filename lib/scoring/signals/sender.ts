/**
 * Who the message says it is from, against where it really comes from. The letters' lures all
 * borrow an administrator's name ("Postmaster", "Người quản trị Hệ thống", "Bộ phận trợ giúp")
 * from an address outside the province — a foreign university, another province's hacked
 * .gov.vn account, a Ukrainian government office.
 */
import type { MailMessage } from '../../mail/types';
import { isOrganisationHost, isTrustedSender, type ScoringContext } from '../context';
import { addressHost, freeMailProvider, hostInList, hostInfo, imitatedDomain, imitatesGovernment, isForeignGovernment, isFreeMailbox, localPart, publicDomain, underSuspiciousTld, type HostInfo } from '../domains';
import { disposableEmailProviders } from '../lists';
import { brandNamed, sameBrand } from '../brands';
import { bareText, readable } from '../normalize';
import type { Finding } from '../types';

export const senderSignalIds = [
  'sender.role-claim',
  'sender.organisation-name',
  'sender.lookalike-domain',
  'sender.government-spoof',
  'sender.foreign-government',
  'sender.free-mail',
  'sender.foreign-script',
  'sender.mixed-script',
  'sender.address-in-name',
  'sender.brand-name',
  'sender.domain-as-name',
  'sender.invalid-domain',
  'sender.suspicious-tld',
  'policy.blocked-sender',
] as const;

/** Roles an impostor claims, in bare form (no diacritics), Vietnamese and English. */
const roleClaim = new RegExp(
  String.raw`\b(quan tri|bo phan (tro giup|ho tro|ky thuat|it)|ho tro ky thuat|tro giup|trung tam (cntt|cong nghe thong tin)|phong (cntt|cong nghe thong tin)|quan ly he thong|ban quan tri|an ninh mang|bao mat|bao tri|` +
    String.raw`postmaster|mailer-daemon|mail delivery|administrator|admin|webmaster|webmail|help ?desk|it support|it department|it service|technical support|tech support|mail system|security team|support team|email support|mail support|account team|` +
    // the mail system's own name: "Zimbra Upgrade", "Roundcube Webmail" is the help desk speaking
    String.raw`zimbra|roundcube)\b`,
);

/** Letters of scripts a Vietnamese office's correspondents do not use to spell their own name. */
const foreignLetter = /[\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}\p{Script=Georgian}\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Cherokee}]/u;
const latinLetter = /\p{Script=Latin}/u;
/** RFC 2606 / 6761 names: documentation, test labs and the local network, never the Internet's. */
const specialUseNames: ReadonlySet<string> = new Set(['example', 'test', 'localhost', 'local', 'internal', 'lan']);
const addressInText = /[^\s<>"'()[\],;:@]{1,64}@[^\s<>"'()[\],;:@]{1,253}\.[^\s<>"'()[\],;:@]{2,63}/u;

function inDomainList(hostname: string, set: ReadonlySet<string>): boolean {
  for (const entry of set) if (hostname === entry || hostname.endsWith(`.${entry}`)) return true;
  return false;
}

function scriptFindings(name: string): Finding[] {
  if (!foreignLetter.test(name)) return [];
  // One word spelled with both Latin and lookalike letters is a disguise, not a foreign name.
  const mixedWord = name.split(/[\s"'<>.,()]+/u).find((word) => foreignLetter.test(word) && latinLetter.test(word));
  if (mixedWord) return [{ id: 'sender.mixed-script', category: 'sender', weight: 30, evidence: [readable(name)] }];
  return [{ id: 'sender.foreign-script', category: 'sender', weight: 20, evidence: [readable(name)] }];
}

/** The delivery system's own mailboxes, which bounce mail back (RFC 5321 postmaster, RFC 3464 DSNs). */
const providerSystemMailbox = /^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)$/i;

/**
 * "Banco do BrasiI", "Trust WaIIet", "PayPaI": a capital I after a small letter reads as an l in
 * most fonts, and hides the brand's name from a filter that looks for it. Read as an l for the
 * brand's name only ("McIntosh", "WordInfo" name no brand either way).
 */
function capitalIAsL(name: string): string {
  return name.replace(/(?<=\p{Ll}I?)I(?!(?!I)\p{Lu})/gu, 'l');
}

/**
 * "D/H/L-verzending", "F.e.d.E.x": a brand's letters one by one with a mark between them, which
 * the reader reads as the name and a filter that looks for it does not. Three or more single
 * letters, each but the last followed by one of / . - _ * | \, are joined ("J.R.R. Tolkien"
 * becomes "JRR Tolkien" and names no brand either way).
 */
function joinedLetters(name: string): string {
  return name.replace(/(?<![\p{L}\p{N}])(?:\p{L}[/.\-_*|\\]){2,}\p{L}(?![\p{L}\p{N}])/gu, (letters) => letters.replace(/[/.\-_*|\\]/g, ''));
}

/**
 * A display name that is a web domain ("ethereum.org" <…@icloud.com>, "celsius.network"
 * <…@es.iceapple.tech>): the name of a site, on an address of another owner, claims the site.
 * A site's own mail comes from the site's domain ("Amazon.com" <…@amazon.com>).
 */
function claimedSite(name: string, host: HostInfo): string | undefined {
  const trimmed = name.trim().toLowerCase().replace(/^www\./, '');
  if (trimmed.length > 100 || !siteName.test(trimmed)) return undefined;
  const site = publicDomain(trimmed);
  if (!site || site.domain === host.domain || sameBrand(site, host)) return undefined;
  return trimmed;
}
const siteName = /^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,4}$/;

export function senderSignals(message: MailMessage, context: ScoringContext): Finding[] {
  const from = message.from;
  if (!from) return [];
  const findings: Finding[] = [];
  const name = from.name.slice(0, 500);
  const address = from.address;
  const shown = readable(address === '' ? name : `${name} <${address}>`);
  findings.push(...scriptFindings(name));

  const host = context.sender;
  if (!host || host.hostname === '') return findings;

  if (inDomainList(host.hostname, context.blockedSenderDomains)) {
    findings.push({ id: 'policy.blocked-sender', category: 'policy', weight: 60, evidence: [address] });
  }
  if (isTrustedSender(host, context)) return findings;

  // "no-reply@consultacnh157", "x@govreceitafederal": no mail server sends from a domain that
  // does not exist; only a forger, typing whatever the From header should show, does
  if (!host.isIp && !host.isIcann && !specialUseNames.has(host.hostname.slice(host.hostname.lastIndexOf('.') + 1))) {
    findings.push({ id: 'sender.invalid-domain', category: 'sender', weight: 25, evidence: [readable(address)] });
  }

  // "lina_eugene_78910@msms.tlataax.shop": a domain under a top-level domain that sells for cents
  // and hosts mostly abuse (the same list as for links); a state's own domain under it (gov.ua)
  // is not bought for cents, and is weighed as a foreign government below
  if (!isForeignGovernment(host) && underSuspiciousTld(host)) {
    findings.push({ id: 'sender.suspicious-tld', category: 'sender', weight: 10, evidence: [readable(address)] });
  }

  // "Mail Delivery Subsystem" <mailer-daemon@googlemail.com>: the provider's own delivery system
  // returning a message the reader sent to a wrong address, not a free mailbox posing as one
  const freeProvider = freeMailProvider(host.hostname) !== undefined;
  const providersOwnSystem = freeProvider && providerSystemMailbox.test(localPart(address));

  const bareName = bareText(name);
  // "Microsoft account team" <…@accountprotection.microsoft.com>: a brand's own team, from the
  // brand's own domain, is who it says (a forged From of that domain is the headers' to show)
  const brand = brandNamed(bareName) ?? brandNamed(bareText(capitalIAsL(name))) ?? brandNamed(bareText(joinedLetters(name)));
  // (a free mailbox is anyone's: "Microsoft Support" <x@outlook.com> is a claim, not Microsoft)
  const freeMailbox = isFreeMailbox(host);
  const brandsOwnDomain =
    brand !== undefined && !freeMailbox && brand.domains.some((d) => host.domain === d || host.hostname === d || host.hostname.endsWith(`.${d}`));
  // the role only on the brand's very own registrable domain: "BHXH" on any .gov.vn is a
  // province's office (no brand claim), but "Quản trị hệ thống BHXH" on a hijacked commune's
  // .gov.vn account still claims to be the help desk
  const brandsOwnTeam = brand !== undefined && !freeMailbox && brand.domains.includes(host.domain);
  const role = providersOwnSystem || brandsOwnTeam ? null : roleClaim.exec(bareName);
  if (role) findings.push({ id: 'sender.role-claim', category: 'sender', weight: 25, evidence: [shown] });

  const claimedOrganisation = context.policy.organisationNames
    .map((n) => ({ original: n, bare: bareText(n) }))
    .find((n) => n.bare.length >= 3 && bareName.includes(n.bare));
  if (claimedOrganisation) {
    findings.push({ id: 'sender.organisation-name', category: 'sender', weight: 20, evidence: [shown] });
  }

  // "MetaMask Support" <x@mymts.net>: the name of a service on an address of another owner
  const claimsBrand = brand !== undefined && !brandsOwnDomain;
  if (claimsBrand) findings.push({ id: 'sender.brand-name', category: 'sender', weight: 20, evidence: [shown] });
  const site = claimsBrand ? undefined : claimedSite(name, host);
  if (site) findings.push({ id: 'sender.domain-as-name', category: 'sender', weight: 20, evidence: [shown] });

  const imitated = imitatedDomain(host, context.organisationDomains);
  if (imitated) {
    findings.push({ id: 'sender.lookalike-domain', category: 'sender', weight: 45, evidence: [host.hostname, imitated] });
  } else if (imitatesGovernment(host)) {
    // "canhbao@mic-gov.vn", "…@gov.vn.secure-mail.com": another state body's address spelled
    // outside gov.vn, which nobody but an impostor registers
    findings.push({ id: 'sender.government-spoof', category: 'sender', weight: 45, evidence: [host.hostname] });
  }
  if (isForeignGovernment(host)) {
    findings.push({ id: 'sender.foreign-government', category: 'sender', weight: 15, evidence: [host.hostname] });
  }
  if (!providersOwnSystem && (freeProvider || hostInList(host.hostname, disposableEmailProviders()))) {
    // a free mailbox that calls itself the help desk, the province or a bank ("Nubank - suspeita
    // de fraude" <plop77646@gmail.com>) is weighed as its own feature: no such body writes from Gmail
    const claiming = role !== null || claimedOrganisation !== undefined || claimsBrand || site !== undefined;
    findings.push({ id: 'sender.free-mail', ...(claiming && { feature: 'sender.free-mail.claiming' }), category: 'sender', weight: claiming ? 15 : 5, evidence: [address] });
  }

  const named = addressInText.exec(name);
  if (named) {
    const namedAddress = named[0].toLowerCase();
    const namedHost = hostInfo(addressHost(namedAddress));
    const claimsOrganisation = isOrganisationHost(namedHost, context);
    // "David&TomGardner@fooladvisor.com" <subscriber@fooladvisor.com>: the same outside domain
    // under another mailbox hides nothing (the organisation's own name over an outside mailbox
    // still counts, at 35)
    const sameOutsideDomain = !claimsOrganisation && namedHost.domain !== '' && namedHost.domain === host.domain;
    if (namedAddress !== address && !sameOutsideDomain) {
      findings.push({
        id: 'sender.address-in-name',
        category: 'sender',
        weight: claimsOrganisation ? 35 : 25,
        evidence: [readable(namedAddress), address],
      });
    }
  }
  return findings;
}
