/**
 * A report to the help desk, taken apart: who reported, when, and the original lure(s) inside.
 *
 * - The extension's report (issue #6) and Roundcube's "forward as attachment": the original is a
 *   `message/rfc822` part (or an `.eml` file under another type, as some clients send it).
 * - A report forwarded on by someone else: the report is itself attached, and the original is one
 *   level deeper. It is recognised by its subject (a forward or report prefix) and unwrapped.
 * - An inline forward ("---------- Forwarded message ---------"): there is no original to take
 *   out. The report itself is scored, with the sender and subject read from the forwarded header
 *   block when there is one, and the result is marked as an inline forward, because a sender
 *   typed into a body is weaker evidence than a header.
 */
import PostalMime from 'postal-mime';
import type { Attachment } from 'postal-mime';
import { linksInPlainText, parseRawMessage } from '../mail/parse';
import type { MailAddress, MailMessage } from '../mail/types';

export type Wrapping = 'attached' | 'nested' | 'inline-forward';

export interface UnwrappedOriginal {
  how: Wrapping;
  /** The original's bytes (attached, nested). */
  raw?: Uint8Array;
  /** The message to score (inline forward: built from the report). */
  message?: MailMessage;
}

export interface UnwrappedReport {
  /** The reporter's address (the report's From). */
  reporter: string;
  subject: string;
  messageId?: string;
  date?: Date;
  /** Addresses the report was sent to: the help desk. */
  recipients: string[];
  originals: UnwrappedOriginal[];
}

/** How deep a report may be wrapped in forwards of itself before the search stops. */
const maxNesting = 3;
/** Originals taken from one report at most: a mail with 10 000 attachments is not a report. */
const maxOriginals = 50;

const forwardOrReport = /^\s*(?:(?:fwd?|tv|tl|chuy[eể]n ti[eế]p|wg|tr)\s*:|\[[^\]]*\]|3\|phishing:)/i;

function isMessagePart(attachment: Attachment): boolean {
  const type = attachment.mimeType.toLowerCase();
  return type === 'message/rfc822' || type === 'message/global' || (attachment.filename ?? '').toLowerCase().endsWith('.eml');
}

function bytesOf(content: Attachment['content']): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

async function messageParts(raw: Uint8Array): Promise<{ subject: string; parts: Uint8Array[] }> {
  try {
    const email = await PostalMime.parse(raw, { forceRfc822Attachments: true });
    return { subject: email.subject ?? '', parts: email.attachments.filter(isMessagePart).map((a) => bytesOf(a.content)) };
  } catch {
    // refused structures (too deep, too many headers): parseRawMessage reads what it can for scoring
    return { subject: '', parts: [] };
  }
}

/** The originals inside `raw`, looking through forwards of reports down to `maxNesting`. */
async function originalsIn(raw: Uint8Array, depth: number, prefixes: readonly string[]): Promise<UnwrappedOriginal[]> {
  const { parts } = await messageParts(raw);
  const found: UnwrappedOriginal[] = [];
  for (const part of parts) {
    if (found.length >= maxOriginals) break;
    const inner = depth < maxNesting ? await messageParts(part) : { subject: '', parts: [] };
    const subject = inner.subject.trim();
    const looksForwarded = forwardOrReport.test(subject) || prefixes.some((p) => p !== '' && subject.startsWith(p));
    if (inner.parts.length > 0 && looksForwarded) {
      const deeper = await originalsIn(part, depth + 1, prefixes);
      found.push(...deeper.map((o) => ({ ...o, how: 'nested' as const })));
    } else {
      found.push({ how: depth === 0 ? 'attached' : 'nested', raw: part });
    }
  }
  return found.slice(0, maxOriginals);
}

const headerLabel =
  /^[ \t>*]*(from|từ|tu|de|von|sent|date|ngày|ngay|đã gửi|da gui|gửi lúc|subject|chủ đề|chu de|tiêu đề|tieu de|to|tới|toi|đến|den|cc)[ \t]*:[ \t]*(.*)$/i;
