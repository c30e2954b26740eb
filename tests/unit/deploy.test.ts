/** The rollout kit under deploy/ is generated: committed files must match, and every example must be a policy the extension accepts whole. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deployFiles, encode, examplePolicy, windowsBrowsers } from '../../deploy/generate';
import { provincePresets } from '../../lib/policy/presets';
import { resolvePolicy } from '../../lib/policy/resolve';
import { EXTENSION_ID, GECKO_ID } from '../../wxt.config';

const deployDir = join(import.meta.dirname, '../../deploy');
const generated = deployFiles();

function committedFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? committedFiles(path) : [relative(deployDir, path)];
  });
}

describe('deploy/', () => {
  it('holds exactly the generated files, byte for byte (npm run generate)', () => {
    const committed = committedFiles(deployDir).filter((path) => !['generate.ts', 'admx.ts', 'macos.ts', 'guide.ts'].includes(path)).sort();
    expect(committed).toEqual([...generated.keys()].sort());
    for (const [path, text] of generated) expect(readFileSync(join(deployDir, path)).equals(encode(path, text)), path).toBe(true);
  });

  it.each(provincePresets.map((preset) => [preset.id, preset] as const))('the %s example is accepted whole, and its contacts are the ones the extension shows', (_id, preset) => {
    const example = examplePolicy(preset);
    const { issues, locked, policy } = resolvePolicy({ managed: example, host: preset.webmailHosts[0] });
    expect(issues).toEqual([]);
    expect(locked).toEqual(Object.keys(example));
    expect(policy.hotlines).toEqual(preset.hotlines);
    expect(policy.reportAddresses).toEqual(preset.reportAddresses);
  });

  it('puts the same policy under 3rdparty in the Linux and Firefox files', () => {
    const preset = provincePresets.find((p) => p.id === 'lai-chau')!;
    const linux = JSON.parse(generated.get('linux/lai-chau.json')!);
    expect(linux['3rdparty'].extensions[EXTENSION_ID]).toEqual(examplePolicy(preset));
    expect(linux.ExtensionSettings[EXTENSION_ID].installation_mode).toBe('force_installed');
    const firefox = JSON.parse(generated.get('firefox/lai-chau.policies.json')!);
    expect(firefox.policies['3rdparty'].Extensions[GECKO_ID]).toEqual(examplePolicy(preset));
    expect(firefox.policies.ExtensionSettings[GECKO_ID].installation_mode).toBe('force_installed');
  });

  it('writes .reg files regedit reads: UTF-16LE with a BOM, the right keys, lists as numbered values', () => {
    for (const browser of windowsBrowsers) {
      const path = `windows/${browser.id}-lai-chau.reg`;
      const bytes = encode(path, generated.get(path)!);
      expect([...bytes.subarray(0, 2)]).toEqual([0xff, 0xfe]);
      const text = bytes.toString('utf16le').slice(1);
      expect(text.startsWith('Windows Registry Editor Version 5.00\r\n')).toBe(true);
      const policyKey = `[HKEY_LOCAL_MACHINE\\${browser.key}\\3rdparty\\extensions\\${EXTENSION_ID}\\policy]`;
      expect(text).toContain(policyKey);
      expect(text).toContain(`[HKEY_LOCAL_MACHINE\\${browser.key}\\ExtensionInstallForcelist]\r\n"1"="${EXTENSION_ID};https://`);
      expect(text).toContain(`${policyKey.slice(0, -1)}\\hotlines]\r\n"1"="02133.798.788"\r\n"2"="0972 862 268"`);
      const caution = examplePolicy(provincePresets.find((p) => p.id === 'lai-chau')!).cautionThreshold as number;
      expect(text).toContain(`"cautionThreshold"=dword:${caution.toString(16).padStart(8, '0')}`);
      expect(text).toContain('"organisationName"="Sở Thông tin và Truyền thông tỉnh Lai Châu"');
    }
  });

  it('points the update manifest at the fixed extension ID and the current version', () => {
    const version = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')).version;
    expect(generated.get('update.xml')).toContain(`<app appid='${EXTENSION_ID}'>`);
    expect(generated.get('update.xml')).toContain(`version='${version}'`);
  });

  it('documents every setting in the README', () => {
    const readme = generated.get('README.md')!;
    for (const key of Object.keys(JSON.parse(readFileSync(join(import.meta.dirname, '../../public/managed_schema.json'), 'utf8')).properties)) {
      expect(readme).toContain(`| \`${key}\` |`);
    }
  });
});
