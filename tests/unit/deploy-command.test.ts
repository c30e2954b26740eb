import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import crx3 from 'crx3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_ID } from '../../wxt.config';
import { extensionIdOf, publicKeyBase64Of } from '../../lib/release/crx';
import { deploy } from '../../scripts/deploy';
import { mergeScript, presetOrganisation } from '../../deploy/generate';
import { presetById } from '../../lib/policy/presets';

/** A signed package and the release.json `npm run release` writes beside it. */
async function fakeRelease(dir: string, version = '1.2.0'): Promise<string> {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  writeFileSync(join(dir, 'key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }));
  mkdirSync(join(dir, 'ext'), { recursive: true });
  writeFileSync(join(dir, 'ext', 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'x', version }));
  await crx3([join(dir, 'ext', 'manifest.json')], { keyPath: join(dir, 'key.pem'), crxPath: join(dir, `khienthu-${version}.crx`) });
  const id = extensionIdOf(Buffer.from(publicKeyBase64Of(privateKey), 'base64'));
  const base = 'https://extensions.tinh-moi.gov.vn/khienthu';
  writeFileSync(join(dir, 'release.json'), JSON.stringify({ id, version, crx: `khienthu-${version}.crx`, sha256: '0'.repeat(64), updateUrl: `${base}/update.xml`, codebase: `${base}/khienthu-${version}.crx` }));
  return id;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? filesUnder(join(dir, name)) : [join(dir, name)]));
}
const text = (file: string) => (file.endsWith('.reg') ? readFileSync(file).toString('utf16le') : readFileSync(file, 'utf8'));

