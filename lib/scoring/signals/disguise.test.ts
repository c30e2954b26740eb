import { describe, expect, it } from 'vitest';
import { contextFor, ids, message } from '../../../tests/unit/scoring/helpers';
import { disguiseSignals } from './disguise';

function disguised(fields: Parameters<typeof message>[0]) {
  const msg = message(fields);
  return disguiseSignals(msg, contextFor(msg));
}

describe('disguiseSignals', () => {
  it('flags a subject whose words are split by invisible characters', () => {
    const findings = disguised({ subject: 'Y\u200bo\u200bu\u200br a\u00adc\u00adc\u00adount' });
    expect(ids(findings)).toEqual(['disguise.hidden-characters']);
    expect(findings[0]?.evidence.length).toBeGreaterThan(0);
  });

  it('flags Cyrillic letters inside a Latin word of the subject', () => {
    expect(ids(disguised({ subject: 'Yоur mаilbox is full' }))).toEqual(['disguise.hidden-characters']);
  });

  it('flags mathematical and small-capital letters in the sender name', () => {
    expect(ids(disguised({ from: { name: '𝐌𝐞𝐭𝐚𝐌𝐚𝐬𝐤 ᴘᴀʏᴍᴇɴᴛ', address: 'x@example.com' } }))).toEqual(['disguise.hidden-characters']);
  });

  it('says nothing of Vietnamese, in composed or decomposed form', () => {
    const text = 'Hộp thư của bạn đã vượt quá giới hạn lưu trữ. Đề nghị đồng chí kiểm tra.';
    expect(disguised({ subject: text, text })).toEqual([]);
    expect(disguised({ subject: text.normalize('NFD'), text: text.normalize('NFD') })).toEqual([]);
  });

  it('says nothing of words wholly in Cyrillic or Greek, or of a single stray mark in a long body', () => {
    expect(disguised({ subject: 'Привет, как дела', text: 'Καλημέρα σας, το έγγραφο είναι συνημμένο.' })).toEqual([]);
    expect(disguised({ text: `${'Lịch họp tuần sau. '.repeat(200)}word\u200bjoined` })).toEqual([]);
  });

  it('needs several split words in the body, not one', () => {
    const split = (w: string) => [...w].join('\u200c');
    expect(disguised({ text: `Dear user, ${split('verify')} now` })).toEqual([]);
    expect(ids(disguised({ text: `Dear user, ${split('verify')} your ${split('account')} ${split('today')}` }))).toEqual(['disguise.hidden-characters']);
  });
});

describe('a random token glued to the subject', () => {
  it.each(['Liberação de IRPF - 6NwlyfzWcsNerv0', 'Valor bloqueado por segurancaNm9ehEyNWyox3', 'PONTOS lTAUCARD  - tJjwN679hRkyKg'])('flags %s', (subject) => {
    expect(ids(disguised({ subject }))).toEqual(['disguise.random-token']);
  });

  it.each(['Order #NP09312186721', '[GHSclassof1977] Boneheads', 'Your iPhone12Pro order', 'McDonaldsHQ2024 news', 'Công văn số 1234/UBND-KT', 'commit 3f9a2b7c1d'])('leaves %s alone', (subject) => {
    expect(disguised({ subject })).toEqual([]);
  });
});
