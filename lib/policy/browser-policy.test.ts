/** The browser edges of the policy, against WXT's fake browser: managed storage, the cache, run-time webmail hosts. */
import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cachePolicyLayers, clearUserOptions, migrateSyncedOptions, readManagedPolicy, readPolicyLayers, readUserOptions, saveUserOptions, userOptionsKey } from './store';
import { extraWebmailMatches, extraWebmailScriptId, registerExtraWebmailHosts, webmailScriptFile } from './webmail-hosts';

beforeEach(async () => {
  fakeBrowser.reset();
  await clearUserOptions();
});
afterEach(() => vi.restoreAllMocks());

describe('policy layers in browser storage', () => {
  it('treats a managed storage that cannot be read (Firefox without policy) as empty', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    expect(await readManagedPolicy()).toEqual({});
  });

  it("reads the admin's and the user's layers", async () => {
    await fakeBrowser.storage.managed.set({ hotlines: ['0213.3999.123'] });
    await saveUserOptions({ locale: 'en' });
    expect(await readPolicyLayers()).toEqual({ managed: { hotlines: ['0213.3999.123'] }, user: { locale: 'en' } });
  });

  it('reads storage once per change, not once per question', async () => {
    const cache = cachePolicyLayers(() => changes.push('changed'));
    const changes: string[] = [];
    const managed = vi.spyOn(fakeBrowser.storage.managed, 'get');
    await cache.layers();
    await cache.layers();
    expect(managed).toHaveBeenCalledTimes(1);
    // a save in another context (the options page) is announced on the BroadcastChannel
    await saveUserOptions({ locale: 'en' });
    await vi.waitFor(() => expect(changes).toEqual(['changed']));
    expect((await cache.layers()).user).toEqual({ locale: 'en' });
    expect(managed).toHaveBeenCalledTimes(2);
    await fakeBrowser.storage.managed.set({ hotlines: ['0213.3999.123'] });
    expect(changes).toEqual(['changed', 'changed']);
    cache.stop();
  });

  it('never reads the options from storage.sync, which content scripts can write', async () => {
    const cache = cachePolicyLayers();
    await saveUserOptions({ passwordGuardEnabled: true });
    await fakeBrowser.storage.sync.set({ [userOptionsKey]: { passwordGuardEnabled: false, reportAddresses: ['thu-thap@evil.example'] } });
    expect((await cache.layers()).user).toEqual({ passwordGuardEnabled: true });
    cache.stop();
  });

  it('moves the options of earlier versions out of storage.sync once', async () => {
    await fakeBrowser.storage.sync.set({ [userOptionsKey]: { locale: 'en' } });
    await migrateSyncedOptions();
    expect(await readUserOptions()).toEqual({ locale: 'en' });
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
    // options saved here already win over a stale synced copy
    await fakeBrowser.storage.sync.set({ [userOptionsKey]: { locale: 'vi' } });
    await migrateSyncedOptions();
    expect(await readUserOptions()).toEqual({ locale: 'en' });
  });
});

describe('webmail hosts outside *.gov.vn', () => {
  it('needs match patterns only for hosts the manifest does not cover', () => {
    expect(extraWebmailMatches(['mail.laichau.gov.vn', '*.laocai.gov.vn', 'webmail.example.com.vn', '*.sotttt.vn', 'webmail.example.com.vn'])).toEqual([
      '*://webmail.example.com.vn/*',
      '*://*.sotttt.vn/*',
    ]);
    // "gov.vn" inside a longer name is not *.gov.vn
    expect(extraWebmailMatches(['mail.notgov.vn'])).toEqual(['*://mail.notgov.vn/*']);
  });

  it('registers the webmail content script for the granted hosts only, and only when that changes', async () => {
    const registered: { id: string; matches: string[]; js: string[]; allFrames: boolean }[] = [];
    fakeBrowser.permissions.contains = vi.fn(async ({ origins }: { origins?: string[] }) => origins?.[0] === '*://webmail.example.com.vn/*') as never;
    fakeBrowser.scripting.getRegisteredContentScripts = vi.fn(async () => registered) as never;
    fakeBrowser.scripting.registerContentScripts = vi.fn(async (scripts: typeof registered) => void registered.push(...scripts)) as never;
    fakeBrowser.scripting.unregisterContentScripts = vi.fn(async () => void registered.splice(0)) as never;

    const hosts = ['mail.laichau.gov.vn', 'webmail.example.com.vn', 'mail.not-granted.vn'];
    expect(await registerExtraWebmailHosts(hosts)).toEqual(['*://webmail.example.com.vn/*']);
    expect(registered).toMatchObject([{ id: extraWebmailScriptId, matches: ['*://webmail.example.com.vn/*'], js: [webmailScriptFile], allFrames: true }]);

    await registerExtraWebmailHosts(hosts);
    expect(fakeBrowser.scripting.registerContentScripts).toHaveBeenCalledTimes(1);

    // the admin removed the host: the registration goes
    await registerExtraWebmailHosts(['mail.laichau.gov.vn']);
    expect(fakeBrowser.scripting.unregisterContentScripts).toHaveBeenCalledWith({ ids: [extraWebmailScriptId] });
    expect(registered).toEqual([]);
  });
});
