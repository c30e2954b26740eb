/**
 * Where the layers of the policy live in the browser: the administrator's in `storage.managed`
 * (read-only, from browser policy), the user's own options in `storage.sync` under one key.
 */
import { browser } from 'wxt/browser';
import type { PartialSettings } from './settings';

export const userOptionsKey = 'userOptions';

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
  const stored = await browser.storage.sync.get(userOptionsKey);
  const options: unknown = stored[userOptionsKey];
  return isRecord(options) ? options : {};
}

export async function saveUserOptions(options: PartialSettings): Promise<void> {
  await browser.storage.sync.set({ [userOptionsKey]: options });
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
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'managed' && !(area === 'sync' && userOptionsKey in changes)) return;
    cached = undefined;
    onChange?.();
  };
  browser.storage.onChanged.addListener(listener);
  return {
    layers: () => {
      cached ??= readPolicyLayers().catch((error: unknown) => {
        cached = undefined;
        throw error;
      });
      return cached;
    },
    stop: () => browser.storage.onChanged.removeListener(listener),
  };
}
