/**
 * Zimbra Classic, the Ajax web client of Zimbra 8.8.15 to 10 (Zimbra/zm-web-client on Zimbra/zm-ajax).
 * The whole session is one document: a message is rendered into a DWT view and replaced in place
 * when another one is opened, so "another message" is a change in the DOM (see `watch`), never a
 * new document.
 *
 * Where things are (ids are joined with `__` by DwtId.makeId / ZmId.getViewId):
 * - a message view `zv__<ctx>__MSG` (ZmMailMsgView; ctx `TV-main` for the reading pane, `CLV-main`
 *   in conversation view, `MSG-<n>` for a message in its own tab), or a conversation capsule
 *   `<session>_MSGC<msgId>` (ZmMailMsgCapsuleView in ZmConvView2.js);
 * - the body in `<view>__body`: a DwtIframe div holding `iframe#<view>__body__iframe`, whose
 *   document Zimbra writes with open/write/close, or a plain `div.MsgBody` (capsules with clean HTML);
 * - the header from templates/mail/Message.template (#MessageHeader; #Conv2MsgHeader-expanded for
 *   capsules). Addresses are ZmAddressBubble spans; with the default zimbraPrefShortEmailAddress
 *   only the display name is rendered, so the address is often missing here and the raw message
 *   (`rawMessageUrl`) is what tells the truth.
 *
 * The message headers of the test pages are Message.template of 8.8.15.P40 and 10.1.0 expanded by
 * Zimbra's own template compiler (see tests/fixtures/zimbra); that is how `_obo_span` was found to
 * be the on-behalf-of span's real id. Not verified against a running Zimbra (built from the sources
 * only): the DOM outside those headers; the selected list row (`Row-selected`) as a source of the
 * message id; that the first expanded capsule is the newest message; the
 * content type of the REST `view=text` answer; the REST path on deployments not at the root. The
 * body iframe is created with `src='javascript:"";'` by DwtIframe; the reproductions use about:blank.
 * The report route (`sendReport`, `disposeOriginal`, in ./zimbra-soap.ts) is built from the SOAP
 * handlers and the client's own request code, never sent to a real server: unverified are that
 * launchZCS.jsp's inline `window.csrfToken` is present in 8.8.15–10 as in the stored source (older
 * pages may have none; the request then goes without a token and a CSRF-checking server refuses
 * it with service.AUTH_REQUIRED), that the JSON SendMsg with `attach.m` behaves as the XML one, and
 * that a message id taken from the selected row or an attachment link is the one SendMsg expects
 * for messages in shared folders (`<account id>:<id>`).
 */
import { textOf, watchOpenMessage } from './dom';
import type { DomMessage, MessageRef, WebmailAdapter } from './types';
import { disposeZimbraMessage, sendZimbraReport } from './zimbra-soap';
import type { MailAddress, MailAttachment } from '../mail/types';

const messageViewSelector = '[id^="zv__"][id$="__MSG"], .ZmMailMsgCapsuleView[id*="_MSGC"]';
const bodyIframeSelector = 'iframe[id$="__body__iframe"]';
/** Dwt.LOC_NOWHERE: where DWT parks controls it hides without removing them. */
const nowhere = '-10000px';
const watchDelayMs = 100;

/** The Zimbra message id of a capsule, from its DOM id (ZmMailMsgCapsuleView.prototype._getViewId). */
function capsuleMessageId(view: Element): string | undefined {
  return /_MSGC([\w:-]+)$/.exec(view.id)?.[1];
}

function isCapsule(view: Element): boolean {
  return capsuleMessageId(view) !== undefined;
}

/** Hidden the way DWT hides views: inline display/visibility, or moved to LOC_NOWHERE. */
function isParked(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = (node as HTMLElement).style;
    if (!style) continue;
    if (style.display === 'none' || style.visibility === 'hidden' || style.left === nowhere || style.top === nowhere) return true;
  }
  return false;
}

function bodyIframe(view: Element): HTMLIFrameElement | null {
  return view.querySelector<HTMLIFrameElement>(bodyIframeSelector);
}

/** The body element in the top document: the DwtIframe's div, or the plain `div.MsgBody`. */
function bodyContainer(view: Element): Element | null {
  const wrapper = view.ownerDocument.getElementById(`${view.id}__body`);
  if (wrapper && view.contains(wrapper)) return wrapper;
  return bodyIframe(view) ?? view.querySelector('div.MsgBody');
}

