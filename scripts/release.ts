/**
 * `npm run release -- --key FILE --base-url URL [--version X.Y.Z] [--out DIR] [--firefox-signed FILE]`:
 * builds the extension for Chrome, Edge and Cốc Cốc, signs it as a CRX3 with the given key, builds
 * it for Firefox, and writes what a province publishes at the base URL: `khienthu-<version>.crx`
 * with `update.xml`, `khienthu-<version>.xpi` with `updates.json` (Firefox's update manifest, the
 * package's `gecko.update_url`), plus `release.json` (IDs, version, hashes) for the deploy files.
 * Mozilla alone signs for release Firefox: `--firefox-signed` takes the XPI it signed.
 *
 * - The key is a PEM RSA private key: `--key FILE`, or the environment (`KHIENTHU_SIGNING_KEY_FILE`,
 *   or `KHIENTHU_SIGNING_KEY` holding the PEM itself, as CI secrets do). It is never written
 *   anywhere but a private temporary file for the packer, never printed, and a missing key is an
 *   error: a new key would be a new extension ID.
 * - The ID is the key's: the manifest's `key` is set to its public half (so an unpacked build of
 *   the same tree has the same ID), its `update_url` to `<base-url>/update.xml`. The package is
 *   read back and refused unless its signature holds and the browser would give it that ID.
 */
import { spawnSync } from 'node:child_process';
import { createHash, createPrivateKey, type KeyObject } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import AdmZip from 'adm-zip';
import crx3 from 'crx3';
import { extensionIdOf, publicKeyBase64Of, verifiedCrxId } from '../lib/release/crx';
import { chromeUpdateManifest, firefoxUpdateManifest } from '../lib/release/update-manifest';
import { GECKO_ID } from '../wxt.config';

const root = resolve(import.meta.dirname, '..');

export interface ReleaseOptions {
  /** PEM of the RSA private key. */
  keyPem: string;
  /** Where the files will be served, without the trailing slash: `https://extensions.laichau.gov.vn/khienthu`. */
  baseUrl: string;
  version: string;
  outDir: string;
  /**
   * The Firefox package as Mozilla signed it (`web-ext sign --channel unlisted` on the build this
   * release makes, see deploy/README.md). Without it the `.xpi` is unsigned, which release Firefox
   * refuses.
   */
  firefoxSigned?: string;
  /** Told of each step (the CLI prints them; tests stay quiet). */
  log?: (line: string) => void;
}

export interface Release {
  id: string;
  version: string;
  crx: string;
  sha256: string;
  updateUrl: string;
  codebase: string;
  firefox: { geckoId: string; xpi: string; sha256: string; updatesUrl: string; link: string; signed: boolean };
}

interface FirefoxManifest {
  version?: string;
  browser_specific_settings?: { gecko?: { id?: string; update_url?: string } };
}

function firefoxManifestOf(zip: Buffer): FirefoxManifest {
  const entry = new AdmZip(zip).getEntry('manifest.json');
  if (!entry) throw new Error('the Firefox package has no manifest.json at its root');
  return JSON.parse(entry.getData().toString('utf8')) as FirefoxManifest;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

export function parseSigningKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new Error('the signing key is not a PEM private key');
  }
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`the signing key is ${key.asymmetricKeyType ?? 'of no known type'}, not RSA (Chromium verifies CRX3 with RSA)`);
  return key;
}

