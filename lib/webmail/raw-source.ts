/**
 * Fetching the raw message from the webmail's own origin, in the content script. The read is
 * capped: a lure's headers and text come first, and the attachments that follow them can be
 * megabytes that the score does not need. A truncated message still parses (postal-mime reads
 * what is there), and the attachment names in it are already known.
 */

export const maxRawBytes = 1_500_000;
/** How long the raw message may take before the check goes on with the DOM reading alone. */
export const rawTimeoutMs = 8_000;

/** Reads at most `maxBytes` of the response body, then stops the download. */
export async function readCapped(response: Response, maxBytes = maxRawBytes): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer()).slice(0, maxBytes);
  const chunks: Uint8Array[] = [];
  let total = 0;
  while (total < maxBytes) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    total += value.byteLength;
  }
  if (total >= maxBytes) await reader.cancel().catch(() => undefined);
  const bytes = new Uint8Array(Math.min(total, maxBytes));
  let offset = 0;
  for (const chunk of chunks) {
    const part = chunk.subarray(0, bytes.length - offset);
    bytes.set(part, offset);
    offset += part.length;
    if (offset >= bytes.length) break;
  }
  return bytes;
}

/** Extension messaging carries JSON, so bytes travel as base64 (a third larger, never mangled). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let i = 0; i < bytes.length; i += step) binary += String.fromCharCode(...bytes.subarray(i, i + step));
  return btoa(binary);
}

export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * The raw message, or undefined when it cannot be had (network error, logged out, an answer that
 * is not a mail): the DOM reading is then all there is, and that is still checked.
 */
export async function fetchRawMessage(url: string, timeoutMs = rawTimeoutMs): Promise<Uint8Array | undefined> {
  try {
    // a webmail that never answers must not hold the check back: the DOM reading goes alone
    const signal = AbortSignal.timeout(timeoutMs);
    const response = await fetch(url, { credentials: 'same-origin', redirect: 'error', cache: 'no-store', signal });
    const type = response.headers.get('content-type') ?? '';
    if (!response.ok || !/^text\/plain|^message\/rfc822/i.test(type)) return undefined;
    return await readCapped(response);
  } catch {
    return undefined;
  }
}
