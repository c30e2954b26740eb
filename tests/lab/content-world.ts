/**
 * Runs code inside the extension's own content-script world of a page's frame: exactly what our
 * content scripts can do there, and so what a renderer that a page has compromised can do in our
 * name. The security tests use it to forge the messages a content script could send, and to look
 * at what a content script can read.
 *
 * Chromium keeps one isolated world per extension and frame; DevTools lists it among the frame's
 * execution contexts (`auxData.type: 'isolated'`, origin `chrome-extension://<id>`).
 */
import type { Frame, Page } from 'playwright-core';
import { EXTENSION_ID } from '../../wxt.config';
import { waitFor } from './webmail-lab';

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; frameId?: string; isDefault?: boolean };
}

interface EvaluateResult {
  result: { value?: unknown; description?: string };
  exceptionDetails?: { text: string; exception?: { description?: string } };
}

/** The frame's id as DevTools knows it: the main frame's, or a child's by its URL. */
async function frameIdOf(cdp: Awaited<ReturnType<ReturnType<Page['context']>['newCDPSession']>>, frame: Frame | undefined): Promise<string> {
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: FrameTree };
  if (!frame || frame === frame.page().mainFrame()) return frameTree.frame.id;
  const found = flatten(frameTree).find((node) => node.frame.url === frame.url());
  if (!found) throw new Error(`no frame at ${frame.url()}`);
  return found.frame.id;
}

interface FrameTree {
  frame: { id: string; url: string };
  childFrames?: FrameTree[];
}

function flatten(tree: FrameTree): FrameTree[] {
  return [tree, ...(tree.childFrames ?? []).flatMap(flatten)];
}

/**
 * Evaluates `expression` (awaited, returned by value) in the extension's world of `page`'s main
 * frame, or of `frame`. Waits until our content script has run there.
 */
export async function inContentScript<T>(page: Page, expression: string, frame?: Frame): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', (event: { context: ExecutionContext }) => contexts.push(event.context));
    await cdp.send('Runtime.enable');
    const frameId = await frameIdOf(cdp, frame);
    const ours = () =>
      contexts.find((c) => c.auxData?.type === 'isolated' && c.auxData.frameId === frameId && c.origin === `chrome-extension://${EXTENSION_ID}`);
    await waitFor(async () => ours() !== undefined, 10_000);
    const answer = (await cdp.send('Runtime.evaluate', {
      expression,
      contextId: ours()!.id,
      awaitPromise: true,
      returnByValue: true,
    })) as EvaluateResult;
    if (answer.exceptionDetails) {
      throw new Error(`in the content script: ${answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text}`);
    }
    return answer.result.value as T;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
