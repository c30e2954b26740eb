/**
 * Where answers go. A lure that asks you to "reply with your password" sends the reply to a
 * mailbox the attacker reads (Reply-To: mssmadar44@gmail.com in the Sóc Trăng letter), not to
 * the hijacked or forged From address.
 */
import type { MailMessage } from '../../mail/types';
import { isOrganisationHost, type ScoringContext } from '../context';
import { addressHost, bareAddress, freeMailProvider, hostInList, hostInfo, imitatedDomain, localPart, sameOwner, type HostInfo } from '../domains';
import { disposableEmailProviders } from '../lists';
import type { Finding } from '../types';
import { linksSendersOwnSite } from './links';

export const replyToSignalIds = ['reply-to.free-mail', 'reply-to.different-domain', 'reply-to.return-path'] as const;

/** The local part of a platform's sending system: drive-shares-dm-noreply@, calendar-notification@, refertofriend@. */
const systemMailbox = /no-?reply|do-?not-?reply|notification|notify|refertofriend/i;

/** Mailbox names every organisation's role accounts carry: the same one at two domains names nobody. */
const roleMailbox =
  /^(info|contact|contacts|contato|contacto|kontakt|support|suporte|soporte|help|helpdesk|admin|administrator|service|services|servico|customerservice|customer|care|cs|mail|email|office|sales|billing|account|accounts|security|noreply|no-reply|donotreply|hello|team|news|newsletter|webmaster|postmaster|hotro|lienhe|tuvan|cskh)$/;

/**
 * "guterman@mediaunspun.imakenews.net" asking for replies to "guterman@vineyard.com",
 * "cmeclax@gmx.co.uk" to "cmeclax@ixazon.dynip.com": one person's mailbox name at two domains, a
 * mailing service sending for its author or a member's other address, not a drop box (7 of the 20
 * legitimate messages with a Reply-To on another domain, 1 of the 98 lures, and that one
 * "contato@" at both). Not a role account's name,
 * which anyone's domain has, nor a domain made to look like the sender's or the organisation's,
 * nor for a From inside the organisation: "giamdoc@laocai.gov.vn" replying to
 * "giamdoc@laocai-gov.vn", or to any outside domain, is the forged director of every invoice fraud.
 */
function samePersonElsewhere(replyTo: string, host: HostInfo, sender: HostInfo, context: ScoringContext, fromAddress: string): boolean {
  const name = localPart(replyTo);
  if (name.length < 3 || name !== localPart(fromAddress) || roleMailbox.test(name)) return false;
  if (isOrganisationHost(sender, context)) return false;
  return imitatedDomain(host, [sender.domain || sender.hostname, ...context.organisationDomains]) === undefined;
}

export function replyToSignals(message: MailMessage, context: ScoringContext): Finding[] {
  const sender = context.sender;
  if (!sender) return [];
  const findings: Finding[] = [];
  const freeMail: string[] = [];
  const otherDomain: string[] = [];
  // a platform's notice replies to the person it names ("Hùng (hungnv@gmail.com) shared a
  // document with you", "invited by …"): it comes from a no-reply system mailbox and links the
  // platform's own site, and an address it shows is no hidden drop box. A person's account (a
  // hijacked hienlt_tanyen@… whose signature links the province's portal, asking for replies to
  // a Gmail address it names) is not such a notice.
  const notice = message.replyTo.length > 0 && systemMailbox.test(message.from?.address.split('@')[0] ?? '') && linksSendersOwnSite(message, context);
  const shown = notice ? message.text.slice(0, 20_000).toLowerCase() : '';
  const fromAddress = (message.from?.address ?? '').trim().toLowerCase();
  for (const replyTo of message.replyTo) {
    const host = hostInfo(addressHost(replyTo.address));
    if (host.hostname === '' || isOrganisationHost(host, context)) continue;
    const free = freeMailProvider(host.hostname) !== undefined;
    const disposable = hostInList(host.hostname, disposableEmailProviders()) !== undefined;
    if (sameOwner(host, sender)) {
      // johannespieter03@gmail.com asking for replies to jerryjonesfinancialinvestments@gmail.com:
      // one free provider, two people's mailboxes — the scam's drop box (a relay service's
      // per-message addresses, sneakemail's tickets, are its design and do not count)
      if (free && !disposable && replyTo.address.trim().toLowerCase() !== fromAddress) freeMail.push(replyTo.address);
      continue;
    }
    if (notice && replyTo.address.length > 3 && shown.includes(replyTo.address.toLowerCase())) continue;
    if (!free && !disposable && samePersonElsewhere(replyTo.address, host, sender, context, fromAddress)) continue;
    (free || disposable ? freeMail : otherDomain).push(replyTo.address);
  }
  if (freeMail.length > 0) {
    findings.push({ id: 'reply-to.free-mail', category: 'reply-to', weight: 30, evidence: [...freeMail.slice(0, 3), message.from?.address ?? ''] });
  } else if (otherDomain.length > 0) {
    findings.push({ id: 'reply-to.different-domain', category: 'reply-to', weight: 15, evidence: [...otherDomain.slice(0, 3), message.from?.address ?? ''] });
  }

  // Bounce addresses of mailing services differ from From all the time: this only adds a little.
  const returnPath = message.returnPath ? bareAddress(message.returnPath) : '';
  const returnHost = hostInfo(addressHost(returnPath));
  if (returnHost.hostname !== '' && !sameOwner(returnHost, sender) && !isOrganisationHost(returnHost, context)) {
    findings.push({ id: 'reply-to.return-path', category: 'reply-to', weight: 5, evidence: [returnPath, message.from?.address ?? ''] });
  }
  return findings;
}
