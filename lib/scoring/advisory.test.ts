import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bareText } from './normalize';
import { isAdvisory, QuotedLures, quotedSpans, withinSpans } from './advisory';

function quotes(text: string): string[] {
  const spans = quotedSpans(text);
  const out: string[] = [];
  for (let i = 0; i < spans.length; i += 2) out.push(text.slice(spans[i], spans[i + 1]));
  return out;
}

describe('quotedSpans', () => {
  it('finds curly, guillemet, low-high and straight quotes', () => {
    expect(quotes('nội dung “tài khoản bị khóa”, «mot» và „hai“ hoặc "ba".')).toEqual(['tài khoản bị khóa', 'mot', 'hai', 'ba']);
  });

  it('restarts at a second opening mark: the first was unbalanced', () => {
    expect(quotes('“không đóng. Rồi “tài khoản bị khóa”')).toEqual(['tài khoản bị khóa']);
  });

  it('drops a quote longer than a phrase or a subject line, and a mark never closed', () => {
    expect(quotes(`“${'a'.repeat(200)}” và “ngắn”`)).toEqual(['ngắn']);
    expect(quotes('một dấu “ mở mãi')).toEqual([]);
  });

  it('reads further when asked: a whole lure quoted, or one the text never closes', () => {
    const sms = `“${'a'.repeat(300)}”`;
    expect(quotes(sms)).toEqual([]);
    expect(quotedSpans(sms, 1000)).toEqual([1, 301]);
    // a quotation still open at the end counts only when cut short is asked for, and within the length
    expect(quotedSpans('nội dung: "Cảnh sát giao thông: bạn có khoản phạt', 1000)).toEqual([]);
    expect(quotedSpans('nội dung: "Cảnh sát giao thông: bạn có khoản phạt', 1000, true)).toEqual([11, 49]);
    expect(quotedSpans(`nội dung: "${'a'.repeat(1200)}`, 1000, true)).toEqual([]);
  });

  it('returns ordered, disjoint spans on any text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '"', '“', '”', '«', '»', '„') }), (text) => {
        for (const spans of [quotedSpans(text), quotedSpans(text, 1000, true)]) {
          expect(spans.length % 2).toBe(0);
          for (let i = 1; i < spans.length; i++) expect(spans[i]!).toBeGreaterThanOrEqual(spans[i - 1]!);
          expect(spans.every((at) => at <= text.length)).toBe(true);
        }
      }),
    );
  });
});

describe('withinSpans', () => {
  const spans = [2, 5, 10, 20];
  it('answers by binary search over the spans', () => {
    expect(withinSpans(spans, 2, 5)).toBe(true);
    expect(withinSpans(spans, 12, 18)).toBe(true);
    expect(withinSpans(spans, 4, 6)).toBe(false);
    expect(withinSpans(spans, 0, 1)).toBe(false);
    expect(withinSpans(spans, 21, 22)).toBe(false);
    expect(withinSpans([], 0, 1)).toBe(false);
  });
});

describe('isAdvisory and QuotedLures', () => {
  it('needs two warning words for a warning letter, one for a quoted phrase', () => {
    expect(isAdvisory(bareText('Cảnh giác với thư giả mạo'))).toBe(true);
    expect(isAdvisory(bareText('Thư lừa đảo'))).toBe(false);
    expect(isAdvisory(bareText('Thư lừa đảo'), 1)).toBe(true);
  });

  it('holds a quoted phrase inside a warning as shown, not asked', () => {
    const text = bareText('Kịch bản lừa đảo: thư báo “tài khoản bị khóa” rồi dẫn tới trang giả.');
    const at = text.indexOf('tai khoan bi khoa');
    expect(new QuotedLures(text).has(at, at + 'tai khoan bi khoa'.length)).toBe(true);
    // the same phrase outside the quotes, or the quotes in a text with no warning word, is not
    const plain = bareText('Thư báo “tài khoản bị khóa”, hãy đăng nhập ngay.');
    const there = plain.indexOf('tai khoan bi khoa');
    expect(new QuotedLures(plain).has(there, there + 'tai khoan bi khoa'.length)).toBe(false);
    expect(new QuotedLures(text).has(0, 5)).toBe(false);
  });

  it('tells a whole lure a plain warning quotes from a quoted phrase', () => {
    // vietnamnet.vn, 7 August 2025: the traffic police's warning, quoting the SMS whole
    const text = bareText(
      'Phòng CSGT phát đi cảnh báo về thủ đoạn lừa đảo mới qua Cổng Dịch vụ công Quốc gia giả mạo. Các đối tượng nhắn tin với nội dung: ' +
        '“Cảnh sát giao thông Việt Nam: Hiện tại, bạn đang có một khoản tiền phạt chưa thanh toán trong tài khoản. Vui lòng thanh toán khoản phí này càng sớm càng tốt để tránh những bất tiện không đáng có.”',
    );
    const at = text.indexOf('khoan tien phat');
    expect(new QuotedLures(text).shown(at, at + 20)).toBe('lure');
    expect(new QuotedLures(text).has(at, at + 20)).toBe(false);
    // one warning word is enough for a phrase, not for a whole lure; outside the quotes, neither
    const one = bareText(`Thư lừa đảo: ${text.slice(text.indexOf('“'))}`);
    expect(new QuotedLures(one).shown(one.indexOf('khoan tien phat'), one.indexOf('khoan tien phat') + 20)).toBeUndefined();
    expect(new QuotedLures(text).shown(0, 5)).toBeUndefined();
    const phrase = bareText('Kịch bản lừa đảo: thư báo “tài khoản bị khóa” rồi dẫn tới trang giả.');
    expect(new QuotedLures(phrase).shown(phrase.indexOf('tai khoan'), phrase.indexOf('tai khoan') + 17)).toBe('phrase');
  });
});
