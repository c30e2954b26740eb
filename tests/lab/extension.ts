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

/**
 * The user's own options, as the options page saves them: the extension's IndexedDB
 * (`khienthu-options`, store `kv`), then the announcement on the `khienthu-options`
 * BroadcastChannel; empty removes them. Resolves once the background has heard of it.
 */
export function setUserOptions(worker: Worker, options: Record<string, unknown>): Promise<void> {
  return worker.evaluate(
    (userOptions) =>
      new Promise<void>((resolve, reject) => {
        // the same database and store idb-keyval makes (version 1, one store)
        const open = indexedDB.open('khienthu-options');
        open.onupgradeneeded = () => open.result.createObjectStore('kv');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const kv = db.transaction('kv', 'readwrite');
          if (Object.keys(userOptions).length === 0) kv.objectStore('kv').delete('userOptions');
          else kv.objectStore('kv').put(userOptions, 'userOptions');
          kv.oncomplete = () => {
            db.close();
            const channel = new BroadcastChannel('khienthu-options');
            channel.postMessage('changed');
            channel.close();
            resolve();
          };
          kv.onerror = () => reject(kv.error);
        };
      }),
    options,
  );
}

/** What the browser's policy published to the extension (storage.managed). */
export function managedStorage(worker: Worker): Promise<Record<string, unknown>> {
  return worker.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.storage.managed.get());
}

/**
 * A value of the password guard's IndexedDB (`khienthu-password-guard`, store `kv`), as the
 * service worker reads it. A database that does not exist yet is not created here (that would
 * leave it without its store).
 */
export function guardStored(worker: Worker, key: string): Promise<unknown> {
  return idbValue(worker, 'khienthu-password-guard', key);
}

/** A value of one of the extension's IndexedDB key-value stores (idb-keyval's `kv`), as the worker reads it. */
export function idbValue(worker: Worker, database: string, key: string): Promise<unknown> {
  return inKvStore(worker, database, key, 'get');
}

/** Deletes a value of one of the extension's IndexedDB key-value stores, as the worker would (nothing when the database does not exist). */
export async function deleteIdbValue(worker: Worker, database: string, key: string): Promise<void> {
  await inKvStore(worker, database, key, 'delete');
}

/** One get or delete in the worker; a database or store that does not exist yet is not created here. */
function inKvStore(worker: Worker, database: string, key: string, op: 'get' | 'delete'): Promise<unknown> {
  return worker.evaluate(
    ({ database, key, op }) =>
      new Promise((resolve, reject) => {
        void indexedDB.databases().then((databases) => {
          if (!databases.some((known) => known.name === database)) return resolve(undefined);
          const open = indexedDB.open(database);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('kv')) {
              db.close();
              return resolve(undefined);
            }
            const kv = db.transaction('kv', op === 'get' ? 'readonly' : 'readwrite');
            const request = op === 'get' ? kv.objectStore('kv').get(key) : kv.objectStore('kv').delete(key);
            kv.oncomplete = () => {
              db.close();
              resolve(op === 'get' ? request.result : undefined);
            };
            kv.onerror = () => reject(kv.error);
          };
        }, reject);
      }),
    { database, key, op },
  );
}
