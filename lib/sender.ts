/**
 * Who sent an extension message, as the browser tells it (never as the message says). A message
 * can come from any frame a content script runs in, and a renderer a page has compromised can
 * send whatever a content script could: every listener decides by these.
 */
import { browser, type Browser } from 'wxt/browser';

type Sender = Browser.runtime.MessageSender;

/** The host of the sending frame: its origin (an about:blank frame inherits its parent's), else its URL; '' if neither is http(s). */
export function hostOfSender(sender: Sender): string {
  for (const candidate of [sender.origin, sender.url]) {
    if (!candidate || candidate === 'null') continue;
    try {
      const url = new URL(candidate);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.hostname.toLowerCase();
    } catch {
      // next
    }
  }
  return '';
}

/** One of this extension's own pages (options, popup, the warning page), not a content script. */
export function isExtensionPage(sender: Sender): boolean {
  return sender.id === browser.runtime.id && (sender.url?.startsWith(browser.runtime.getURL('/')) ?? false);
}
