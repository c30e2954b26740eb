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

/** What identifies the message on screen: a key (view and id) and the element holding its body. */
export type OpenMessageIdentity = readonly [key: string, body: Element | null];

/**
 * How a single-page client tells that another message opened: one observer on `root`, woken only
 * by mutations that `mayBringMessage` accepts (cheap: it looks at the record, never the document);
 * once the page has been still for `delayMs`, what `identify` sees is compared with before, and
 * `onChange` is called when a message is open and it differs. Returns the function that stops.
 */
export function watchOpenMessage(
  root: Node | null,
  mayBringMessage: (record: MutationRecord) => boolean,
  identify: () => OpenMessageIdentity,
  delayMs: number,
  onChange: () => void,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let [lastKey, lastBody] = identify();
  const settle = () => {
    timer = undefined;
    // The same id in a new body element is the same message shown again: checked again too.
    const [key, body] = identify();
    if (key === lastKey && body === lastBody) return;
    lastKey = key;
    lastBody = body;
    if (key) onChange();
  };
  const observer = new MutationObserver((records) => {
    if (!records.some(mayBringMessage)) return;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(settle, delayMs);
  });
  if (root) observer.observe(root, { childList: true, subtree: true });
  return () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };
}
