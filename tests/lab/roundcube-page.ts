/** What a person does in Roundcube, as Playwright steps shared by the tests and the demo. */
import { readFileSync } from 'node:fs';
import type { BrowserContext, Frame, Page, Route } from 'playwright-core';

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

/** Debian's Roundcube scripts, as the lab serves them. */
const roundcubeAppJs = '/usr/share/roundcube/program/js/app.min.js';

export interface LateComposeInit {
  /** Compose pages that got the late script so far. */
  readonly served: number;
  undo(): Promise<void>;
}

/**
 * Makes Roundcube's compose set itself up `delayMs` late, as on a slow PC where jQuery's ready
 * (which runs `rcmail.init()`) comes after the extension's `document_idle`: Roundcube's own
 * `app.min.js`, read from disk, with `init` put off by that much, served to compose pages only.
 */
export async function lateComposeInit(context: BrowserContext, delayMs: number): Promise<LateComposeInit> {
  const original = readFileSync(roundcubeAppJs, 'utf8');
  const hook = 'this.init=function(){';
  if (original.split(hook).length !== 2) throw new Error(`${roundcubeAppJs} has no single "${hook}": Roundcube changed, change this helper`);
  const late = original.replace(hook, `${hook}if(!this.lateForTest){var self=this;this.lateForTest=1;return setTimeout(function(){self.init()},${delayMs})}`);
  let served = 0;
  const handler = async (route: Route) => {
    if (!new URL(route.request().frame().url()).searchParams.has('_action', 'compose')) return route.continue();
    served += 1;
    return route.fulfill({ status: 200, contentType: 'text/javascript', body: late });
  };
  await context.route('**/program/js/app.min.js*', handler);
  return {
    get served() {
      return served;
    },
    undo: () => context.unroute('**/program/js/app.min.js*', handler),
  };
}
