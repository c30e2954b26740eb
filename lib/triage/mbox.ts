/**
 * Splitting an mbox file into its messages. A message starts at a `From ` line at the start of the
 * file or after an empty line; body lines that began with `From ` were written as `>From ` (mboxo)
 * or with one more `>` each time (mboxrd). Removing one `>` from `>…>From ` undoes both: the
 * mboxrd rule is exact, and mboxo only ever added one.
 *
 * The work is done on bytes, so a body in a legacy 8-bit charset reaches the MIME parser untouched.
 */

const LF = 0x0a;
const CR = 0x0d;
const GT = 0x3e;
const from = [0x46, 0x72, 0x6f, 0x6d, 0x20]; // "From "

function startsWithFrom(bytes: Uint8Array, at: number): boolean {
  return from.every((b, i) => bytes[at + i] === b);
}

/** `>From `, `>>From `…: a quoted From line, at `at`. */
function quotedFromAt(bytes: Uint8Array, at: number): boolean {
  let i = at;
  while (bytes[i] === GT) i += 1;
  return i > at && startsWithFrom(bytes, i);
}

/** True when the line starting at `at` is blank (LF or CRLF). */
function blankLineAt(bytes: Uint8Array, at: number): boolean {
  return bytes[at] === LF || (bytes[at] === CR && bytes[at + 1] === LF);
}

/**
 * An envelope line names a sender and an asctime date (`From a@b Mon Nov 17 09:00:00 2025`). A
 * body line that merely starts with "From " after a blank line, which a careless writer left
 * unquoted, has no time of day in it and does not split the message.
 */
function isEnvelopeAt(bytes: Uint8Array, at: number): boolean {
  if (!startsWithFrom(bytes, at)) return false;
  const end = bytes.indexOf(LF, at);
  const line = new TextDecoder('latin1').decode(bytes.subarray(at, end === -1 ? Math.min(bytes.length, at + 1000) : Math.min(end, at + 1000)));
  return /^From \S+\s.*\b\d{1,2}:\d{2}/.test(line);
}

/** The offsets where messages' `From ` lines start. */
function separatorOffsets(bytes: Uint8Array): number[] {
  const offsets: number[] = [];
  if (isEnvelopeAt(bytes, 0)) offsets.push(0);
  let previousLineStart = 0;
  for (let i = bytes.indexOf(LF); i !== -1; i = bytes.indexOf(LF, i + 1)) {
    const lineStart = i + 1;
    if (lineStart < bytes.length && blankLineAt(bytes, previousLineStart) && isEnvelopeAt(bytes, lineStart)) {
      offsets.push(lineStart);
    }
    previousLineStart = lineStart;
  }
  return offsets;
}

/** One message's bytes: envelope line dropped, quoted From lines unquoted, the separating blank line dropped. */
function unquote(bytes: Uint8Array, start: number, end: number): Uint8Array {
  const firstLf = bytes.indexOf(LF, start);
  const bodyStart = firstLf === -1 || firstLf >= end ? end : firstLf + 1;
  // The blank line before the next envelope belongs to the mbox, not to the message.
  let stop = end;
  if (stop > bodyStart && bytes[stop - 1] === LF) {
    const before = stop - 1;
    if (before > bodyStart && bytes[before - 1] === LF) stop = before;
    else if (before > bodyStart + 1 && bytes[before - 1] === CR && bytes[before - 2] === LF) stop = before - 1;
  }
  const out = new Uint8Array(stop - bodyStart);
  let size = 0;
  let lineStart = true;
  for (let i = bodyStart; i < stop; i++) {
    if (lineStart && bytes[i] === GT && quotedFromAt(bytes, i)) {
      lineStart = false;
      continue; // drop one '>'
    }
    out[size++] = bytes[i]!;
    lineStart = bytes[i] === LF;
  }
  return out.subarray(0, size);
}

export interface MboxMessage {
  /** 1-based position in the file. */
  index: number;
  /** The `From ` envelope line, without the line ending. */
  envelope: string;
  raw: Uint8Array;
}

/** The messages of an mbox file, in order. Text before the first `From ` line is not a message. */
export function splitMbox(bytes: Uint8Array): MboxMessage[] {
  const offsets = separatorOffsets(bytes);
  return offsets.map((start, i) => {
    const end = offsets[i + 1] ?? bytes.length;
    const lineEnd = bytes.indexOf(LF, start);
    const envelope = new TextDecoder('latin1').decode(bytes.subarray(start, lineEnd === -1 || lineEnd > end ? end : lineEnd)).replace(/\r$/, '');
    return { index: i + 1, envelope, raw: unquote(bytes, start, end) };
  });
}

/** Does the file look like an mbox (its first line is an envelope line)? */
export function looksLikeMbox(head: Uint8Array): boolean {
  return isEnvelopeAt(head, 0);
}

/** The mboxrd form of messages, for tests and for exporting: every `>*From ` body line gains a `>`. */
export function joinMbox(messages: readonly { envelope?: string; raw: string }[]): string {
  return messages
    .map(({ envelope, raw }) => {
      const body = raw.replace(/\r\n/g, '\n').replace(/^(>*From )/gm, '>$1');
      return `${envelope ?? 'From MAILER-DAEMON Thu Jan  1 00:00:00 1970'}\n${body.endsWith('\n') ? body : `${body}\n`}\n`;
    })
    .join('');
}