describe('npm run deploy', () => {
  let dir: string;
  let id: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'khienthu-deploy-test-'));
    mkdirSync(join(dir, 'release'));
    id = await fakeRelease(join(dir, 'release'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes every file with the signed package's ID and the province's address, nothing of the example", () => {
    const out = join(dir, 'out-preset');
    const written = deploy({ release: join(dir, 'release', 'release.json'), preset: 'lai-chau', name: 'lai-chau' }, out);
    const paths = written.map((file) => file.slice(out.length + 1)).sort();
    expect(paths.filter((path) => !path.startsWith('admx/'))).toEqual(
      [
        'firefox/lai-chau.policies.json',
        'linux/lai-chau.json',
        'macos/lai-chau.mobileconfig',
        'windows/chrome-lai-chau.extension-settings.json',
        'windows/chrome-lai-chau.reg',
        'windows/coccoc-lai-chau.extension-settings.json',
        'windows/coccoc-lai-chau.reg',
        'windows/edge-lai-chau.extension-settings.json',
        'windows/edge-lai-chau.reg',
        'windows/install-lai-chau.ps1',
      ],
    );
    // the Group Policy templates, for this ID: four browsers, each in Vietnamese and English
    expect(paths.filter((path) => path.startsWith('admx/'))).toHaveLength(12);
    expect(text(join(out, 'admx/khienthu-chrome.admx'))).toContain(`3rdparty\\extensions\\${id}\\policy`);
    for (const file of filesUnder(out)) {
      const content = text(file);
      const ids = new Set(content.match(/\b[a-p]{32}\b/g));
      if (!file.includes('firefox') && !file.endsWith('.adml')) expect([...ids]).toEqual([id]);
      expect(content).not.toContain(EXTENSION_ID);
      expect(content).not.toContain('example.org');
    }
    const linux = JSON.parse(text(join(out, 'linux/lai-chau.json')));
    expect(linux.ExtensionSettings[id]).toEqual({
      installation_mode: 'force_installed',
      update_url: 'https://extensions.tinh-moi.gov.vn/khienthu/update.xml',
      override_update_url: true,
      toolbar_pin: 'force_pinned',
    });
    expect(linux['3rdparty'].extensions[id].preset).toBe('lai-chau');
    const edge = text(join(out, 'windows/edge-lai-chau.reg'));
    expect(edge).toContain('\\"toolbar_state\\":\\"force_shown\\"');
    expect(edge).toContain(`"1"="${id};https://extensions.tinh-moi.gov.vn/khienthu/update.xml"`);
    // the value to paste into Group Policy or Intune is the one the .reg writes
    for (const browser of ['chrome', 'edge', 'coccoc']) {
      const pasted = text(join(out, `windows/${browser}-lai-chau.extension-settings.json`));
      expect(pasted.trimEnd().split('\n')).toHaveLength(1);
      const inReg = /^"ExtensionSettings"="(.*)"\r?$/m.exec(text(join(out, `windows/${browser}-lai-chau.reg`)))![1]!.replace(/\\"/g, '"').replace(/\\\\/g, '\\');
      expect(JSON.parse(pasted)).toEqual(JSON.parse(inReg));
    }
    expect(JSON.parse(text(join(out, 'windows/chrome-lai-chau.extension-settings.json')))).toEqual(linux.ExtensionSettings);
  });

  it('takes any organisation from a policy file, checked as the extension checks it', () => {
    const policy = join(dir, 'tinh-moi.json');
    writeFileSync(policy, JSON.stringify({ organisationName: 'Sở KH&CN tỉnh Mới', hotlines: ['0200.123.456'], reportAddresses: ['hotro@tinh-moi.gov.vn'], webmailHosts: ['mail.tinh-moi.gov.vn'] }));
    const out = join(dir, 'out-policy');
    deploy({ release: join(dir, 'release', 'release.json'), policy, name: 'tinh-moi' }, out);
    expect(text(join(out, 'windows/chrome-tinh-moi.reg'))).toContain('; Khiên Thư — Google Chrome — Sở KH&CN tỉnh Mới. Generated by npm run deploy.');
    expect(JSON.parse(text(join(out, 'firefox/tinh-moi.policies.json'))).policies['3rdparty'].Extensions['khienthu@khienthu.vn'].hotlines).toEqual(['0200.123.456']);

    writeFileSync(policy, JSON.stringify({ organisationName: 'X', reportAddresses: ['not-an-address'], cautionThreshold: 'high' }));
    expect(() => deploy({ release: join(dir, 'release', 'release.json'), policy, name: 'tinh-moi' }, join(dir, 'refused'))).toThrow(/reportAddresses[\s\S]*cautionThreshold/);
  });

  it("writes a store listing's kit with the store's ID and update address, never overridden, for the browsers that install from it", () => {
    const listing = 'abcdefghijklmnopabcdefghijklmnop';
    const out = join(dir, 'out-cws');
    const written = deploy({ store: 'chrome-web-store', id: listing, preset: 'lai-chau', name: 'lai-chau' }, out).map((file) => file.slice(out.length + 1));
    // Firefox is not a Chrome Web Store browser: its kit comes from a release
    expect(written.filter((path) => !path.startsWith('admx/')).sort()).toEqual(
      [
        'linux/lai-chau.json',
        'macos/lai-chau.mobileconfig',
        'windows/chrome-lai-chau.extension-settings.json',
        'windows/chrome-lai-chau.reg',
        'windows/coccoc-lai-chau.extension-settings.json',
        'windows/coccoc-lai-chau.reg',
        'windows/edge-lai-chau.extension-settings.json',
        'windows/edge-lai-chau.reg',
        'windows/install-lai-chau.ps1',
      ],
    );
    expect(written.filter((path) => path.startsWith('admx/')).sort()).toEqual(
      ['chrome', 'coccoc', 'edge'].flatMap((browser) => [`admx/en-US/khienthu-${browser}.adml`, `admx/khienthu-${browser}.admx`, `admx/vi-VN/khienthu-${browser}.adml`]).sort(),
    );
    expect(JSON.parse(text(join(out, 'linux/lai-chau.json'))).ExtensionSettings).toEqual({
      [listing]: { installation_mode: 'force_installed', update_url: 'https://clients2.google.com/service/update2/crx', toolbar_pin: 'force_pinned' },
    });
    expect(text(join(out, 'windows/edge-lai-chau.reg'))).toContain(`"1"="${listing};https://clients2.google.com/service/update2/crx"`);
    for (const path of written) expect(text(join(out, path))).not.toContain('override_update_url');

    // Edge Add-ons serves Edge alone: no Chrome, Cốc Cốc or Linux files, and the macOS profile for Edge only
    const edgeOut = join(dir, 'out-edge');
    const edgeFiles = deploy({ store: 'edge-add-ons', id: listing, preset: 'lai-chau', name: 'lai-chau' }, edgeOut).map((file) => file.slice(edgeOut.length + 1));
    expect(edgeFiles.filter((path) => !path.startsWith('admx/')).sort()).toEqual([
      'macos/lai-chau.mobileconfig',
      'windows/edge-lai-chau.extension-settings.json',
      'windows/edge-lai-chau.reg',
      'windows/install-lai-chau.ps1',
    ]);
    const mac = text(join(edgeOut, 'macos/lai-chau.mobileconfig'));
    expect(mac).toContain('com.microsoft.Edge');
    expect(mac).not.toContain('com.google.Chrome');
    expect(mac).toContain('https://edge.microsoft.com/extensionwebstorebase/v1/crx');
    expect(text(join(edgeOut, 'windows/install-lai-chau.ps1'))).toContain("[ValidateSet('edge')]");

    // what a store route cannot take
    expect(() => deploy({ store: 'chrome-web-store', preset: 'lai-chau', name: 'x' }, join(dir, 'refused'))).toThrow(/--store needs --id/);
    expect(() => deploy({ store: 'chrome-web-store', id: listing, baseUrl: 'https://x.gov.vn/k', preset: 'lai-chau', name: 'x' }, join(dir, 'refused'))).toThrow(/not --release, --crx or --base-url/);
    expect(() => deploy({ store: 'opera', id: listing, preset: 'lai-chau', name: 'x' }, join(dir, 'refused'))).toThrow(/no store opera/);
  });

  it('refuses an ID that is not the package\'s', async () => {
    const release = join(dir, 'release', 'release.json');
    expect(() => deploy({ release, id: EXTENSION_ID, preset: 'lai-chau', name: 'x' }, join(dir, 'refused'))).toThrow(`--id ${EXTENSION_ID} is not the ID of the release (${id})`);
    // a package signed with another key
    mkdirSync(join(dir, 'other'));
    await fakeRelease(join(dir, 'other'));
    expect(() => deploy({ release, crx: join(dir, 'other', 'khienthu-1.2.0.crx'), preset: 'lai-chau', name: 'x' }, join(dir, 'refused'))).toThrow(/has ID [a-p]{32}, the policy would name .*: refused/);
    expect(() => deploy({ id: EXTENSION_ID, baseUrl: 'https://x.gov.vn/k', crx: join(dir, 'other', 'khienthu-1.2.0.crx'), preset: 'lai-chau', name: 'x' }, join(dir, 'refused'))).toThrow(/refused/);
    expect(() => readdirSync(join(dir, 'refused'))).toThrow();
  });
});