/**
 * The message view the user is reading: the first one DWT has not parked that has a body. In a
 * conversation that is the first expanded capsule (with the default order, the newest message).
 */
function openView(doc: Document): Element | null {
  for (const view of doc.querySelectorAll(messageViewSelector)) {
    // A collapsed capsule has a header and no body.
    if (bodyContainer(view) && !isParked(view)) return view;
  }
  return null;
}

/** `id` of an attachment link (`/service/home/~/?auth=co&loc=…&id=257&part=2`), which is the message id. */
function idFromAttachmentLinks(view: Element, doc: Document): string | undefined {
  const body = bodyContainer(view);
  for (const link of view.querySelectorAll('a.AttLink[href*="id="]')) {
    // A link in the body is the sender's, whatever its class.
    if (body?.contains(link)) continue;
    try {
      const id = new URL(link.getAttribute('href') ?? '', doc.location.href).searchParams.get('id');
      if (id) return id;
    } catch {
      // a javascript: link or a broken href says nothing about the message
    }
  }
  return undefined;
}

/**
 * The selected row of the list beside the reading pane: `zli__<ctx>__<itemId>.Row-selected`
 * (DwtListView). In the conversation list (CLV) a row is a conversation (ZmConv, id = the
 * message's `cid`): only a single-message (virtual) conversation, id `-<msgId>`, names the message.
 */
function idFromSelectedRow(view: Element, doc: Document): string | undefined {
  const context = /^zv__([\w-]+)__MSG$/.exec(view.id)?.[1];
  if (!context) return undefined;
  const prefix = `zli__${context}__`;
  const rows = doc.querySelectorAll(`[id^="${prefix}"].Row-selected`);
  if (rows.length !== 1) return undefined;
  const rest = rows[0]!.id.slice(prefix.length);
  if (context.startsWith('CLV')) return /^-\d+$/.test(rest) ? rest.slice(1) : undefined;
  return /^[\w:-]+$/.test(rest) ? rest : undefined;
}

function messageId(view: Element, doc: Document): string {
  return capsuleMessageId(view) ?? idFromAttachmentLinks(view, doc) ?? idFromSelectedRow(view, doc) ?? '';
}

