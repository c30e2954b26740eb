import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MailParseError, linksInPlainText, parseRawMessage } from './parse';

const root = join(import.meta.dirname, '../..');
/** Copies of the messages the Roundcube lab serves (../shared/lab/mails). */
const lab = (name: string) => readFileSync(join(root, 'tests/unit/mail/lab', name));
const corpus = (path: string) => readFileSync(join(root, 'tests/corpus', path));

/** Builds a message with LF line ends, the way Maildir stores them. */
const eml = (...lines: string[]) => lines.join('\n');

describe('parseRawMessage on the lab messages', () => {
  it('reads the Sóc Trăng lure: sender, Reply-To, Return-Path, encoded subject, parts', async () => {
    const message = await parseRawMessage(lab('phish.eml'));
    expect(message.source).toBe('raw');
    expect(message.subject).toBe('Đã vượt quá hạn ngạch');
    expect(message.from).toEqual({ name: 'Postmaster', address: 'fem@fundacionhomi.org.co' });
    expect(message.replyTo).toEqual([{ name: '', address: 'mssmadar44@gmail.com' }]);
    expect(message.to).toEqual([{ name: '', address: 'test@localhost' }]);
    expect(message.returnPath).toBe('fem@fundacionhomi.org.co');
    // The plain part is the text; the links come from the HTML part.
    expect(message.text).toContain('Bấm vào đây để cập nhật địa chỉ email của bạn: https://upcorss.weebly.com/');
    expect(message.text).not.toContain('<p>');
    expect(message.links).toEqual([
      { href: 'https://upcorss.weebly.com/', text: 'Bấm vào đây để cập nhật địa chỉ email của bạn' },
    ]);
    expect(message.attachments).toEqual([{ filename: 'HuongDan.pdf', contentType: 'application/pdf', size: 32 }]);
    expect(message.formFields).toEqual([]);
  });

  it('keeps every header in order with lower-cased names', async () => {
    const message = await parseRawMessage(lab('phish.eml'));
    expect(message.headers?.map((h) => h.key)).toEqual([
      'return-path', 'from', 'reply-to', 'to', 'subject', 'date', 'message-id', 'mime-version', 'content-type',
    ]);
    expect(message.headers?.[2]).toEqual({ key: 'reply-to', value: 'mssmadar44@gmail.com' });
  });

  it('reads the benign meeting note as plain text without links', async () => {
    const message = await parseRawMessage(lab('benign.eml'));
    expect(message.subject).toBe('Lịch họp tuần sau');
    expect(message.from).toEqual({ name: 'Nguyen Van A', address: 'a.nguyen@example.gov.vn' });
    expect(message.text).toContain('Cuộc họp tuần sau sẽ diễn ra vào thứ Hai');
    expect(message.links).toEqual([]);
    expect(message.attachments).toEqual([]);
    expect(message.returnPath).toBeUndefined();
    expect(message.replyTo).toEqual([]);
  });

  it('accepts the raw source as a string, an ArrayBuffer or a Uint8Array alike', async () => {
    const bytes = new Uint8Array(lab('phish.eml'));
    const fromString = await parseRawMessage(new TextDecoder().decode(bytes));
    const fromBuffer = await parseRawMessage(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const fromBytes = await parseRawMessage(bytes);
    expect(fromBuffer).toEqual(fromString);
    expect(fromBytes).toEqual(fromString);
  });
});

describe('parseRawMessage bodies', () => {
  it('reads both parts of multipart/alternative, and takes links and forms from the HTML part', async () => {
    const message = await parseRawMessage(
      eml(
        'From: a@example.org', 'To: b@laichau.gov.vn', 'Subject: alt', 'MIME-Version: 1.0',
        'Content-Type: multipart/alternative; boundary="b1"', '',
        '--b1', 'Content-Type: text/plain; charset=utf-8', '', 'Cập nhật tại https://mail.laichau.gov.vn/', '',
        '--b1', 'Content-Type: text/html; charset=utf-8', '',
        '<p><a href="https://evil.weebly.com/">https://mail.laichau.gov.vn/</a></p><input type="password" name="pw">',
        '--b1--', '',
      ),
    );
    expect(message.text.trim().split(/\n+/)).toEqual(['https://mail.laichau.gov.vn/', 'Cập nhật tại https://mail.laichau.gov.vn/']);
    // the plain part's URL is how the HTML link's text was rendered, not another link
    expect(message.links).toEqual([{ href: 'https://evil.weebly.com/', text: 'https://mail.laichau.gov.vn/' }]);
    expect(message.formFields).toEqual([{ type: 'password', label: 'pw' }]);
  });

  it('keeps lure words that only the HTML part shows', async () => {
    const message = await parseRawMessage(
      eml(
        'From: a@example.org', 'To: b@laichau.gov.vn', 'Subject: alt', 'MIME-Version: 1.0',
        'Content-Type: multipart/alternative; boundary="b1"', '',
        '--b1', 'Content-Type: text/plain; charset=utf-8', '', 'Xin chào.', '',
        '--b1', 'Content-Type: text/html; charset=utf-8', '',
        '<p>Hộp thư của bạn đã vượt quá giới hạn. <a href="https://x.weebly.com/">Bấm vào đây</a></p>',
        '--b1--', '',
      ),
    );
    expect(message.text).toContain('Hộp thư của bạn đã vượt quá giới hạn.');
    expect(message.text).toContain('Xin chào.');
    expect(message.links).toEqual([{ href: 'https://x.weebly.com/', text: 'Bấm vào đây' }]);
  });

  it('derives the text from the HTML when there is no plain part', async () => {
    const message = await parseRawMessage(corpus('lures/html-only-password-form.eml'));
    expect(message.text).toContain('Hộp thư của bạn sẽ bị khóa sau 24 giờ do chưa xác minh.');
    expect(message.text).not.toMatch(/<|input\{|Xác minh<\/title>/);
    expect(message.links).toEqual([{ href: 'https://mail-soctrang-verify.netlify.app/login', text: '' }]);
    expect(message.formFields).toEqual([
      { type: 'email', label: 'tenban@soctrang.gov.vn' },
      { type: 'password', label: 'Mật khẩu' },
      { type: 'password', label: 'Xác nhận mật khẩu' },
    ]);
  });

  it('keeps the class names of a quoted-printable HTML body, and has none for a plain one', async () => {
    const html = await parseRawMessage(
      eml('From: a@example.org', 'Subject: qp', 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '',
        '<table class=3D"fly-sets"><tr class=3D"jararaca-tai=C3=A1 =', 'tongue-farm"><td>x</td></tr></table>', ''),
    );
    expect(html.classNames).toEqual(['fly-sets', 'jararaca-taiá', 'tongue-farm']);
    const plain = await parseRawMessage(eml('From: a@example.org', 'Subject: plain', 'Content-Type: text/plain', '', 'class="fly-sets"', ''));
    expect(plain.classNames).toBeUndefined();
  });

  it('decodes a base64 body', async () => {
    const message = await parseRawMessage(
      eml('From: a@example.org', 'Subject: b64', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '',
        'VMOqbjoKbeG6rXQga2jhuql1Ogo=', ''),
    );
    expect(message.text).toBe('Tên:\nmật khẩu:\n');
  });

  it('decodes a quoted-printable body, soft line breaks included', async () => {
    const message = await parseRawMessage(
      eml('From: a@example.org', 'Subject: qp', 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '',
        'H=E1=BB=99p th=C6=B0 c=E1=BB=A7a b=E1=BA=A1n =C4=91=C3=A3 v=C6=B0=E1=BB=A3t q=', 'u=C3=A1 h=E1=BA=A1n ng=E1=BA=A1ch', ''),
    );
    expect(message.text.trim()).toBe('Hộp thư của bạn đã vượt quá hạn ngạch');
  });

  it('decodes a windows-1258 body', async () => {
    const raw = new Uint8Array([
      ...new TextEncoder().encode('From: a@example.org\nSubject: cp1258\nContent-Type: text/plain; charset=windows-1258\n\n'),
      0x4d, 0xe2, 0xf2, 0x74, 0x20, 0x6b, 0x68, 0xe2, 0xd2, 0x75, 0x0a,
    ]);
    const message = await parseRawMessage(raw);
    expect(message.text.normalize('NFC').trim()).toBe('Mật khẩu');
  });

  it('finds the links of a plain-text body, without trailing punctuation', async () => {
    const message = await parseRawMessage(
      eml('From: a@example.org', 'Subject: plain', '', 'Bấm vào đây: https://upcorss.weebly.com/. Hoặc (www.example.vn/a?b=1), <http://x.example/y>', ''),
    );
    expect(message.links.map((l) => l.href)).toEqual(['https://upcorss.weebly.com/', 'www.example.vn/a?b=1', 'http://x.example/y']);
    expect(message.links[0]?.text).toBe('https://upcorss.weebly.com/');
  });
});

describe('parseRawMessage headers and addresses', () => {
  it('decodes RFC 2047 subjects and display names in UTF-8 (B and Q) and windows-1258', async () => {
    const message = await parseRawMessage(
      eml(
        'From: =?UTF-8?Q?Ng=C6=B0=E1=BB=9Di_qu=E1=BA=A3n_tr=E1=BB=8B_H=E1=BB=87_th=E1=BB=91ng?= <HCSN_STC@BacGiang.gov.vn>',
        'To: =?windows-1258?Q?M=E2=F2t_kh=E2=D2u?= <canbo@laichau.gov.vn>',
        'Subject: =?UTF-8?B?WMOhYyBuaOG6rW4gbeG6rXQga2jhuql1?=',
        '',
        'x',
      ),
    );
    expect(message.subject).toBe('Xác nhận mật khẩu');
    expect(message.from).toEqual({ name: 'Người quản trị Hệ thống', address: 'hcsn_stc@bacgiang.gov.vn' });
    expect(message.to[0]?.name.normalize('NFC')).toBe('Mật khẩu');
  });

  it('keeps the space between words of a subject folded over several encoded words', async () => {
    const message = await parseRawMessage(corpus('lures/html-only-password-form.eml'));
    expect(message.subject).toBe('Xác minh tài khoản thư điện tử công vụ');
    expect(message.from?.name).toBe('Quản trị viên Thư điện tử tỉnh Sóc Trăng');
  });

  it('decodes a Cyrillic display name', async () => {
    const message = await parseRawMessage(corpus('lures/laichau-dls-gov-ua-capnhat.eml'));
    expect(message.from).toEqual({ name: 'Держлікслужба у Хмельницькій області', address: 'dls.km@dls.gov.ua' });
  });

  it('flattens address groups, lower-cases addresses and reads Cc and several Reply-To', async () => {
    const message = await parseRawMessage(
      eml(
        'From: Postmaster',
        'To: undisclosed-recipients:;',
        'Cc: Phong: A <A.Nguyen@LaiChau.gov.vn>, b@laichau.gov.vn;, C@Example.ORG',
        'Reply-To: x@gmail.com, "Hỗ trợ" <Y@Yahoo.com>',
        'Subject: s',
        '',
        'x',
      ),
    );
    expect(message.from).toEqual({ name: 'Postmaster', address: '' });
    expect(message.to).toEqual([]);
    expect(message.cc.map((a) => a.address)).toEqual(['a.nguyen@laichau.gov.vn', 'b@laichau.gov.vn', 'c@example.org']);
    expect(message.replyTo).toEqual([
      { name: '', address: 'x@gmail.com' },
      { name: 'Hỗ trợ', address: 'y@yahoo.com' },
    ]);
  });

  it('reads the sender of a From whose name a stray comma split from its address', async () => {
    const message = await parseRawMessage(eml('From: Fedex entrega  ,<Renew@top1lithiumbattery.cfd>', 'To: a@laichau.gov.vn', 'Subject: s', '', 'x'));
    expect(message.from).toEqual({ name: 'Fedex entrega', address: 'renew@top1lithiumbattery.cfd' });
    const plain = await parseRawMessage(eml('From: "Nguyễn, Văn A" <a@laichau.gov.vn>', 'To: b@laichau.gov.vn', 'Subject: s', '', 'x'));
    expect(plain.from).toEqual({ name: 'Nguyễn, Văn A', address: 'a@laichau.gov.vn' });
  });

  it('takes Return-Path from the topmost header, lower-cased, and an empty one for a bounce', async () => {
    const twice = await parseRawMessage(
      eml('Return-Path: <Fem@FundacionHomi.org.co>', 'Return-Path: <other@example.org>', 'From: a@example.org', 'Subject: s', '', 'x'),
    );
    expect(twice.returnPath).toBe('fem@fundacionhomi.org.co');
    expect(twice.headers?.filter((h) => h.key === 'return-path')).toHaveLength(2);
    const bounce = await parseRawMessage(eml('Return-Path: <>', 'From: MAILER-DAEMON@example.org', 'Subject: s', '', 'x'));
    expect(bounce.returnPath).toBe('');
  });

  it('keeps repeated Received headers in order', async () => {
    const message = await parseRawMessage(corpus('lures/soctrang-postmaster-quota.eml'));
    const received = message.headers?.filter((h) => h.key === 'received') ?? [];
    expect(received).toHaveLength(2);
    expect(received[0]?.value).toContain('by mx.soctrang.gov.vn');
    expect(received[1]?.value).toContain('from mail.fundacionhomi.org.co');
    expect(message.headers?.[0]).toEqual({ key: 'return-path', value: '<fem@fundacionhomi.org.co>' });
  });

  it('skips the envelope line of an mbox export', async () => {
    const message = await parseRawMessage(eml('From MAILER-DAEMON Mon Nov 20 09:15:00 2023', 'From: a@example.org', 'Subject: mbox', '', 'x'));
    expect(message.subject).toBe('mbox');
    expect(message.from?.address).toBe('a@example.org');
  });

  it('skips the mbox envelope line without re-decoding an 8-bit legacy body', async () => {
    const raw = new Uint8Array([
      ...new TextEncoder().encode('From MAILER-DAEMON Mon Nov 20 09:15:00 2023\nFrom: a@example.org\nSubject: mbox\n'),
      ...new TextEncoder().encode('Content-Type: text/plain; charset=windows-1258\nContent-Transfer-Encoding: 8bit\n\n'),
      0x4d, 0xe2, 0xf2, 0x74, 0x20, 0x6b, 0x68, 0xe2, 0xd2, 0x75, 0x0a,
    ]);
    const message = await parseRawMessage(raw);
    expect(message.subject).toBe('mbox');
    expect(message.text.normalize('NFC').trim()).toBe('Mật khẩu');
  });
});

describe('parseRawMessage attachments', () => {
  it('lists a double-extension executable with its decoded size and never its content', async () => {
    const message = await parseRawMessage(corpus('lures/attachment-pdf-exe.eml'));
    expect(message.attachments).toHaveLength(1);
    const [attachment] = message.attachments;
    expect(attachment).toMatchObject({ filename: 'ThongBao.pdf.exe', contentType: 'application/octet-stream' });
    expect(attachment?.size).toBe(363);
    expect(Object.keys(attachment ?? {}).sort()).toEqual(['contentType', 'filename', 'size']);
    expect(JSON.stringify(message)).not.toContain('This program cannot be run');
  });

  it('keeps an HTML attachment out of the body', async () => {
    const message = await parseRawMessage(corpus('lures/attachment-html-login.eml'));
    expect(message.attachments).toEqual([{ filename: 'HopThu_XacMinh.html', contentType: 'text/html', size: 416 }]);
    expect(message.formFields).toEqual([]);
    expect(message.text).not.toContain('Đăng nhập Webmail');
  });

  it('decodes an RFC 2231 file name', async () => {
    const message = await parseRawMessage(
      eml(
        'From: a@example.org', 'Subject: s', 'Content-Type: multipart/mixed; boundary=m', '',
        '--m', 'Content-Type: text/plain', '', 'xem tệp', '--m',
        "Content-Type: application/octet-stream; name*=utf-8''Th%C3%B4ng%20b%C3%A1o.doc.scr",
        "Content-Disposition: attachment; filename*=utf-8''Th%C3%B4ng%20b%C3%A1o.doc.scr",
        'Content-Transfer-Encoding: base64', '', 'TVqQAA==', '--m--', '',
      ),
    );
    expect(message.attachments).toEqual([{ filename: 'Thông báo.doc.scr', contentType: 'application/octet-stream', size: 4 }]);
  });
});

describe('parseRawMessage on malformed MIME', () => {
  it('recovers the parts of a multipart message whose boundary parameter is missing', async () => {
    const message = await parseRawMessage(
      eml('From: a@example.org', 'Subject: =?windows-1258?Q?Th=F4ng_b=E1o?=', 'Content-Type: multipart/mixed', '',
        '--XYZ', 'Content-Type: text/html; charset=utf-8', '', '<a href="https://evil.glitch.me/">Bấm vào đây</a>', '--XYZ--', ''),
    );
    expect(message.subject).toBe('Thông báo');
    expect(message.links).toEqual([{ href: 'https://evil.glitch.me/', text: 'Bấm vào đây' }]);
    expect(message.text).toBe('Bấm vào đây');
  });

  it('recovers the parts of a boundary-less message from bytes, keeping a legacy charset intact', async () => {
    const raw = new Uint8Array([
      ...new TextEncoder().encode('From: a@example.org\r\nSubject: s\r\nContent-Type: multipart/mixed\r\n\r\n--q\r\n'),
      ...new TextEncoder().encode('Content-Type: text/plain; charset=windows-1258\r\nContent-Transfer-Encoding: 8bit\r\n\r\n'),
      0x4d, 0xe2, 0xf2, 0x74, 0x20, 0x6b, 0x68, 0xe2, 0xd2, 0x75, 0x0d, 0x0a,
      ...new TextEncoder().encode('--q--\r\n'),
    ]);
    const message = await parseRawMessage(raw);
    expect(message.text.normalize('NFC').trim()).toBe('Mật khẩu');
  });

  it('recovers the parts when the declared boundary never occurs', async () => {
    const message = await parseRawMessage(
      eml('From: a@example.org', 'Subject: s', 'Content-Type: multipart/alternative; boundary="declared"', '',
        '--actual', 'Content-Type: text/plain; charset=utf-8', '', 'mật khẩu của bạn', '--actual--', ''),
    );
    expect(message.text.trim()).toBe('mật khẩu của bạn');
  });

  it('reads the body as text when a multipart message has no part at all', async () => {
    const message = await parseRawMessage(eml('From: a@example.org', 'Subject: s', 'Content-Type: multipart/mixed', '', 'gửi mật khẩu tới https://x.web.app/'));
    expect(message.text).toBe('gửi mật khẩu tới https://x.web.app/');
    expect(message.links).toEqual([{ href: 'https://x.web.app/', text: 'https://x.web.app/' }]);
  });

  it('keeps what a truncated message holds', async () => {
    const message = await parseRawMessage(
      eml('From: a@example.org', 'Subject: cut', 'Content-Type: multipart/mixed; boundary=X', '',
        '--X', 'Content-Type: text/plain; charset=utf-8', '', 'Xác minh tài khoản', '--X',
        'Content-Type: application/pdf; name="ThongBao.pdf"', 'Content-Transfer-Encoding: base64', '', 'JVBERi0x'),
    );
    expect(message.text.trim()).toBe('Xác minh tài khoản');
    expect(message.attachments).toEqual([{ filename: 'ThongBao.pdf', contentType: 'application/pdf', size: 6 }]);
  });

  it('parses a message with headers only', async () => {
    const message = await parseRawMessage('From: a@example.org\nSubject: only headers');
    expect(message.subject).toBe('only headers');
    expect(message.text).toBe('');
  });
});

describe('parseRawMessage refuses what is not a mail', () => {
  const notMail: [string, string | Uint8Array][] = [
    ['an empty file', ''],
    ['blank lines', ' \r\n\n\t\n'],
    ['empty bytes', new Uint8Array()],
    ['binary garbage', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0xff, 0xfe, 0x0a, 0x00, 0x13])],
    ['a plain text file', 'Xin chào\nđây không phải là thư'],
    ['a PDF', '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'],
    ['an HTML page', '<html><body>Bấm vào đây</body></html>'],
  ];
  it.each(notMail)('throws a MailParseError for %s', async (_, raw) => {
    const attempt = parseRawMessage(raw);
    await expect(attempt).rejects.toBeInstanceOf(MailParseError);
    await expect(attempt).rejects.toThrow(/not an e-mail message/);
  });

  it('throws for the broken files of the corpus', async () => {
    for (const name of readdirSync(join(root, 'tests/corpus/broken'))) {
      await expect(parseRawMessage(corpus(`broken/${name}`)), name).rejects.toBeInstanceOf(MailParseError);
    }
  });
});

