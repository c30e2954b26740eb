/** What a person does in Roundcube, as Playwright steps shared by the tests and the demo. */
import type { Frame, Page } from 'playwright-core';

export async function loginToRoundcube(page: Page, baseUrl: string, account: { user: string; password: string }): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.fill('#rcmloginuser', account.user);
  await page.fill('#rcmloginpwd', account.password);
  await Promise.all([page.waitForURL(/_task=mail/), page.click('#rcmloginsubmit')]);
}

/** Clicks the message with this subject in the list and returns the preview frame once its body is there. */
export async function openRoundcubeMessage(page: Page, subject: string): Promise<Frame> {
  const row = page.locator('#messagelist tbody tr', { hasText: subject }).first();
  const subjectInFrame = page.frameLocator('#messagecontframe').locator('.subject', { hasText: subject }).first();
  // A second click on the selected row soon after the first is a double click, which Roundcube
  // answers by opening the message full-page: a message already open is left as it is.
  const alreadyOpen = (await row.getAttribute('class'))?.split(/\s+/).includes('selected') && (await subjectInFrame.count()) > 0;
  if (!alreadyOpen) await row.click();
  await subjectInFrame.waitFor();
  const frame = await (await page.locator('#messagecontframe').elementHandle())?.contentFrame();
  if (!frame) throw new Error('the preview frame has no document');
  return frame;
}

/** Waits until the message list shows `subject`. */
export async function waitForRoundcubeInbox(page: Page, subject: string): Promise<void> {
  await page.locator('#messagelist tbody tr', { hasText: subject }).first().waitFor();
}
