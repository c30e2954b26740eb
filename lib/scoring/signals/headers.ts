/**
 * What the receiving servers already concluded, when the raw message (and so its headers) is
 * known: authentication failures and the spam filter's own verdict add evidence.
 */
import { addressParser } from 'postal-mime';
import type { MailMessage } from '../../mail/types';
import type { ScoringContext } from '../context';
import { readable } from '../normalize';
import type { Finding } from '../types';

export const headerSignalIds = ['header.spf-fail', 'header.dkim-fail', 'header.dmarc-fail', 'header.spam-flag', 'header.malformed-from'] as const;

const authChecks = [
  { id: 'header.dmarc-fail', pattern: /\bdmarc=(fail)\b/i, weight: 25 },
  { id: 'header.spf-fail', pattern: /\bspf=(fail|softfail)\b/i, weight: 15 },
  { id: 'header.dkim-fail', pattern: /\bdkim=(fail)\b/i, weight: 10 },
] as const;

function spamVerdict(key: string, value: string): boolean {
  const trimmed = value.trim();
  switch (key) {
    case 'x-spam-status':
    case 'x-spam-flag':
    case 'x-spam':
      return /^yes\b/i.test(trimmed);
    case 'x-spamd-result':
      return /^default:\s*true\b/i.test(trimmed);
    default:
      return false;
  }
}

export function headerSignals(message: MailMessage, _context: ScoringContext): Finding[] {
  const headers = message.headers;
  if (!headers) return [];
  const findings: Finding[] = [];
  const results = headers.filter((h) => h.key === 'authentication-results').map((h) => h.value.slice(0, 4000));
  for (const check of authChecks) {
    const value = results.find((r) => check.pattern.test(r));
    const match = value === undefined ? null : check.pattern.exec(value);
    if (match) findings.push({ id: check.id, category: 'header', weight: check.weight, evidence: [match[0].toLowerCase()] });
  }
  const spam = headers.find((h) => spamVerdict(h.key, h.value.slice(0, 1000)));
  if (spam) {
    findings.push({ id: 'header.spam-flag', category: 'header', weight: 15, evidence: [readable(`${spam.key}: ${spam.value}`)] });
  }
  const from = headers.find((h) => h.key === 'from');
  if (from && (fromListsSeveral(from.value) || hidesItsAddress(from.value.slice(0, 2000)))) {
    findings.push({ id: 'header.malformed-from', category: 'header', weight: 15, evidence: [readable(from.value.slice(0, 120))] });
  }
  return findings;
}

/**
 * "Fedex entrega ,<renew@…>", "\" \" =?UTF-8?B?…?= \" \",25<email@…>": a From that lists several
 * mailboxes, most often a name and an address split by a stray comma. RFC 5322 allows several
 * authors; mail servers and mailing lists never write it, bulk senders that paste the display
 * name by hand do.
 */
function fromListsSeveral(value: string): boolean {
  if (!value.includes(',')) return false;
  const listed = addressParser(value.slice(0, 2000)).flatMap((a) => a.group ?? [a]);
  return listed.length > 1;
}

/**
 * `"iCloud heeft limiet bereikt" <"noreply@icloud.nl">`: the whole address in quotes inside the
 * angle brackets is no address at all (a quoted local part is `"noreply"@icloud.nl`); neither are
 * empty brackets, nor an address in a comment. A bulk tool that pastes a brand's address as text
 * writes them, no mail program does (a bounce's empty sender is the envelope's, not the From's).
 */
const quotedAngleAddress = /<\s*"[^"<>]*@[^"<>]*"\s*>/;
/** `"Mr. Richard" <>`, `TotalAV (<info@Antivirus.de>)`: no address, or one hidden in a comment. */
const noAddress = /<\s*>|\(\s*<[^<>()]*@[^<>()]*>\s*\)/;

function hidesItsAddress(value: string): boolean {
  return quotedAngleAddress.test(value) || noAddress.test(value);
}

/** A failed check means the sender's address cannot be taken at its word. */
export function isAuthenticationFailure(finding: Finding): boolean {
  return finding.id === 'header.dmarc-fail' || finding.id === 'header.spf-fail' || finding.id === 'header.dkim-fail';
}
