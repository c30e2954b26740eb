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
  await row.click();
  const frameElement = page.locator('#messagecontframe');
  await frameElement.waitFor({ state: 'attached' });
  const subjectInFrame = page.frameLocator('#messagecontframe').locator('.subject', { hasText: subject }).first();
  await subjectInFrame.waitFor();
  const frame = await (await frameElement.elementHandle())?.contentFrame();
  if (!frame) throw new Error('the preview frame has no document');
  return frame;
}
