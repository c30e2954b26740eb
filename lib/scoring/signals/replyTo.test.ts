import { describe, expect, it } from 'vitest';
import { contextFor, ids, message } from '../../../tests/unit/scoring/helpers';
import { replyToSignals } from './replyTo';

function replyFindings(from: string, replyTo: string[], returnPath?: string) {
  const msg = message({
    from: { name: '', address: from },
    replyTo: replyTo.map((address) => ({ name: '', address })),
    ...(returnPath !== undefined && { returnPath }),
  });
  return replyToSignals(msg, contextFor(msg));
}

describe('replyToSignals', () => {
  it('flags a free-mail Reply-To differing from From', () => {
    const findings = replyFindings('fem@fundacionhomi.org.co', ['mssmadar44@gmail.com']);
    expect(findings).toEqual([
      { id: 'reply-to.free-mail', category: 'reply-to', weight: 30, evidence: ['mssmadar44@gmail.com', 'fem@fundacionhomi.org.co'] },
    ]);
  });

  it("takes a provider's list service for a list, not a free mailbox; an ISP's or a free subdomain's mailbox stays free", () => {
    expect(ids(replyFindings('abcusa88@hotmail.com', ['OneIncomeLiving@groups.msn.com']))).toEqual(['reply-to.different-domain']);
    expect(ids(replyFindings('info@shop.example', ['lcolema1@maine.rr.com']))).toEqual(['reply-to.free-mail']);
    expect(ids(replyFindings('info@shop.example', ['return@wavola.za.com']))).toEqual(['reply-to.free-mail']);
  });

  it("flags another person's mailbox on the sender's own free provider: the scam's drop box, not a relay's ticket", () => {
    expect(ids(replyFindings('johannespieter03@gmail.com', ['jerryjonesfinancialinvestments@gmail.com']))).toEqual(['reply-to.free-mail']);
    expect(replyFindings('ticket_jce1031@sneakemail.com', ['ticket_a79s1031@sneakemail.com'])).toEqual([]);
  });

  it('flags a Reply-To on another domain, less', () => {
    expect(ids(replyFindings('a@example.com', ['b@other.example']))).toEqual(['reply-to.different-domain']);
  });

  it("takes one person's mailbox name at two domains for the same person, not for a drop box", () => {
    // a mailing service sending for the newsletter's author; a list member's other address
    expect(replyFindings('guterman@mediaunspun.imakenews.net', ['guterman@vineyard.com'])).toEqual([]);
    expect(replyFindings('cmeclax@gmx.co.uk', ['cmeclax@ixazon.dynip.com'])).toEqual([]);
    // a role account's name is anyone's; another name is another mailbox; a free mailbox stays one
    expect(ids(replyFindings('contato@servicodecampanhas.com.br', ['contato@meiportaldoempreendedor.com.br']))).toEqual(['reply-to.different-domain']);
    expect(ids(replyFindings('guterman@mediaunspun.imakenews.net', ['editor@vineyard.com']))).toEqual(['reply-to.different-domain']);
    expect(ids(replyFindings('guterman@mediaunspun.imakenews.net', ['guterman@gmail.com']))).toEqual(['reply-to.free-mail']);
    // the forged director: the organisation's own From, or a domain made to look like the sender's or the organisation's
    expect(ids(replyFindings('giamdoc@laocai.gov.vn', ['giamdoc@ketoan-laocai.com']))).toEqual(['reply-to.different-domain']);
    expect(ids(replyFindings('nguyenvana@vendor.com.vn', ['nguyenvana@vend0r.com.vn']))).toEqual(['reply-to.different-domain']);
    expect(ids(replyFindings('nguyenvana@vendor.com.vn', ['nguyenvana@laocai-gov.vn']))).toEqual(['reply-to.different-domain']);
  });

  it('accepts a Reply-To in the same registrable domain or inside the organisation', () => {
    expect(replyFindings('a@example.com', ['b@lists.example.com'])).toEqual([]);
    expect(replyFindings('a@example.com', ['hotro@laocai.gov.vn'])).toEqual([]);
    expect(replyFindings('a@gmail.com', ['a@gmail.com'])).toEqual([]);
    expect(replyFindings('A@Gmail.com', ['a@gmail.com'])).toEqual([]);
  });

  it('adds a little for a Return-Path on another domain', () => {
    expect(ids(replyFindings('a@example.com', [], '<bounce@sender.example.net>'))).toEqual(['reply-to.return-path']);
    expect(replyFindings('a@example.com', [], '<bounce@mail.example.com>')).toEqual([]);
  });

  it('needs a From address', () => {
    expect(replyToSignals(message({ replyTo: [{ name: '', address: 'x@gmail.com' }] }), contextFor(message({})))).toEqual([]);
  });
});

describe("a platform's notice, which replies to the person it names", () => {
  const share = (text: string, links = [{ href: 'https://docs.google.com/document/d/1AbC/edit', text: 'Open' }]) => {
    const msg = message({
      from: { name: 'Hùng (via Google Drive)', address: 'drive-shares-dm-noreply@google.com' },
      replyTo: [{ name: 'Hùng', address: 'hungnv.thcs@gmail.com' }],
      text,
      links,
    });
    return ids(replyToSignals(msg, contextFor(msg)));
  };

  it('does not count a Reply-To the message shows, when it links its own site', () => {
    expect(share('Hùng (hungnv.thcs@gmail.com) shared a document with you.')).toEqual([]);
  });

  it('still counts a Reply-To the message hides, or one shown by mail that links no site of its sender', () => {
    expect(share('Hùng shared a document with you.')).toEqual(['reply-to.free-mail']);
    expect(share('Write to hungnv.thcs@gmail.com to claim it.', [{ href: 'https://claim-prize.example/x', text: 'Claim' }])).toEqual(['reply-to.free-mail']);
  });

  it("does not take a person's account for a notice: a hijacked .gov.vn mailbox whose signature links its portal", () => {
    const msg = message({
      from: { name: 'Bộ phận trợ giúp', address: 'hienlt_tanyen@bacgiang.gov.vn' },
      replyTo: [{ name: '', address: 'hotro.cntt.bacgiang@gmail.com' }],
      text: 'Gửi tên đăng nhập và mật khẩu về hotro.cntt.bacgiang@gmail.com. Cổng TTĐT: https://bacgiang.gov.vn',
      links: [{ href: 'https://bacgiang.gov.vn', text: 'https://bacgiang.gov.vn' }],
    });
    expect(ids(replyToSignals(msg, contextFor(msg)))).toEqual(['reply-to.free-mail']);
  });
});
