/**
 * The official warning text comes from policy and may hold a little HTML (bold, a list, a link to
 * the help-desk page). It is sanitised wherever it is put into a document: only these tags, only
 * `href`, and only links a user can safely follow.
 */
import DOMPurify, { type WindowLike } from 'dompurify';

const allowedTags = ['b', 'strong', 'i', 'em', 'u', 'p', 'br', 'ul', 'ol', 'li', 'a'];
const safeLink = /^(?:https:|mailto:|tel:)/i;

/** Needs a DOM (content script, options page, popup); the background worker has none. */
export function sanitizeWarningText(html: string, window: WindowLike = globalThis.window as unknown as WindowLike): string {
  const purify = DOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    const href = node.getAttribute('href') ?? '';
    if (!safeLink.test(href.trim())) node.removeAttribute('href');
    else {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return purify.sanitize(html, { ALLOWED_TAGS: allowedTags, ALLOWED_ATTR: ['href', 'target', 'rel'] });
}
