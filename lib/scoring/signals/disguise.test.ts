import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextFor, ids, message } from '../../../tests/unit/scoring/helpers';
import { htmlToContent } from '../../mail/html';
import { disguiseSignals, gluedWordFindings, lookalikeLetterFindings, minRandomClasses, nextSuspect, randomFilenameFindings, randomMarkupFindings, suspects } from './disguise';

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

  it('flags the rarer lookalike scripts inside a Latin word: Tai Le, Armenian, Cherokee, Lisu', () => {
    expect(ids(disguised({ subject: "We've bᥣoᥴkᥱd your account!" }))).toEqual(['disguise.hidden-characters']);
    expect(ids(disguised({ subject: 'Your Micrօsօft password' }))).toEqual(['disguise.hidden-characters']);
    expect(ids(disguised({ subject: 'ᎪCCOUNT suspended' }))).toEqual(['disguise.hidden-characters']);
    expect(ids(disguised({ subject: 'ꓲnvoice overdue' }))).toEqual(['disguise.hidden-characters']);
    expect(disguised({ subject: 'Հայերեն տեքստ, ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ' })).toEqual([]);
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
  it.each(['Liberação de IRPF - 6NwlyfzWcsNerv0', 'Valor bloqueado por segurancaNm9ehEyNWyox3', 'PONTOS ITAUCARD  - tJjwN679hRkyKg'])('flags %s', (subject) => {
    expect(ids(disguised({ subject }))).toEqual(['disguise.random-token']);
  });

  it.each([
    ['Payment failed: Your photos will be deleted today!!__Wednesday, January 7, 2026__ID:#0XY7-045', 'ID:#0XY7-045'],
    ['Lose weight the smart, sustainable way with MEDVi__ID#DPU82-701', 'ID#DPU82-701'],
    ['Your Account has been suspended! all devices Unprotected!!__ ID#8N2WO-07324', 'ID#8N2WO-07324'],
    ['Take action__ID:#59OD-FLIX-ZGHX___ ', 'ID:#59OD-FLIX-ZGHX'],
  ])('flags the id tag glued to %s', (subject, tag) => {
    const findings = disguised({ subject });
    expect(ids(findings)).toEqual(['disguise.random-token']);
    expect(findings[0]?.evidence).toEqual([tag]);
  });

  it.each(['[Ticket ID: #12345] Không đăng nhập được', 'Yêu cầu hỗ trợ ID#4521', 'Re: Case ID #A1234-77 updated', 'snake_case_ID#1 parser'])('leaves the ticket id of %s alone', (subject) => {
    expect(disguised({ subject })).toEqual([]);
  });

  it.each(['Order #NP09312186721', '[GHSclassof1977] Boneheads', 'Your iPhone12Pro order', 'McDonaldsHQ2024 news', 'Công văn số 1234/UBND-KT', 'commit 3f9a2b7c1d', 'Gửi file BaoCaoTongKetNam2024', 'V/v ToTrinhSo15UBND'])('leaves %s alone', (subject) => {
    expect(disguised({ subject })).toEqual([]);
  });
});

describe('randomFilenameFindings', () => {
  it('flags an attachment named with random letters and digits', () => {
    const findings = randomFilenameFindings(['b7QpxsmeQ0eUwK1GnRX4337.pdf', 'Cong van.pdf']);
    expect(ids(findings)).toEqual(['disguise.random-filename']);
    expect(findings[0]?.evidence).toEqual(['b7QpxsmeQ0eUwK1GnRX4337.pdf']);
    expect(ids(randomFilenameFindings(['URQpae5egR7PmZ.pdf']))).toEqual(['disguise.random-filename']);
  });

  it.each(['IMG_4523.HEIC', 'Scan0001.pdf', 'HoaDon_0000123.pdf', 'DSC01234.JPG', 'image001.png', 'BaoCaoQuy4.docx', 'CV_NguyenVanAn.pdf', 'Invoice-4F7A2C.pdf', 'a8f3c2e1d4b5.jpg', 'QuyetDinh123.pdf', 'KeHoachNam2025.xlsx', 'ToTrinhSo15UBND.pdf', 'DanhSachLop10A1.xlsx'])('leaves %s alone', (name) => {
    expect(randomFilenameFindings([name])).toEqual([]);
  });

  it('is part of the disguise signals of a message', () => {
    const msg = message({ attachments: [{ filename: '0b1PVfyREvJhmkkg.pdf' }] });
    expect(ids(disguiseSignals(msg, contextFor(msg)))).toEqual(['disguise.random-filename']);
  });
});

