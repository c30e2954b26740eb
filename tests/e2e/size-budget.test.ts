/**
 * The content script is loaded into every frame of every webmail page: its size is a budget, checked
 * on the build the other end-to-end tests load (gzip at its default level, as `gzip` and most servers compress it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { outputDir } from '../lab/browser';

export const contentScriptBudget = 80 * 1024;
/** No React DOM, no scoring lists: preact, the locale strings and the guard's own code. */
export const passwordGuardBudget = 8 * 1024;

describe('size budget', () => {
  it(`keeps the content script within ${contentScriptBudget / 1024} KB gzipped`, () => {
    const file = join(outputDir, 'chrome-mv3/content-scripts/webmail.js');
    const raw = readFileSync(file);
    const gzipped = gzipSync(raw).byteLength;
    console.log(
      `content script: ${(raw.byteLength / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped ` +
        `(${gzipped} of ${contentScriptBudget} bytes, ${(contentScriptBudget - gzipped).toLocaleString('en')} to spare)`,
    );
    expect(gzipped).toBeLessThanOrEqual(contentScriptBudget);
  });

  it(`keeps the password-guard script, loaded into every frame of every site, within ${passwordGuardBudget / 1024} KB gzipped`, () => {
    const raw = readFileSync(join(outputDir, 'chrome-mv3/content-scripts/password-guard.js'));
    const gzipped = gzipSync(raw).byteLength;
    console.log(`password-guard script: ${(raw.byteLength / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped (${gzipped} of ${passwordGuardBudget} bytes)`);
    expect(gzipped).toBeLessThanOrEqual(passwordGuardBudget);
  });
});
