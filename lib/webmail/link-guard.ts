/**
 * Which click the guard stops, decided without any UI: a click on a link that the verdict
 * flagged. Hrefs are compared as the browser resolves them, so `https://x.weebly.com` in the raw
 * message and `https://x.weebly.com/` in the page are the same link.
 */
import type { FlaggedLink } from '../scoring';

function resolved(href: string, base?: string): string | undefined {
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return undefined;
  }
}

export class FlaggedLinks {
  private readonly byHref = new Map<string, FlaggedLink>();

  constructor(links: readonly FlaggedLink[], base?: string) {
    for (const link of links) {
      const key = resolved(link.href, base);
      if (key && !this.byHref.has(key)) this.byHref.set(key, link);
    }
  }

  get size(): number {
    return this.byHref.size;
  }

  /** The flagged link a click landed on, if any. */
  forClick(event: Event): { anchor: HTMLAnchorElement; link: FlaggedLink } | undefined {
    if (this.byHref.size === 0) return undefined;
    // Not `instanceof Element`: a click in the body iframe (Zimbra) comes from another realm.
    const target = event.target as Partial<Element> | null;
    const anchor = target?.nodeType === 1 && target.closest ? target.closest('a[href], area[href]') : null;
    if (!anchor) return undefined;
    const key = resolved(anchor.getAttribute('href') ?? '', anchor.ownerDocument.baseURI);
    const link = key ? this.byHref.get(key) : undefined;
    return link ? { anchor: anchor as HTMLAnchorElement, link } : undefined;
  }
}

/**
 * The site a link's text claims to be, when the text is a bare URL or host name
 * ("mail.laichau.gov.vn", "https://mail.laichau.gov.vn/baotri"): Thunderbird offers to go there
 * instead. Text with spaces or without a dot is not an address.
 */
export function shownSite(text: string): string | undefined {
  const candidate = text.trim();
  if (!candidate.includes('.') || /\s/.test(candidate)) return undefined;
  const url = resolved(/^[a-z][a-z0-9+.-]*:/i.test(candidate) ? candidate : `https://${candidate}`);
  if (!url) return undefined;
  const { protocol, hostname } = new URL(url);
  return (protocol === 'https:' || protocol === 'http:') && hostname.includes('.') ? url : undefined;
}
