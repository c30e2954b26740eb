import { describe, expect, it } from 'vitest';
import { recipientAddress, recipientAddresses } from './recipient';
import { emptyMessage } from './types';
import type { MailHeader, MailMessage } from './types';

function message(to: string[], headers: MailHeader[] = []): MailMessage {
  return { ...emptyMessage('raw'), to: to.map((address) => ({ name: '', address })), headers };
}

describe('recipientAddress', () => {
  it('takes the first To address that is a real address', () => {
    expect(recipientAddress(message(['', 'canbo@laichau.gov.vn', 'b@laichau.gov.vn']))).toBe('canbo@laichau.gov.vn');
  });

  it('falls back to Delivered-To, then X-Original-To, lower-cased', () => {
    const delivered = message([], [
      { key: 'x-original-to', value: 'other@laocai.gov.vn' },
      { key: 'delivered-to', value: 'CanBo@SocTrang.gov.vn' },
    ]);
    expect(recipientAddress(delivered)).toBe('canbo@soctrang.gov.vn');
    const original = message([], [{ key: 'x-original-to', value: '"Cán bộ" <canbo@laocai.gov.vn>' }]);
    expect(recipientAddress(original)).toBe('canbo@laocai.gov.vn');
  });

  it('says nothing when the message names no mailbox', () => {
    expect(recipientAddress(message([], [{ key: 'delivered-to', value: 'undisclosed' }]))).toBeUndefined();
    expect(recipientAddress({ ...emptyMessage('dom') })).toBeUndefined();
  });
});

describe('recipientAddresses', () => {
  it('lists To then Cc, addresses only, at most 20', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ name: '', address: `u${i}@laocai.gov.vn` }));
    const message: MailMessage = {
      ...emptyMessage('raw'),
      to: [{ name: 'Recipients', address: '' }, { name: '', address: 'lethic@laocai.gov.vn' }],
      cc: [{ name: '', address: 'b@laocai.gov.vn' }, ...many],
    };
    const listed = recipientAddresses(message);
    expect(listed.slice(0, 2)).toEqual(['lethic@laocai.gov.vn', 'b@laocai.gov.vn']);
    expect(listed).toHaveLength(20);
  });
});