export async function release({ keyPem, baseUrl, version, outDir, firefoxSigned, log = () => undefined }: ReleaseOptions): Promise<Release> {
  const base = new URL(baseUrl);
  if (base.protocol !== 'https:' && base.protocol !== 'http:') throw new Error(`--base-url must be http(s): ${baseUrl}`);
  if (!/^\d+(\.\d+){0,3}$/.test(version)) throw new Error(`--version must be 1 to 4 numbers separated by dots, as browsers require: ${version}`);
  const key = parseSigningKey(keyPem);
  const publicKey = publicKeyBase64Of(key);
  const id = extensionIdOf(Buffer.from(publicKey, 'base64'));
  const prefix = base.toString().replace(/\/+$/, '');
  const updateUrl = `${prefix}/update.xml`;
  const crxName = `khienthu-${version}.crx`;
  const codebase = `${prefix}/${crxName}`;

  // the builds get no signing key: nothing but the packer needs it
  const { KHIENTHU_SIGNING_KEY: _key, KHIENTHU_SIGNING_KEY_FILE: _keyFile, ...buildEnv } = process.env;
  const work = mkdtempSync(join(tmpdir(), 'khienthu-release-'));
  try {
    log(`Building ${version} for ID ${id}…`);
    const built = spawnSync('npx', ['wxt', 'build'], {
      cwd: root,
      env: { ...buildEnv, KHIENTHU_OUTDIR: join(work, 'build'), KHIENTHU_PUBLIC_KEY: publicKey, KHIENTHU_UPDATE_URL: updateUrl, KHIENTHU_VERSION: version },
      encoding: 'utf8',
    });
    if (built.status !== 0) throw new Error(`wxt build failed:\n${built.stderr || built.stdout}`);
    const extension = join(work, 'build', 'chrome-mv3');
    const manifest = JSON.parse(readFileSync(join(extension, 'manifest.json'), 'utf8')) as { key?: string; update_url?: string; version?: string };
    if (manifest.key !== publicKey || manifest.update_url !== updateUrl || manifest.version !== version) {
      throw new Error('the built manifest does not carry the release key, update URL and version');
    }

    // the packer reads the key from a file: a private one, removed with the work folder
    const keyFile = join(work, 'signing-key.pem');
    writeFileSync(keyFile, key.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    chmodSync(keyFile, 0o600);
    // everything is made and checked in the work folder; the out folder gets it only at the end
    const crxPath = join(work, crxName);
    log(`Signing ${crxName}…`);
    await crx3(files(extension), { keyPath: keyFile, crxPath });

    const packed = readFileSync(crxPath);
    let packedId: string;
    try {
      packedId = verifiedCrxId(packed);
    } catch (error) {
      throw new Error(`the package is refused: ${(error as Error).message}`);
    }
    if (packedId !== id) throw new Error(`the package has ID ${packedId}, the key gives ${id}: refused`);
    const sha256 = createHash('sha256').update(packed).digest('hex');

    // Firefox: the same version, with where to find the next (gecko.update_url → updates.json)
    const updatesUrl = `${prefix}/updates.json`;
    log(`Building the Firefox package ${version}…`);
    const firefoxBuild = spawnSync('npx', ['wxt', 'build', '-b', 'firefox'], {
      cwd: root,
      env: { ...buildEnv, KHIENTHU_OUTDIR: join(work, 'build'), KHIENTHU_GECKO_UPDATE_URL: updatesUrl, KHIENTHU_VERSION: version },
      encoding: 'utf8',
    });
    if (firefoxBuild.status !== 0) throw new Error(`wxt build -b firefox failed:\n${firefoxBuild.stderr || firefoxBuild.stdout}`);
    const xpiName = `khienthu-${version}.xpi`;
    let xpi: Buffer;
    if (firefoxSigned) {
      xpi = readFileSync(firefoxSigned);
    } else {
      const zip = new AdmZip();
      zip.addLocalFolder(join(work, 'build', 'firefox-mv2'));
      xpi = zip.toBuffer();
      log('The Firefox package is not signed: release Firefox installs it only once Mozilla has signed it (deploy/README.md).');
    }
    const gecko = firefoxManifestOf(xpi);
    if (gecko.browser_specific_settings?.gecko?.id !== GECKO_ID || gecko.browser_specific_settings.gecko.update_url !== updatesUrl || gecko.version !== version) {
      throw new Error(`the Firefox package is not this release's: it must be ${GECKO_ID} ${version} with update_url ${updatesUrl}`);
    }
    const xpiSha256 = createHash('sha256').update(xpi).digest('hex');
    const link = `${prefix}/${xpiName}`;

    const result: Release = {
      id,
      version,
      crx: crxName,
      sha256,
      updateUrl,
      codebase,
      firefox: { geckoId: GECKO_ID, xpi: xpiName, sha256: xpiSha256, updatesUrl, link, signed: firefoxSigned !== undefined },
    };
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, crxName), packed);
    writeFileSync(join(outDir, 'update.xml'), chromeUpdateManifest({ id, version, codebase, sha256 }));
    writeFileSync(join(outDir, xpiName), xpi);
    writeFileSync(join(outDir, 'updates.json'), firefoxUpdateManifest({ geckoId: GECKO_ID, version, link, sha256: xpiSha256 }));
    writeFileSync(join(outDir, 'release.json'), `${JSON.stringify(result, null, 2)}\n`);
    log(`ID ${id}, version ${version}: ${crxName} (sha256 ${sha256}), update.xml, ${xpiName}, updates.json, release.json in ${relative(process.cwd(), outDir) || '.'}`);
    return result;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export function signingKeyPem(keyPath: string | undefined): string {
  const path = keyPath ?? process.env.KHIENTHU_SIGNING_KEY_FILE;
  if (path) {
    if (!existsSync(path)) throw new Error(`no signing key at ${path} (a new key would be a new extension ID: give the one the province signs with)`);
    return readFileSync(path, 'utf8');
  }
  const inline = process.env.KHIENTHU_SIGNING_KEY;
  if (inline) return inline;
  throw new Error('no signing key: give --key FILE, or KHIENTHU_SIGNING_KEY_FILE, or KHIENTHU_SIGNING_KEY (the PEM itself)');
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const usage = 'usage: npm run release -- --key FILE --base-url URL [--version X.Y.Z] [--out DIR] [--firefox-signed FILE]';
  try {
    const { values } = parseArgs({
      options: { key: { type: 'string' }, 'base-url': { type: 'string' }, version: { type: 'string' }, out: { type: 'string' }, 'firefox-signed': { type: 'string' }, help: { type: 'boolean' } },
    });
    if (values.help) {
      console.log(usage);
      process.exit(0);
    }
    if (!values['base-url']) throw new Error(`--base-url is required\n${usage}`);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    await release({
      keyPem: signingKeyPem(values.key),
      baseUrl: values['base-url'],
      version: values.version ?? pkg.version,
      outDir: resolve(values.out ?? 'release'),
      firefoxSigned: values['firefox-signed'],
      log: (line) => console.log(line),
    });
  } catch (error) {
    console.error(`release: ${(error as Error).message}`);
    process.exit(1);
  }
}