/** A display name as AjxEmailAddress.toString quotes it: `"Name"`, inner quotes escaped. */
function unquote(name: string): string {
  return name.trim().replace(/^"(.*)"$/, '$1').replace(/\\"/g, '"').trim();
}

/**
 * What AjxEmailAddress.toString prints (zm-ajax WebRoot/js/ajax/util/AjxEmailAddress.js): the full
 * form `"Name" <addr>`, or the short form, which is the name when there is one and else the address.
 */
export function parseAddressText(text: string): MailAddress {
  const clean = text.replace(/\s+/g, ' ').trim().replace(/[;,]$/, '').trim();
  const angle = /^(.*?)\s*<([^<>\s]+@[^<>\s]+)>$/.exec(clean);
  if (angle) {
    const name = unquote(angle[1]!);
    const address = angle[2]!.toLowerCase();
    return { name: name.toLowerCase() === address ? '' : name, address };
  }
  if (/^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(clean)) return { name: '', address: clean.toLowerCase() };
  return { name: unquote(clean), address: '' };
}

/**
 * One ZmAddressBubble: `span.addrBubble > span` holding AjxEmailAddress.toString(shortForm) and a
 * space (ZmAddressBubble.getContent, zm-web-client 8.8.15–10.1), so the address is there only in
 * the full form (short addresses off, or a sender without a display name). Attributes are looked
 * at in case a skin or zimlet adds one; the stock client sets none.
 */
function addressFromBubble(bubble: Element): MailAddress {
  const parsed = parseAddressText(textOf(bubble));
  const attribute = ['email', 'data-email', 'title', 'aria-label']
    .map((name) => bubble.getAttribute(name) ?? '')
    .map((value) => parseAddressText(value).address)
    .find(Boolean);
  return { name: parsed.name, address: parsed.address || attribute || '' };
}

function addressesIn(cell: Element | null | undefined): MailAddress[] {
  if (!cell) return [];
  const bubbles = [...cell.querySelectorAll('.addrBubble')];
  // ZmMailMsgView.getAddressesFieldHtmlHelper prints an entry without an address as plain text.
  const found = bubbles.length ? bubbles.map(addressFromBubble) : textOf(cell) ? [parseAddressText(textOf(cell))] : [];
  return found.filter((a) => a.address || a.name);
}

/** The header table of a view: #MessageHeader's `table.MsgHeaderTable`, or the capsule's header. */
function headerOf(view: Element): Element | null {
  if (isCapsule(view)) {
    const header = view.ownerDocument.getElementById(`${view.id}__header`);
    return header && view.contains(header) ? header : view.querySelector('.Conv2MsgHeader');
  }
  return view.querySelector('table.MsgHeaderTable');
}

type AddressField = 'to' | 'cc' | 'replyTo';

/**
 * Which address row this is. Rows are labelled with the user's locale (ZmMsg.to, ZmMsg.cc,
 * ZmMsg.replyTo) and their ids end with that label lower-cased, so there is nothing stable to key
 * on: Cc and Bcc keep their Latin abbreviation in every locale, Reply-To is recognised in the
 * languages used here, and anything else is counted as a recipient.
 */
function fieldOf(label: string): AddressField | undefined {
  const text = label.toLowerCase().replace(/[:：\s]+$/, '').trim();
  if (/^bcc$/.test(text)) return undefined;
  if (/^cc$/.test(text)) return 'cc';
  if (/reply|trả lời|phản hồi|répondre|antwort|responder/.test(text)) return 'replyTo';
  return 'to';
}

interface HeaderFields {
  from?: MailAddress;
  to: MailAddress[];
  cc: MailAddress[];
  replyTo: MailAddress[];
}

function readHeader(view: Element): HeaderFields {
  const fields: HeaderFields = { to: [], cc: [], replyTo: [] };
  const header = headerOf(view);
  if (!header) return fields;
  const table = header.querySelector('[id$="_hdrTable"]') ?? header;
  const fromRow = table.querySelector('tr[id$="_expandRow"]') ?? table.querySelector('tr');
  // With a Sender header, the first bubble is the Sender and From is shown "on behalf of", in
  // #SentBy's span#<view>_obo_span (ZmId.CMP_OBO_SPAN; a capsule's is <header id>_obo_span).
  const onBehalf = fromRow?.querySelector('[id$="_obo_span"]');
  if (fromRow) fields.from = addressesIn(onBehalf ?? fromRow.querySelector('td.LabelColValue'))[0];
  for (const row of table.querySelectorAll('tr')) {
    if (row === fromRow || fromRow?.contains(row) || row.id.endsWith('_tagRow') || row.id.endsWith('_scheduled')) continue;
    const label = [...row.children].find((cell) => cell.matches('td.LabelColName'));
    const value = [...row.children].find((cell) => cell.matches('td.LabelColValue'));
    if (!label || !value) continue;
    const field = fieldOf(textOf(label));
    if (field) fields[field].push(...addressesIn(value));
  }
  if (fields.from && !fields.from.address && !onBehalf) {
    // The "display external images" bar names the sender's address (#ExtImageInformationBar);
    // with a Sender header that address is the Sender's, not From's.
    const barAddress = parseAddressText(textOf(view.querySelector('[id$="_displayImages_email"]'))).address;
    if (barAddress) fields.from = { ...fields.from, address: barAddress };
  }
  return fields;
}

function subjectOf(view: Element): string {
  if (isCapsule(view)) {
    const conversation = view.closest('.Conv2View, .ZmConvView2');
    return textOf(conversation?.querySelector('.Conv2Header .subject'));
  }
  return textOf(headerOf(view)?.querySelector('td.SubjectCol'));
}

/** Attachment names from the main links ZmMailMsgView._setAttachmentLinks writes (`<attLinks>_<part>_main`). */
function attachmentsOf(view: Element): MailAttachment[] {
  const body = bodyContainer(view);
  const links = [...view.querySelectorAll('a.AttLink')].filter((link) => !body?.contains(link));
  const main = links.filter((link) => link.id.endsWith('_main'));
  const named = main.length
    ? main
    : links.filter((link) => /[?&]part=/.test(link.getAttribute('href') ?? '') && !/[?&](disp|view|fmt)=/.test(link.getAttribute('href') ?? ''));
  return named.map((link) => ({ filename: (link.getAttribute('title') || textOf(link)).trim() })).filter((a) => a.filename);
}

function bodyHtmlOf(view: Element): string {
  const iframe = bodyIframe(view);
  if (iframe) {
    try {
      return iframe.contentDocument?.body?.innerHTML ?? '';
    } catch {
      return '';
    }
  }
  return view.querySelector('div.MsgBody')?.innerHTML ?? '';
}

function emptyDomMessage(): DomMessage {
  return { subject: '', replyTo: [], to: [], cc: [], attachments: [], bodyHtml: '' };
}

/** What identifies the message on screen: its view and its id (the body element is compared apart). */
function openMessageKey(doc: Document): string {
  const view = openView(doc);
  if (!view) return '';
  return `${view.id}|${messageId(view, doc)}`;
}

export const zimbraClassicAdapter: WebmailAdapter & Required<Pick<WebmailAdapter, 'watch' | 'sendReport' | 'disposeOriginal'>> = {
  id: 'zimbra-classic',

  detect(doc) {
    // DwtShell takes the id ZmId.SHELL in ZmZimbraMail.run; #skin_outer is the skin's own frame.
    return doc.querySelector('div#z_shell.DwtShell') !== null || doc.getElementById('skin_outer') !== null;
  },

  openMessage(doc): MessageRef | null {
    const view = openView(doc);
    if (!view) return null;
    // The id can be missing (a message in its own tab, without attachments): the page is still
    // checked, only the raw message cannot be fetched.
    return { id: messageId(view, doc) };
  },

  readMessage(doc): DomMessage {
    const view = openView(doc);
    if (!view) return emptyDomMessage();
    const header = readHeader(view);
    return {
      subject: subjectOf(view),
      ...(header.from && { from: header.from }),
      replyTo: header.replyTo,
      to: header.to,
      cc: header.cc,
      attachments: attachmentsOf(view),
      bodyHtml: bodyHtmlOf(view),
    };
  },

  rawMessageUrl(doc, ref) {
    if (!ref.id) return null;
    // The REST servlet answers with the message as stored (view=text), authenticated by cookie.
    const url = new URL('/service/home/~/', doc.location.href);
    url.search = new URLSearchParams({ auth: 'co', view: 'text', id: ref.id }).toString();
    return url.toString();
  },

  bodyDocument(doc) {
    const view = openView(doc);
    return (view && bodyIframe(view)?.contentDocument) ?? null;
  },

  bannerAnchor(doc) {
    // In the top document, right above the body: Zimbra rewrites the iframe's document for every
    // message, so nothing put inside it would stay.
    const view = openView(doc);
    return view ? bodyContainer(view) : null;
  },

  reportUrl() {
    // Zimbra has no URL that forwards a message as an attachment: `?view=compose&to=…` opens an
    // empty message. The report is sent with SendMsg instead (`sendReport`).
    return null;
  },

  sendReport(doc, ref, draft) {
    // `ref.id` is the item id from the capsule, an attachment link or the selected row: the id
    // SendMsg's `attach.m.id` takes, so Zimbra attaches the stored message itself.
    return sendZimbraReport(doc, ref, draft);
  },

  disposeOriginal(doc, ref, action) {
    return disposeZimbraMessage(doc, ref, action);
  },

  watch(doc, onChange) {
    // Only additions can bring a new message; the check itself waits until Zimbra is done.
    const identify = () => [openMessageKey(doc), openBodyElement(doc)] as const;
    return watchOpenMessage(doc.getElementById('z_shell') ?? doc.body, addsMessageParts, identify, watchDelayMs, onChange);
  },
};

/** The body iframe (or DIV) of the open message; Zimbra makes a new one for every message. */
function openBodyElement(doc: Document): Element | null {
  const view = openView(doc);
  return view ? bodyIframe(view) ?? bodyContainer(view) : null;
}

/** Whether a mutation added a header table, a body iframe/div, a capsule or a whole message view. */
function addsMessageParts(record: MutationRecord): boolean {
  for (const node of record.addedNodes) {
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (
      element.matches('table.MsgHeaderTable, iframe, div.MsgBody, .ZmMailMsgCapsuleView, .Conv2MsgHeader, [id$="__MSG"], a.AttLink') ||
      element.firstElementChild?.matches('table.MsgHeaderTable') === true
    ) {
      return true;
    }
  }
  return false;
}
