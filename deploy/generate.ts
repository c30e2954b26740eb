/**
 * The rollout kit, generated from the settings table and the province presets so that it never
 * drifts from what the extension accepts: per province, a Linux policy file, Windows `.reg` files
 * for Chrome, Edge and Cốc Cốc, a Firefox `policies.json`; the self-hosting update manifest; and
 * the README with every key. `npm run generate` writes them; tests/unit/deploy.test.ts fails when
 * the committed files are stale.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { t } from '../lib/i18n';
import '../lib/policy/messages';
import { managedSchema } from '../lib/policy/managed-schema';
import { provincePresets, type ProvincePreset } from '../lib/policy/presets';
import { defaultSettings, presetSettings } from '../lib/policy/resolve';
import { jsonTypeOf, settingDefinitions, settingGroups, settingKeys, type SettingKey } from '../lib/policy/settings';
import { EXTENSION_ID, GECKO_ID } from '../wxt.config';
import { admxFiles } from './admx';
import { routesEn, routesVi } from './guide';
import { macProfile } from './macos';

/** Where a province would host the packed extension; admins replace it (README says how). */
export const exampleBaseUrl = 'https://extensions.example.org/khienthu';
const version = (JSON.parse(readFileSync(join(import.meta.dirname, '../package.json'), 'utf8')) as { version: string }).version;
const updateUrl = `${exampleBaseUrl}/update.xml`;
const crxUrl = `${exampleBaseUrl}/khienthu-${version}.crx`;
const xpiUrl = `${exampleBaseUrl}/khienthu-${version}.xpi`;

/** The browsers whose Windows policy lives in the registry, and where. */
export const windowsBrowsers = [
  { id: 'chrome', name: 'Google Chrome', key: 'SOFTWARE\\Policies\\Google\\Chrome' },
  { id: 'edge', name: 'Microsoft Edge', key: 'SOFTWARE\\Policies\\Microsoft\\Edge' },
  { id: 'coccoc', name: 'Cốc Cốc', key: 'SOFTWARE\\Policies\\CocCoc\\CocCoc' },
] as const;

const officialWarning = {
  vi: '<b>Bộ phận quản trị không bao giờ hỏi mật khẩu qua thư.</b> Nếu đã lỡ nhập mật khẩu, hãy đổi mật khẩu ngay và gọi đường dây nóng.',
  en: '<b>The mail administrators never ask for your password by email.</b> If you typed it, change it now and call the hotline.',
};

/**
 * The managed policy a province would start from: its preset pinned and its contacts spelled out
 * (so admins see what to change after the mergers), and the settings a managed install is asked
 * about, at their defaults. Empty values are left out: there is nothing to set.
 */
