/** What the end-to-end tests ask of the extension itself: its verdict mark, its storage. */
import type { Frame, Worker } from 'playwright-core';

type Chrome = typeof import('wxt/browser').browser;

/**
 * Waits until the content script has checked the message in this frame, and says what it decided
 * (`data-khienthu-scanned` on <html>: set once the banner, if any, is in place).
 */
export async function verdictOf(frame: Frame): Promise<string> {
  const handle = await frame.waitForFunction(() => document.documentElement.getAttribute('data-khienthu-scanned'));
  return (await handle.jsonValue()) as string;
}

/** The user's own options, as the options page saves them (storage.sync); empty removes them. */
export function setUserOptions(worker: Worker, options: Record<string, unknown>): Promise<void> {
  return worker.evaluate(async (userOptions) => {
    const { storage } = (globalThis as unknown as { chrome: Chrome }).chrome;
    if (Object.keys(userOptions).length === 0) await storage.sync.remove('userOptions');
    else await storage.sync.set({ userOptions });
  }, options);
}

/** What the browser's policy published to the extension (storage.managed). */
export function managedStorage(worker: Worker): Promise<Record<string, unknown>> {
  return worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.managed.get());
}
