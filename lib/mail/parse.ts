import PostalMime, { addressParser } from 'postal-mime';
import type { Address, Email } from 'postal-mime';
import { htmlLimits, htmlToContent, type HtmlContent } from './html';
import type { MailAddress, MailHeader, MailLink, MailMessage } from './types';
import { emptyMessage } from './types';

/** Thrown for input that is not an RFC 5322 message at all, so a caller can name the file and go on. */
export class MailParseError extends Error {
  override name = 'MailParseError';
}

export type RawMessage = string | ArrayBuffer | Uint8Array;

/** RFC 5322 field-name: printable ASCII except the colon. */
const fieldName = /^[\x21-\x39\x3b-\x7e]+$/;

/**
 * Headers a message has and a random file does not. Requiring one of them keeps a text file
 * whose first line happens to contain a colon from passing as a mail.
 */
const messageHeaders = new Set([
  'from', 'sender', 'to', 'cc', 'subject', 'date', 'message-id', 'received', 'return-path',
  'mime-version', 'content-type', 'delivered-to', 'reply-to', 'x-original-to',
]);

/**
 * URLs in a plain-text body. The scheme or `www.` anchors every match, so the scan stays
 * linear; trailing punctuation is trimmed by a loop afterwards, because a regular expression
 * anchored at the end would retry every run of dots inside a long hostile "URL".
 */
