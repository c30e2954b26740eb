import { roundcubeAdapter } from './roundcube';
import type { WebmailAdapter } from './types';

/** Every webmail Khiên Thư knows. Adding a client is adding its file and one entry here. */
export const webmailAdapters: readonly WebmailAdapter[] = [roundcubeAdapter];

export function detectWebmail(doc: Document): WebmailAdapter | undefined {
  return webmailAdapters.find((adapter) => adapter.detect(doc));
}

export type { WebmailAdapter, DomMessage, MessageRef } from './types';
