import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { adml, admx, admxBrowsers, admxFiles } from '../../deploy/admx';
import { jsonTypeOf, settingKeys } from '../../lib/policy/settings';
import { EXTENSION_ID, GECKO_ID } from '../../wxt.config';

const ids = { id: EXTENSION_ID, geckoId: GECKO_ID };
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['policy', 'string', 'presentation', 'category', 'item'].includes(name) });

describe.each(admxBrowsers)('the Group Policy template for $name', (browser) => {
  const template = admx(browser, ids);
  const policies = parser.parse(template).policyDefinitions.policies.policy as { name: string; key: string; valueName?: string; presentation?: string; elements?: Record<string, { id: string; key?: string; valueName?: string }> }[];

  it('is well-formed XML, and so are its Vietnamese and English texts', () => {
    expect(XMLValidator.validate(template)).toBe(true);
    for (const locale of ['vi', 'en'] as const) expect(XMLValidator.validate(adml(browser, locale))).toBe(true);
  });

  it('has every setting of lib/policy/settings.ts, once, written where the browser reads it', () => {
    expect(policies.map((policy) => policy.name)).toEqual(settingKeys);
    const root = browser.firefox ? `${browser.root}\\3rdparty\\Extensions\\${GECKO_ID}` : `${browser.root}\\3rdparty\\extensions\\${EXTENSION_ID}\\policy`;
    for (const policy of policies) {
      expect(policy.key).toBe(root);
      const element = Object.values(policy.elements ?? {})[0];
      if (jsonTypeOf(policy.name as never) === 'boolean') expect(policy.valueName).toBe(policy.name);
      // a list is a subkey named after the setting, with values 1, 2, … (as Chromium reads it)
      else if (jsonTypeOf(policy.name as never) === 'array') expect(element).toMatchObject({ id: policy.name, key: `${root}\\${policy.name}`, valuePrefix: '' });
      else expect(element).toMatchObject({ id: policy.name, valueName: policy.name });
    }
  });

  it.each(['vi', 'en'] as const)('finds each string and presentation it names in the %s ADML', (locale) => {
    const resources = parser.parse(adml(browser, locale)).policyDefinitionResources.resources;
    const strings = new Map((resources.stringTable.string as { id: string; '#text': string }[]).map((s) => [s.id, s['#text']]));
    const presentations = new Set((resources.presentationTable.presentation as { id: string }[]).map((p) => p.id));
    for (const [, id] of template.matchAll(/\$\(string\.([^)]+)\)/g)) expect(strings.get(id!), id).toBeTruthy();
    for (const [, id] of template.matchAll(/\$\(presentation\.([^)]+)\)/g)) expect(presentations.has(id!), id).toBe(true);
  });
});

describe('the ADML texts', () => {
  it('come from locales/, Vietnamese first', () => {
    const vi = adml(admxBrowsers[0], 'vi');
    expect(vi).toContain('<string id="hotlines">Đường dây nóng</string>');
    expect(adml(admxBrowsers[0], 'en')).toContain('<string id="hotlines">Hotlines</string>');
  });
  it('are laid out for the PolicyDefinitions store', () => {
    expect([...admxFiles(ids).keys()]).toContain('admx/vi-VN/khienthu-edge.adml');
    expect([...admxFiles(ids).keys()]).toContain('admx/en-US/khienthu-firefox.adml');
  });
});
