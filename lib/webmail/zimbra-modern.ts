/**
 * Zimbra Modern UI (the Preact client served under `/modern/`, sources in zm-x-web; read from
 * workless/zm-x-web: components/viewer, viewer/desktop-viewer, viewer-title, address-list,
 * html-viewer, attachment, attachment-grid). Low confidence: built from the sources, never seen
 * running. Classes are CSS modules named `zimbra-client_<component>_<local>`, so only the
 * `<component>_<local>` part is matched. A single-page app: the route and the viewer's content
 * change without a new document (see `watch`).
 *
 * Reporting goes through the same SOAP API as the Classic client (./zimbra-soap.ts). Unverified:
 * that the Modern page never carries an inline `window.csrfToken`, so that the token is the one
 * modern.jsp left in localStorage (a login that skipped modern.jsp, e.g. SSO straight to /modern/,
 * would leave none or a stale one; the server then refuses with service.AUTH_REQUIRED); and that
 * the route's id is the message's item id in every folder, shared folders included.
 */
import { textOf, watchOpenMessage } from './dom';
import type { DomMessage, MessageRef, WebmailAdapter } from './types';
import type { MailAddress, MailAttachment } from '../mail/types';
import { parseAddressText } from './zimbra-classic';
import { disposeZimbraMessage, sendZimbraReport } from './zimbra-soap';

const viewerSelector = '[class*="_viewer_viewer"]';
const bodySelector = '[class*="html-viewer_inner"]';
const watchDelayMs = 100;

interface Route {
  folder: string;
  kind: 'message' | 'conversation';
  id: string;
}

