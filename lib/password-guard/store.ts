/**
 * Where the password guard keeps what it keeps, all in `storage.local` of this browser profile
 * (never `sync`: the fingerprint does not travel to other machines).
 */
import { browser } from 'wxt/browser';
import { parseFingerprint, type PasswordFingerprint } from './fingerprint';

/** `storage.local`: the fingerprint (see fingerprint.ts for every field). */
export const fingerprintKey = 'passwordGuardFingerprint';
/** `storage.local`: the last alerts raised (page address without query, time), newest last. */
export const alertsKey = 'passwordGuardAlerts';
export const alertsKept = 20;

export interface PasswordAlert {
  /** Where the password was typed: origin and path only (a query may carry tokens or the user's address). */
  pageUrl: string;
  at: number;
  /** `auto`: the policy asked for it; `user`: the warning's report button. */
  kind: 'auto' | 'user';
}

export async function readFingerprint(): Promise<PasswordFingerprint | undefined> {
  const stored = await browser.storage.local.get(fingerprintKey);
  return parseFingerprint(stored[fingerprintKey]);
}

export async function forgetFingerprint(): Promise<void> {
  await browser.storage.local.remove(fingerprintKey);
}

export async function readAlerts(): Promise<PasswordAlert[]> {
  const stored = await browser.storage.local.get(alertsKey);
  const alerts: unknown = stored[alertsKey];
  return Array.isArray(alerts) ? (alerts as PasswordAlert[]) : [];
}

