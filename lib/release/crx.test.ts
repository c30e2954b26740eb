import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import crx3 from 'crx3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_ID, EXTENSION_PUBLIC_KEY } from '../../wxt.config';
import { extensionIdOf, publicKeyBase64Of, readCrx3, verifiedCrxId } from './crx';
import { chromeUpdateManifest, firefoxUpdateManifest } from './update-manifest';

describe('extension IDs', () => {
  it("are Chromium's: the project's own key gives the fixed ID", () => {
    expect(extensionIdOf(Buffer.from(EXTENSION_PUBLIC_KEY, 'base64'))).toBe(EXTENSION_ID);
  });
});

describe('a CRX3 packed by the crx3 library, read back', () => {
  let dir: string;
  let crx: Buffer;
  let id: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'khienthu-crx-test-'));
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    writeFileSync(join(dir, 'key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
    id = extensionIdOf(Buffer.from(publicKeyBase64Of(privateKey), 'base64'));
    mkdirSync(join(dir, 'ext'));
    writeFileSync(join(dir, 'ext', 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'x', version: '1.0' }));
    writeFileSync(join(dir, 'ext', 'background.js'), '// nothing');
    await crx3([join(dir, 'ext', 'manifest.json'), join(dir, 'ext', 'background.js')], { keyPath: join(dir, 'key.pem'), crxPath: join(dir, 'x.crx') });
    crx = readFileSync(join(dir, 'x.crx'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has the ID of the key that signed it, and a signature that holds', () => {
    const read = readCrx3(crx);
    expect(read.claimedId).toBe(id);
    expect(read.proofs).toEqual([expect.objectContaining({ id, valid: true })]);
    expect(verifiedCrxId(crx)).toBe(id);
    // the archive is the ZIP, manifest inside
    expect(read.archive.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
  });

  it('is refused once one byte of the archive changed', () => {
    const tampered = Buffer.from(crx);
    tampered[tampered.length - 30]! ^= 0xff;
    expect(() => verifiedCrxId(tampered)).toThrow(/signature .* does not hold/);
  });

  it('is refused when it is no CRX3 at all', () => {
    expect(() => readCrx3(Buffer.from('PK\x03\x04 a zip, not a crx'))).toThrow(/not a CRX file/);
    const v2 = Buffer.from(crx);
    v2.writeUInt32LE(2, 4);
    expect(() => readCrx3(v2)).toThrow(/CRX version 2/);
  });
});

describe("Chromium's update manifest", () => {
  it('names the ID, version, package and hash, escaped', () => {
    const xml = chromeUpdateManifest({ id: EXTENSION_ID, version: '1.2.3', codebase: "https://x.gov.vn/k?a=1&b='2'", sha256: 'ab'.repeat(32) });
    expect(xml).toContain(`<app appid='${EXTENSION_ID}'>`);
    expect(xml).toContain("codebase='https://x.gov.vn/k?a=1&amp;b=&apos;2&apos;' version='1.2.3'");
    expect(xml).toContain(`hash_sha256='${'ab'.repeat(32)}'`);
  });

  it('refuses what is not an ID or a hash', () => {
    expect(() => chromeUpdateManifest({ id: 'abc', version: '1', codebase: 'https://x', sha256: 'ab'.repeat(32) })).toThrow(/not an extension ID/);
    expect(() => chromeUpdateManifest({ id: EXTENSION_ID, version: '1', codebase: 'https://x', sha256: 'xyz' })).toThrow(/not a SHA-256/);
  });
});

describe("Firefox's update manifest", () => {
  it('lists the version, the signed package and its hash under the add-on ID', () => {
    expect(JSON.parse(firefoxUpdateManifest({ geckoId: 'khienthu@khienthu.vn', version: '1.2.3', link: 'https://x.gov.vn/k/khienthu-1.2.3.xpi', sha256: 'cd'.repeat(32) }))).toEqual({
      addons: { 'khienthu@khienthu.vn': { updates: [{ version: '1.2.3', update_link: 'https://x.gov.vn/k/khienthu-1.2.3.xpi', update_hash: `sha256:${'cd'.repeat(32)}` }] } },
    });
    expect(() => firefoxUpdateManifest({ geckoId: 'x', version: '1', link: 'https://x', sha256: 'nope' })).toThrow(/not a SHA-256/);
  });
});