const senderLabels = new Set(['from', 'từ', 'tu', 'de', 'von']);
const subjectLabels = new Set(['subject', 'chủ đề', 'chu de', 'tiêu đề', 'tieu de']);
const addressPattern = /[^\s<>"'()[\],;:]+@[^\s<>"'()[\],;:]+\.[a-z0-9-]{2,63}/i;

export interface ForwardedBlock {
  from?: MailAddress;
  subject?: string;
  /** The forwarded message's text, after its header block. */
  body: string;
}

/**
 * The first block of at least two "Label: value" lines that names a sender, as mail clients write
 * when forwarding inline (Gmail, Thunderbird, Roundcube, Outlook, Zimbra; English and Vietnamese).
 */
export function forwardedBlock(text: string): ForwardedBlock | undefined {
  const lines = text.slice(0, 200_000).split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!headerLabel.test(lines[i] ?? '')) continue;
    const fields = new Map<string, string>();
    let j = i;
    for (; j < lines.length; j++) {
      const match = headerLabel.exec(lines[j] ?? '');
      if (!match) break;
      fields.set(match[1]!.toLowerCase(), match[2]!.trim());
    }
    const senderKey = [...fields.keys()].find((k) => senderLabels.has(k));
    const senderValue = senderKey ? fields.get(senderKey) ?? '' : '';
    const address = addressPattern.exec(senderValue)?.[0];
    if (j - i >= 2 && address) {
      const name = senderValue.slice(0, senderValue.indexOf(address)).replace(/[<"[\]]|mailto:/gi, ' ').replace(/\s+/g, ' ').trim();
      const subjectKey = [...fields.keys()].find((k) => subjectLabels.has(k));
      return {
        from: { name, address: address.toLowerCase() },
        ...(subjectKey && { subject: fields.get(subjectKey) }),
        body: lines.slice(j).join('\n').trim(),
      };
    }
    i = j;
  }
  return undefined;
}

/** Report subject prefixes stripped to get back to the lure's own subject. */
function withoutPrefixes(subject: string, prefixes: readonly string[]): string {
  let rest = subject.trim();
  for (let guard = 0; guard < 5; guard++) {
    const prefix = prefixes.find((p) => p !== '' && rest.startsWith(p));
    if (prefix) rest = rest.slice(prefix.length).trim();
    else if (forwardOrReport.test(rest)) rest = rest.replace(forwardOrReport, '').trim();
    else break;
  }
  return rest;
}

/** The message an inline forward stands for: the lure's sender and subject when the block names them. */
function inlineOriginal(report: MailMessage, prefixes: readonly string[]): MailMessage {
  const block = forwardedBlock(report.text);
  const reporter = report.from ? [report.from] : [];
  if (!block) {
    return { ...report, subject: withoutPrefixes(report.subject, prefixes), headers: [], to: reporter, cc: [], replyTo: [] };
  }
  return {
    ...report,
    subject: block.subject ?? withoutPrefixes(report.subject, prefixes),
    ...(block.from && { from: block.from }),
    replyTo: [],
    to: reporter,
    cc: [],
    text: block.body,
    links: report.links.length > 0 ? report.links : linksInPlainText(block.body),
    // the report's own headers say how the reporter's mail travelled, not the lure's
    headers: [],
  };
}

function headerValue(message: MailMessage, key: string): string | undefined {
  return message.headers?.find((h) => h.key === key)?.value;
}

/**
 * Throws (MailParseError) when the report itself is not a mail. An attached original that is not
 * a mail is still returned: it is reported as broken where it is scored.
 */
export async function unwrapReport(raw: Uint8Array, reportPrefixes: readonly string[] = []): Promise<UnwrappedReport> {
  const report = await parseRawMessage(raw);
  const prefixes = [...reportPrefixes.map((p) => p.trim()), '[Khiên Thư]', '3|Phishing:'];
  let originals = await originalsIn(raw, 0, prefixes);
  if (originals.length === 0) originals = [{ how: 'inline-forward', message: inlineOriginal(report, prefixes) }];
  const dateValue = headerValue(report, 'date');
  const time = dateValue ? Date.parse(dateValue) : Number.NaN;
  const messageId = headerValue(report, 'message-id')?.trim();
  return {
    reporter: report.from?.address ?? '',
    subject: report.subject,
    ...(messageId && { messageId }),
    ...(!Number.isNaN(time) && { date: new Date(time) }),
    recipients: [...report.to, ...report.cc].map((a) => a.address).filter((a) => a.includes('@')),
    originals,
  };
}