/** `/modern/email/<folder>/message/<id>` or `/modern/email/<folder>/conversation/<id>`. */
function route(doc: Document): Route | undefined {
  const match = /\/email\/([^/]+)\/(message|conversation)\/([^/?#]+)/.exec(doc.location?.pathname ?? '');
  if (!match) return undefined;
  try {
    return { folder: decodeURIComponent(match[1]!), kind: match[2] as Route['kind'], id: decodeURIComponent(match[3]!) };
  } catch {
    return undefined;
  }
}

/**
 * The message id for the raw message. A conversation route names the conversation; only a
 * single-message (virtual) conversation, id `-<msgId>`, gives the message away.
 */
function messageId(doc: Document): string {
  const current = route(doc);
  if (!current) return '';
  if (current.kind === 'message') return current.id;
  return /^-\d+$/.test(current.id) ? current.id.slice(1) : '';
}

/** The viewer being read: the first one whose body is rendered (a conversation stacks several). */
function openViewer(doc: Document): Element | null {
  for (const viewer of doc.querySelectorAll(viewerSelector)) {
    if (viewer.querySelector(bodySelector)) return viewer;
  }
  const body = doc.querySelector(bodySelector);
  return body?.closest('[class*="desktop-viewer_viewerContent"], [class*="mobile-viewer_"]') ?? body?.parentElement ?? null;
}

/** AddressList/Sender: the name in `address-list_addressName`, the address in its `title`. */
function addressesIn(list: Element | null | undefined): MailAddress[] {
  if (!list) return [];
  return [...list.querySelectorAll('[class*="address-list_addressName"]')]
    .map((name) => {
      const address = parseAddressText(name.getAttribute('title') ?? '').address
        || parseAddressText(textOf(name.parentElement?.querySelector('[class*="address-list_addressDetail"]'))).address;
      const display = textOf(name);
      return { name: display.toLowerCase() === address ? '' : display, address };
    })
    .filter((a) => a.address || a.name);
}

function addressList(viewer: Element, type: 'from' | 'to' | 'cc'): Element | null {
  const list = viewer.querySelector(`[class*="address-list_addresses-${type}"]`);
  // With a Sender header, DesktopViewer renders Sender and From unwrapped inside `fromAddressList`.
  return list ?? (type === 'from' ? viewer.querySelector('[class*="desktop-viewer_fromAddressList"]') : null);
}

function attachmentsOf(viewer: Element): MailAttachment[] {
  // The viewer's Attachment shows the whole name; AttachmentTile in a grid shortens long ones.
  const names = [...viewer.querySelectorAll('[class*="_attachment_name"]')];
  const tiles = names.length ? names : [...viewer.querySelectorAll('[class*="attachment-grid_attachments"] [class*="attachment-grid_nameContainer"]')];
  return tiles.map((tile) => ({ filename: textOf(tile) })).filter((a) => a.filename);
}

function subjectOf(doc: Document, viewer: Element): string {
  // ViewerTitle sits above the viewer (or above the whole conversation).
  const scope = viewer.closest('[class*="mail-pane"], [class*="conversation"], main') ?? doc;
  const title = scope.querySelector('[class*="viewer-title_headerText"] [class*="viewer-title_subject"]')
    ?? doc.querySelector('[class*="viewer-title_headerText"] [class*="viewer-title_subject"]')
    ?? doc.querySelector('[class*="viewer-title_headerText"]');
  return textOf(title);
}

function openMessageKey(doc: Document): string {
  const viewer = openViewer(doc);
  if (!viewer) return '';
  return [route(doc)?.id ?? '', subjectOf(doc, viewer), textOf(addressList(viewer, 'from'))].join('|');
}

export const zimbraModernAdapter: WebmailAdapter & Required<Pick<WebmailAdapter, 'watch' | 'sendReport' | 'disposeOriginal'>> = {
  id: 'zimbra-modern',

  detect(doc) {
    return doc.querySelector('[class*="zimbra-client_"]') !== null;
  },

  openMessage(doc): MessageRef | null {
    const viewer = openViewer(doc);
    if (!viewer) return null;
    const folder = route(doc)?.folder;
    return { id: messageId(doc), ...(folder && { folder }) };
  },

  readMessage(doc): DomMessage {
    const viewer = openViewer(doc);
    if (!viewer) return { subject: '', replyTo: [], to: [], cc: [], attachments: [], bodyHtml: '' };
    const from = addressesIn(addressList(viewer, 'from'));
    return {
      subject: subjectOf(doc, viewer),
      // With a Sender, the desktop viewer lists the Sender first, then From "on behalf of".
      ...(from.length && { from: from[from.length - 1] }),
      // The Modern viewer does not show Reply-To; the raw message has it.
      replyTo: [],
      to: addressesIn(addressList(viewer, 'to')),
      cc: addressesIn(addressList(viewer, 'cc')),
      attachments: attachmentsOf(viewer),
      bodyHtml: viewer.querySelector(bodySelector)?.innerHTML ?? '',
    };
  },

  rawMessageUrl(doc, ref) {
    if (!ref.id) return null;
    // The same REST servlet as the Classic client; it does not depend on the UI.
    const url = new URL('/service/home/~/', doc.location.href);
    url.search = new URLSearchParams({ auth: 'co', view: 'text', id: ref.id }).toString();
    return url.toString();
  },

  bannerAnchor(doc) {
    // Above the HtmlViewer, in the body area of the viewer (not inside the rendered mail).
    const body = openViewer(doc)?.querySelector(bodySelector);
    return body?.closest('[class*="html-viewer_htmlViewer"]') ?? body ?? null;
  },

  reportUrl() {
    // As in the Classic client, forwarding as an attachment is not a URL: see `sendReport`.
    return null;
  },

  sendReport(doc, ref, draft) {
    // `ref.id` comes from the route (`/message/<id>`, or `-<id>` of a single-message
    // conversation): the item id SendMsg attaches. A conversation route has no message id, and
    // sendZimbraReport refuses the empty id before sending anything.
    return sendZimbraReport(doc, ref, draft);
  },

  disposeOriginal(doc, ref, action) {
    return disposeZimbraMessage(doc, ref, action);
  },

  watch(doc, onChange) {
    // Preact replaces the viewer's children and the HtmlViewer's innerHTML; observing the body
    // catches both the viewer being inserted and its content being swapped.
    const identify = () => [openMessageKey(doc), openViewer(doc)?.querySelector(bodySelector) ?? null] as const;
    return watchOpenMessage(doc.body, touchesViewer, identify, watchDelayMs, onChange);
  },
};

/** A change inside a viewer or its title, or a viewer added: climbs from the record only. */
function touchesViewer(record: MutationRecord): boolean {
  const target = record.target as Element;
  if (target.closest?.(`${viewerSelector}, [class*="viewer-title_"]`)) return true;
  for (const node of record.addedNodes) {
    if (node.nodeType !== 1) continue;
    const element = node as Element;
    if (element.matches(`${viewerSelector}, ${bodySelector}, [class*="viewer-title_"]`) || element.querySelector(viewerSelector)) return true;
  }
  return false;
}
