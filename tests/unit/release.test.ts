import { generateKeyPairSync } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseSigningKey, release, signingKeyPem } from '../../scripts/release';

const rsaPem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('npm run release, before it builds anything', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('takes an RSA key only (Chromium verifies CRX3 with RSA), and says so without printing it', () => {
    expect(parseSigningKey(rsaPem).asymmetricKeyType).toBe('rsa');
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => parseSigningKey(ec)).toThrow(/is ec, not RSA/);
    expect(() => parseSigningKey('-----BEGIN NOTHING-----')).toThrow('the signing key is not a PEM private key');
  });

  it('never makes a key up: a missing file or no key at all is an error', () => {
    delete process.env.KHIENTHU_SIGNING_KEY;
    delete process.env.KHIENTHU_SIGNING_KEY_FILE;
    expect(() => signingKeyPem('/nonexistent/key.pem')).toThrow(/no signing key at \/nonexistent\/key.pem .* new extension ID/);
    expect(() => signingKeyPem(undefined)).toThrow(/no signing key: give --key FILE/);
    process.env.KHIENTHU_SIGNING_KEY = rsaPem;
    expect(signingKeyPem(undefined)).toBe(rsaPem);
  });

  it('refuses a version browsers would refuse, and a base URL that is not http(s)', async () => {
    await expect(release({ keyPem: rsaPem, baseUrl: 'https://x.gov.vn/k', version: '1.0.0-beta', outDir: '/nonexistent' })).rejects.toThrow(/--version must be/);
    await expect(release({ keyPem: rsaPem, baseUrl: 'ftp://x.gov.vn/k', version: '1.0.0', outDir: '/nonexistent' })).rejects.toThrow(/--base-url must be http/);
  });
});
