/** The built manifests ask for nothing more than the product needs, and keep the fixed ID. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_PUBLIC_KEY, GECKO_ID } from '../../wxt.config';
import { outputDir as output } from '../lab/browser';

const manifest = (target: string) => JSON.parse(readFileSync(join(output, target, 'manifest.json'), 'utf8'));

describe.each(['chrome-mv3', 'firefox-mv2'])('%s manifest', (target) => {
  it('runs the content script in every frame of *.gov.vn pages only', () => {
    const { content_scripts: scripts } = manifest(target);
    expect(scripts).toHaveLength(1);
    expect(scripts[0].matches).toEqual(['*://*.gov.vn/*']);
    expect(scripts[0].all_frames).toBe(true);
  });

  it('requests no API permission and no host permission beyond the content script', () => {
    const m = manifest(target);
    expect(m.permissions ?? []).toEqual([]);
    expect(m.host_permissions ?? []).toEqual([]);
    expect(m.optional_permissions ?? []).toEqual([]);
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

  it('carries the Gecko ID in the Firefox build', () => {
    expect(manifest('firefox-mv2').browser_specific_settings.gecko.id).toBe(GECKO_ID);
  });
});
