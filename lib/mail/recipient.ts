import type { MailMessage } from './types';

/**
 * Headers the receiving server writes with the mailbox it delivered to. They name the reader's
 * organisation when To does not (undisclosed recipients, a lure sent "To: Recipients <itself>").
 */
const deliveryHeaders = ['delivered-to', 'x-original-to'];

const bracketed = /<([^<>\s]+@[^<>\s]+)>/;
const bare = /[^\s<>,;"]+@[^\s<>,;"]+/;

/** A delivery header holds one address; a longer value is hostile and only its start is read. */
const maxHeaderChars = 1_000;

function addressIn(value: string): string | undefined {
  const start = value.slice(0, maxHeaderChars);
  const match = bracketed.exec(start) ?? bare.exec(start);
  return (match?.[1] ?? match?.[0])?.toLowerCase();
}

/**
 * The address that says whose mailbox this is, used to pick the organisation when nobody
 * configured one (the `scan` command): the first To address, else the delivery headers.
 */
export function recipientAddress(message: MailMessage): string | undefined {
  const to = message.to.find((a) => a.address.includes('@'));
  if (to) return to.address;
  for (const key of deliveryHeaders) {
    const header = message.headers?.find((h) => h.key === key);
    const address = header && addressIn(header.value);
    if (address) return address;
  }
  return undefined;
}

/** The message's readers as it names them (To, then Cc), the first 20 that are addresses. */
export function recipientAddresses(message: MailMessage): string[] {
  return [...message.to, ...message.cc]
    .map((r) => r.address)
    .filter((a) => a.includes('@') && a.length <= 254)
    .slice(0, 20);
}
