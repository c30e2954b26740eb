/**
 * The text of a report to the help desk. The original travels as an attachment; this says what
 * Khiên Thư saw in it, who reports it and when, in the province's language, plainly enough to
 * read on a phone and regular enough for the help desk's triage (`[reason id]` on every line).
 */
import { t, type Locale } from '../i18n';
import type { Verdict } from '../scoring/types';

export interface ReportFacts {
  verdict: Pick<Verdict, 'level' | 'score' | 'reasons'>;
  subject: string;
  /** The original's sender as the raw message or the page gave it. */
  from?: { name: string; address: string };
  messageId?: string;
  /** The user's own address (the webmail account), when the page tells it. */
  reporter?: string;
  /** What the user typed in the confirmation dialog. */
  comment?: string;
  time: Date;
  version: string;
  /** Where the report was made: the webmail's host. */
  webmail: string;
}

/** Long enough for any real explanation; a hostile subject or comment cannot fill the help desk's screen. */
const maxFieldLength = 500;
const maxCommentLength = 2000;

/** One line of at most `max` characters (a comment keeps its line breaks); no control characters. */
function clip(value: string, max: number, multiline = false): string {
  const flat = value.replace(multiline ? /[\u0000-\u0009\u000b-\u001f\u007f]/g : /[\u0000-\u001f\u007f]/g, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** 23/11/2026 13:45 in Vietnam's time, whatever the computer's zone; the ISO form goes next to it for machines. */
export function vietnamTime(time: Date | number, locale: Locale, timeStyle: 'short' | 'medium' = 'short'): string {
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle }).format(time);
}

export function reportBody(facts: ReportFacts, locale: Locale): string {
  const line = (key: string, params: Record<string, string | number> = {}) => t(locale, key, params);
  const from = facts.from
    ? clip(facts.from.name && facts.from.address ? `${facts.from.name} <${facts.from.address}>` : facts.from.address || facts.from.name, maxFieldLength)
    : line('report.body.unknown');
  const warnings = facts.verdict.reasons.filter((reason) => reason.weight > 0);
  const comment = facts.comment?.trim();
  const lines = [
    line('report.body.title'),
    '',
    line('report.body.reporter', { reporter: facts.reporter ? clip(facts.reporter, maxFieldLength) : line('report.body.unknown') }),
    line('report.body.time', { local: vietnamTime(facts.time, locale), iso: facts.time.toISOString() }),
    line('report.body.webmail', { host: facts.webmail }),
    line('report.body.version', { version: facts.version }),
    '',
    line('report.body.original'),
    `  ${line('report.body.subject', { subject: clip(facts.subject, maxFieldLength) })}`,
    `  ${line('report.body.from', { from })}`,
    ...(facts.messageId ? [`  Message-ID: ${clip(facts.messageId, maxFieldLength)}`] : []),
    '',
    line('report.body.verdict', { level: line(`report.body.level.${facts.verdict.level}`), score: facts.verdict.score }),
    ...(warnings.length > 0
      ? [line('report.body.reasons'), ...warnings.map((reason, index) => `  ${index + 1}. [${reason.id}] ${clip(reason.message, maxFieldLength)}`)]
      : [line('report.body.noReasons')]),
    ...(comment ? ['', line('report.body.comment'), ...clip(comment.replace(/\r\n?/g, '\n'), maxCommentLength, true).split('\n').map((text) => `  ${text}`)] : []),
    '',
    line('report.body.attached'),
  ];
  return lines.join('\n');
}
