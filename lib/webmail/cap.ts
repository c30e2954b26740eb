/**
 * What the content script hands the background of a message, capped: a hostile message (or page)
 * can make the body as large as it likes, and every byte of it would cross to the worker and be
 * parsed there. The caps are far above real mail (the raw message is capped at 1.5 MB too) and
 * keep the lure's start, where its words and links are. The background applies them again.
 */
import type { DomMessage } from './types';

export const domCaps = {
  bodyHtml: 2_000_000,
  subject: 2_000,
  addresses: 500,
  attachments: 500,
} as const;

export function capDomMessage(message: DomMessage): DomMessage {
  return {
    ...message,
    subject: String(message.subject ?? '').slice(0, domCaps.subject),
    bodyHtml: String(message.bodyHtml ?? '').slice(0, domCaps.bodyHtml),
    to: (message.to ?? []).slice(0, domCaps.addresses),
    cc: (message.cc ?? []).slice(0, domCaps.addresses),
    replyTo: (message.replyTo ?? []).slice(0, domCaps.addresses),
    attachments: (message.attachments ?? []).slice(0, domCaps.attachments),
  };
}
