/**
 * Keys that say "this is the same message": the same lure reported by ten people is one original
 * with ten reports, and a report met again on the next run is not counted again.
 *
 * A Message-ID is the key when there is one. Without it, the hash of the message's bytes after the
 * lines each delivery adds (Received, Delivered-To, Return-Path…) are taken out and line endings
 * and trailing spaces are made uniform: the copies in two mailboxes differ only there.
 */
import { createHash } from 'node:crypto';
import { bareText } from '../scoring/normalize';
import type { MailMessage } from '../mail/types';

/** `<ABC@Example.org>` → `mid:abc@example.org`; undefined for an empty or absurd value. */
export function messageIdKey(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const id = value.trim().replace(/^<+|>+$/g, '').trim().toLowerCase();
  if (id === '' || id.length > 998 || /\s/.test(id)) return undefined;
  return `mid:${id}`;
}

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Header fields written on the way, different in every recipient's copy of one message. */
const traceFields = new Set([
  'received', 'delivered-to', 'x-original-to', 'return-path', 'x-uid', 'status', 'x-status', 'x-keywords',
  'x-mozilla-status', 'x-mozilla-status2', 'x-spam-status', 'x-spam-flag', 'x-spam-score', 'x-spam-level',
  'x-virus-scanned', 'authentication-results', 'arc-authentication-results', 'arc-seal', 'arc-message-signature',
  'x-received', 'x-original-arrival-time', 'x-ms-exchange-organization-authas',
]);

/** The bytes that every recipient's copy shares, as a string (latin1: one character per byte). */
export function normalisedRaw(raw: Uint8Array): string {
  const text = new TextDecoder('latin1').decode(raw).replace(/\r\n?/g, '\n');
  const split = text.indexOf('\n\n');
  const head = split === -1 ? text : text.slice(0, split);
  const body = split === -1 ? '' : text.slice(split + 2);
  const fields = head.split(/\n(?![ \t])/).filter((field) => {
    const name = field.slice(0, field.indexOf(':')).trim().toLowerCase();
    return !traceFields.has(name) && !/^from /i.test(field);
  });
  const tidy = (s: string) => s.replace(/[ \t]+$/gm, '').replace(/\n+$/, '');
  return `${tidy(fields.join('\n'))}\n\n${tidy(body)}`;
}

/** The key of an original message: its Message-ID, else the hash of its normalised bytes. */
export function originalKey(raw: Uint8Array, message: MailMessage): string {
  const id = messageIdKey(message.headers?.find((h) => h.key === 'message-id')?.value);
  return id ?? `sha256:${sha256(normalisedRaw(raw))}`;
}

/** An inline forward has no bytes of its own: the sender, subject and text it shows are the message. */
export function inlineKey(message: MailMessage): string {
  return `inline:${sha256(bareText(`${message.from?.address ?? ''}\n${message.subject}\n${message.text.slice(0, 100_000)}`))}`;
}

/** The key of a report: its Message-ID, else the hash of its bytes. */
export function reportKey(raw: Uint8Array, messageId: string | undefined): string {
  return messageIdKey(messageId) ?? `sha256:${sha256(normalisedRaw(raw))}`;
}

/** A report that could not be read has only its bytes (or its location, when it had none). */
export function brokenKey(raw: Uint8Array | undefined, location: string): string {
  return raw ? `sha256:${sha256(normalisedRaw(raw))}` : `location:${location}`;
}
