import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLoopback, parseImapUrl } from '../../lib/triage/imap';
import { joinMbox, splitMbox } from '../../lib/triage/mbox';
import { openPathSource, SourceError, type ReportSource } from '../../lib/triage/sources';

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const bytes = (value: string) => new TextEncoder().encode(value);

async function collect(source: ReportSource) {
  const items = [];
  for await (const item of source.items()) items.push({ location: item.location, text: item.raw ? text(item.raw) : undefined, error: item.error });
  await source.close();
  return items;
}

describe('splitMbox', () => {
  const mbox = [
    'From canbo@laichau.gov.vn Mon Nov 17 09:00:00 2025',
    'From: a@x.org',
    'Subject: one',
    '',
    'From the start of a line, left unquoted by a careless writer: no date, no split',
    '>From here it was quoted once',
    '>>From here twice (mboxrd)',
    'From inside a paragraph, not after a blank line, is not a separator',
    '',
    'From MAILER-DAEMON Tue Nov 18 10:00:00 2025',
    'From: b@y.org',
    'Subject: two',
    '',
    'body two',
    '',
  ].join('\n');

  it('splits on From lines after a blank line and unquotes >From lines (mboxrd and mboxo)', () => {
    const messages = splitMbox(bytes(mbox));
    expect(messages.map((m) => m.envelope)).toEqual([
      'From canbo@laichau.gov.vn Mon Nov 17 09:00:00 2025',
      'From MAILER-DAEMON Tue Nov 18 10:00:00 2025',
    ]);
    const first = text(messages[0]!.raw);
    expect(first.startsWith('From: a@x.org\n')).toBe(true);
    expect(first).toContain('\nFrom here it was quoted once\n');
    expect(first).toContain('\n>From here twice (mboxrd)\n');
    expect(first).toContain('\nFrom inside a paragraph');
    expect(first).toContain('\n\nFrom the start of a line, left unquoted');
    // the blank line before the next envelope belongs to the mbox
    expect(first.endsWith('separator\n')).toBe(true);
    expect(text(messages[1]!.raw)).toBe('From: b@y.org\nSubject: two\n\nbody two\n');
  });

  it('reads CRLF mbox files and ignores text before the first envelope', () => {
    const crlf = `preamble\r\n\r\n${mbox.replace(/\n/g, '\r\n')}`;
    const messages = splitMbox(bytes(crlf));
    expect(messages).toHaveLength(2);
    expect(text(messages[1]!.raw)).toBe('From: b@y.org\r\nSubject: two\r\n\r\nbody two\r\n');
  });

  it('gives back exactly what joinMbox wrote, whatever From lines the bodies hold', () => {
    const line = fc.oneof(fc.constantFrom('From ', '>From ', '>>From x', 'From', '', 'text'), fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, '')));
    const message = fc.array(line, { minLength: 1, maxLength: 8 }).map((lines) => `Subject: s\n\n${lines.join('\n')}\n`);
    fc.assert(
      fc.property(fc.array(message, { minLength: 1, maxLength: 5 }), (raws) => {
        const split = splitMbox(bytes(joinMbox(raws.map((raw) => ({ raw })))));
        expect(split.map((m) => text(m.raw))).toEqual(raws);
      }),
    );
  });
});

