/**
 * The files browsers fetch to learn of a new version: Chromium's update manifest (`update.xml`,
 * the `gupdate` protocol 2.0 of Chromium's extension updater, with `hash_sha256` so a tampered
 * package is refused).
 */

import { escapeXml } from '../xml';

export interface ChromeUpdate {
  id: string;
  version: string;
  /** Where the `.crx` is served. */
  codebase: string;
  /** SHA-256 of the `.crx`, hex. */
  sha256: string;
}

export function chromeUpdateManifest({ id, version, codebase, sha256 }: ChromeUpdate): string {
  if (!/^[a-p]{32}$/.test(id)) throw new Error(`not an extension ID: ${id}`);
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256 in hex: ${sha256}`);
  return [
    "<?xml version='1.0' encoding='UTF-8'?>",
    "<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>",
    `  <app appid='${id}'>`,
    `    <updatecheck codebase='${escapeXml(codebase)}' version='${escapeXml(version)}' hash_sha256='${sha256}' />`,
    '  </app>',
    '</gupdate>',
    '',
  ].join('\n');
}

export interface FirefoxUpdate {
  geckoId: string;
  version: string;
  /** Where the signed `.xpi` is served. */
  link: string;
  sha256: string;
}

/** Firefox's update manifest (`updates.json`, the `gecko.update_url` of the package). */
export function firefoxUpdateManifest({ geckoId, version, link, sha256 }: FirefoxUpdate): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a SHA-256 in hex: ${sha256}`);
  return `${JSON.stringify({ addons: { [geckoId]: { updates: [{ version, update_link: link, update_hash: `sha256:${sha256}` }] } } }, null, 2)}\n`;
}
