import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { clear, createStore } from 'idb-keyval';
import { reportedKey, ReportedMessages } from './reported';
import { reportedArea } from './reported-store';

describe('the reported messages, kept in the background', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await clear(createStore('khienthu-reports', 'kv'));
  });

  it('are kept out of storage.local, which content scripts can read and write', async () => {
    const reported = new ReportedMessages(reportedArea());
    expect(await reported.add('canbo@laichau.gov.vn', 'mid:abc@x')).toBe(true);
    expect(await reported.has('canbo@laichau.gov.vn', 'mid:abc@x')).toBe(true);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
    // a second worker (after a restart) reads the same list
    expect(await new ReportedMessages(reportedArea()).has('canbo@laichau.gov.vn', 'mid:abc@x')).toBe(true);
  });

  it('take over the list an earlier version left in storage.local, once, before the first read', async () => {
    await fakeBrowser.storage.local.set({ [reportedKey]: { 'canbo@laichau.gov.vn': ['mid:old@x'] } });
    const reported = new ReportedMessages(reportedArea());
    expect(await reported.has('canbo@laichau.gov.vn', 'mid:old@x')).toBe(true);
    expect(await reported.count()).toBe(1);
    expect(await fakeBrowser.storage.local.get(reportedKey)).toEqual({});
  });

  it('keep the list already moved when an old copy turns up again', async () => {
    const first = new ReportedMessages(reportedArea());
    await first.add('a', 'mid:new@x');
    await fakeBrowser.storage.local.set({ [reportedKey]: { a: ['mid:stale@x'] } });
    const second = new ReportedMessages(reportedArea());
    expect(await second.has('a', 'mid:new@x')).toBe(true);
    expect(await second.has('a', 'mid:stale@x')).toBe(false);
    expect(await fakeBrowser.storage.local.get(reportedKey)).toEqual({});
  });
});
