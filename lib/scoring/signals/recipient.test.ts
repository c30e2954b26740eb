import { describe, expect, it } from 'vitest';
import { contextFor, ids, message } from '../../../tests/unit/scoring/helpers';
import { recipientSignals } from './recipient';

const to = [{ name: '', address: 'lethic@laocai.gov.vn' }];

function found(fields: Parameters<typeof message>[0]) {
  const msg = message({ to, ...fields });
  return recipientSignals(msg, contextFor(msg));
}

describe('recipientSignals', () => {
  it('flags a subject that names the recipient by address', () => {
    const findings = found({ subject: 'lethic@laocai.gov.vn: Hộp thư của bạn đã đầy' });
    expect(ids(findings)).toEqual(['recipient.address-as-name']);
    expect(findings[0]?.evidence).toEqual(['lethic@laocai.gov.vn']);
    expect(ids(found({ subject: 'Password expiry notice for LETHIC@laocai.gov.vn' }))).toEqual(['recipient.address-as-name']);
  });

  it('flags a greeting to an address, in Vietnamese, English or Portuguese', () => {
    expect(ids(found({ text: 'Kính gửi lethic@laocai.gov.vn,\nHộp thư của đồng chí sắp bị khóa.' }))).toEqual(['recipient.address-as-name']);
    expect(ids(found({ text: '\n\nDear lethic@laocai.gov.vn:\nYour password expires today.' }))).toEqual(['recipient.address-as-name']);
    expect(ids(found({ text: 'Prezado phishing@pot-colab, os seus pontos expiram em 48 horas.' }))).toEqual(['recipient.address-as-name']);
    expect(ids(found({ text: 'lethic@laocai.gov.vn , Su contribución es necesaria.' }))).toEqual(['recipient.address-as-name']);
    // the form's "(a)" and an address that ends the greeting's line
    expect(ids(found({ text: 'Prezado(a): phishing@pot\nHá um novo documento enviado para você.' }))).toEqual(['recipient.address-as-name']);
    expect(ids(found({ text: 'Dear lethic@laocai.gov.vn\nYour password expires today.' }))).toEqual(['recipient.address-as-name']);
    // the merge took the address's domain for the name
    expect(found({ text: 'Olá, hotmail.com! Precisamos da sua atenção: sua fatura venceu.' })[0]?.evidence).toEqual(['hotmail.com']);
  });

  it('says nothing of a reply about a list, a name in the greeting, or an address in the footer', () => {
    expect(found({ subject: 'Re: lethic@laocai.gov.vn', text: 'Đã nhận.' })).toEqual([]);
    expect(found({ subject: 'TL: lethic@laocai.gov.vn bị đầy hộp thư?', text: 'Đã xử lý.' })).toEqual([]);
    expect(found({ subject: 'Lịch họp', text: 'Kính gửi đồng chí Lê Thị C,\nLịch họp tuần sau gửi kèm.' })).toEqual([]);
    const footer = `${'Nội dung bản tin.\n'.repeat(8)}Thư này được gửi tới lethic@laocai.gov.vn, bấm để hủy đăng ký.`;
    expect(found({ subject: 'Bản tin', text: footer })).toEqual([]);
  });

  it('says nothing of an attribution line or an address alone on its line', () => {
    expect(found({ text: 'bitbitch@magnesium.net wrote:\n> quoted' })).toEqual([]);
    expect(found({ text: 'jamesr@best.com\n\nThanks for the link.' })).toEqual([]);
    expect(found({ text: 'Contact: jamesr@best.com\nThanks for the link.' })).toEqual([]);
    expect(found({ text: 'Hi Node.js folks!\nThe release is out.' })).toEqual([]);
    expect(found({ text: 'Hi Node.js!\nThe release is out.' })).toEqual([]);
    expect(found({ text: 'Dear Amazon.com customer,\nYour order has shipped.' })).toEqual([]);
    expect(found({ text: 'On Mon, 9 Sep 2002 bitbitch@magnesium.net wrote:' })).toEqual([]);
  });
});
