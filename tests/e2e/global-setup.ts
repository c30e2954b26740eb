import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureSystemDeps } from '../lab/system-deps';
import { chromeBuild } from '../lab/browser';

/** The end-to-end tests run the real thing: Debian's Roundcube, Dovecot, Chromium and the built extension. */
export default function setup(): void {
  ensureSystemDeps();
  if (!existsSync(join(chromeBuild, 'manifest.json'))) {
    throw new Error(`No extension build in ${chromeBuild}: run \`npx wxt build\` first (npm run test:browser does).`);
  }
}