const plainUrl = /\b(?:https?:\/\/|www\.)[^\s<>"']+/gi;
const trailingPunctuation = new Set([...'.,;:!?)]}>\'"»”’']);

function withoutTrailingPunctuation(url: string): string {
  let end = url.length;
  while (end > 0 && trailingPunctuation.has(url[end - 1] ?? '')) end -= 1;
  return url.slice(0, end);
}

function toBytes(raw: RawMessage): Uint8Array {
  if (typeof raw === 'string') return new TextEncoder().encode(raw);
  return raw instanceof Uint8Array ? raw : new Uint8Array(raw);
}

const mboxEnvelope = [0x46, 0x72, 0x6f, 0x6d, 0x20]; // "From "

/**
 * An mbox export starts with a `From sender date` envelope line, which is not a header. It is
 * cut from the bytes, not from a decoded string, so that an 8-bit body in a legacy charset
 * (windows-1258) reaches postal-mime untouched.
 */
function withoutMboxLine(raw: RawMessage): RawMessage {
  if (typeof raw === 'string') return raw.startsWith('From ') ? raw.slice(raw.indexOf('\n') + 1 || raw.length) : raw;
  const bytes = toBytes(raw);
  if (!mboxEnvelope.every((b, i) => bytes[i] === b)) return raw;
  const end = bytes.indexOf(0x0a);
  return end === -1 ? new Uint8Array() : bytes.subarray(end + 1);
}

function isEmpty(raw: RawMessage): boolean {
  if (typeof raw === 'string') return raw.trim() === '';
  return toBytes(raw).every((b) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d);
}

function assertLooksLikeMail(email: Email): void {
  const first = email.headers[0];
  if (!first || !fieldName.test(first.key)) {
    throw new MailParseError('not an e-mail message: it does not start with a header line ("Name: value")');
  }
  if (!email.headers.some((h) => messageHeaders.has(h.key))) {
    throw new MailParseError('not an e-mail message: none of From, To, Subject, Date, Received, Content-Type… is present');
  }
}

function mailboxes(addresses: Address[] | Address | undefined): MailAddress[] {
  if (!addresses) return [];
  const list = Array.isArray(addresses) ? addresses : [addresses];
  return list.flatMap((a) =>
    a.group
      ? a.group.map((m) => ({ name: m.name.trim(), address: m.address.trim().toLowerCase() }))
      : [{ name: a.name.trim(), address: (a.address ?? '').trim().toLowerCase() }],
  );
}

/**
 * The sender. "Fedex entrega ,<renew@top1lithiumbattery.cfd>" is two mailboxes to a parser, a
 * name without an address and then the address: a mail client shows both, and the message is
 * from the address, under the name.
 */
function senderOf(header: string | undefined, parsed: Address | undefined): MailAddress | undefined {
  const first = mailboxes(parsed)[0];
  if (first === undefined || first.address.includes('@') || header === undefined) return first;
  const listed = mailboxes(addressParser(header.slice(0, 2000)));
  const real = listed.find((m) => m.address.includes('@'));
  if (!real) return first;
  return { name: first.name || real.name, address: real.address };
}

/**
 * The envelope sender as written by the final delivery; the topmost Return-Path wins because
 * that is the one the receiving server added. `<>` (a bounce) gives the empty string.
 */
function returnPathOf(headers: MailHeader[]): string | undefined {
  const header = headers.find((h) => h.key === 'return-path');
  if (!header) return undefined;
  return header.value.trim().replace(/^<(.*)>$/s, '$1').trim().toLowerCase();
}

export function linksInPlainText(text: string): MailLink[] {
  const links: MailLink[] = [];
  for (const match of text.matchAll(plainUrl)) {
    if (links.length >= htmlLimits.maxLinks) break;
    const href = withoutTrailingPunctuation(match[0]);
    if (href.length > 4) links.push({ href, text: href });
  }
  return links;
}

function capText(text: string): string {
  return text.length > htmlLimits.maxTextChars ? text.slice(0, htmlLimits.maxTextChars) : text;
}

/** Where the body starts: after the first empty line (CRLF or LF). */
function bodyStart(bytes: Uint8Array): number {
  for (let i = 0; i + 1 < bytes.length; i++) {
    if (bytes[i] !== 0x0a) continue;
    if (bytes[i + 1] === 0x0a) return i + 2;
    if (bytes[i + 1] === 0x0d && bytes[i + 2] === 0x0a) return i + 3;
  }
  return bytes.length;
}

/**
 * When a multipart message lost its boundary parameter (or names the wrong one), postal-mime
 * finds no part at all and the body would go unscanned, which is exactly what a lure wants.
 * The first `--token` line of the body is taken as the boundary and the body parsed again; if
 * there is none, the body is read as plain text.
 */
async function recoverBody(raw: RawMessage): Promise<Pick<Email, 'text' | 'html' | 'attachments'>> {
  const bytes = toBytes(raw);
  const body = bytes.subarray(bodyStart(bytes));
  // Boundaries are ASCII; latin1 maps every byte to one character, so nothing shifts.
  const head = new TextDecoder('latin1').decode(body.subarray(0, 64_000));
  const boundary = /^--([^\s]{1,200})[ \t]*\r?$/m.exec(head)?.[1]?.replace(/--$/, '');
  if (boundary) {
    const header = new TextEncoder().encode(`Content-Type: multipart/mixed; boundary="${boundary}"\r\n\r\n`);
    const rebuilt = new Uint8Array(header.length + body.length);
    rebuilt.set(header);
    rebuilt.set(body, header.length);
    // the rebuilt message may be as hostile as the first (nested past postal-mime's limit): then plain text
    const inner = await PostalMime.parse(rebuilt).catch(() => undefined);
    if (inner && (inner.text || inner.html || inner.attachments.length > 0)) return inner;
  }
  return { text: new TextDecoder().decode(body), html: undefined, attachments: [] };
}

function attachmentSize(content: ArrayBuffer | Uint8Array | string): number {
  return typeof content === 'string' ? content.length : content.byteLength;
}

/**
 * Parses a raw RFC 5322 message (an `.eml` file, Roundcube's "view source") into a
 * `MailMessage`. Runs unchanged in Node and in the extension: postal-mime and htmlparser2 need
 * no Node API. Attachment contents are measured and dropped, never kept.
 */
/**
 * Webmail shows the HTML part when there is one, so that is what the reader sees; but a lure can
 * also keep its words in the plain part and a harmless HTML part, or the other way round. Both
 * are read: the score counts each family of signals once, so saying it twice adds nothing.
 */
function bodyOf(plain: string, fromHtml: HtmlContent | undefined): Pick<MailMessage, 'text' | 'links'> {
  if (!fromHtml) return { text: plain, links: linksInPlainText(plain) };
  const collapse = (value: string) => value.replace(/\s+/g, ' ').trim();
  const text = !plain || collapse(plain) === collapse(fromHtml.text) ? fromHtml.text : `${fromHtml.text}\n\n${plain}`;
  // A plain-part URL that the HTML shows (as a link, as a link's text, or in its text) is the same
  // link rendered for plain-text readers, not a second one.
  const seen = new Set([
    ...fromHtml.links.flatMap((link) => [link.href, link.text]),
    ...linksInPlainText(fromHtml.text).map((link) => link.href),
  ]);
  const plainOnly = plain ? linksInPlainText(plain).filter((link) => !seen.has(link.href)) : [];
  return { text: capText(text), links: [...fromHtml.links, ...plainOnly] };
}

/** Header fields read first when postal-mime refused the whole message: the ones the score reads. */
const essentialFields = new Set([
  'from', 'sender', 'reply-to', 'to', 'cc', 'subject', 'date', 'message-id', 'return-path', 'mime-version',
  'authentication-results', 'x-spam-status', 'x-spam-flag', 'x-spam', 'x-spamd-result',
]);
/** In that fallback, each field is cut to this, and the block to the total. */
const fallbackFieldBytes = 16 * 1024;
const fallbackHeaderBytes = 256 * 1024;

/** The header block as separate fields (a field goes on over folded lines), in one pass over the bytes. */
function headerFields(bytes: Uint8Array, end: number): Uint8Array[] {
  const fields: Uint8Array[] = [];
  let start = 0;
  for (let i = 0; i < end; i++) {
    if (bytes[i] !== 0x0a || bytes[i + 1] === 0x20 || bytes[i + 1] === 0x09) continue;
    if (i + 1 > start) fields.push(bytes.subarray(start, i + 1));
    start = i + 1;
  }
  if (end > start) fields.push(bytes.subarray(start, end));
  return fields;
}

function fieldNameOf(field: Uint8Array): string {
  const colon = field.subarray(0, 80).indexOf(0x3a);
  return colon > 0 ? new TextDecoder('latin1').decode(field.subarray(0, colon)).trim().toLowerCase() : '';
}

/**
 * postal-mime refuses some hostile structures outright: MIME nested past 256 levels, more than
 * 2 MB of headers. A refusal must not leave a lure unscored, so the message is read again the
 * simple way: the header fields the score needs (then the others), each cut to 16 KB, and the
 * body as plain text, MIME scaffolding and all.
 */
async function parseLeniently(input: RawMessage): Promise<{ email: Email; refused?: unknown }> {
  try {
    return { email: await PostalMime.parse(input) };
  } catch (refused) {
    const bytes = toBytes(input);
    const start = bodyStart(bytes);
    const fields = headerFields(bytes, start);
    const ordered = [...fields.filter((f) => essentialFields.has(fieldNameOf(f))), ...fields.filter((f) => !essentialFields.has(fieldNameOf(f)))];
    const kept: Uint8Array[] = [];
    let total = 0;
    for (const field of ordered) {
      const cut = field.length > fallbackFieldBytes ? concatBytes(field.subarray(0, fallbackFieldBytes), crlf) : field;
      if (total + cut.length > fallbackHeaderBytes) continue;
      kept.push(cut);
      total += cut.length;
    }
    const text = new TextDecoder().decode(bytes.subarray(start, start + htmlLimits.maxTextChars));
    try {
      const head = await PostalMime.parse(concatBytes(...kept, crlf));
      return { email: { ...head, text, html: undefined, attachments: [] }, refused };
    } catch {
      return { email: { headers: [], attachments: [] } as unknown as Email, refused };
    }
  }
}

const crlf = new Uint8Array([0x0d, 0x0a]);

function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export async function parseRawMessage(raw: RawMessage): Promise<MailMessage> {
  if (isEmpty(raw)) throw new MailParseError('not an e-mail message: the input is empty');
  const input = withoutMboxLine(raw);

  const { email, refused } = await parseLeniently(input);
  try {
    assertLooksLikeMail(email);
  } catch (error) {
    if (!refused) throw error;
    throw new MailParseError(`not a readable e-mail message: ${refused instanceof Error ? refused.message : String(refused)}`);
  }

  let { text, html, attachments } = email;
  const partless = !text && !html && attachments.length === 0;
  if (!refused && partless && /^\s*multipart\//i.test(email.headers.find((h) => h.key === 'content-type')?.value ?? '')) {
    ({ text, html, attachments } = await recoverBody(input));
  }

  const headers: MailHeader[] = email.headers.map((h) => ({ key: h.key, value: h.value }));
  const fromHtml = html ? htmlToContent(html) : undefined;
  const plain = text?.trim() ? capText(text) : '';
  const message = emptyMessage('raw');
  const from = senderOf(email.headers.find((h) => h.key === 'from')?.value, email.from);
  const returnPath = returnPathOf(headers);

  return {
    ...message,
    subject: (email.subject ?? '').trim(),
    ...(from && { from }),
    replyTo: mailboxes(email.replyTo),
    to: mailboxes(email.to),
    cc: mailboxes(email.cc),
    ...(returnPath !== undefined && { returnPath }),
    headers,
    ...bodyOf(plain, fromHtml),
    attachments: attachments.map((a) => ({
      filename: a.filename ?? '',
      contentType: a.mimeType,
      size: attachmentSize(a.content),
    })),
    formFields: fromHtml?.formFields ?? [],
    ...(fromHtml && { classNames: fromHtml.classNames }),
  };
}
