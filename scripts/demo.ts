/**
 * `npm run demo`: builds the extension, starts a real Roundcube + Dovecot on loopback with a
 * mailbox of sample lures and ordinary mail, and opens it in Debian's Chromium with Khiên Thư
 * loaded, as mail.soctrang.gov.vn. With a display, the browser stays open until you close it
 * (or press Ctrl-C); without one, it writes screenshots to demo-output/ and stops.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser } from '../tests/lab/browser';
import { loginToRoundcube, openRoundcubeMessage } from '../tests/lab/roundcube-page';
import { ensureSystemDeps } from '../tests/lab/system-deps';
import { startLab } from '../tests/lab/webmail-lab';

const root = resolve(import.meta.dirname, '..');
const host = 'mail.soctrang.gov.vn';
const output = join(root, 'demo-output');
const headed = Boolean(process.env.DISPLAY) && process.env.DEMO_HEADLESS !== '1';

const emlIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.eml')).sort().map((f) => join(dir, f));
const mailbox = [
  ...emlIn(join(root, 'tests/corpus/benign')),
  ...emlIn(join(root, 'tests/corpus/lures')),
  ...emlIn(join(root, 'tests/e2e/mails')),
];

ensureSystemDeps();
console.log('Building the extension…');
execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });

const lab = await startLab({ domain: 'soctrang.gov.vn', messages: mailbox });
const browser = await launchBrowser({ hosts: [host], headless: !headed, viewport: { width: 1366, height: 860 } }).catch(
  async (error: unknown) => {
    await lab.stop();
    throw error;
  },
);
let stopping: Promise<void> | undefined;
const stop = () => (stopping ??= browser.close().catch(() => undefined).then(() => lab.stop()));
process.once('SIGINT', () => void stop().then(() => process.exit(130)));
process.once('SIGTERM', () => void stop().then(() => process.exit(143)));

try {
  const base = `http://${host}:${lab.port}`;
  const page = await browser.context.newPage();
  await loginToRoundcube(page, base, lab);
  console.log(`Roundcube: ${base}/ (user ${lab.user}, password ${lab.password}), ${mailbox.length} messages, extension ${browser.extensionId}`);
  if (headed) {
    console.log('Open any message: lures get the Khiên Thư banner. Close the browser or press Ctrl-C to stop.');
    await new Promise<void>((done) => browser.context.once('close', () => done()));
  } else {
    mkdirSync(output, { recursive: true });
    for (const [subject, file] of [
      ['Đã vượt quá hạn ngạch', 'roundcube-lure.png'],
      ['Lịch họp giao ban tuần sau', 'roundcube-benign.png'],
    ] as const) {
      const frame = await openRoundcubeMessage(page, subject);
      const level = await (await frame.waitForFunction(() => document.documentElement.getAttribute('data-khienthu-scanned'))).jsonValue();
      await page.screenshot({ path: join(output, file) });
      console.log(`“${subject}”: ${level} → demo-output/${file}`);
    }
  }
} finally {
  await stop();
}
