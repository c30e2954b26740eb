/**
 * What the extension leaves on a webmail page, apart from the banner's own contents: the banner's
 * host element, and one attribute on <html> that says the message was checked (tests and admins'
 * scripts wait for it instead of guessing how long a check takes).
 */
import type { Level } from '../scoring/types';

export const bannerTag = 'khienthu-banner';
export const scannedAttribute = 'data-khienthu-scanned';

export function markScanned(doc: Document, outcome: Level | 'error'): void {
  doc.documentElement.setAttribute(scannedAttribute, outcome);
}

export function clearScanned(doc: Document): void {
  doc.documentElement.removeAttribute(scannedAttribute);
}

/** One banner per document: a verdict replaces the one before it. */
export function removeBanners(doc: Document): void {
  for (const host of doc.querySelectorAll(bannerTag)) host.remove();
}
