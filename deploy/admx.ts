/**
 * Group Policy templates (ADMX, with ADML in Vietnamese and English) for the extension's own
 * settings, so that a province sets them in the Group Policy editor or Intune instead of importing
 * registry files: one template per browser, writing where that browser reads an extension's
 * `3rdparty` policy —
 * Chrome, Edge and Cốc Cốc: `Software\Policies\<vendor>\3rdparty\extensions\<id>\policy`, a list as
 * a subkey with values `1`, `2`, …; Firefox: `Software\Policies\Mozilla\Firefox\3rdparty\Extensions\<gecko id>`.
 * Generated from lib/policy/settings.ts like everything else in deploy/: every setting is there,
 * with its title and description from locales/.
 */
import { z } from 'zod';
import { t, type Locale } from '../lib/i18n';
import { escapeXml as xml } from '../lib/xml';
import '../lib/policy/messages';
import { jsonTypeOf, settingDefinitions, settingGroups, settingKeys, type SettingKey } from '../lib/policy/settings';

export const admxBrowsers = [
  { id: 'chrome', name: 'Google Chrome', root: 'Software\\Policies\\Google\\Chrome', firefox: false },
  { id: 'edge', name: 'Microsoft Edge', root: 'Software\\Policies\\Microsoft\\Edge', firefox: false },
  { id: 'coccoc', name: 'Cốc Cốc', root: 'Software\\Policies\\CocCoc\\CocCoc', firefox: false },
  { id: 'firefox', name: 'Mozilla Firefox', root: 'Software\\Policies\\Mozilla\\Firefox', firefox: true },
] as const;
export type AdmxBrowser = (typeof admxBrowsers)[number];

/** ADML folders by locale. */
export const admlFolders: Record<Locale, string> = { vi: 'vi-VN', en: 'en-US' };


/** What the setting's schema allows, as JSON Schema says it: its values (an enum) or its bounds. */
function allowed(key: SettingKey): { enum?: string[]; minimum?: number; maximum?: number } {
  const schema = z.toJSONSchema(settingDefinitions[key].schema, { io: 'input', unrepresentable: 'any' }) as { enum?: unknown[]; minimum?: number; maximum?: number };
  return { enum: schema.enum?.map(String), minimum: schema.minimum, maximum: schema.maximum };
}

/** Where this browser reads the extension's settings. */
export function policyKey(browser: AdmxBrowser, ids: { id: string; geckoId: string }): string {
  return browser.firefox ? `${browser.root}\\3rdparty\\Extensions\\${ids.geckoId}` : `${browser.root}\\3rdparty\\extensions\\${ids.id}\\policy`;
}

