/**
 * Reports to the help desk, built for the triage tests from the `.eml` files of the corpus: the
 * way the extension (issue #6) and Roundcube's "forward as attachment" send them (the original as
 * an unmodified message/rfc822 part), a report forwarded on (the original one level deeper), and
 * an inline forward as people write them by hand. Independent of lib/report on purpose.
 */
import { readFileSync } from 'node:fs';
import PostalMime from 'postal-mime';

export interface ReportOptions {
  reporter?: string;
  helpDesk?: string;
  /** The report's own subject; by default the extension's form with the original's subject. */
  subject?: string;
  date?: Date;
  messageId?: string;
  /** How the original is attached: the standard message/rfc822 part, or an .eml as a plain file. */
  attachAs?: 'message/rfc822' | 'application/octet-stream';
  /** base64 (Outlook does it for octet-stream) or as is. */
  encoding?: '7bit' | 'base64';
}

let sequence = 0;

function encodedWord(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text).toString('base64')}?=`;
}

function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n');
}

export function readEml(path: string): Buffer {
  return readFileSync(path);
}

/** The original's decoded subject, for the report's subject line. */
async function subjectOf(original: Buffer): Promise<string> {
  return (await PostalMime.parse(original)).subject ?? '';
}

function utf8(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

function envelope(options: ReportOptions, subject: string, contentType: string): string {
  sequence += 1;
  const date = (options.date ?? new Date(Date.UTC(2025, 10, 17, 2, 0, sequence % 60))).toUTCString().replace('GMT', '+0000');
  return crlf(
    [
      `From: ${options.reporter ?? 'canbo@laichau.gov.vn'}`,
      `To: ${options.helpDesk ?? 'hotro@laichau.gov.vn'}`,
      `Subject: ${encodedWord(subject)}`,
      `Date: ${date}`,
      `Message-ID: ${options.messageId ?? `<report-${process.pid}-${sequence}-${Date.now()}@laichau.gov.vn>`}`,
      'MIME-Version: 1.0',
      `Content-Type: ${contentType}`,
      '',
      '',
    ].join('\n'),
  );
}

/** A report with the original attached, as the extension sends it. `original` is the raw .eml. */
export async function attachedReport(original: Buffer, options: ReportOptions = {}): Promise<Buffer> {
  const boundary = `khienthu-${sequence + 1}-${Math.random().toString(36).slice(2)}`;
  const subject = options.subject ?? `[Khiên Thư] Thư nghi giả mạo: ${await subjectOf(original)}`;
  const type = options.attachAs ?? 'message/rfc822';
  const encoding = options.encoding ?? (type === 'message/rfc822' ? '7bit' : 'base64');
  const content =
    encoding === 'base64' ? utf8((original.toString('base64').match(/.{1,76}/g) ?? []).join('\r\n')) : Buffer.from(crlf(original.toString('latin1')), 'latin1');
  return Buffer.concat([
    utf8(envelope(options, subject, `multipart/mixed; boundary="${boundary}"`)),
    utf8(crlf(
      [
        `--${boundary}`,
        'Content-Type: text/plain; charset=UTF-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        'Kết luận: nguy hiểm',
        `Người báo cáo: ${options.reporter ?? 'canbo@laichau.gov.vn'}`,
        'Khiên Thư 0.1.0',
        '',
        `--${boundary}`,
        `Content-Type: ${type}${type === 'message/rfc822' ? '' : '; name="thu-goc.eml"'}`,
        'Content-Disposition: attachment; filename="thu-goc.eml"',
        `Content-Transfer-Encoding: ${encoding}`,
        '',
        '',
      ].join('\n'),
    )),
    content,
    utf8(crlf(`\n--${boundary}--\n`)),
  ]);
}

/** A report forwarded on by someone else, as an attachment: the original is one level deeper. */
export async function nestedReport(original: Buffer, options: ReportOptions & { forwarder?: string } = {}): Promise<Buffer> {
  const inner = await attachedReport(original, options);
  return attachedReport(inner, {
    ...options,
    reporter: options.forwarder ?? 'truongphong@laichau.gov.vn',
    subject: `Fwd: ${await subjectOf(inner)}`,
    messageId: `<nested-${process.pid}-${sequence}-${Date.now()}@laichau.gov.vn>`,
  });
}

/** An inline forward written by hand (Gmail's form, or Zimbra's Vietnamese one): no attachment. */
export async function inlineForwardReport(original: Buffer, options: ReportOptions & { style?: 'gmail' | 'zimbra-vi' } = {}): Promise<Buffer> {
  const parsed = await PostalMime.parse(original);
  const from = parsed.from ? `${parsed.from.name ? `${parsed.from.name} ` : ''}<${parsed.from.address ?? ''}>` : '';
  const header =
    options.style === 'zimbra-vi'
      ? ['----- Thư chuyển tiếp -----', `Từ: ${from}`, 'Tới: canbo@laichau.gov.vn', `Đã gửi: ${parsed.date ?? ''}`, `Chủ đề: ${parsed.subject ?? ''}`]
      : ['---------- Forwarded message ---------', `From: ${from}`, `Date: ${parsed.date ?? ''}`, `Subject: ${parsed.subject ?? ''}`, 'To: canbo@laichau.gov.vn'];
  const body = ['Em nhận được thư này, nhờ anh chị kiểm tra.', '', ...header, '', parsed.text ?? ''].join('\n');
  const head = envelope(options, options.subject ?? `Fwd: ${parsed.subject ?? ''}`, 'text/plain; charset=UTF-8').replace(
    'Content-Type: text/plain; charset=UTF-8\r\n',
    'Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n',
  );
  return utf8(head + crlf((utf8(body).toString('base64').match(/.{1,76}/g) ?? []).join('\n')));
}

/** A message like `template` from a different sender, with its own Message-ID: another copy of the lure. */
export function withSender(raw: Buffer, from: string, messageId: string): Buffer {
  const text = raw.toString('latin1').replace(/^From: .*(?:\r?\n[ \t].*)*$/m, `From: ${from}`).replace(/^Message-ID: .*$/im, `Message-ID: ${messageId}`);
  return Buffer.from(text, 'latin1');
}