describe('lookalikeLetterFindings', () => {
  it('flags a word in capitals with a zero for the O or a small l for the I', () => {
    expect(ids(lookalikeLetterFindings('HABILITE SUA C0NTA DE P0NT0S'))).toEqual(['disguise.lookalike-letters']);
    expect(lookalikeLetterFindings('lTAUCARD PONTOS - 27A9cO059i')[0]?.evidence).toEqual(['lTAUCARD']);
    expect(ids(lookalikeLetterFindings('SALE VlAGRA'))).toEqual(['disguise.lookalike-letters']);
    expect(ids(lookalikeLetterFindings('Your tax statement is available. lRS E-System Tax Statement'))).toEqual(['disguise.lookalike-letters']);
  });

  it('says nothing of ordinary capitals, numbers and Vietnamese headings', () => {
    expect(lookalikeLetterFindings('THÔNG BÁO NÂNG CẤP HỆ THỐNG THƯ ĐIỆN TỬ')).toEqual([]);
    expect(lookalikeLetterFindings('Windows 2000 SP4, MP3, IPv6, H2O, 100 USD, Re: [SAtalk] 2.41')).toEqual([]);
    expect(lookalikeLetterFindings('Công văn số 1020/UBND-VX ngày 10/10/2024')).toEqual([]);
    expect(lookalikeLetterFindings('Join now http://us.click.yahoo.com/J2SnNA/y.lEAA/MVfIAA/7gSolB/TM')).toEqual([]);
  });
});

describe('gluedWordFindings', () => {
  it.each(['Mining_transaction_0.7495_BTC', 'Fw: Unusual_activity_on_your_Account', 'Now.get.up.to.1.BTC', '_Message_fOr_YOU_', 'Your.transaction.0.7495.Bitcoin.'])('flags %s', (subject) => {
    expect(ids(gluedWordFindings(subject))).toEqual(['disguise.glued-words']);
  });

  it.each([
    'Re: apt.freshrpms.net',
    '[Razor-users] Fire.cloudmark.com is having issues',
    'mail.laocai.gov.vn bảo trì tối nay',
    '[SAdev] [Bug 840] spam_level_char option change/removal',
    'Báo cáo quý 3.2024 v1.2.3',
    'Try_KETO_Today!',
    'Công văn 1234/UBND-KT_2024',
  ])('leaves %s alone', (subject) => {
    expect(gluedWordFindings(subject)).toEqual([]);
  });
});