/**
 * The PowerShell merge script cannot run here (no PowerShell in Debian or on npm): its data block
 * is parsed and checked, and its text for what would break a PC's existing policy.
 */
describe('the Windows merge script', () => {
  const script = mergeScript(presetOrganisation(presetById('lai-chau')!));

  it('is UTF-8 with a BOM and CRLF, as Windows PowerShell 5.1 reads Vietnamese', () => {
    expect(script.startsWith('\ufeff#')).toBe(true);
    expect(script.replace(/\r\n/g, '')).not.toContain('\n');
  });

  it("carries the kit's data in one JSON block: the ID, the update URL, each browser's entry and the settings", () => {
    const block = /\$kit = @'\r\n([\s\S]*?)\r\n'@ \| ConvertFrom-Json/.exec(script);
    expect(block).not.toBeNull();
    const data = JSON.parse(block![1]!);
    expect(data.id).toBe(EXTENSION_ID);
    expect(Object.keys(data.browsers)).toEqual(['chrome', 'edge', 'coccoc']);
    expect(data.browsers.edge).toEqual({
      key: 'SOFTWARE\\Policies\\Microsoft\\Edge',
      extensionSettings: { installation_mode: 'force_installed', update_url: data.updateUrl, override_update_url: true, toolbar_state: 'force_shown' },
    });
    expect(data.policy).toEqual(presetOrganisation(presetById('lai-chau')!).policy);
  });

  it('merges instead of replacing: adds its own entry to ExtensionSettings and never empties a key that exists', () => {
    expect(script).toContain('$settings | Add-Member -NotePropertyName $id -NotePropertyValue $kit.browsers.$Browser.extensionSettings -Force');
    expect(script).toContain("$current = (Get-ItemProperty -Path $root -Name ExtensionSettings -ErrorAction SilentlyContinue).ExtensionSettings");
    // New-Item -Force on an existing registry key empties it: only ever on a key just removed or absent
    for (const line of script.split('\r\n').filter((l) => l.includes('New-Item') && l.includes('-Force') && !l.startsWith('#'))) {
      expect(line).toMatch(/^if \(-not \(Test-Path \$root\)\)|^New-Item -Path \$policy -Force/);
    }
    expect(script).toContain("$policy = Join-Path $root \"3rdparty\\extensions\\$id\\policy\"");
    expect(script).toContain("$root = 'HKLM:\\' + $kit.browsers.$Browser.key");
  });
});
