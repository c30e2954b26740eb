/**
 * The help desk's mailbox over IMAP (imapflow), opened read-only: triage never marks, moves or
 * deletes a report. The password comes from the caller (the CLI reads KHIENTHU_IMAP_PASSWORD),
 * never from the URL, so it is not in shell history or the process list.
 *
 * `imaps://` is TLS from the start. `imap://` upgrades with STARTTLS when the server offers it;
 * staying in cleartext is allowed only on loopback (the lab's Dovecot) or with an explicit flag,
 * otherwise STARTTLS is required and a server without it is refused.
 */
import { ImapFlow, type FetchMessageObject } from 'imapflow';
import type { ReportSource, SourceItem } from './sources';
import { SourceError } from './sources';

export interface ImapTarget {
  secure: boolean;
  host: string;
  port: number;
  user: string;
  mailbox: string;
  /** The URL without any password, for the report. */
  label: string;
}

/** `imaps://hotro@mail.laichau.gov.vn/INBOX`, `imap://hotro%40laichau.gov.vn@127.0.0.1:1143/Reports`. */
export function parseImapUrl(source: string): ImapTarget {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    throw new SourceError(`not an IMAP URL: ${source}`);
  }
  const scheme = url.protocol.toLowerCase();
  if (scheme !== 'imap:' && scheme !== 'imaps:') throw new SourceError(`not an IMAP URL: ${source}`);
  if (url.password !== '') throw new SourceError('put the IMAP password in KHIENTHU_IMAP_PASSWORD, not in the URL');
  if (url.username === '') throw new SourceError(`no user in ${source} (imaps://USER@HOST/MAILBOX)`);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw new SourceError(`no host in ${source}`);
  const secure = scheme === 'imaps:';
  const port = url.port === '' ? (secure ? 993 : 143) : Number(url.port);
  const mailbox = decodeURIComponent(url.pathname.replace(/^\/+/, '')) || 'INBOX';
  const user = decodeURIComponent(url.username);
  const label = `${secure ? 'imaps' : 'imap'}://${encodeURIComponent(user)}@${url.host}/${mailbox}`;
  return { secure, host, port, user, mailbox, label };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export interface ImapOptions {
  password: string;
  /** Allow a cleartext session to a host that is not loopback when it offers no STARTTLS. */
  allowPlaintext?: boolean;
  /** Only messages that arrived on or after this day (IMAP SEARCH SINCE, the server's arrival date). */
  since?: Date;
  /** A report already triaged, by its Message-ID: its source is not downloaded again. */
  isSeenMessageId?: (messageId: string) => boolean;
  /** Milliseconds to wait for the server, 15 s by default. */
  timeoutMs?: number;
}

const fetchBatch = 200;

function errorText(error: unknown): string {
  const record = error as { authenticationFailed?: boolean; responseText?: string; code?: string; message?: string } | undefined;
  if (record?.authenticationFailed) return `authentication failed${record.responseText ? `: ${record.responseText}` : ''}`;
  return [record?.message, record?.responseText, record?.code].filter(Boolean).join(' ') || String(error);
}

export async function openImapSource(target: ImapTarget, options: ImapOptions): Promise<ReportSource> {
  const cleartextAllowed = isLoopback(target.host) || options.allowPlaintext === true;
  const client = new ImapFlow({
    host: target.host,
    port: target.port,
    secure: target.secure,
    // undefined: upgrade when offered, else go on in cleartext (loopback, or the admin said so)
    ...(!target.secure && !cleartextAllowed && { doSTARTTLS: true }),
    auth: { user: target.user, pass: options.password },
    logger: false,
    connectionTimeout: options.timeoutMs ?? 15_000,
    greetingTimeout: options.timeoutMs ?? 15_000,
  });
  // An error after connect (the server hangs up) must not crash the process: the pending command fails instead.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new SourceError(`cannot connect to ${target.label}: ${errorText(error)}`);
  }
  let lock: { release(): void } | undefined;
  try {
    lock = await client.getMailboxLock(target.mailbox, { readOnly: true });
    const found = await client.search(options.since ? { since: options.since } : { all: true }, { uid: true });
    const uids = (found || []).slice().sort((a, b) => a - b);
    let alreadySeen = 0;
    let wanted = uids;
    if (options.isSeenMessageId && uids.length > 0) {
      const envelopes = await client.fetchAll(uids.join(','), { uid: true, envelope: true }, { uid: true });
      const seen = new Set(
        envelopes.filter((m) => m.envelope?.messageId && options.isSeenMessageId!(m.envelope.messageId)).map((m) => m.uid),
      );
      alreadySeen = seen.size;
      wanted = uids.filter((uid) => !seen.has(uid));
    }
    const held = lock;
    return {
      kind: 'imap',
      label: target.label,
      total: wanted.length,
      alreadySeen,
      async *items(): AsyncIterable<SourceItem> {
        for (let i = 0; i < wanted.length; i += fetchBatch) {
          const batch = wanted.slice(i, i + fetchBatch);
          const got = new Map<number, FetchMessageObject>();
          try {
            for await (const message of client.fetch(batch.join(','), { uid: true, source: true, internalDate: true }, { uid: true })) {
              got.set(message.uid, message);
            }
          } catch (error) {
            throw new SourceError(`reading ${target.label} failed: ${errorText(error)}`);
          }
          for (const uid of batch) {
            const message = got.get(uid);
            const location = `${target.mailbox} UID ${uid}`;
            if (!message?.source) {
              yield { location, error: 'the server returned no message (expunged meanwhile?)' };
              continue;
            }
            const internal = message.internalDate;
            const receivedAt = internal instanceof Date ? internal : internal ? new Date(internal) : undefined;
            const raw = new Uint8Array(message.source.buffer, message.source.byteOffset, message.source.byteLength);
            yield { location, raw, ...(receivedAt && !Number.isNaN(receivedAt.getTime()) && { receivedAt }) };
          }
        }
      },
      close: async () => {
        held.release();
        await client.logout().catch(() => client.close());
      },
    };
  } catch (error) {
    lock?.release();
    await client.logout().catch(() => client.close());
    if (error instanceof SourceError) throw error;
    throw new SourceError(`cannot open ${target.label}: ${errorText(error)}`);
  }
}
