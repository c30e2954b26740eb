/**
 * HTML or script where a reader only ever sees text: the subject, the sender's display name, a
 * link's visible words, an attachment's file name. No honest mail writes `<svg onload=…>` into its
 * subject; an attack on the webmail does, hoping that something on the page inserts it as HTML.
 * Roundcube has had such holes (CVE-2023-5631, an SVG `<use href="data:…">` that slipped through
 * its HTML washer; CVE-2024-37383, an SVG `<animate>` that rewrote a link to `javascript:`), and
 * a message that tries one is hostile whatever else it says. (Script smuggled in the body's own
 * HTML reaches the score as a link and is `link.script-url`.)
 */
import type { MailMessage } from '../../mail/types';
import type { ScoringContext } from '../context';
import { readable } from '../normalize';
import type { Finding } from '../types';

export const markupSignalIds = ['text.html-payload'] as const;

/** Elements that run script, load something, or restyle the page when inserted as HTML. */
const activeTags = new Set([
  'script', 'svg', 'math', 'img', 'image', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet',
  'style', 'link', 'meta', 'base', 'form', 'input', 'button', 'textarea', 'select', 'option', 'keygen',
  'animate', 'set', 'use', 'feimage', 'foreignobject', 'details', 'video', 'audio', 'source', 'track',
  'body', 'html', 'marquee', 'isindex', 'template', 'xmp', 'noscript', 'noembed', 'plaintext', 'dialog',
]);

/** A tag as a browser reads one: `<` right before a letter, up to the next `<` or `>` (linear scan). */
const tagPattern = /<([a-z][a-z0-9:-]{0,40})([^<>]{0,300})/gi;
/** An event-handler attribute inside a tag: `onload=`, ` onerror =`, `/onfocus=`. */
const eventHandler = /(?:^|[\s/"'])on[a-z]{3,30}\s*=/i;
/** A script URL written out; "JavaScript: cơ bản" (a course title) has a space after the colon. */
const scriptUrl = /\b(?:java|vb|live)script:(?=\S)/i;

/** How much of each field is read, and how many link texts: enough for any payload, bounded for any mail. */
const maxFieldChars = 2_000;
const maxLinkTexts = 500;

export function looksLikeMarkup(value: string): boolean {
  const field = value.slice(0, maxFieldChars);
  if (scriptUrl.test(field)) return true;
  if (!field.includes('<')) return false;
  for (const [, name = '', rest = ''] of field.matchAll(tagPattern)) {
    if (activeTags.has(name.toLowerCase()) || eventHandler.test(rest)) return true;
  }
  return false;
}

export function markupSignals(message: MailMessage, _context: ScoringContext): Finding[] {
  const fields = [
    message.subject,
    message.from?.name ?? '',
    ...message.replyTo.map((r) => r.name),
    ...message.attachments.map((a) => a.filename),
    ...message.links.slice(0, maxLinkTexts).map((l) => l.text),
  ];
  const evidence: string[] = [];
  for (const field of fields) {
    if (!looksLikeMarkup(field)) continue;
    const shown = readable(field);
    if (!evidence.includes(shown)) evidence.push(shown);
    if (evidence.length >= 3) break;
  }
  if (evidence.length === 0) return [];
  return [{ id: 'text.html-payload', category: 'markup', weight: 40, evidence }];
}