export function examplePolicy(preset: ProvincePreset): Record<string, unknown> {
  const defaults = defaultSettings();
  const example: Record<string, unknown> = {
    ...presetSettings(preset),
    warningTextVi: officialWarning.vi,
    warningTextEn: officialWarning.en,
    allowDismiss: defaults.allowDismiss,
    allowTrustSender: defaults.allowTrustSender,
    cautionThreshold: defaults.cautionThreshold,
    dangerThreshold: defaults.dangerThreshold,
    reportMode: defaults.reportMode,
    reportConfirm: defaults.reportConfirm,
    reportOriginal: defaults.reportOriginal,
    passwordGuardEnabled: true,
    passwordGuardAlertHelpDesk: defaults.passwordGuardAlertHelpDesk,
    locale: defaults.locale,
    preset: preset.id,
    presetPinned: true,
  };
  return Object.fromEntries(
    settingKeys
      .filter((key) => key in example)
      .map((key) => [key, example[key]] as const)
      .filter(([, value]) => value !== '' && !(Array.isArray(value) && value.length === 0)),
  );
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/**
 * Where a kit points: the extension's ID (the key that signed the package decides it, see
 * scripts/release.ts) and where the province serves it. The committed kit uses the project's ID
 * and an example address; `npm run deploy` writes one with a province's own.
 */
export interface DeployTarget {
  id: string;
  /** Chromium's update manifest. */
  updateUrl: string;
  /** The signed Firefox package; none for a store listing (Firefox goes its own way then). */
  xpiUrl?: string;
  geckoId: string;
  /** Said in the files' headers. */
  generatedBy: string;
  /**
   * A store listing instead of the province's own server: the store's update URL, which the
   * browser never overrides, and only the browsers that install from that store.
   */
  store?: StoreName;
}

export type ChromiumBrowser = (typeof windowsBrowsers)[number]['id'];

/**
 * The stores a province may install from instead of its own server. Their listings have IDs of
 * their own (a store signs with its key and refuses a manifest \`key\`): the ID is a parameter.
 * Chrome, Edge and Cốc Cốc all install from the Chrome Web Store; Edge Add-ons serves Edge only.
 */
export const stores = {
  'chrome-web-store': { updateUrl: 'https://clients2.google.com/service/update2/crx', browsers: ['chrome', 'edge', 'coccoc'] },
  'edge-add-ons': { updateUrl: 'https://edge.microsoft.com/extensionwebstorebase/v1/crx', browsers: ['edge'] },
} as const satisfies Record<string, { updateUrl: string; browsers: readonly ChromiumBrowser[] }>;
export type StoreName = keyof typeof stores;

/** The Chromium browsers a target installs into. */
export function targetBrowsers(target: DeployTarget): (typeof windowsBrowsers)[number][] {
  const ids: readonly ChromiumBrowser[] = target.store ? stores[target.store].browsers : windowsBrowsers.map((browser) => browser.id);
  return windowsBrowsers.filter((browser) => ids.includes(browser.id));
}

export const exampleTarget: DeployTarget = { id: EXTENSION_ID, updateUrl, xpiUrl, geckoId: GECKO_ID, generatedBy: 'deploy/generate.ts' };

/** Who the kit is for: a name for the files' headers, and the managed settings. */
export interface Organisation {
  name: string;
  policy: Record<string, unknown>;
}

export const presetOrganisation = (preset: ProvincePreset): Organisation => ({ name: preset.organisationName, policy: examplePolicy(preset) });

/**
 * `ExtensionSettings` for one Chromium browser: force-installed from the update manifest, which
 * also serves the updates (`override_update_url`: the policy's address wins over the package's), and
 * its button shown: Chrome and Cốc Cốc pin it (`toolbar_pin`), Edge shows it (`toolbar_state`).
 */
export function chromiumExtensionSettings(target: DeployTarget, browser: ChromiumBrowser = 'chrome') {
  return {
    [target.id]: {
      installation_mode: 'force_installed',
      update_url: target.updateUrl,
      // a store's own address is never overridden (Chrome ignores the flag for its store anyway)
      ...(!target.store && { override_update_url: true }),
      ...(browser === 'edge' ? { toolbar_state: 'force_shown' } : { toolbar_pin: 'force_pinned' }),
    },
  };
}

/** /etc/chromium/policies/managed/ and /etc/opt/chrome/policies/managed/ read the same format. */
export function linuxPolicyFile(organisation: Organisation, target: DeployTarget = exampleTarget): string {
  return json({
    ExtensionSettings: chromiumExtensionSettings(target),
    '3rdparty': { extensions: { [target.id]: organisation.policy } },
  });
}

export function firefoxPolicies(organisation: Organisation, target: DeployTarget & { xpiUrl: string } = { ...exampleTarget, xpiUrl }): string {
  return json({
    policies: {
      ExtensionSettings: { [target.geckoId]: { installation_mode: 'force_installed', install_url: target.xpiUrl } },
      '3rdparty': { Extensions: { [target.geckoId]: organisation.policy } },
    },
  });
}

const regString = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const regDword = (value: number) => `dword:${value.toString(16).padStart(8, '0')}`;

/**
 * Chromium reads `3rdparty` policy from the registry by the schema: a string is REG_SZ, a boolean
 * or an integer REG_DWORD, and a list a subkey whose values are named 1, 2, 3….
 */
export function registryFile(organisation: Organisation, browser: (typeof windowsBrowsers)[number], target: DeployTarget = exampleTarget): string {
  const root = `HKEY_LOCAL_MACHINE\\${browser.key}`;
  const policyKey = `${root}\\3rdparty\\extensions\\${target.id}\\policy`;
  const policy = organisation.policy;
  const lines = [
    'Windows Registry Editor Version 5.00',
    '',
    `; Khiên Thư — ${browser.name} — ${organisation.name}. Generated by ${target.generatedBy}.`,
    ...(target === exampleTarget ? [`; Replace ${exampleBaseUrl} with where you host the .crx and update.xml (deploy/README.md).`] : []),
    '',
    `[${root}]`,
    `"ExtensionSettings"=${regString(JSON.stringify(chromiumExtensionSettings(target, browser.id)))}`,
    '',
    `; If ExtensionInstallForcelist already has a value named "1", use the next free number.`,
    `[${root}\\ExtensionInstallForcelist]`,
    `"1"=${regString(`${target.id};${target.updateUrl}`)}`,
    '',
    `[${policyKey}]`,
  ];
  const lists: string[] = [];
  for (const [key, value] of Object.entries(policy)) {
    if (Array.isArray(value)) {
      lists.push('', `[${policyKey}\\${key}]`, ...value.map((item, index) => `"${index + 1}"=${regString(String(item))}`));
    } else if (typeof value === 'boolean') lines.push(`"${key}"=${regDword(value ? 1 : 0)}`);
    else if (typeof value === 'number') lines.push(`"${key}"=${regDword(value)}`);
    else lines.push(`"${key}"=${regString(String(value))}`);
  }
  // regedit reads Unicode .reg files as UTF-16LE with a BOM and CRLF line ends
  return `\ufeff${[...lines, ...lists, ''].join('\r\n')}`;
}

export function updateManifest(): string {
  return `<?xml version='1.0' encoding='UTF-8'?>
<!-- Serve at ${updateUrl}; put the packed extension at the codebase URL. Generated by deploy/generate.ts. -->
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='${EXTENSION_ID}'>
    <updatecheck codebase='${crxUrl}' version='${version}' />
  </app>
</gupdate>
`;
}

function keyTable(): string {
  const schema = managedSchema();
  const rows = settingGroups.flatMap((group) =>
    settingKeys
      .filter((key) => settingDefinitions[key].group === group)
      .map((key: SettingKey) => {
        const property = schema.properties[key]!;
        const type = jsonTypeOf(key) === 'array' ? 'list of strings' : jsonTypeOf(key);
        return `| \`${key}\` | ${type} | ${t('en', `policy.${key}.title`)} — ${t('vi', `policy.${key}.title`)} | ${property.description.replace(/\|/g, '\\|')} |`;
      }),
  );
  return ['| key | type | setting | description |', '|---|---|---|---|', ...rows].join('\n');
}

export function readme(): string {
  const provinces = provincePresets.map((preset) => `| \`${preset.id}\` | ${preset.organisationName} |`).join('\n');
  return `# Triển khai Khiên Thư trong tỉnh — Rolling out Khiên Thư in a province

*Generated by \`deploy/generate.ts\` from the extension's settings table (\`lib/policy/settings.ts\`)
and the province presets (\`lib/policy/presets.ts\`): run \`npm run generate\` after changing either.
Do not edit these files by hand.*

${routesVi()}
${routesEn()}
## The kit

The extension ID is \`${EXTENSION_ID}\` in every Chromium build (Chrome, Edge, Cốc Cốc), and
\`${GECKO_ID}\` in Firefox. Its settings are read from managed storage: the \`3rdparty\` section of
browser policy. Chromium checks them against \`managed_schema.json\` (in the extension); the
extension then checks each value itself. A value of the wrong type is dropped by the browser; a
well-typed but wrong one (an address that is not an address, a caution threshold above the danger
one) is ignored by the extension. Either way the other settings still apply, and the extension's
options page lists what it received, what it refused and why.

**The presets' names and addresses come from the provinces' warning letters (2019–2021). The 2025
mergers of provinces and departments changed many of them: check every contact in these files
before you deploy.** The example files pin the province's preset and spell out its contacts, so
that what users see is what you wrote.

| preset | organisation |
|---|---|
${provinces}

## 1. Host the extension

Chromium browsers install an extension from outside their web store only from an update manifest:

1. Build and sign the package with the province's RSA key (made once with
   \`openssl genrsa -out tinh.pem 2048\`, kept like a password):
   \`npm run release -- --key tinh.pem --base-url <where you host it>\`. It writes
   \`release/khienthu-<version>.crx\`, \`release/update.xml\` (with the package's hash) and
   \`release/release.json\`, and prints the extension ID. **A CRX takes the ID of the key that
   signed it**: \`${EXTENSION_ID}\` (the ID in the examples here) only with the project's own key.
2. Put the \`.crx\` and \`update.xml\` on an HTTPS server at that address. Serve the \`.crx\` as
   \`application/x-chrome-extension\`.
3. Write the policy files for your organisation, with that ID and address, instead of editing
   the examples here: \`npm run deploy -- --release release/release.json --preset lai-chau --name
   lai-chau\` (a preset), or \`--policy tinh.json --name tinh\` (any organisation: the managed
   settings as JSON, checked as the extension checks them). It reads the \`.crx\` beside
   \`release.json\` and refuses to write a policy for an ID that is not the package's. The files go
   to \`deploy-out/\`, laid out as here.
4. For each new version: \`npm run release\` again with the same key, and replace both files.
   Browsers check \`update.xml\` every few hours (the package's \`update_url\`, or the policy's with
   \`override_update_url\`) and install the new version themselves.
5. On the first start after the force-install, Chromium may not have handed the extension its
   managed settings yet: it runs on the province's preset until the browser is started again, at
   the latest (seen on Chromium 156; check \`chrome://policy\` and the extension's options page on a
   pilot PC).

On Windows, Chrome and Edge force-install extensions from outside their stores only on machines
joined to an Active Directory domain (or enrolled in cloud management).

## 2. Chrome, Edge and Cốc Cốc on Windows

\`windows/<browser>-<preset>.reg\` writes, under \`HKEY_LOCAL_MACHINE\`:
- \`ExtensionSettings\` (force-installed from \`update.xml\`, which also serves the updates:
  \`override_update_url\`; the button pinned in Chrome and Cốc Cốc, \`toolbar_state: force_shown\`
  in Edge) and the same in
  \`ExtensionInstallForcelist\` for older versions (\`<id>;<update URL>\`);
- the settings under \`<browser policy key>\\3rdparty\\extensions\\${EXTENSION_ID}\\policy\`: a string
  as REG_SZ, a yes/no or a number as REG_DWORD, a list as a subkey with values \`1\`, \`2\`, ….

| browser | policy key |
|---|---|
${windowsBrowsers.map((browser) => `| ${browser.name} | \`HKLM\\${browser.key}\` |`).join('\n')}

