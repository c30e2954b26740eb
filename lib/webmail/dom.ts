/** Small DOM readers shared by the adapters. */

import type { MailAddress } from '../mail/types';

/** An element's text with runs of whitespace collapsed, minus the parts matched by `skip`. */
export function textOf(element: Element | null | undefined, skip?: string): string {
  if (!element) return '';
  let text: string;
  if (skip && element.querySelector(skip)) {
    const copy = element.cloneNode(true) as Element;
    for (const node of copy.querySelectorAll(skip)) node.remove();
    text = copy.textContent ?? '';
  } else {
    text = element.textContent ?? '';
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** Lower-cased address from a `mailto:` href, without its query. */
export function addressFromMailto(href: string | null): string {
  if (!href?.toLowerCase().startsWith('mailto:')) return '';
  const rest = href.slice('mailto:'.length).split('?')[0] ?? '';
  try {
    return decodeURIComponent(rest).trim().toLowerCase();
  } catch {
    return rest.trim().toLowerCase();
  }
}

/** `{name, address}` from an address link; a name that is just the address is dropped. */
export function addressFromLink(link: Element): MailAddress {
  const address = (link.getAttribute('title')?.includes('@') ? link.getAttribute('title')! : addressFromMailto(link.getAttribute('href')))
    .trim()
    .toLowerCase();
  const name = textOf(link);
  return { name: name.toLowerCase() === address ? '' : name, address };
}
