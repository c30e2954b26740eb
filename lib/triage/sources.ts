/**
 * Where the help desk's reports are read from: a folder of `.eml` files, an mbox file, a Maildir,
 * or an IMAP mailbox (./imap.ts). Each source lists its messages first, so a progress bar knows
 * the total, then hands them over one at a time, so a large mailbox is never all in memory.
 *
 * A message that cannot be read is an item with an `error`; only a source that cannot be opened at
 * all throws (`SourceError`), because then there is nothing to triage.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileErrorMessage, listScanTargets } from '../../scripts/scan-files';
import { looksLikeMbox, splitMbox } from './mbox';

export interface SourceItem {
  /** Where the message is, for the report: a file, `file#3` in an mbox, `INBOX/UID 42`. */
  location: string;
  raw?: Uint8Array;
  /** Why the message could not be read; the run goes on. */
  error?: string;
  /** When it arrived (IMAP internal date, file time), for reports without a Date header. */
  receivedAt?: Date;
}

export type SourceKind = 'folder' | 'mbox' | 'maildir' | 'imap';

export interface ReportSource {
  kind: SourceKind;
  /** The source as the administrator named it (never with a password). */
  label: string;
  /** How many messages `items()` will yield. */
  total: number;
  /** Messages the source skipped before reading them, because their report was already triaged. */
  alreadySeen: number;
  items(): AsyncIterable<SourceItem>;
  close(): Promise<void>;
}

export class SourceError extends Error {
  override name = 'SourceError';
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch (error) {
    throw new SourceError(`cannot read ${path}: ${fileErrorMessage(error)}`);
  }
}

async function hasMaildirLayout(dir: string): Promise<boolean> {
  const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
    throw new SourceError(`cannot read ${dir}: ${fileErrorMessage(error)}`);
  });
  const names = new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name));
  return names.has('cur') && names.has('new');
}

async function readItem(location: string, file: string): Promise<SourceItem> {
  try {
    const [raw, info] = await Promise.all([readFile(file), stat(file)]);
    return { location, raw: new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength), receivedAt: info.mtime };
  } catch (error) {
    return { location, error: fileErrorMessage(error) };
  }
}

function fileListSource(kind: SourceKind, label: string, files: { location: string; file?: string; error?: string }[]): ReportSource {
  return {
    kind,
    label,
    total: files.length,
    alreadySeen: 0,
    async *items() {
      for (const entry of files) {
        if (entry.error !== undefined || entry.file === undefined) yield { location: entry.location, error: entry.error ?? 'unreadable' };
        else yield await readItem(entry.location, entry.file);
      }
    },
    close: async () => {},
  };
}

async function folderSource(dir: string): Promise<ReportSource> {
  const targets = await listScanTargets([dir]);
  if (targets.length === 1 && 'error' in targets[0]! && targets[0].file === dir) throw new SourceError(`cannot read ${dir}: ${targets[0].error}`);
  return fileListSource(
    'folder',
    dir,
    targets.map((t) => ('error' in t ? { location: t.file, error: t.error } : { location: t.file, file: t.file })),
  );
}

/** `cur/` and `new/` (never `tmp/`, where a delivery is still being written), each in name order. */
async function maildirSource(dir: string): Promise<ReportSource> {
  const files: { location: string; file: string }[] = [];
  for (const sub of ['cur', 'new']) {
    const entries = await readdir(join(dir, sub), { withFileTypes: true }).catch((error: unknown) => {
      throw new SourceError(`cannot read ${join(dir, sub)}: ${fileErrorMessage(error)}`);
    });
    const names = entries.filter((e) => e.isFile()).map((e) => e.name).sort();
    for (const name of names) files.push({ location: join(dir, sub, name), file: join(dir, sub, name) });
  }
  return fileListSource('maildir', dir, files);
}

/** `From sender Thu Nov 24 19:38:00 2021`: the date after the sender, when it parses. */
function envelopeDate(envelope: string): Date | undefined {
  const rest = envelope.replace(/^From \S*\s+/, '');
  const time = Date.parse(rest);
  return Number.isNaN(time) ? undefined : new Date(time);
}

async function mboxSource(file: string, bytes: Uint8Array): Promise<ReportSource> {
  const messages = splitMbox(bytes);
  return {
    kind: 'mbox',
    label: file,
    total: messages.length,
    alreadySeen: 0,
    async *items() {
      for (const message of messages) {
        const receivedAt = envelopeDate(message.envelope);
        yield { location: `${file}#${message.index}`, raw: message.raw, ...(receivedAt && { receivedAt }) };
      }
    },
    close: async () => {},
  };
}

/**
 * A path: a Maildir (a folder with `cur/` and `new/`), a folder of `.eml` files (at any depth), an
 * mbox file (its first line is a `From ` envelope), or else a single `.eml` file.
 */
export async function openPathSource(path: string): Promise<ReportSource> {
  if (await isDirectory(path)) return (await hasMaildirLayout(path)) ? maildirSource(path) : folderSource(path);
  let bytes: Uint8Array;
  try {
    const buffer = await readFile(path);
    bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch (error) {
    throw new SourceError(`cannot read ${path}: ${fileErrorMessage(error)}`);
  }
  if (looksLikeMbox(bytes)) return mboxSource(path, bytes);
  return fileListSource('folder', path, [{ location: path, file: path }]);
}

export function isImapUrl(source: string): boolean {
  return /^imaps?:\/\//i.test(source);
}