Import with \`reg import windows\\chrome-lai-chau.reg\` (as administrator) or turn the same keys
into Group Policy Preferences. **A \`.reg\` import replaces the whole \`ExtensionSettings\` value**,
with any other extension's entry in it. Where a PC already has one, run
\`windows\\install-<preset>.ps1 -Browser chrome|edge|coccoc\` instead (as administrator): it adds
this extension's entry to \`ExtensionSettings\` and keeps the others, adds it to
\`ExtensionInstallForcelist\` under the next free number (or rewrites the value that names it), and
replaces this extension's settings only. (It is checked here by its data and text; PowerShell does
not run on the project's test machines: try it on a pilot PC first.) Cốc Cốc's key was taken from deployments seen in the wild, not from
vendor documentation: after importing, open \`coccoc://policy\` and check that the extension's
policy is listed.

### Group Policy and Intune: the ADMX templates

\`admx/khienthu-<browser>.admx\` with \`admx/vi-VN/\` and \`admx/en-US/\` (ADML) describe every
setting below for Chrome, Edge, Cốc Cốc and Firefox, writing where each browser reads them (the
same keys as the \`.reg\` files; Firefox: \`Software\\Policies\\Mozilla\\Firefox\\3rdparty\\Extensions\\${GECKO_ID}\`).
Copy them into the domain's PolicyDefinitions store (\`\\\\<domain>\\SYSVOL\\<domain>\\Policies\\PolicyDefinitions\`),
or import the ADMX in Intune (*Administrative templates → Import ADMX*). They name the extension's
ID: \`npm run deploy\` writes them for the ID of your package. Installing the extension itself
stays with the browser's own templates (\`ExtensionSettings\`).

## macOS (Chrome, Edge)

\`macos/<preset>.mobileconfig\` is a configuration profile for an MDM (or a double-click and
*System Settings → Privacy & Security → Profiles*): it force-installs the extension in Chrome
and Edge (\`com.google.Chrome\`, \`com.microsoft.Edge\`) and sets its settings
(\`com.google.Chrome.extensions.<id>\`, \`com.microsoft.Edge.extensions.<id>\`). It is checked here
as a property list only: try it on a pilot Mac first.

## 3. Linux (Chromium, Chrome)

Copy \`linux/<preset>.json\` to \`/etc/chromium/policies/managed/khienthu.json\` (Debian's Chromium)
or \`/etc/opt/chrome/policies/managed/khienthu.json\` (Google Chrome), readable by everyone and
writable only by root. \`chrome://policy\` shows what Chromium read (*Reload policies* after a change).

## 4. Firefox

Firefox reads the extension's settings from \`policies.json\`, \`3rdparty.Extensions.${GECKO_ID}\`
(there is no schema in the Firefox build: Firefox passes the values as written). Copy
\`firefox/<preset>.policies.json\` to \`distribution/policies.json\` in the Firefox installation
folder (\`/etc/firefox/policies/policies.json\` on Linux), or set the same through Firefox's Group
Policy templates. \`ExtensionSettings\` installs the \`.xpi\` from your server.

\`npm run release\` writes \`khienthu-<version>.xpi\` (its \`gecko.update_url\` is
\`<base-url>/updates.json\`) and \`updates.json\` (Firefox's update manifest, with the package's
hash). Release Firefox installs only what Mozilla signed, so the first time sign it as an
*unlisted* add-on on addons.mozilla.org (the project's account, or the province's own with API
keys): \`unzip khienthu-<version>.xpi -d ff && npx web-ext sign --channel unlisted --source-dir ff
--api-key … --api-secret …\`, then \`npm run release … --firefox-signed <the signed .xpi>\`: the
release checks that it is this version with this update URL, and hashes the signed file into
\`updates.json\`. Firefox ESR accepts the unsigned package only where
\`xpinstall.signatures.required\` is turned off (not in release Firefox).

## 5. Webmail outside \`*.gov.vn\`

The extension runs on \`*.gov.vn\` by itself. For a webmail elsewhere, list its host in
\`webmailHosts\`. Each user then grants the host permission once, with the button on the options
page (the browser asks them to confirm), and the extension checks mail there too.

## Every setting

${keyTable()}
`;
}

