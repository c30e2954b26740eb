/**
 * How the message addresses its reader. A mass mailing that knows only a list of addresses greets
 * the address itself: "Prezado phishing@…, os seus pontos expiram em 48 horas", subject
 * "lethic@laocai.gov.vn: Hộp thư của bạn đã đầy". A colleague, a bank or the help desk knows the
 * reader's name, or writes no name at all; nobody greets a domain ("Olá, hotmail.com!", a merge that
 * took the address's domain for the name). Replies and forwards ("Re: list@…") are not counted,
 * nor an address on a line of its own (a quoted attribution, a signature).
 */
import { recipientAddresses } from '../../mail/recipient';
import type { MailMessage } from '../../mail/types';
import type { ScoringContext } from '../context';
import { publicDomain } from '../domains';
import type { Finding } from '../types';

export const recipientSignalIds = ['recipient.address-as-name'] as const;

const address = String.raw`[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){0,8}`;
/**
 * Greeting words, Vietnamese first; an address right after one (ending its line or followed by a
 * comma: "Prezado(a): phishing@pot"), or opening a line with a comma.
 */
const greeting = String.raw`kính gửi|kinh gui|thân gửi|than gui|xin chào|xin chao|chào|chao|dear|hello|hi|hey|greetings|attention|attn|prezad[oa](?:\(a\))?|estimad[oa](?:\(a\))?|sr\(a\)|sra?\.?|ol[aá]|hola|bonjour|cher|ch[eè]re|caro|cara|gentile|liebe[rs]?|hallo|beste|geachte`;
/** A mail domain in the address's place ("Olá, hotmail.com!"): the merge took the domain for the name. */
const domain = String.raw`[\w-]{1,63}(?:\.[\w-]{1,63}){0,6}\.\p{L}{2,24}`;
const greetingLine = new RegExp(
  String.raw`^[^\p{L}\p{N}]{0,20}(?:(?:${greeting})\s*[:,]?\s*(${address}|${domain})\s*(?:[,!:;]|$)|(${address})\s*[,!:;])`,
  'iu',
);
const replyPrefix = /^\s*(?:(?:re|aw|sv|fwd?|tr|rv|wg|antw|trả lời|tl|chuyển tiếp)\s*(?:\[\d+\])?\s*:\s*)+/iu;

/** The first lines of the body that say something: a greeting comes before the message. */
function openingLines(text: string): string[] {
  const lines: string[] = [];
  for (const line of text.slice(0, 2000).split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '') continue;
    lines.push(trimmed);
    if (lines.length === 6) break;
  }
  return lines;
}

export function recipientSignals(message: MailMessage, _context: ScoringContext): Finding[] {
  const recipients = recipientAddresses(message).map((a) => a.toLowerCase());
  const subject = message.subject.slice(0, 500);
  if (!replyPrefix.test(subject)) {
    const lower = subject.toLowerCase();
    const named = recipients.find((a) => lower.includes(a));
    if (named) return [{ id: 'recipient.address-as-name', category: 'recipient', weight: 15, evidence: [named] }];
  }
  for (const line of openingLines(message.text)) {
    const found = greetingLine.exec(line);
    const named = found?.[1] ?? found?.[2];
    // (a domain on a suffix of the public list: "Hi Node.js!" greets no domain)
    if (named && (named.includes('@') || publicDomain(named) !== undefined)) {
      return [{ id: 'recipient.address-as-name', category: 'recipient', weight: 15, evidence: [named] }];
    }
  }
  return [];
}
