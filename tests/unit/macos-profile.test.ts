import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { chromiumExtensionSettings, exampleTarget } from '../../deploy/generate';
import { macProfile, type MacProfileInput } from '../../deploy/macos';
import { EXTENSION_ID } from '../../wxt.config';

type Node = Record<string, Node[] | string> & { '#text'?: string };

/** Reads a property list back (dict, array, string, integer, true, false), from the parsed XML in document order. */
function plist(nodes: Node[]): unknown {
  const node = nodes.find((n) => !('#text' in n));
  if (!node) throw new Error('no value');
  const [tag, children] = Object.entries(node)[0]! as [string, Node[]];
  const text = () => String((children[0] as Node | undefined)?.['#text'] ?? '');
  if (tag === 'string') return text();
  if (tag === 'integer') return Number(text());
  if (tag === 'true') return true;
  if (tag === 'false') return false;
  const elements = children.filter((child) => !('#text' in child));
  if (tag === 'array') return elements.map((child) => plist([child]));
  if (tag === 'dict') {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < elements.length; i += 2) out[String((elements[i]!.key as Node[])[0]!['#text'])] = plist([elements[i + 1]!]);
    return out;
  }
  throw new Error(`unexpected <${tag}>`);
}

describe('the macOS configuration profile', () => {
  const policy = { organisationName: 'Sở A & B <tỉnh>', hotlines: ['0213.1', '0213.2'], passwordGuardEnabled: true, cautionThreshold: 30 };
  const target = { ...exampleTarget, updateUrl: 'https://x.gov.vn/k/update.xml' };
  const input: MacProfileInput = {
    organisation: 'Sở A & B',
    policy,
    browsers: (['chrome', 'edge'] as const).map((browser) => ({ browser, id: EXTENSION_ID, extensionSettings: chromiumExtensionSettings(target, browser)[EXTENSION_ID]! })),
  };
  const text = macProfile(input);

  it('is a well-formed property list', () => {
    expect(XMLValidator.validate(text)).toBe(true);
  });

  it("force-installs in Chrome and Edge and carries the settings in each browser's extension domain", () => {
    const root = new XMLParser({ preserveOrder: true, parseTagValue: false }).parse(text) as Node[];
    const plistNode = root.find((n) => 'plist' in n)!.plist as Node[];
    const profile = plist(plistNode.filter((n) => !('#text' in n))) as { PayloadType: string; PayloadContent: Record<string, unknown>[] };
    expect(profile.PayloadType).toBe('Configuration');
    const byDomain = Object.fromEntries(profile.PayloadContent.map((payload) => [payload.PayloadType as string, payload]));
    expect(Object.keys(byDomain)).toEqual(['com.google.Chrome', `com.google.Chrome.extensions.${EXTENSION_ID}`, 'com.microsoft.Edge', `com.microsoft.Edge.extensions.${EXTENSION_ID}`]);
    expect(byDomain['com.google.Chrome']!.ExtensionSettings).toEqual({
      [EXTENSION_ID]: { installation_mode: 'force_installed', update_url: 'https://x.gov.vn/k/update.xml', override_update_url: true, toolbar_pin: 'force_pinned' },
    });
    expect(byDomain['com.microsoft.Edge']!.ExtensionSettings).toMatchObject({ [EXTENSION_ID]: { toolbar_state: 'force_shown' } });
    expect(byDomain[`com.microsoft.Edge.extensions.${EXTENSION_ID}`]).toMatchObject(policy);
    // a profile made again has the same identifiers, so it replaces the one installed
    expect(macProfile(structuredClone(input))).toBe(text);
    expect(new Set(profile.PayloadContent.map((payload) => payload.PayloadUUID)).size).toBe(4);
  });
});
