/**
 * Debian's Chromium driven by Playwright, with the built extension loaded unpacked. Webmail host
 * names are mapped to loopback and every other name fails to resolve, so nothing a test does can
 * leave the machine — and the extension sees the real `*.gov.vn` host names its manifest names.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Worker } from 'playwright-core';

/** The build the tests load: `npm run build` output, or `$KHIENTHU_OUTDIR` (as wxt.config.ts reads it). */
export const outputDir = resolve(import.meta.dirname, '../..', process.env.KHIENTHU_OUTDIR ?? '.output');
export const chromeBuild = join(outputDir, 'chrome-mv3');
/** Screenshots the end-to-end tests take, linked from the README. */
export const screenshotsDir = resolve(import.meta.dirname, '../../docs/screenshots');

export interface LaunchOptions {
  /** Host names to resolve to 127.0.0.1. */
  hosts: string[];
  withExtension?: boolean;
  headless?: boolean;
  viewport?: { width: number; height: number };
  /**
   * CSS pixels per device pixel. Browser zoom at 200% in a 1280×800 window is what a page sees with
   * a 640×400 viewport and a scale factor of 2: half as many CSS pixels, each drawn twice as big.
   */
  deviceScaleFactor?: number;
  /** The unpacked extension to load; the Chrome build by default (a test may load an altered copy). */
  extensionDir?: string;
  /**
   * Nothing loaded from a folder: the extension comes the way a province's PCs get it, installed
   * and updated by the browser from the policy's update URL (a policy file must name it). The
   * browser's extension updater needs background networking, which every other launch turns off;
   * the host rules still keep it on loopback.
   */
  policyInstalled?: { id: string };
  /** A profile folder of the caller's, kept after `close()` (a test that restarts the browser); a fresh one by default. */
  profileDir?: string;
}

export interface TestBrowser {
  context: BrowserContext;
  /** The extension's background service worker (when loaded). */
  serviceWorker?: Worker;
  extensionId?: string;
  close(): Promise<void>;
}

export async function launchBrowser(options: LaunchOptions): Promise<TestBrowser> {
  const profile = options.profileDir ?? mkdtempSync(join(tmpdir(), 'khienthu-chromium-'));
  const policyInstalled = options.policyInstalled;
  const withExtension = !policyInstalled && (options.withExtension ?? true);
  const extensionDir = options.extensionDir ?? chromeBuild;
  const rules = [...options.hosts.map((host) => `MAP ${host} 127.0.0.1`), 'MAP * ~NOTFOUND', 'EXCLUDE localhost'];
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: options.headless ?? true,
    viewport: options.viewport ?? { width: 1280, height: 800 },
    ...(options.deviceScaleFactor !== undefined && { deviceScaleFactor: options.deviceScaleFactor }),
    locale: 'vi-VN',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      ...(policyInstalled ? [] : ['--disable-background-networking']),
      '--disable-component-update',
      '--disable-sync',
      `--host-resolver-rules=${rules.join(', ')}`,
      ...(withExtension ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : []),
    ],
    ...(withExtension && { ignoreDefaultArgs: ['--disable-extensions'] }),
    ...(policyInstalled && { ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking'] }),
  });
  const close = async () => {
    await context.close();
    if (!options.profileDir) rmSync(profile, { recursive: true, force: true });
  };
  if (policyInstalled) {
    // Playwright hears of the worker only of an extension installed when the browser started: one the
    // browser installs later is seen on chrome://extensions-internals (tests/e2e/rollout.test.ts)
    const isOurs = (worker: Worker) => new URL(worker.url()).host === policyInstalled.id;
    const serviceWorker = context.serviceWorkers().find(isOurs);
    return { context, serviceWorker, extensionId: policyInstalled.id, close };
  }
  if (!withExtension) return { context, close };
  try {
    const serviceWorker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    return { context, serviceWorker, extensionId: new URL(serviceWorker.url()).host, close };
  } catch (error) {
    await close();
    throw error;
  }
}
