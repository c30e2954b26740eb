/**
 * What a failed end-to-end test prints, so that a failure seen only in CI can be understood from
 * its log: every tab's navigations and their HTTP status, failed requests, what the pages and the
 * worker wrote to the console, renderer crashes, and the tabs open at the end. (The webmail's side
 * is `WebmailLab.log()`.) Nothing is printed when tests pass.
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';

export interface BrowserRecord {
  /** The record so far, newest last, with the address of every open tab. */
  dump(): string;
}

const kept = 200;

/** Starts recording the console of every page of `context` (and of the worker) from now on. */
export function recordBrowser(context: BrowserContext, worker?: Worker): BrowserRecord {
  const lines: string[] = [];
  const started = Date.now();
  const add = (line: string) => {
    lines.push(`+${((Date.now() - started) / 1000).toFixed(1)}s ${line}`);
    if (lines.length > kept) lines.shift();
  };
  const watch = (page: Page) => {
    page.on('console', (message) => add(`[${message.type()}] ${page.url()}: ${message.text()}`));
    page.on('pageerror', (error) => add(`[pageerror] ${page.url()}: ${error.message}`));
    page.on('crash', () => add(`[crash] ${page.url()}`));
    page.on('requestfailed', (request) => add(`[request failed] ${request.url()}: ${request.failure()?.errorText}`));
    page.on('response', (response) => {
      if (response.request().isNavigationRequest()) add(`[${response.status()}] ${response.url()}`);
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) add(`[navigated] ${frame.url()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);
  worker?.on('console', (message) => add(`[worker ${message.type()}] ${message.text()}`));
  return {
    dump: () => [...lines, ...context.pages().map((page) => `[open tab] ${page.url()}`)].join('\n'),
  };
}
