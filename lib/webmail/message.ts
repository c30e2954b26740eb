import { htmlToContent } from '../mail/html';
import type { MailMessage } from '../mail/types';
import type { DomMessage } from './types';

/**
 * The body a content script sends is capped: a lure shows itself in its first megabytes, and a
 * 50 MB message must not be copied between processes for nothing.
 */
export const maxBodyHtml = 2_000_000;

/** A message read from the webmail's page, in the model the scoring library reads. */
export function fromDomMessage(dom: DomMessage): MailMessage {
  const { bodyHtml, ...headers } = dom;
  const content = htmlToContent(bodyHtml.slice(0, maxBodyHtml));
  return { ...headers, text: content.text, links: content.links, formFields: content.formFields, classNames: content.classNames, source: 'dom' };
}