describe('the plain pre-scan for suspect characters', () => {
  /** Every suspect's index, by the Unicode pattern alone and by the pre-scan that skips Latin. */
  function everySuspect(text: string): { direct: number[]; skipping: number[] } {
    const direct = [...text.matchAll(new RegExp(suspects.source, 'gu'))].map((m) => m.index);
    const skipping: number[] = [];
    for (let found = nextSuspect(text, 0); found; found = nextSuspect(text, found.index + found[0].length)) skipping.push(found.index);
    return { direct, skipping };
  }

  it('finds every suspect the Unicode pattern finds, in any text', () => {
    // the boundaries of what the pre-scan lets through, and what it must not
    const edges = [
      'a', 'ệ', 'Đ', 'ư', '\u0301', '\u0333', '\u0334', '\u00ad', '\u00ac', '\u00ae', '\u200b', '\u200f', '\u2010', '\u2060',
      '₫', '\u20d0', '™', '\u2126', '\u2127', '→', '⋮', '─', '✔', '⭐', '。', 'о', 'Ω', 'ᴘ', 'ｍ', 'Ⓐ', '𝐕', '🄰', '🅉', '🆊', '😀', '🔥',
      'Ω', '\u{e0041}', '\u{10140}', '\u{1d200}', '\u{1e030}', '\ud835', '\udc00', '中', '\u1c80', '\u2de0', '\ua640', '\u1d78', '\u1f00',
    ];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...edges), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 40 }), (parts) => {
        const { direct, skipping } = everySuspect(parts.join(''));
        expect(skipping).toEqual(direct);
      }),
      { numRuns: 2000 },
    );
  });

  it('stops at every code point that is a suspect, all 1,114,112 of them', () => {
    const missed: string[] = [];
    const suspect = new RegExp(suspects.source, 'u');
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const char = String.fromCodePoint(cp);
      if (suspect.test(char) && nextSuspect(char, 0)?.index !== 0) missed.push(cp.toString(16));
    }
    expect(missed).toEqual([]);
  });

  it('reads Vietnamese prose, its currency and arrows without a single suspect', () => {
    expect(nextSuspect('Số tiền 1.250.000 ₫ → chuyển khoản trước ngày 25 — “khẩn” • \u2126 là ký hiệu ôm', 0)?.[0]).toBe('\u2126');
    expect(nextSuspect('Số tiền 1.250.000 ₫ → chuyển khoản trước ngày 25 — “khẩn” • mục ⋮ ✔ 😀', 0)).toBeNull();
  });
});

