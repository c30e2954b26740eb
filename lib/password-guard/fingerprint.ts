/**
 * The fingerprint of the webmail password: enough to notice the password being typed again,
 * too little to recover it, and slow to test guesses against. As in Google's Password Alert, a
 * random salt, a salted hash cut to a few dozen bits, and the length; unlike it, the hash is a
 * slow one (PBKDF2-HMAC-SHA-256, 600,000 iterations, OWASP's figure for password storage), so
 * that a stolen fingerprint costs an attacker about 600,000 times more per guess than one SHA-256.
 * Never the password, and never sent anywhere. It is kept in the background's IndexedDB
 * (`store.ts`), which no content script can read.
 *
 * Why 32 bits: a typed window is checked only when typing pauses (`matcher.ts`), a few hundred
 * times a day, so a chance match is about one in 4 billion checks (one false alarm in many years
 * for a whole province), while a stolen fingerprint still fits a great many candidate passwords.
 *
 * Characters are taken as UTF-16 code units (what a JavaScript string is made of, and what a key
 * gives), little-endian, so that the work depends on the length only, never on which characters
 * were typed.
 */

export const fingerprintBits = 32;
export const fingerprintBytes = Math.ceil(fingerprintBits / 8);
export const saltLength = 16;
/** PBKDF2 iterations of a new fingerprint; the stored one says its own (a later version may raise it). */
export const kdfIterations = 600_000;

/** The webmail client the password was captured on: where its "change password" page is. */
export type WebmailClient = 'roundcube' | 'zimbra' | 'other';

/** What is stored, all of it. */
export interface PasswordFingerprint {
  version: 2;
  /** 16 random bytes, base64. */
  salt: string;
  /** The first 32 bits of PBKDF2-HMAC-SHA-256(password as UTF-16LE, salt, iterations), hex. */
  hash: string;
  bits: typeof fingerprintBits;
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
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

/** The slow hash, injectable so that tests can count and time the work (and run fewer iterations). */
export type Derive = (secret: Uint8Array, salt: Uint8Array, iterations: number) => Promise<Uint8Array>;

export const pbkdf2: Derive = async (secret, salt, iterations) => {
  const key = await crypto.subtle.importKey('raw', secret as Uint8Array<ArrayBuffer>, 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations }, key, fingerprintBytes * 8);
  return new Uint8Array(bits);
};

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

/** The code units, UTF-16LE: the secret that is hashed. */
export function utf16le(units: ArrayLike<number>): Uint8Array {
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i += 1) {
    bytes[i * 2] = units[i]! & 0xff;
    bytes[i * 2 + 1] = units[i]! >>> 8;
  }
  return bytes;
}

export function codeUnits(text: string): Uint16Array {
  const units = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i += 1) units[i] = text.charCodeAt(i);
  return units;
}

export async function truncatedHash(salt: Uint8Array, units: ArrayLike<number>, iterations: number, derive: Derive = pbkdf2): Promise<Uint8Array> {
  const secret = utf16le(units);
  try {
    return truncateDigest(await derive(secret, salt, iterations));
  } finally {
    // the candidate does not outlive its check
    secret.fill(0);
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
  {
    derive = pbkdf2,
    iterations = kdfIterations,
    randomBytes = defaultRandomBytes,
    now = Date.now,
  }: { derive?: Derive; iterations?: number; randomBytes?: (n: number) => Uint8Array; now?: () => number } = {},
): Promise<PasswordFingerprint> {
  if (password.length === 0) throw new Error('an empty password has no fingerprint');
  const salt = randomBytes(saltLength);
  const units = codeUnits(password);
  try {
    const hash = await truncatedHash(salt, units, iterations, derive);
    return {
      version: 2,
      salt: bytesToBase64(salt),
      hash: bytesToHex(hash),
      bits: fingerprintBits,
      kdf: 'PBKDF2-SHA-256',
      iterations,
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
    f.version === 2 &&
    f.kdf === 'PBKDF2-SHA-256' &&
    typeof f.iterations === 'number' &&
    Number.isInteger(f.iterations) &&
    f.iterations >= 1 &&
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