/** Every file of the kit, by path relative to deploy/. */
export function deployFiles(): Map<string, string> {
  const files = new Map<string, string>();
  files.set('README.md', readme());
  files.set('update.xml', updateManifest());
  for (const [path, text] of admxFiles({ id: exampleTarget.id, geckoId: exampleTarget.geckoId })) files.set(path, text);
  for (const preset of provincePresets) for (const [path, text] of organisationFiles(preset.id, presetOrganisation(preset))) files.set(path, text);
  return files;
}

/**
 * The Windows route that keeps what a PC already has: `.reg` import replaces the whole
 * `ExtensionSettings` value (other extensions' entries with it), this script merges. For one
 * Chromium browser (`-Browser chrome|edge|coccoc`), as administrator, it
 * - adds or replaces this extension's entry in `ExtensionSettings`, keeping every other entry;
 * - adds `<id>;<update URL>` to `ExtensionInstallForcelist` under the next free number, or rewrites
 *   the value that already names the ID;
 * - replaces this extension's `3rdparty` settings, and nothing else.
 * The kit's data sits in one JSON block, the logic is the same for every kit. Windows PowerShell
 * 5.1 reads a script without a BOM as the ANSI code page: it is written with one.
 */
export function mergeScript(organisation: Organisation, target: DeployTarget = exampleTarget): string {
  const data = {
    id: target.id,
    updateUrl: target.updateUrl,
    organisation: organisation.name,
    browsers: Object.fromEntries(targetBrowsers(target).map((browser) => [browser.id, { key: browser.key, extensionSettings: chromiumExtensionSettings(target, browser.id)[target.id] }])),
    policy: organisation.policy,
  };
  const script = `# Khiên Thư — ${organisation.name}. Generated by ${target.generatedBy}.
# Run as administrator: powershell -ExecutionPolicy Bypass -File install-<name>.ps1 -Browser ${targetBrowsers(target).map((browser) => browser.id).join('|')}
# Merges into the browser's ExtensionSettings instead of replacing it (deploy/README.md).
#Requires -RunAsAdministrator
param([Parameter(Mandatory = $true)][ValidateSet(${targetBrowsers(target).map((browser) => `'${browser.id}'`).join(', ')})][string]$Browser)
$ErrorActionPreference = 'Stop'
$kit = @'
${JSON.stringify(data, null, 2)}
'@ | ConvertFrom-Json
$id = $kit.id
$root = 'HKLM:\\' + $kit.browsers.$Browser.key
# never New-Item -Force on a key that exists: on the registry that empties it
if (-not (Test-Path $root)) { New-Item -Path $root -Force | Out-Null }

# ExtensionSettings: this extension's entry in, every other entry kept
$current = (Get-ItemProperty -Path $root -Name ExtensionSettings -ErrorAction SilentlyContinue).ExtensionSettings
$settings = if ($current) { $current | ConvertFrom-Json } else { New-Object PSObject }
$settings | Add-Member -NotePropertyName $id -NotePropertyValue $kit.browsers.$Browser.extensionSettings -Force
Set-ItemProperty -Path $root -Name ExtensionSettings -Value ($settings | ConvertTo-Json -Depth 20 -Compress) -Type String

# ExtensionInstallForcelist: the value naming this ID rewritten, or a new one under the next free number
$list = Join-Path $root 'ExtensionInstallForcelist'
if (-not (Test-Path $list)) { New-Item -Path $list | Out-Null }
$entry = "$id;$($kit.updateUrl)"
$names = @((Get-Item -Path $list).Property)
$mine = @($names | Where-Object { "$(Get-ItemPropertyValue -Path $list -Name $_)" -like "$id;*" })
if ($mine.Count -gt 0) {
  foreach ($name in $mine) { Set-ItemProperty -Path $list -Name $name -Value $entry }
} else {
  $n = 1
  while ($names -contains "$n") { $n++ }
  New-ItemProperty -Path $list -Name "$n" -Value $entry -PropertyType String | Out-Null
}

# this extension's settings, replaced whole (a list is a subkey with values 1, 2, ...)
$policy = Join-Path $root "3rdparty\\extensions\\$id\\policy"
if (Test-Path $policy) { Remove-Item -Path $policy -Recurse }
New-Item -Path $policy -Force | Out-Null
foreach ($setting in $kit.policy.PSObject.Properties) {
  $value = $setting.Value
  if ($value -is [array]) {
    $sub = New-Item -Path (Join-Path $policy $setting.Name)
    $i = 1
    foreach ($item in $value) { New-ItemProperty -Path $sub.PSPath -Name "$i" -Value ([string]$item) -PropertyType String | Out-Null; $i++ }
  } elseif ($value -is [bool]) {
    New-ItemProperty -Path $policy -Name $setting.Name -Value ([int]$value) -PropertyType DWord | Out-Null
  } elseif ($value -is [int] -or $value -is [long]) {
    New-ItemProperty -Path $policy -Name $setting.Name -Value ([int]$value) -PropertyType DWord | Out-Null
  } else {
    New-ItemProperty -Path $policy -Name $setting.Name -Value ([string]$value) -PropertyType String | Out-Null
  }
}
$others = @($settings.PSObject.Properties | Where-Object { $_.Name -ne $id }).Count
Write-Host "Khiên Thư: $Browser policy written for $id; ExtensionSettings kept $others other entries."
`;
  return `\ufeff${script.replace(/\n/g, '\r\n')}`;
}

