import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extensionIdOf } from '../../lib/release/crx';
import { EXTENSION_ID, EXTENSION_PUBLIC_KEY } from '../../wxt.config';

describe('the fixed extension ID', () => {
  it('is the one Chromium derives from the manifest key', () => {
    expect(extensionIdOf(Buffer.from(EXTENSION_PUBLIC_KEY, 'base64'))).toBe(EXTENSION_ID);
  });

  it('is the one the README gives administrators', () => {
    expect(readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8')).toContain(EXTENSION_ID);
  });
});
