import { describe, expect, it } from 'vitest';
import { capDomMessage, domCaps } from './cap';
import type { DomMessage } from './types';

const address = { name: 'A', address: 'a@b.vn' };

describe('capDomMessage', () => {
  it('keeps real mail as it is', () => {
    const message: DomMessage = { subject: 'Thông báo', replyTo: [], to: [address], cc: [], attachments: [], bodyHtml: '<p>Kính gửi</p>' };
    expect(capDomMessage(message)).toEqual(message);
  });

  it('cuts what a hostile message can make as large as it likes, keeping its start', () => {
    const huge: DomMessage = {
      subject: 'S'.repeat(10_000),
      replyTo: Array(2_000).fill(address),
      to: Array(2_000).fill(address),
      cc: Array(2_000).fill(address),
      attachments: Array(2_000).fill({ filename: 'x.html', contentType: 'text/html' }),
      bodyHtml: `<a href="https://lure.example/">Đăng nhập</a>${'x'.repeat(5_000_000)}`,
    };
    const capped = capDomMessage(huge);
    expect(capped.subject).toHaveLength(domCaps.subject);
    expect(capped.bodyHtml).toHaveLength(domCaps.bodyHtml);
    expect(capped.bodyHtml.startsWith('<a href="https://lure.example/">')).toBe(true);
    for (const list of [capped.to, capped.cc, capped.replyTo]) expect(list).toHaveLength(domCaps.addresses);
    expect(capped.attachments).toHaveLength(domCaps.attachments);
  });
});
