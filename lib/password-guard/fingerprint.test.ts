import { pbkdf2Sync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  constantTimeEqual,
  createFingerprint,
  fingerprintBits,
  kdfIterations,
  parseFingerprint,
  saltLength,
  truncateDigest,
  type PasswordFingerprint,
} from './fingerprint';

const source = { host: 'mail.laichau.gov.vn', webmailUrl: 'https://mail.laichau.gov.vn/', client: 'roundcube' as const };
const password = 'Matkhau@LaiChau2024';

/** Fewer rounds where a test makes many fingerprints (the stored fingerprint says its own count). */
const fast = { iterations: 1_000 };

/** PBKDF2-HMAC-SHA-256(UTF-16LE(password), salt), computed independently with node:crypto. */
function reference(salt: Uint8Array, text: string, iterations = fast.iterations): string {
  const digest = pbkdf2Sync(Buffer.from(text, 'utf16le'), salt, iterations, 32, 'sha256');
  return Buffer.from(truncateDigest(new Uint8Array(digest))).toString('hex');
}

/** Every way the password (or a good part of it) could sit in stored JSON. */
function leaks(stored: string, secret: string): string[] {
  const found: string[] = [];
  for (let size = 4; size <= secret.length; size += 1) {
    for (let start = 0; start + size <= secret.length; start += 1) {
      const piece = secret.slice(start, start + size);
      if (stored.includes(piece)) found.push(piece);
    }
  }
  const encodings = [
    Buffer.from(secret).toString('base64'),
    Buffer.from(secret).toString('hex'),
    Buffer.from(secret, 'utf16le').toString('base64'),
    Buffer.from(secret, 'utf16le').toString('hex'),
    encodeURIComponent(secret),
  ];
  return [...found, ...encodings.filter((e) => stored.includes(e))];
}

describe('the password fingerprint', () => {
  it('is a 16-byte random salt, the first 32 bits of PBKDF2-SHA-256 with 600,000 rounds, and the length', async () => {
    const fp = await createFingerprint(password, source, { now: () => 1_700_000_000_000 });
    const salt = base64ToBytes(fp.salt);
    expect(salt).toHaveLength(saltLength);
    expect(fp).toMatchObject({ version: 2, bits: 32, kdf: 'PBKDF2-SHA-256', iterations: 600_000 });
    expect(kdfIterations).toBe(600_000);
    expect(fp.hash).toMatch(/^[0-9a-f]{8}$/);
    expect(fp.hash).toBe(reference(salt, password, 600_000));
    expect(fp.length).toBe(password.length);
    expect(fp).toMatchObject({ host: 'mail.laichau.gov.vn', webmailUrl: 'https://mail.laichau.gov.vn/', client: 'roundcube', savedAt: 1_700_000_000_000 });
  });

  it('keeps exactly 32 bits of the digest', () => {
    const digest = new Uint8Array(32).fill(0xff);
    const cut = truncateDigest(digest);
    expect([...cut]).toEqual([0xff, 0xff, 0xff, 0xff]);
    const ones = [...cut].reduce((n, byte) => n + byte.toString(2).replace(/0/g, '').length, 0);
    expect(ones).toBe(fingerprintBits);
  });

  it('draws a new salt each time: the same password never gives the same fingerprint twice', async () => {
    const prints = await Promise.all(Array.from({ length: 8 }, () => createFingerprint(password, source, fast)));
    expect(new Set(prints.map((p) => p.salt)).size).toBe(8);
    // 8 hashes of 32 bits colliding by chance: about 1 in 10^8
    expect(new Set(prints.map((p) => p.hash)).size).toBe(8);
    for (const p of prints) expect(p.hash).toBe(reference(base64ToBytes(p.salt), password));
  });

  it('uses the salt it is given (injectable for tests) and hashes Vietnamese as UTF-16 code units', async () => {
    const salt = new Uint8Array(16).map((_, i) => i);
    const fp = await createFingerprint('mậtkhẩu', source, { ...fast, randomBytes: () => salt });
    expect(fp.hash).toBe(reference(salt, 'mậtkhẩu'));
    expect(fp.length).toBe('mậtkhẩu'.length);
  });

  it('stores nothing of the password, in any encoding', async () => {
    // (a fixed clock: the digits of a timestamp are not the password's)
    for (const secret of [password, 'mậtkhẩu-Sở-TT&TT', 'hoasen!99x']) {
      const stored = JSON.stringify(await createFingerprint(secret, source, { ...fast, now: () => 0 }));
      expect(leaks(stored, secret)).toEqual([]);
      expect(Object.keys(JSON.parse(stored)).sort()).toEqual(['bits', 'client', 'hash', 'host', 'iterations', 'kdf', 'length', 'salt', 'savedAt', 'version', 'webmailUrl']);
    }
  });

  it('refuses an empty password', async () => {
    await expect(createFingerprint('', source)).rejects.toThrow();
  });

  it('reads back only a well-formed fingerprint', async () => {
    const fp = await createFingerprint(password, source, fast);
    expect(parseFingerprint(JSON.parse(JSON.stringify(fp)))).toEqual(fp);
    const broken: Partial<Record<keyof PasswordFingerprint, unknown>>[] = [
      { hash: 'zz' },
      { hash: 'abcdef' },
      { bits: 64 },
      { length: 0 },
      { salt: 'AAAA' },
      { client: 'owa' },
      // the fast SHA-256 fingerprint of earlier versions is not read back: the next login replaces it
      { version: 1 },
      { kdf: 'SHA-256' },
      { iterations: 0 },
      { iterations: 1.5 },
    ];
    for (const change of broken) expect(parseFingerprint({ ...fp, ...change })).toBeUndefined();
    expect(parseFingerprint(undefined)).toBeUndefined();
    expect(parseFingerprint('x')).toBeUndefined();
  });
});

describe('constantTimeEqual', () => {
  it('answers equality', () => {
    expect(constantTimeEqual(Uint8Array.of(1, 2, 3, 4, 0xfc), Uint8Array.of(1, 2, 3, 4, 0xfc))).toBe(true);
    expect(constantTimeEqual(Uint8Array.of(1, 2, 3, 0xfc), Uint8Array.of(1, 2, 3, 0xf8))).toBe(false);
    expect(constantTimeEqual(Uint8Array.of(9, 2, 3, 4, 0xfc), Uint8Array.of(1, 2, 3, 4, 0xfc))).toBe(false);
    expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2, 3))).toBe(false);
  });

  it('reads every byte whether the first differs or not', () => {
    const reads = (a: Uint8Array, b: Uint8Array) => {
      let count = 0;
      const counted = new Proxy(a, {
        get(target, key) {
          if (typeof key === 'string' && /^\d+$/.test(key)) count += 1;
          const value = Reflect.get(target, key, target) as unknown;
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
      constantTimeEqual(counted, b);
      return count;
    };
    const expected = Uint8Array.of(1, 2, 3, 4, 0xfc);
    expect(reads(Uint8Array.of(0, 0, 0, 0, 0), expected)).toBe(5);
    expect(reads(Uint8Array.of(1, 2, 3, 4, 0), expected)).toBe(5);
    expect(reads(Uint8Array.of(1, 2, 3, 4, 0xfc), expected)).toBe(5);
  });
});
