/**
 * `npm run bench`, webmail part: in the real Roundcube of the end-to-end lab, how long after the
 * message document is ready does the banner appear (goal ≤ 150 ms median), and how big is the
 * content script every webmail frame loads (goal ≤ 80 KB gzip).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromeBuild, launchBrowser } from '../tests/lab/browser';
import { loginToRoundcube, openRoundcubeMessage } from '../tests/lab/roundcube-page';
import { ensureSystemDeps } from '../tests/lab/system-deps';
import { startLab, type RoundcubeSkin } from '../tests/lab/webmail-lab';

const root = join(import.meta.dirname, '..');
const host = 'mail.soctrang.gov.vn';
const mails = join(root, 'tests/e2e/mails');
const rounds = Number(process.env.BENCH_ROUNDS ?? 15);

/** In every frame: when the document was ready, and when a banner host was first added to it. */
const timingProbe = () => {
  const w = window as unknown as { __khienthuBannerAt?: number };
  new MutationObserver((records, observer) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeName === 'KHIENTHU-BANNER') {
          w.__khienthuBannerAt = performance.now();
          observer.disconnect();
          return;
        }
      }
    }
  }).observe(document, { childList: true, subtree: true });
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

ensureSystemDeps();
execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const script = readFileSync(join(chromeBuild, 'content-scripts/webmail.js'));
console.log('Khiên Thư — webmail benchmark');
console.log(`content script: ${(script.length / 1024).toFixed(1)} KB, ${(gzipSync(script, { level: 9 }).length / 1024).toFixed(1)} KB gzip (goal ≤ 80 KB gzip)\n`);

for (const skin of (process.env.BENCH_SKINS?.split(',') ?? ['elastic', 'larry']) as RoundcubeSkin[]) {
  const lab = await startLab({ skin, domain: 'soctrang.gov.vn', messages: [join(mails, 'soctrang-quota-lure.eml'), join(mails, 'meeting-invitation.eml')] });
  const browser = await launchBrowser({ hosts: [host] }).catch(async (error: unknown) => {
    await lab.stop();
    throw error;
  });
  try {
    const page = await browser.context.newPage();
    await page.addInitScript(timingProbe);
    await loginToRoundcube(page, `http://${host}:${lab.port}`, lab);
    const samples: number[] = [];
    for (let i = 0; i < rounds; i += 1) {
      await openRoundcubeMessage(page, 'Lịch họp giao ban tuần sau').catch(async (error: unknown) => {
        await page.screenshot({ path: '/tmp/khienthu-bench-failure.png' });
        throw new Error(`round ${i}: the message list is gone (${page.url()}); screenshot in /tmp/khienthu-bench-failure.png`, { cause: error });
      });
      const frame = await openRoundcubeMessage(page, 'Đã vượt quá hạn ngạch');
      const handle = await frame.waitForFunction(() => {
        const at = (window as unknown as { __khienthuBannerAt?: number }).__khienthuBannerAt;
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
        return at !== undefined && nav && nav.domContentLoadedEventEnd > 0 ? at - nav.domContentLoadedEventEnd : false;
      });
      samples.push((await handle.jsonValue()) as number);
    }
    console.log(
      `Roundcube ${skin}: document ready → banner in the DOM, median ${median(samples).toFixed(0)} ms ` +
        `(min ${Math.min(...samples).toFixed(0)}, max ${Math.max(...samples).toFixed(0)}, ${rounds} opens; goal ≤ 150 ms)`,
    );
  } finally {
    await browser.close();
    await lab.stop();
  }
}