export function admx(browser: AdmxBrowser, ids: { id: string; geckoId: string }): string {
  const key = policyKey(browser, ids);
  const policies = settingKeys.map((name) => {
    const type = jsonTypeOf(name);
    const head = `    <policy name="${name}" class="Machine" displayName="$(string.${name})" explainText="$(string.${name}_Explain)"`;
    const common = `      <parentCategory ref="${settingDefinitions[name].group}" />\n      <supportedOn ref="SUPPORTED" />`;
    if (type === 'boolean') {
      return `${head} key="${xml(key)}" valueName="${name}">\n${common}\n      <enabledValue><decimal value="1" /></enabledValue>\n      <disabledValue><decimal value="0" /></disabledValue>\n    </policy>`;
    }
    let element: string;
    if (type === 'array') element = `<list id="${name}" key="${xml(`${key}\\${name}`)}" valuePrefix="" />`;
    else if (type === 'integer') {
      const { minimum: min, maximum: max } = allowed(name);
      element = `<decimal id="${name}" valueName="${name}"${min !== undefined ? ` minValue="${min}"` : ''}${max !== undefined ? ` maxValue="${max}"` : ''} />`;
    } else {
      const values = allowed(name).enum;
      element = values
        ? `<enum id="${name}" valueName="${name}">${values.map((value) => `<item displayName="$(string.${name}_${value.replace(/[^A-Za-z0-9]/g, '_')})"><value><string>${xml(value)}</string></value></item>`).join('')}</enum>`
        : `<text id="${name}" valueName="${name}" maxLength="2000" />`;
    }
    return `${head} presentation="$(presentation.${name})" key="${xml(key)}">\n${common}\n      <elements>${element}</elements>\n    </policy>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<!-- Khiên Thư for ${browser.name}, extension ${browser.firefox ? ids.geckoId : ids.id}. Generated from lib/policy/settings.ts. -->
<policyDefinitions xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <policyNamespaces>
    <target prefix="khienthu_${browser.id}" namespace="KhienThu.Policies.${browser.id}" />
  </policyNamespaces>
  <resources minRequiredRevision="1.0" />
  <supportedOn>
    <definitions>
      <definition name="SUPPORTED" displayName="$(string.SUPPORTED)" />
    </definitions>
  </supportedOn>
  <categories>
    <category name="khienthu" displayName="$(string.khienthu)" />
${settingGroups.map((group) => `    <category name="${group}" displayName="$(string.group_${group})"><parentCategory ref="khienthu" /></category>`).join('\n')}
  </categories>
  <policies>
${policies.join('\n')}
  </policies>
</policyDefinitions>
`;
}

export function adml(browser: AdmxBrowser, locale: Locale): string {
  const strings: [string, string][] = [
    ['khienthu', `Khiên Thư (${browser.name})`],
    ['SUPPORTED', t(locale, 'admx.supported', { browser: browser.name })],
    ...settingGroups.map((group): [string, string] => [`group_${group}`, t(locale, `options.group.${group}`)]),
  ];
  const presentations: string[] = [];
  for (const name of settingKeys) {
    strings.push([name, t(locale, `policy.${name}.title`)], [`${name}_Explain`, t(locale, `policy.${name}.description`)]);
    const type = jsonTypeOf(name);
    const label = xml(t(locale, `policy.${name}.title`));
    if (type === 'boolean') continue;
    const values = type === 'string' ? allowed(name).enum : undefined;
    for (const value of values ?? []) strings.push([`${name}_${value.replace(/[^A-Za-z0-9]/g, '_')}`, value]);
    const control =
      type === 'array'
        ? `<listBox refId="${name}">${label}</listBox>`
        : type === 'integer'
          ? `<decimalTextBox refId="${name}">${label}</decimalTextBox>`
          : values
            ? `<dropdownList refId="${name}">${label}</dropdownList>`
            : `<textBox refId="${name}"><label>${label}</label></textBox>`;
    presentations.push(`      <presentation id="${name}">${control}</presentation>`);
  }
  return `<?xml version="1.0" encoding="utf-8"?>
<policyDefinitionResources xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" revision="1.0" schemaVersion="1.0" xmlns="http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions">
  <displayName>Khiên Thư</displayName>
  <description>${xml(t(locale, 'admx.description', { browser: browser.name }))}</description>
  <resources>
    <stringTable>
${strings.map(([id, text]) => `      <string id="${id}">${xml(text)}</string>`).join('\n')}
    </stringTable>
    <presentationTable>
${presentations.join('\n')}
    </presentationTable>
  </resources>
</policyDefinitionResources>
`;
}

/** Every template for these IDs, by path: `admx/khienthu-<browser>.admx` and `admx/<vi-VN|en-US>/khienthu-<browser>.adml`. */
export function admxFiles(ids: { id: string; geckoId: string }, only?: ReadonlySet<string>): Map<string, string> {
  const files = new Map<string, string>();
  for (const browser of admxBrowsers) {
    if (only && !only.has(browser.id)) continue;
    files.set(`admx/khienthu-${browser.id}.admx`, admx(browser, ids));
    for (const locale of ['vi', 'en'] as const) files.set(`admx/${admlFolders[locale]}/khienthu-${browser.id}.adml`, adml(browser, locale));
  }
  return files;
}
