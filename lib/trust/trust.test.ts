/** The trust list in the browser (the extension's IndexedDB, per webmail host), the check that uses it, and the background's handler. */
import 'fake-indexeddb/auto';
import { clear, createStore } from 'idb-keyval';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkMessage } from '../check';
import type { CheckRequest } from '../messaging';
import { policyForOrganisation } from '../policy/defaults';
import type { Policy } from '../policy/types';
import type { DomMessage } from '../webmail/types';
import { handleTrustSender } from './handler';
import { isTrustSenderRequest } from './request';
import {
  asTrustedSenders,
  maxTrustedPerHost,
  migrateLocalTrust,
  onTrustedSendersChanged,
  readTrustedSenders,
  trustSender,
  trustedSendersFor,
  trustedSendersKey,
  untrustSender,
  withTrustedSender,
  withoutTrustedSender,
} from './store';

beforeEach(async () => {
  fakeBrowser.reset();
  await clear(createStore('khienthu-trust', 'kv'));
});
afterEach(() => vi.restoreAllMocks());

const host = 'mail.soctrang.gov.vn';
const vendor = { name: 'Bộ phận hỗ trợ kỹ thuật - Công ty Sao Mai', address: 'HoTro.SaoMai@gmail.com' };

function dom(fields: Partial<DomMessage> = {}): DomMessage {
  return {
    subject: 'Lịch bảo trì phần mềm',
    from: vendor,
    replyTo: [],
    to: [{ name: '', address: 'canbo@soctrang.gov.vn' }],
    cc: [],
    attachments: [],
    bodyHtml: '<p>Phần mềm quản lý văn bản sẽ được bảo trì tối thứ Bảy. Anh chị không cần làm gì thêm.</p>',
    ...fields,
  };
}
const lureHtml =
  '<p>Hộp thư của bạn đã vượt quá giới hạn lưu trữ. Trả lời với Tên người dùng: Mật khẩu: Xác nhận mật khẩu: ' +
  'Nếu không, hộp thư của bạn sẽ bị vô hiệu hóa.</p>';

const soctrang = (overrides: Partial<Policy> = {}): Policy => ({ ...policyForOrganisation(host), ...overrides });
const request = (message: DomMessage): CheckRequest => ({ type: 'khienthu:check', message });

describe('the trust list', () => {
  it('keeps exact addresses, lower-cased, per webmail host, without duplicates', () => {
    let all = withTrustedSender({}, host, ' An.Nguyen@Gmail.com ');
    all = withTrustedSender(all, host, 'an.nguyen@gmail.com');
    all = withTrustedSender(all, 'mail.laichau.gov.vn', 'b@laocai.gov.vn');
    expect(all).toEqual({ [host]: ['an.nguyen@gmail.com'], 'mail.laichau.gov.vn': ['b@laocai.gov.vn'] });
  });

  it('refuses what is not an address (a domain is never trusted) and a missing host', () => {
    const all = {};
    for (const notAnAddress of ['gmail.com', '@gmail.com', '', 'a b@c.vn']) expect(withTrustedSender(all, host, notAnAddress)).toBe(all);
    expect(withTrustedSender(all, '', 'an@gmail.com')).toBe(all);
  });

  it('removes one address and drops a host left empty', () => {
    const all = { [host]: ['a@gmail.com', 'b@gmail.com'], other: ['a@gmail.com'] };
    expect(withoutTrustedSender(all, host, 'A@gmail.com')).toEqual({ [host]: ['b@gmail.com'], other: ['a@gmail.com'] });
    expect(withoutTrustedSender({ [host]: ['a@gmail.com'] }, host, 'a@gmail.com')).toEqual({});
  });

  it('reads whatever storage holds safely, and caps each list', () => {
    expect(asTrustedSenders(null)).toEqual({});
    expect(asTrustedSenders({ [host]: ['X@Y.vn', 3, 'y.vn', 'x@y.vn'], '': ['a@b.vn'], bad: 'a@b.vn' })).toEqual({ [host]: ['x@y.vn'] });
    const many = Array.from({ length: maxTrustedPerHost + 10 }, (_, i) => `u${i}@gmail.com`);
    expect(asTrustedSenders({ [host]: many })[host]).toHaveLength(maxTrustedPerHost);
  });

  it('lives out of the storage areas content scripts can write, and says when it changes', async () => {
    const changed = vi.fn();
    const stop = onTrustedSendersChanged(changed);
    await trustSender(host, 'An@gmail.com');
    expect(await readTrustedSenders()).toEqual({ [host]: ['an@gmail.com'] });
    // storage.local holds a change time only, and no address
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toEqual(['trustedSendersChanged']);
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    // a list a page writes into storage.local is not read
    await fakeBrowser.storage.local.set({ [trustedSendersKey]: { [host]: ['lure@gmail.com'] } });
    expect(await trustedSendersFor(host)).toEqual(['an@gmail.com']);
    await fakeBrowser.storage.local.remove(trustedSendersKey);
    expect(changed).toHaveBeenCalledOnce();
    expect(await trustedSendersFor('mail.laichau.gov.vn')).toEqual([]);

    await untrustSender(host, 'an@gmail.com');
    expect(await readTrustedSenders()).toEqual({});
    expect(changed).toHaveBeenCalledTimes(2);
    stop();
    await trustSender(host, 'b@gmail.com');
    expect(changed).toHaveBeenCalledTimes(2);
  });
});

