/**
 * Roundcube 1.5/1.6, elastic and larry skins (templates `mail/templates/message.html` and
 * `messagepreview.html` of each skin). Every message opens as its own document: the preview
 * frame (`_action=preview`), the full view and the external window (`_action=show`), so "another
 * message opened" is simply a new document for the content script.
 */
import { addressFromLink, textOf } from './dom';
import { disposeRoundcubeMessage, roundcubeCompose, roundcubeUser } from './roundcube-compose';
import type { DomMessage, MessageRef, ReportTarget, WebmailAdapter } from './types';
import type { MailAddress } from '../mail/types';

const messageActions = new Set(['preview', 'show']);

function params(doc: Document): URLSearchParams {
  return new URLSearchParams(doc.location?.search ?? '');
}

function addresses(doc: Document, field: 'from' | 'to' | 'cc' | 'replyto'): MailAddress[] {
  // Larry's preview repeats From in a short header table; the first cell is enough. A cell inside
  // the body is the sender's HTML pretending to be a header, never ours to read.
  const cell = [...doc.querySelectorAll(`td.header.${field}`)].find((c) => !c.closest('#messagebody'));
  if (!cell) return [];
  return [...cell.querySelectorAll('a.rcmContactAddress')].map(addressFromLink).filter((a) => a.address || a.name);
}

export const roundcubeAdapter: WebmailAdapter = {
  id: 'roundcube',

  detect(doc) {
    // Every Roundcube page, whatever the skin, loads its client from program/js/app(.min).js;
    // elastic also marks <body> with the task, which is cheaper still.
    return doc.body?.classList.contains('task-mail') === true || doc.querySelector('script[src*="program/js/app."]') !== null;
  },

  openMessage(doc) {
    const query = params(doc);
    const uid = query.get('_uid');
    if (query.get('_task') !== 'mail' || !messageActions.has(query.get('_action') ?? '') || !uid) return null;
    if (!doc.getElementById('messagebody')) return null;
    return { id: uid, folder: query.get('_mbox') ?? 'INBOX' };
  },

  readMessage(doc): DomMessage {
    const subject = doc.querySelector('#message-header h2.subject, #messageheader .subject, h3.subject, h2.subject');
    const attachments = [...doc.querySelectorAll('#attachment-list > li')].map((item) => ({
      filename: textOf(item.querySelector('.attachment-name') ?? item.querySelector('a.filename') ?? item, '.attachment-size'),
    }));
    return {
      subject: textOf(subject, '.voice, a.extwin, .flag-icon'),
      from: addresses(doc, 'from')[0],
      replyTo: addresses(doc, 'replyto'),
      to: addresses(doc, 'to'),
      cc: addresses(doc, 'cc'),
      attachments: attachments.filter((a) => a.filename),
      bodyHtml: doc.getElementById('messagebody')?.innerHTML ?? '',
    };
  },

  rawMessageUrl(doc, ref) {
    // viewsource answers with the message as stored, as text/plain; without `_save=1` it needs no token.
    return sameOriginUrl(doc, { _task: 'mail', _action: 'viewsource', _uid: ref.id, _mbox: ref.folder ?? 'INBOX' });
  },

  bannerAnchor(doc) {
    // Right where Roundcube puts its own warnings (remote content blocked, suspicious content).
    return doc.getElementById('message-objects') ?? doc.getElementById('messagebody');
  },

  reportUrl(doc, ref, target) {
    if (target.addresses.length === 0) return null;
    return sameOriginUrl(doc, {
      _task: 'mail',
      _action: 'compose',
      _forward_uid: ref.id,
      _mbox: ref.folder ?? 'INBOX',
      _attachment: '1',
      _to: target.addresses.join(', '),
      _subject: target.subject,
    });
  },

  disposeOriginal: disposeRoundcubeMessage,
  account: roundcubeUser,
  reportCompose: roundcubeCompose,
};

/** Roundcube's entry point with these parameters, on the page's own origin and path. */
function sameOriginUrl(doc: Document, query: Record<string, string>): string {
  const url = new URL(doc.location.href);
  url.search = new URLSearchParams(query).toString();
  url.hash = '';
  return url.toString();
}