describe('randomMarkupFindings', () => {
  // The words of the two kits seen in the honeypot's bank and carrier lures: English word pairs, and
  // Portuguese dictionary entries (plants, birds, compounds with "-de-", accents).
  const english = 'fly sets subject asleep compass flew fair rocky tongue farm plain setting this produce roll mine there danger few them teach leaf design flag careful pretty studied begun hung cannot block constantly are laugh fast wore everywhere happened shoe law recently night'.split(' ');
  const portuguese = ['pinheiros-brancos', 'jatobá-da-catinga', 'capim-mimoso', 'maravilhas-dos-jardins', 'bordas-largas', 'roseta-rasteira', 'víboras-cornutas', 'preguiça-de-bentinho', 'pau-sanguense', 'galos-do-pará', 'bolas-ao-cesto', 'ervilhas-campestres', 'japim-do-mato', 'batatas-brancas', 'cochonilha-vegetal', 'mancha-angular', 'pardais-franceses', 'jurema-marginada', 'frutas-de-lobo', 'algoz-das-árvores', 'figueira-do-egito', 'imbuia-brazina', 'salário-maternidade', 'pássaro-boi', 'refratável', 'paniculários', 'acalantos', 'marias-moles', 'olho-dormente', 'alcoques', 'rabo-de-couro', 'pia-madre', 'pau-farinha', 'meirinhos-mores', 'quebrantos'];

  /** The kit's layout: nested tables, every element with a class of its own. */
  function kit(names: readonly string[]): string {
    const cells = names.slice(4).map((name) => `<tr class="${name}"><td align="center">Prezado cliente</td></tr>`);
    return `<html class="${names[0]}"><head class="${names[1]}"></head><body class="${names[2]}"><table class="${names[3]}">${cells.join('')}</table></body></html>`;
  }
  const pairs = english.flatMap((a, i) => english.slice(i + 1, i + 3).map((b) => `${a}-${b}`));
  const classesOf = (html: string) => htmlToContent(html).classNames;

  it('flags a layout tagged with random word pairs, one per element', () => {
    const findings = randomMarkupFindings(classesOf(kit(pairs.slice(0, 60))));
    expect(ids(findings)).toEqual(['disguise.random-markup']);
    expect(findings[0]?.evidence).toEqual(pairs.slice(0, 3));
  });

  it('flags the Portuguese dictionary kit after a template header of its own', () => {
    const html = `<table class="container"><tr class="header"><td>Correios</td></tr></table>${kit(portuguese)}`;
    expect(ids(randomMarkupFindings(classesOf(html)))).toEqual(['disguise.random-markup']);
  });

  it(`needs ${minRandomClasses} random names at least`, () => {
    expect(randomMarkupFindings(classesOf(kit(pairs.slice(0, minRandomClasses - 1))))).toEqual([]);
    expect(ids(randomMarkupFindings(classesOf(kit(pairs.slice(0, minRandomClasses)))))).toEqual(['disguise.random-markup']);
  });

  it('says nothing of templates and mail programs, however long', () => {
    const repeat = (html: string, times: number) => html.repeat(times);
    const templates = {
      // MJML
      mjml: repeat('<div class="mj-column-per-100 mj-outlook-group-fix"><table class="mj-full-width-mobile"><tr><td class="mj-spacer">x</td></tr></table></div>', 40),
      // Mailchimp
      mailchimp: repeat('<table class="mcnTextBlock"><tbody class="mcnTextBlockOuter"><tr><td class="mcnTextBlockInner"><table class="mcnTextContentContainer"><tr><td class="mcnTextContent">x</td></tr></table></td></tr></tbody></table>', 30),
      // Stripo
      stripo: repeat('<table class="es-content"><tr><td class="es-content-body es-p20t es-p20r es-p20l"><p class="es-m-txt-c">x</p><span class="es-button-border"><a class="es-button">Xem</a></span></td></tr></table>', 30),
      // utility classes
      utilities: repeat('<div class="text-gray-700 font-bold leading-tight tracking-wide px-4 py-2 rounded-lg shadow-sm"><p class="mt-4 text-sm">x</p></div>', 30),
      // Outlook and Word
      outlook: repeat('<p class="MsoNormal"><span class="x_MsoHyperlink">x</span></p><div class="WordSection1">y</div>', 60),
      // atomic CSS (Medium's digests): short generated names, each a style
      atomic: Array.from({ length: 60 }, (_, i) => `<p class="${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + ((i * 7) % 26))}${i >= 26 ? 'q' : ''}">x</p>`).join(''),
      // Gmail replies
      gmail: repeat('<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Mon wrote:</div><blockquote class="gmail_quote">x</blockquote></div>', 40),
    };
    for (const [name, html] of Object.entries(templates)) expect(randomMarkupFindings(classesOf(html)), name).toEqual([]);
  });

  it("says nothing of a receipt that names each of its parts once, among classes it repeats", () => {
    const parts = ['greeting', 'invoice-number', 'customer-code', 'payment-method', 'tax-code', 'discount-code', 'delivery-window', 'store-hours', 'order-status', 'shipping-method', 'refund-policy', 'terms', 'hotline', 'qr-code', 'seal', 'stamp', 'vat-rate', 'subtotal', 'grand-sum', 'currency', 'due-notice', 'bank-account', 'account-holder', 'branch', 'swift'];
    const html = parts.map((part) => `<tr class="line"><td class="label">${part}</td><td class="${part}">1</td></tr>`).join('');
    expect(randomMarkupFindings(classesOf(`<table class="receipt">${html}</table>`))).toEqual([]);
  });

  it('needs the random names to be most of the class names the message uses', () => {
    const template = '<td class="es-content-body">x</td>'.repeat(60);
    expect(randomMarkupFindings(classesOf(kit(pairs.slice(0, 40)) + template))).toEqual([]);
    expect(ids(randomMarkupFindings(classesOf(kit(pairs.slice(0, 40)) + template.slice(0, 20 * 34))))).toEqual(['disguise.random-markup']);
  });

  it('is part of the disguise signals of a parsed message', () => {
    const msg = message({ classNames: classesOf(kit(pairs.slice(0, 60))) });
    expect(ids(disguiseSignals(msg, contextFor(msg)))).toEqual(['disguise.random-markup']);
  });
});