describe('checking a message with the trust list', () => {
  it('offers trust on the caution, then drops the sender reasons of that address', async () => {
    const before = await checkMessage(dom(), undefined, soctrang());
    expect(before.verdict.level).toBe('caution');
    expect(before.sender).toEqual({ address: 'hotro.saomai@gmail.com', trusted: false, canTrust: true });

    const after = await checkMessage(dom(), undefined, soctrang(), ['hotro.saomai@gmail.com']);
    expect(after.verdict.level).toBe('safe');
    expect(after.sender).toEqual({ address: 'hotro.saomai@gmail.com', trusted: true, canTrust: false });
    expect(after.flaggedLinks).toEqual([]);
  });

  it('ignores the list and offers nothing when policy does not let users trust a sender', async () => {
    const result = await checkMessage(dom(), undefined, soctrang({ allowTrustSender: false }), ['hotro.saomai@gmail.com']);
    expect(result.verdict.level).toBe('caution');
    expect(result.sender).toEqual({ address: 'hotro.saomai@gmail.com', trusted: false, canTrust: false });
  });

  it('still calls a password lure from the trusted address danger, and offers no trust on it', async () => {
    const result = await checkMessage(dom({ bodyHtml: lureHtml }), undefined, soctrang(), ['hotro.saomai@gmail.com']);
    expect(result.verdict.level).toBe('danger');
    expect(result.sender.trusted).toBe(true);
    expect(result.verdict.reasons.map((r) => r.id)).toContain('credentials.username-password');
    expect(result.verdict.reasons.map((r) => r.id)).not.toContain('sender.free-mail');
    const untrusted = await checkMessage(dom({ bodyHtml: lureHtml }), undefined, soctrang());
    expect(untrusted.sender.canTrust).toBe(false);
  });

  it('lets a blocked sender domain beat the user\'s trust', async () => {
    const result = await checkMessage(dom(), undefined, soctrang({ blockedSenderDomains: ['gmail.com'] }), ['hotro.saomai@gmail.com']);
    expect(result.verdict.level).toBe('danger');
    expect(result.sender.trusted).toBe(false);
    expect(result.verdict.reasons.map((r) => r.id)).toContain('policy.blocked-sender');
  });
});

describe('the background trusting a sender from a banner', () => {
  it('accepts only a well-formed request', () => {
    expect(isTrustSenderRequest({ type: 'khienthu:trust-sender', check: request(dom()) })).toBe(true);
    expect(isTrustSenderRequest({ type: 'khienthu:trust-sender', address: 'an@gmail.com' })).toBe(false);
    expect(isTrustSenderRequest({ type: 'khienthu:trust-sender', check: { type: 'khienthu:check' } })).toBe(false);
  });

  it('trusts the From address of a message the banner offered it on, for the asking host', async () => {
    const answer = await handleTrustSender({ type: 'khienthu:trust-sender', check: request(dom()) }, host, soctrang());
    expect(answer).toEqual({ ok: true, address: 'hotro.saomai@gmail.com' });
    expect(await readTrustedSenders()).toEqual({ [host]: ['hotro.saomai@gmail.com'] });
  });

  it('refuses where the banner would not offer it: a lure, a different Reply-To, policy off, no host', async () => {
    const refused = [
      await handleTrustSender({ type: 'khienthu:trust-sender', check: request(dom({ bodyHtml: lureHtml })) }, host, soctrang()),
      await handleTrustSender(
        { type: 'khienthu:trust-sender', check: request(dom({ replyTo: [{ name: '', address: 'mssmadar44@gmail.com' }] })) },
        host,
        soctrang(),
      ),
      await handleTrustSender({ type: 'khienthu:trust-sender', check: request(dom()) }, host, soctrang({ allowTrustSender: false })),
      await handleTrustSender({ type: 'khienthu:trust-sender', check: request(dom()) }, '', soctrang()),
    ];
    expect(refused.map((answer) => answer.ok)).toEqual([false, false, false, false]);
    expect(await readTrustedSenders()).toEqual({});
  });
});

describe('the trust lists of earlier versions', () => {
  it('move out of storage.local once', async () => {
    await fakeBrowser.storage.local.set({ [trustedSendersKey]: { [host]: ['An@gmail.com'] } });
    await migrateLocalTrust();
    expect(await readTrustedSenders()).toEqual({ [host]: ['an@gmail.com'] });
    expect(await fakeBrowser.storage.local.get(trustedSendersKey)).toEqual({});
  });
});
