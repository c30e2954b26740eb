/**
 * The fingerprint of the webmail password: enough to notice the password being typed again,
 * too little to recover it. As in Google's Password Alert: a random salt, a salted hash cut to a
 * few dozen bits, and the length. Never the password, and never sent anywhere.
 *
 * Why 38 bits: a stolen fingerprint narrows a guess of a strong password to millions of
 * candidates that all fit, so it does not give the password back; yet a typed string matches by
 * chance once in 2^38 ≈ 275 billion checks (one false alarm in centuries of typing).
 *
 * Characters are hashed as UTF-16 code units (what a JavaScript string is made of, and what a key
 * gives), little-endian, so that the work of hashing depends on the length only, never on which
 * characters were typed.
 */

export const fingerprintBits = 38;
export const fingerprintBytes = Math.ceil(fingerprintBits / 8);
export const saltLength = 16;

/** The webmail client the password was captured on: where its "change password" page is. */
export type WebmailClient = 'roundcube' | 'zimbra' | 'other';

/** What is stored (`storage.local`), all of it. */
export interface PasswordFingerprint {
  version: 1;
  /** 16 random bytes, base64. */
  salt: string;
  /** The first 38 bits of SHA-256(salt ‖ password), hex (the last two bits of the fifth byte are zero). */
  hash: string;
  bits: typeof fingerprintBits;
  /** The password's length in UTF-16 code units: how many typed characters to look at. */
  length: number;
  /** The webmail the password belongs to: it may be typed there, and its password page is there. */
  host: string;
  /** The webmail's address without query (`https://mail.laichau.gov.vn/`, or with Roundcube's path). */
  webmailUrl: string;
  client: WebmailClient;
  /** When it was taken (ms since the epoch). */
  savedAt: number;
}

/** SHA-256, injectable so that tests can count and time the work. */
export type Digest = (data: Uint8Array) => Promise<Uint8Array>;

export const sha256: Digest = async (data) => new Uint8Array(await crypto.subtle.digest('SHA-256', data as Uint8Array<ArrayBuffer>));

/** The digest's first `fingerprintBits` bits; the rest of the last byte is cleared. */
export function truncateDigest(digest: Uint8Array): Uint8Array {
  const out = digest.slice(0, fingerprintBytes);
  const spare = fingerprintBytes * 8 - fingerprintBits;
  out[fingerprintBytes - 1]! &= (0xff << spare) & 0xff;
  return out;
}

/**
 * Whether two truncated hashes are equal, in time that does not depend on where they differ:
 * every byte is looked at, whatever the first ones hold.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  // the lengths are public (both are `fingerprintBytes`); only the contents are secret
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

/** salt ‖ the code units, UTF-16LE: the bytes that are hashed. */
export function hashInput(salt: Uint8Array, units: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(salt.length + units.length * 2);
  bytes.set(salt);
  for (let i = 0; i < units.length; i += 1) {
    bytes[salt.length + i * 2] = units[i]! & 0xff;
    bytes[salt.length + i * 2 + 1] = units[i]! >>> 8;
  }
  return bytes;
}

export function codeUnits(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i += 1) units[i] = text.charCodeAt(i);
  return units;
}

export async function truncatedHash(salt: Uint8Array, units: ArrayLike<number>, digest: Digest = sha256): Promise<Uint8Array> {
  const input = hashInput(salt, units);
  try {
    return truncateDigest(await digest(input));
  } finally {
    // the candidate does not outlive its check
    input.fill(0);
  }
}

export interface CaptureSource {
  host: string;
  webmailUrl: string;
  client: WebmailClient;
}

/** The fingerprint of `password`, taken the moment it is submitted; the caller drops the password. */
export async function createFingerprint(
  password: string,
  source: CaptureSource,
  { digest = sha256, randomBytes = defaultRandomBytes, now = Date.now }: { digest?: Digest; randomBytes?: (n: number) => Uint8Array; now?: () => number } = {},
): Promise<PasswordFingerprint> {
  if (password.length === 0) throw new Error('an empty password has no fingerprint');
  const salt = randomBytes(saltLength);
  const units = codeUnits(password);
  try {
    const hash = await truncatedHash(salt, units, digest);
    return {
      version: 1,
      salt: bytesToBase64(salt),
      hash: bytesToHex(hash),
      bits: fingerprintBits,
      length: password.length,
      host: source.host,
      webmailUrl: source.webmailUrl,
      client: source.client,
      savedAt: now(),
    };
  } finally {
    units.fill(0);
  }
}

/** A stored value that is a usable fingerprint, or undefined (corrupt, from a later version…). */
export function parseFingerprint(value: unknown): PasswordFingerprint | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const f = value as Partial<Record<keyof PasswordFingerprint, unknown>>;
  const ok =
    f.version === 1 &&
    typeof f.salt === 'string' &&
    typeof f.hash === 'string' &&
    /^[0-9a-f]+$/.test(f.hash) &&
    f.hash.length === fingerprintBytes * 2 &&
    f.bits === fingerprintBits &&
    typeof f.length === 'number' &&
    Number.isInteger(f.length) &&
    f.length > 0 &&
    f.length <= 1024 &&
    typeof f.host === 'string' &&
    typeof f.webmailUrl === 'string' &&
    (f.client === 'roundcube' || f.client === 'zimbra' || f.client === 'other') &&
    typeof f.savedAt === 'number';
  if (!ok) return undefined;
  try {
    if (base64ToBytes(f.salt as string).length !== saltLength) return undefined;
  } catch {
    return undefined;
  }
  return value as PasswordFingerprint;
}

function defaultRandomBytes(n: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(n));
}

export function bytesToHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function hexToBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i += 1) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

export function bytesToBase64(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes));
}

export function base64ToBytes(base64: string): Uint8Array {
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}
