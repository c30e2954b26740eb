/**
 * Webmail hosts outside `*.gov.vn` (a province that runs its mail under another domain): the
 * manifest's content script does not reach them, so the extension registers the same script for
 * them at run time, once the user (or an admin's ExtensionSettings) granted the host permission.
 */
import { browser } from 'wxt/browser';

/** The manifest's own reach; hosts under it need nothing more. */
export const builtInWebmailSuffix = '.gov.vn';
export const extraWebmailScriptId = 'khienthu-webmail-extra-hosts';
/** What WXT builds entrypoints/webmail.content into. */
export const webmailScriptFile = 'content-scripts/webmail.js';

/** `mail.laichau.gov.vn` against `mail.laichau.gov.vn` or `*.laichau.gov.vn` (which also covers laichau.gov.vn itself). */
export function hostMatches(host: string, patterns: readonly string[]): boolean {
  const h = host.toLowerCase();
  return patterns.some((pattern) => {
    const p = pattern.toLowerCase();
    if (p.startsWith('*.')) {
      const base = p.slice(2);
      return h === base || h.endsWith(`.${base}`);
    }
    return h === p;
  });
}

/**
 * Whether `host` is the organisation's webmail: one the policy names, or, when the policy names
 * none, any host under `*.gov.vn` (where the manifest's content script runs). Once hosts are
 * named, no other host is the webmail, however official its domain: a compromised
 * `xyz.laichau.gov.vn` is a foreign site.
 */
export function isWebmailHost(host: string, webmailHosts: readonly string[]): boolean {
  if (!host) return false;
  if (webmailHosts.length > 0) return hostMatches(host, webmailHosts);
  return `.${host.toLowerCase()}`.endsWith(builtInWebmailSuffix);
}

/** Match patterns for the policy's webmail hosts that the manifest does not cover. */
export function extraWebmailMatches(hosts: readonly string[]): string[] {
  const patterns = hosts
    .filter((host) => !`.${host.replace(/^\*\./, '')}`.endsWith(builtInWebmailSuffix))
    .map((host) => `*://${host}/*`);
  return [...new Set(patterns)];
}

export async function grantedMatches(patterns: readonly string[]): Promise<string[]> {
  const granted = await Promise.all(patterns.map((origin) => browser.permissions.contains({ origins: [origin] })));
  return patterns.filter((_, index) => granted[index]);
}

/**
 * Makes the registered content script cover exactly the granted extra hosts. Called when the
 * policy or the permissions change, and when the worker starts (cheap when nothing changed).
 */
export async function registerExtraWebmailHosts(hosts: readonly string[]): Promise<string[]> {
  const scripting = browser.scripting;
  if (!scripting?.registerContentScripts) return [];
  const matches = await grantedMatches(extraWebmailMatches(hosts));
  const [current] = await scripting.getRegisteredContentScripts({ ids: [extraWebmailScriptId] });
  if (current && sameSet(current.matches ?? [], matches)) return matches;
  if (current) await scripting.unregisterContentScripts({ ids: [extraWebmailScriptId] });
  if (matches.length > 0) {
    await scripting.registerContentScripts([
      { id: extraWebmailScriptId, matches, js: [webmailScriptFile], allFrames: true, runAt: 'document_idle' },
    ]);
  }
  return matches;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}
