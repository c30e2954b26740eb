/**
 * Where the password guard keeps what it keeps: the extension's own IndexedDB (database
 * `khienthu-password-guard`), read and written by the background worker only. Content scripts run
 * with their page's origin and cannot open the extension's IndexedDB, whereas `storage.local` is
 * theirs to read and write: neither the fingerprint nor the list of pages where the password was
 * typed belongs there. Nothing of it travels (`sync`) to other machines.
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { browser } from 'wxt/browser';
import { parseFingerprint, type PasswordFingerprint } from './fingerprint';

/** The fingerprint (see fingerprint.ts for every field). */
export const fingerprintKey = 'passwordGuardFingerprint';
/** The last alerts raised (page address without query, time), newest last. */
export const alertsKey = 'passwordGuardAlerts';
export const alertsKept = 20;

let store: UseStore | undefined;
const guardStore = () => (store ??= createStore('khienthu-password-guard', 'kv'));

export interface PasswordAlert {
  /** Where the password was typed: origin and path only (a query may carry tokens or the user's address). */
  pageUrl: string;
  at: number;
  /** `auto`: the policy asked for it; `user`: the warning's report button. */
  kind: 'auto' | 'user';
}

export async function readFingerprint(): Promise<PasswordFingerprint | undefined> {
  return parseFingerprint(await get(fingerprintKey, guardStore()));
}

export async function saveFingerprint(fingerprint: PasswordFingerprint): Promise<void> {
  await set(fingerprintKey, fingerprint, guardStore());
}

export async function forgetFingerprint(): Promise<void> {
  await del(fingerprintKey, guardStore());
}

export async function readAlerts(): Promise<PasswordAlert[]> {
  const alerts: unknown = await get(alertsKey, guardStore());
  return Array.isArray(alerts) ? (alerts as PasswordAlert[]) : [];
}

export async function addAlert(alert: PasswordAlert): Promise<void> {
  await set(alertsKey, [...(await readAlerts()), alert].slice(-alertsKept), guardStore());
}

/**
 * Earlier versions kept both in `storage.local`, where content scripts can read them (and the
 * fingerprint was one fast SHA-256): they go, and the next webmail login takes a new fingerprint.
 */
export async function dropLegacyStorage(): Promise<void> {
  await browser.storage.local.remove([fingerprintKey, alertsKey]);
}
