import { roundcubeAdapter } from './roundcube';
import type { WebmailAdapter } from './types';
import { zimbraClassicAdapter } from './zimbra-classic';
import { zimbraModernAdapter } from './zimbra-modern';

/** Every webmail Khiên Thư knows. Adding a client is adding its file and one entry here. */
export const webmailAdapters: readonly WebmailAdapter[] = [roundcubeAdapter, zimbraClassicAdapter, zimbraModernAdapter];

export function detectWebmail(doc: Document): WebmailAdapter | undefined {
  // The content script asks on every page of every matched host: an adapter that fails on some
  // odd page is simply not that page's client.
  return webmailAdapters.find((adapter) => {
    try {
      return adapter.detect(doc);
    } catch {
      return false;
    }
  });
}

export type { WebmailAdapter, DomMessage, MessageRef } from './types';
