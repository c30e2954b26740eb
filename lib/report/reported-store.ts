/**
 * Where the list of reported messages lives: the extension's IndexedDB (database
 * `khienthu-reports`), read and written by the background only. It holds the user's account names
 * and the Message-IDs they reported; `storage.local`, where earlier versions kept it, is readable
 * and writable from every content script's world, so a page with a compromised renderer could read
 * it, or wipe it and have a message reported twice.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { browser } from 'wxt/browser';
import { reportedKey, type KeyValueArea } from './reported';

let store: UseStore | undefined;
const reportsStore = () => (store ??= createStore('khienthu-reports', 'kv'));

/**
 * Earlier versions kept the list in `storage.local`: it moves here once (a list already here wins),
 * and that key is never read again.
 */
export async function migrateLocalReported(): Promise<void> {
  const stored = (await browser.storage.local.get(reportedKey))[reportedKey];
  if (stored === undefined) return;
  if ((await get(reportedKey, reportsStore())) === undefined) await set(reportedKey, stored, reportsStore());
  await browser.storage.local.remove(reportedKey);
}

/**
 * The area `ReportService` keeps the list in. Every read and write waits for the move out of
 * `storage.local` (run once per worker start), so the first report after an update sees the old list.
 */
export function reportedArea(): KeyValueArea {
  const moved = migrateLocalReported().catch((error: unknown) => console.warn('[Khiên Thư] could not move the reported messages out of storage.local:', error));
  return {
    async get(key) {
      await moved;
      return { [key]: await get(key, reportsStore()) };
    },
    async set(items) {
      await moved;
      for (const [key, value] of Object.entries(items)) await set(key, value, reportsStore());
    },
  };
}
