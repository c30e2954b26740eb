/**
 * Saves real Roundcube message pages (preview frame and full view, both skins) as fixtures for
 * the adapter's unit tests: `npx tsx tests/lab/capture-roundcube-fixtures.ts`. The pages come
 * from the same lab as the end-to-end tests, so the fixtures are what Debian's Roundcube renders.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './browser';
import { startLab, type RoundcubeSkin } from './webmail-lab';
import { loginToRoundcube, openRoundcubeMessage } from './roundcube-page';

const out = join(import.meta.dirname, '../fixtures/roundcube');
const mails = join(import.meta.dirname, '../e2e/mails');
const messages = [join(mails, 'soctrang-quota-lure.eml'), join(mails, 'meeting-invitation.eml')];

for (const skin of ['elastic', 'larry'] as RoundcubeSkin[]) {
  const lab = await startLab({ skin, domain: 'soctrang.gov.vn', messages });
  const browser = await launchBrowser({ hosts: ['mail.soctrang.gov.vn'], withExtension: false }).catch(async (error: unknown) => {
    await lab.stop();
    throw error;
  });
  try {
    const base = `http://mail.soctrang.gov.vn:${lab.port}`;
    const page = await browser.context.newPage();
    await loginToRoundcube(page, base, lab);
    const frame = await openRoundcubeMessage(page, 'Đã vượt quá hạn ngạch');
    writeFileSync(join(out, `${skin}-preview-lure.html`), await frame.content());
    await page.goto(frame.url().replace('_action=preview', '_action=show').replace('&_framed=1', ''));
    await page.locator('#messagebody').waitFor();
    writeFileSync(join(out, `${skin}-show-lure.html`), await page.content());
    console.log(`saved ${skin} fixtures`);
  } finally {
    await browser.close();
    await lab.stop();
  }
}