describe('parseRawMessage on the corpus', () => {
  const files = ['lures', 'benign'].flatMap((dir) =>
    readdirSync(join(root, 'tests/corpus', dir)).map((name) => `${dir}/${name}`),
  );

  it.each(files)('%s has a sender, a recipient, a date and a body', async (file) => {
    const message = await parseRawMessage(corpus(file));
    expect(message.from?.address).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    expect(message.to[0]?.address).toMatch(/@[a-z.]+\.gov\.vn$/);
    expect(message.headers?.some((h) => h.key === 'date')).toBe(true);
    expect(message.headers?.some((h) => h.key === 'message-id')).toBe(true);
    expect(message.text.length).toBeGreaterThan(20);
  });

  it('leaves zero-width characters and homoglyphs for the scorer to fold', async () => {
    const zeroWidth = await parseRawMessage(corpus('lures/quota-zero-width.eml'));
    expect(zeroWidth.text).toContain('Hộp th\u200bư');
    expect(zeroWidth.links[0]).toEqual({ href: 'https://hopthu-laichau.glitch.me/', text: 'B\u200bấm vào đây để c\u200cập nhật' });
    const homoglyph = await parseRawMessage(corpus('lures/quota-homoglyph-cyrillic.eml'));
    expect(homoglyph.subject).toBe('Hộp thư củ\u0430 bạn đã vượt quá hạn ngạch');
  });

  it('extracts the link whose text names another host', async () => {
    const message = await parseRawMessage(corpus('lures/thainguyen-bophantrogiup-baotri.eml'));
    expect(message.links).toEqual([
      { href: 'https://baotri-hethong-mail.000webhostapp.com/login.php', text: 'https://mail.thainguyen.gov.vn/baotri' },
    ]);
  });
});

describe('linksInPlainText', () => {
  it('stops at the link limit', () => {
    expect(linksInPlainText('https://a.example/ '.repeat(6_000))).toHaveLength(5_000);
  });

  it('stays fast on a huge "URL" made of punctuation runs', () => {
    const url = `https://x.example/${'.'.repeat(200_000)}a`;
    const started = performance.now();
    expect(linksInPlainText(`${url}${'.'.repeat(200_000)}`)).toEqual([{ href: url, text: url }]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
