/**
 * Saves real Roundcube pages (preview frame, full view, and the compose a report opens, both skins) as fixtures for
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
    // the compose the report button opens: the original forwarded as an attachment, To and Subject filled
    const compose = new URLSearchParams({
      _task: 'mail',
      _action: 'compose',
      _forward_uid: '1',
      _mbox: 'INBOX',
      _attachment: '1',
      _to: 'tvthe@soctrang.gov.vn',
      _subject: '[Khiên Thư] Thư nghi giả mạo: Đã vượt quá hạn ngạch',
    });
    await page.goto(`${base}/?${compose}`);
    await page.locator('#attachment-list li').first().waitFor();
    writeFileSync(join(out, `${skin}-compose-report.html`), await page.content());
    console.log(`saved ${skin} fixtures`);
  } finally {
    await browser.close();
    await lab.stop();
  }
}
