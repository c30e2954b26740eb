import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { guardSwitchedOff, guardSwitchKey, publishGuardSwitch } from './switch';

describe('the password guard switch', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is read as "ask" until the background has said off', async () => {
    expect(await guardSwitchedOff(fakeBrowser.storage.local)).toBe(false);
    await publishGuardSwitch(fakeBrowser.storage.local, false);
    expect(await guardSwitchedOff(fakeBrowser.storage.local)).toBe(true);
    await publishGuardSwitch(fakeBrowser.storage.local, true);
    expect(await guardSwitchedOff(fakeBrowser.storage.local)).toBe(false);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ [guardSwitchKey]: true });
  });

  it('writes only a change (every worker start publishes it)', async () => {
    await publishGuardSwitch(fakeBrowser.storage.local, true);
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await publishGuardSwitch(fakeBrowser.storage.local, true);
    expect(set).not.toHaveBeenCalled();
    await publishGuardSwitch(fakeBrowser.storage.local, false);
    expect(set).toHaveBeenCalledWith({ [guardSwitchKey]: false });
  });

  it('takes a storage that cannot be read for "ask": a guard on is the safe side', async () => {
    const broken = { get: () => Promise.reject(new Error('storage unavailable')) };
    expect(await guardSwitchedOff(broken as never)).toBe(false);
  });
});
