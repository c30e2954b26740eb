/**
 * The senders a user said they know, kept in this browser only (`storage.local`, never synced,
 * never sent anywhere), one list of exact addresses per webmail host: what is known on
 * `mail.soctrang.gov.vn` says nothing on another province's webmail. The host is the one the
 * background reads from the sending frame's URL, never one the page names.
 */
import { browser } from 'wxt/browser';
import { trustKey } from '../scoring/trust';

export const trustedSendersKey = 'trustedSenders';

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
  const stored = await browser.storage.local.get(trustedSendersKey);
  return asTrustedSenders(stored[trustedSendersKey]);
}

export async function trustedSendersFor(host: string): Promise<string[]> {
  return (await readTrustedSenders())[host] ?? [];
}

async function update(change: (all: TrustedSenders) => TrustedSenders): Promise<void> {
  const before = await readTrustedSenders();
  const after = change(before);
  if (after !== before) await browser.storage.local.set({ [trustedSendersKey]: after });
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
    if (area === 'local' && trustedSendersKey in changes) callback();
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
