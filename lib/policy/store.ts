/**
 * Where the layers of the policy live in the browser: the administrator's in `storage.managed`
 * (read-only, from browser policy), the user's own options in the extension's IndexedDB
 * (database `khienthu-options`), under one key.
 *
 * Why not `storage.sync`: content scripts can write every `storage` area but `session`, and a
 * renderer that a page compromised can do what our content script could. The options steer the
 * report (its addresses), the password guard (on or off, its allowlist) and the warning text; a
 * page must not be able to rewrite them. IndexedDB belongs to the extension's origin, which only
 * our own pages and the background share. Changes are announced on a BroadcastChannel (also
 * same-origin only).
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { browser } from 'wxt/browser';
import type { PartialSettings } from './settings';

export const userOptionsKey = 'userOptions';
/** The BroadcastChannel on which a save is announced to the background and every open page. */
export const optionsChannel = 'khienthu-options';

let store: UseStore | undefined;
const optionsStore = () => (store ??= createStore('khienthu-options', 'kv'));

export interface StoredPolicyLayers {
  managed: Record<string, unknown>;
  user: Record<string, unknown>;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * `storage.managed.get()` rejects when there is nothing to read (Firefox without a policy, a
 * build without a schema): that is an unmanaged install, not an error.
 */
export async function readManagedPolicy(): Promise<Record<string, unknown>> {
  try {
    const managed: unknown = await browser.storage.managed.get();
    return isRecord(managed) ? managed : {};
  } catch {
    return {};
  }
}

export async function readUserOptions(): Promise<Record<string, unknown>> {
  const options: unknown = await get(userOptionsKey, optionsStore());
  return isRecord(options) ? options : {};
}

function announce(): void {
  const channel = new BroadcastChannel(optionsChannel);
  channel.postMessage('changed');
  channel.close();
}

export async function saveUserOptions(options: PartialSettings): Promise<void> {
  await set(userOptionsKey, options, optionsStore());
  announce();
}

/** Calls `listener` whenever the user's options were saved, in this context or another; returns the unsubscribe. */
export function onUserOptionsChanged(listener: () => void): () => void {
  const channel = new BroadcastChannel(optionsChannel);
  channel.onmessage = () => listener();
  return () => channel.close();
}

/**
 * Earlier versions kept the options in `storage.sync`: they move here once (the background does
 * it at start), and that key is never read again, so a page that writes it changes nothing.
 */
export async function migrateSyncedOptions(): Promise<void> {
  const stored = (await browser.storage.sync.get(userOptionsKey))[userOptionsKey];
  if (stored === undefined) return;
  if (isRecord(stored) && (await get(userOptionsKey, optionsStore())) === undefined) {
    await set(userOptionsKey, stored, optionsStore());
    announce();
  }
  await browser.storage.sync.remove(userOptionsKey);
}

/** Removes the user's options (the options page's reset, the tests). */
export async function clearUserOptions(): Promise<void> {
  await del(userOptionsKey, optionsStore());
  announce();
}

export async function readPolicyLayers(): Promise<StoredPolicyLayers> {
  const [managed, user] = await Promise.all([readManagedPolicy(), readUserOptions()]);
  return { managed, user };
}

export interface PolicyLayersCache {
  /** The layers, read once and kept until storage says they changed. */
  layers(): Promise<StoredPolicyLayers>;
  stop(): void;
}

/** Reads the layers once per change, not once per message; `onChange` hears of every change. */
export function cachePolicyLayers(onChange?: () => void): PolicyLayersCache {
  let cached: Promise<StoredPolicyLayers> | undefined;
  const changed = () => {
    cached = undefined;
    onChange?.();
  };
  const listener = (_changes: Record<string, unknown>, area: string) => {
    if (area === 'managed') changed();
  };
  browser.storage.onChanged.addListener(listener);
  const stopOptions = onUserOptionsChanged(changed);
  return {
    layers: () => {
      cached ??= readPolicyLayers().catch((error: unknown) => {
        cached = undefined;
        throw error;
      });
      return cached;
    },
    stop: () => {
      browser.storage.onChanged.removeListener(listener);
      stopOptions();
    },
  };
}