/** The policy files for one organisation: Linux, Firefox, and Windows for each Chromium browser. */
export function organisationFiles(name: string, organisation: Organisation, target: DeployTarget = exampleTarget): Map<string, string> {
  const files = new Map<string, string>();
  const browsers = targetBrowsers(target);
  // Chromium and Chrome on Linux read the same file; an Edge-only store listing has none
  if (browsers.some((browser) => browser.id === 'chrome')) files.set(`linux/${name}.json`, linuxPolicyFile(organisation, target));
  if (target.xpiUrl) files.set(`firefox/${name}.policies.json`, firefoxPolicies(organisation, { ...target, xpiUrl: target.xpiUrl }));
  for (const browser of browsers) {
    files.set(`windows/${browser.id}-${name}.reg`, registryFile(organisation, browser, target));
    // the one-line value Group Policy's and Intune's "Extension management settings" take
    files.set(`windows/${browser.id}-${name}.extension-settings.json`, `${JSON.stringify(chromiumExtensionSettings(target, browser.id))}\n`);
  }
  files.set(`windows/install-${name}.ps1`, mergeScript(organisation, target));
  files.set(
    `macos/${name}.mobileconfig`,
    macProfile({
      organisation: organisation.name,
      policy: organisation.policy,
      browsers: browsers.filter((browser) => browser.id !== 'coccoc').map((browser) => ({ browser: browser.id, id: target.id, extensionSettings: chromiumExtensionSettings(target, browser.id)[target.id]! })),
    }),
  );
  // the templates are the same for every organisation of one ID: the committed kit has them once
  if (target !== exampleTarget) {
    const templated = new Set<string>([...browsers.map((browser) => browser.id), ...(target.xpiUrl ? ['firefox'] : [])]);
    for (const [path, text] of admxFiles({ id: target.id, geckoId: target.geckoId }, templated)) files.set(path, text);
  }
  return files;
}

/** .reg files are UTF-16LE; everything else UTF-8. */
export function encode(path: string, text: string): Buffer {
  return path.endsWith('.reg') ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf8');
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  for (const [path, text] of deployFiles()) {
    const target = join(import.meta.dirname, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, encode(path, text));
  }
  console.log(`wrote ${deployFiles().size} files under deploy/`);
}
