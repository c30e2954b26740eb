/** The built manifests ask for nothing more than the product needs, and keep the fixed ID. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_PUBLIC_KEY, GECKO_ID } from '../../wxt.config';
import { outputDir as output } from '../lab/browser';

const manifest = (target: string) => JSON.parse(readFileSync(join(output, target, 'manifest.json'), 'utf8'));

describe.each(['chrome-mv3', 'firefox-mv2'])('%s manifest', (target) => {
  it('runs the webmail content script in every frame of *.gov.vn pages only', () => {
    const { content_scripts: scripts } = manifest(target);
    const webmail = scripts.filter((script: { js: string[] }) => script.js.includes('content-scripts/webmail.js'));
    expect(webmail).toHaveLength(1);
    expect(webmail[0].matches).toEqual(['*://*.gov.vn/*']);
    expect(webmail[0].all_frames).toBe(true);
  });

  it('runs the small password-guard script everywhere, from the start of every frame, and nothing else', () => {
    // The password guard must see the webmail password typed on any site: the intrinsic cost of
    // the feature (Google's Password Alert asks the same). That script carries no scoring lists.
    const { content_scripts: scripts } = manifest(target);
    expect(scripts).toHaveLength(2);
    const guard = scripts.find((script: { js: string[] }) => script.js.includes('content-scripts/password-guard.js'));
    expect(guard).toMatchObject({ matches: ['<all_urls>'], all_frames: true, match_about_blank: true, run_at: 'document_start' });
    expect(guard.js).toEqual(['content-scripts/password-guard.js']);
    expect(guard.css).toBeUndefined();
    // its styles are inlined into its shadow root: nothing of it is web-accessible to every site
    const resources = (manifest(target).web_accessible_resources ?? []).flatMap((entry: string | { resources: string[] }) =>
      typeof entry === 'string' ? [entry] : entry.resources,
    );
    expect(resources.filter((resource: string) => resource.includes('password-guard'))).toEqual([]);
  });

  it('requests storage and scripting only; any other host only as an optional permission', () => {
    const m = manifest(target);
    expect(m.permissions ?? []).toEqual(['storage', 'scripting']);
    expect(m.host_permissions ?? []).toEqual([]);
    // webmail hosts an admin names outside *.gov.vn: asked for from the options page, never at install
    if (target === 'chrome-mv3') {
      expect(m.optional_host_permissions ?? []).toEqual(['*://*/*']);
      expect(m.optional_permissions ?? []).toEqual([]);
    } else {
      expect(m.optional_permissions ?? []).toEqual(['*://*/*']);
    }
  });

  it('names itself from the Vietnamese locale first', () => {
    const m = manifest(target);
    expect(m.default_locale).toBe('vi');
    const vi = JSON.parse(readFileSync(join(output, target, '_locales/vi/messages.json'), 'utf8'));
    expect(vi.extName.message).toBe('Khiên Thư');
  });
});

describe('fixed identity', () => {
  it('carries the public key in the Chrome build', () => {
    expect(manifest('chrome-mv3').key).toBe(EXTENSION_PUBLIC_KEY);
  });

  it('declares the managed-policy schema in the Chrome build, and none in Firefox (policies.json needs none)', () => {
    expect(manifest('chrome-mv3').storage).toEqual({ managed_schema: 'managed_schema.json' });
    expect(JSON.parse(readFileSync(join(output, 'chrome-mv3', 'managed_schema.json'), 'utf8')).type).toBe('object');
    expect(manifest('firefox-mv2').storage).toBeUndefined();
  });

  it('carries the Gecko ID in the Firefox build', () => {
    expect(manifest('firefox-mv2').browser_specific_settings.gecko.id).toBe(GECKO_ID);
  });
});
