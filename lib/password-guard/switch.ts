/**
 * Whether the password guard is on at all, for the script that Chromium loads into every frame of
 * every site. When it is off (no managed policy and the user did not turn it on), that script
 * must not ask the background anything: one question per frame would wake the worker on every
 * page the user opens, for nothing.
 *
 * Why a flag and not a content script registered at run time: `scripting.registerContentScripts`
 * injects only where the extension holds host permissions, so registering an every-site script
 * would take `<all_urls>` host permissions at install — which also let the worker fetch from every
 * site with the user's cookies. A manifest content script is allowed to run there and nothing
 * more. The flag is one boolean in `storage.local`, which content scripts read without the worker
 * waking; it says nothing of the policy beyond "on" or "off".
 */
import type { Browser } from 'wxt/browser';

export const guardSwitchKey = 'passwordGuardOn';

type LocalArea = Pick<Browser.storage.StorageArea, 'get' | 'set'>;

/** The background's half: called at start and at every change of policy or options. */
export async function publishGuardSwitch(local: LocalArea, on: boolean): Promise<void> {
  const current = (await local.get(guardSwitchKey))[guardSwitchKey];
  if (current !== on) await local.set({ [guardSwitchKey]: on });
}

/**
 * The page script's half: true only when the background said "off". Before it has said anything
 * (the first seconds after install) or if the storage cannot be read, the script asks as before.
 */
export async function guardSwitchedOff(local: Pick<LocalArea, 'get'>): Promise<boolean> {
  try {
    return (await local.get(guardSwitchKey))[guardSwitchKey] === false;
  } catch {
    return false;
  }
}
