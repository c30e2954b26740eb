/**
 * The senders a user said they know, kept in this browser only (never synced, never sent
 * anywhere), one list of exact addresses per webmail host: what is known on
 * `mail.soctrang.gov.vn` says nothing on another province's webmail. The host is the one the
 * background reads from the sending frame's URL, never one the page names.
 *
 * The lists live in the extension's IndexedDB (database `khienthu-trust`), which content scripts
 * cannot open: trust lowers a caution banner, and a page must not be able to write it. Only a
 * change marker goes to `storage.local` (`trustedSendersChanged`, a time), so that the webmail's
 * content scripts hear of a change and check the open message again; writing it changes nothing
 * but a re-check.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';
import { browser } from 'wxt/browser';
import { trustKey } from '../scoring/trust';

export const trustedSendersKey = 'trustedSenders';
/** `storage.local`: when the lists last changed (no addresses). */
export const trustChangedKey = 'trustedSendersChanged';

let store: UseStore | undefined;
const trustStore = () => (store ??= createStore('khienthu-trust', 'kv'));

/** Webmail host → exact addresses, lower-cased, in the order they were trusted. */
export type TrustedSenders = Record<string, string[]>;

/** A list that grows only by clicks stays small; the cap keeps a runaway from filling storage. */
export const maxTrustedPerHost = 500;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** What storage holds, made safe to use whatever is there. */
export function asTrustedSenders(value: unknown): TrustedSenders {
  if (!isRecord(value)) return {};
  const result: TrustedSenders = {};
  for (const [host, list] of Object.entries(value)) {
    if (host === '' || !Array.isArray(list)) continue;
    const addresses = [...new Set(list.filter((a): a is string => typeof a === 'string').map(trustKey).filter((a) => a !== ''))];
    if (addresses.length > 0) result[host] = addresses.slice(0, maxTrustedPerHost);
  }
  return result;
}

/** The lists with `address` trusted on `host` (unchanged when it is no address or already there). */
export function withTrustedSender(all: TrustedSenders, host: string, address: string): TrustedSenders {
  const key = trustKey(address);
  const list = all[host] ?? [];
  if (host === '' || key === '' || list.includes(key)) return all;
  return { ...all, [host]: [...list, key].slice(-maxTrustedPerHost) };
}

/** The lists without `address` on `host`; a host left with none is dropped. */
export function withoutTrustedSender(all: TrustedSenders, host: string, address: string): TrustedSenders {
  const key = trustKey(address);
  const list = (all[host] ?? []).filter((a) => a !== key);
  const { [host]: _removed, ...others } = all;
  return list.length > 0 ? { ...others, [host]: list } : others;
}

export async function readTrustedSenders(): Promise<TrustedSenders> {
  return asTrustedSenders(await get(trustedSendersKey, trustStore()));
}

export async function trustedSendersFor(host: string): Promise<string[]> {
  return (await readTrustedSenders())[host] ?? [];
}

async function update(change: (all: TrustedSenders) => TrustedSenders): Promise<void> {
  const before = await readTrustedSenders();
  const after = change(before);
  if (after === before) return;
  await set(trustedSendersKey, after, trustStore());
  await browser.storage.local.set({ [trustChangedKey]: Date.now() });
}

/**
 * Earlier versions kept the lists in `storage.local`: they move here once (the background does it
 * at start), and that key is never read again.
 */
export async function migrateLocalTrust(): Promise<void> {
  const stored = (await browser.storage.local.get(trustedSendersKey))[trustedSendersKey];
  if (stored === undefined) return;
  if ((await get(trustedSendersKey, trustStore())) === undefined) await set(trustedSendersKey, asTrustedSenders(stored), trustStore());
  await browser.storage.local.remove(trustedSendersKey);
}

export function trustSender(host: string, address: string): Promise<void> {
  return update((all) => withTrustedSender(all, host, address));
}

export function untrustSender(host: string, address: string): Promise<void> {
  return update((all) => withoutTrustedSender(all, host, address));
}

/** Calls back on every change of the lists (trusted from a banner, removed on the options page). */
export function onTrustedSendersChanged(callback: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && trustChangedKey in changes) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