describe('openPathSource', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'khienthu-triage-sources-'));
    mkdirSync(join(dir, 'folder', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'folder', 'b.eml'), 'Subject: b\n\nb\n');
    writeFileSync(join(dir, 'folder', 'sub', 'a.eml'), 'Subject: a\n\na\n');
    writeFileSync(join(dir, 'folder', 'notes.txt'), 'not a report');
    for (const sub of ['cur', 'new', 'tmp']) mkdirSync(join(dir, 'Maildir', sub), { recursive: true });
    writeFileSync(join(dir, 'Maildir', 'cur', '1700000000.M1.host:2,S'), 'Subject: seen\n\nx\n');
    writeFileSync(join(dir, 'Maildir', 'new', '1700000001.M2.host'), 'Subject: new\n\nx\n');
    writeFileSync(join(dir, 'Maildir', 'tmp', '1700000002.M3.host'), 'Subject: half-written\n\nx\n');
    writeFileSync(join(dir, 'reports.mbox'), joinMbox([{ raw: 'Subject: one\n\nFrom me\n' }, { raw: 'Subject: two\n\nx\n' }]));
    writeFileSync(join(dir, 'single.eml'), 'Subject: single\n\nx\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads a folder of .eml files at any depth, in name order, and nothing else', async () => {
    const source = await openPathSource(join(dir, 'folder'));
    expect(source.kind).toBe('folder');
    expect(source.total).toBe(2);
    const items = await collect(source);
    expect(items.map((i) => i.location)).toEqual([join(dir, 'folder', 'b.eml'), join(dir, 'folder', 'sub', 'a.eml')]);
  });

  it('reads a Maildir from cur/ and new/, never tmp/', async () => {
    const source = await openPathSource(join(dir, 'Maildir'));
    expect(source.kind).toBe('maildir');
    const items = await collect(source);
    expect(items.map((i) => i.text?.split('\n')[0])).toEqual(['Subject: seen', 'Subject: new']);
  });

  it('reads an mbox file, unquoting its From lines', async () => {
    const source = await openPathSource(join(dir, 'reports.mbox'));
    expect(source.kind).toBe('mbox');
    const items = await collect(source);
    expect(items.map((i) => i.location)).toEqual([`${join(dir, 'reports.mbox')}#1`, `${join(dir, 'reports.mbox')}#2`]);
    expect(items[0]!.text).toBe('Subject: one\n\nFrom me\n');
  });

  it('takes a single file as one message', async () => {
    const items = await collect(await openPathSource(join(dir, 'single.eml')));
    expect(items).toHaveLength(1);
    expect(items[0]!.text).toContain('Subject: single');
  });

  it('throws a SourceError for a path that does not exist', async () => {
    await expect(openPathSource(join(dir, 'nope'))).rejects.toThrow(SourceError);
    await expect(openPathSource(join(dir, 'nope'))).rejects.toThrow(/no such file or directory/);
  });
});

describe('parseImapUrl', () => {
  it('reads user, host, port and mailbox, with the default ports', () => {
    expect(parseImapUrl('imaps://hotro@mail.laichau.gov.vn/INBOX')).toMatchObject({ secure: true, host: 'mail.laichau.gov.vn', port: 993, user: 'hotro', mailbox: 'INBOX' });
    expect(parseImapUrl('imap://hotro%40laichau.gov.vn@127.0.0.1:1143/B%C3%A1o%20c%C3%A1o')).toMatchObject({
      secure: false,
      host: '127.0.0.1',
      port: 1143,
      user: 'hotro@laichau.gov.vn',
      mailbox: 'Báo cáo',
    });
    expect(parseImapUrl('imap://hotro@localhost')).toMatchObject({ port: 143, mailbox: 'INBOX' });
  });

  it('refuses a password in the URL, a missing user and other schemes', () => {
    expect(() => parseImapUrl('imaps://hotro:secret@mail.laichau.gov.vn/INBOX')).toThrow(/KHIENTHU_IMAP_PASSWORD/);
    expect(() => parseImapUrl('imaps://mail.laichau.gov.vn/INBOX')).toThrow(/no user/);
    expect(() => parseImapUrl('https://hotro@mail.laichau.gov.vn/')).toThrow(SourceError);
  });

  it('knows loopback hosts, where cleartext IMAP is allowed', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '::1'].every(isLoopback)).toBe(true);
    expect(['10.0.0.1', 'mail.laichau.gov.vn', '127.0.0.1.evil.example'].some(isLoopback)).toBe(false);
  });
});
