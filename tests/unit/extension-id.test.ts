import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_ID, EXTENSION_PUBLIC_KEY } from '../../wxt.config';

/** Chromium's rule: the first 128 bits of SHA-256 of the public key, each hex digit mapped to a–p. */
function chromiumExtensionId(publicKeyBase64: string): string {
  const digest = createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('hex').slice(0, 32);
  return [...digest].map((digit) => String.fromCharCode('a'.charCodeAt(0) + parseInt(digit, 16))).join('');
}

describe('the fixed extension ID', () => {
  it('is the one Chromium derives from the manifest key', () => {
    expect(chromiumExtensionId(EXTENSION_PUBLIC_KEY)).toBe(EXTENSION_ID);
  });

  it('is the one the README gives administrators', () => {
    expect(readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8')).toContain(EXTENSION_ID);
  });
});
