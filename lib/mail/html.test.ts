import { describe, expect, it } from 'vitest';
import { htmlLimits, htmlToContent } from './html';

describe('htmlToContent text', () => {
  it('decodes named and numeric entities, nbsp included', () => {
    const { text } = htmlToContent('<p>T&ecirc;n &amp; m&#7853;t&nbsp;kh&#x1EA9;u &lt;b&gt;</p>');
    expect(text).toBe('Tên & mật khẩu <b>');
  });

  it('joins words that inline tags split and keeps the spaces that are really there', () => {
    const { text } = htmlToContent('<p>M<b>ật</b> kh<span style="color:red">ẩu</span> <i>của</i><u> bạn</u></p>');
    expect(text).toBe('Mật khẩu của bạn');
  });

  it('breaks lines at block tags and <br>, never more than one blank line', () => {
    const { text } = htmlToContent('<div>Tên:</div><div>Mật khẩu:</div>xin<br>cảm<br><br><br><br>ơn<p></p><p></p><p>hết</p>');
    expect(text).toBe('Tên:\nMật khẩu:\nxin\ncảm\n\nơn\nhết');
  });

  it('keeps table cells apart on one row', () => {
    const { text } = htmlToContent('<table><tr><td>Tên người dùng:</td><td>____</td></tr><tr><th>mật khẩu:</th><td>____</td></tr></table>');
    expect(text).toBe('Tên người dùng: ____\nmật khẩu: ____');
  });

  it('collapses runs of whitespace and newlines of the source', () => {
    const { text } = htmlToContent('<p>  Hộp   thư\n\n  của\tbạn  </p>');
    expect(text).toBe('Hộp thư của bạn');
  });

  it('drops script, style, head and title contents', () => {
    const { text } = htmlToContent(
      '<html><head><title>Tiêu đề ẩn</title><style>p{color:red}</style></head><body><script>var matkhau = 1;</script><p>Nội dung</p></body></html>',
    );
    expect(text).toBe('Nội dung');
  });

  it('does not lose the body behind an unclosed <head>', () => {
    const { text } = htmlToContent('<html><head><meta charset="utf-8"><body><p>Bấm vào đây</p></body></html>');
    expect(text).toBe('Bấm vào đây');
  });

  it('keeps line breaks inside <pre>', () => {
    expect(htmlToContent('<pre>Tên:\nMật khẩu:</pre>').text).toBe('Tên:\nMật khẩu:');
  });

  it('returns empty results for an empty body', () => {
    expect(htmlToContent('')).toEqual({ text: '', links: [], formFields: [], classNames: [] });
  });
});

describe('htmlToContent links', () => {
  it('takes every <a href> with its collapsed visible text, in order', () => {
    const { links } = htmlToContent(
      '<p><a href="https://upcorss.weebly.com/"> Bấm <b>vào</b>\n đây </a> và <a href="mailto:hotro@laichau.gov.vn">hotro@laichau.gov.vn</a></p>',
    );
    expect(links).toEqual([
      { href: 'https://upcorss.weebly.com/', text: 'Bấm vào đây' },
      { href: 'mailto:hotro@laichau.gov.vn', text: 'hotro@laichau.gov.vn' },
    ]);
  });

  it('decodes entities in the href, and ignores anchors without one', () => {
    const { links } = htmlToContent('<a name="top">x</a><a href="https://a.example/?u=1&amp;p=2">y</a>');
    expect(links).toEqual([{ href: 'https://a.example/?u=1&p=2', text: 'y' }]);
  });

  it('reads an image button through its alt text', () => {
    const { links } = htmlToContent('<a href="https://x.web.app/"><img src="btn.png" alt="Cập nhật ngay"></a>');
    expect(links).toEqual([{ href: 'https://x.web.app/', text: 'Cập nhật ngay' }]);
  });

  it('takes <area href> with its alt and <form action> with empty text', () => {
    const { links } = htmlToContent(
      '<map><area href="https://a.example/map" alt="Bản đồ"></map><form action="https://evil.netlify.app/login" method="post"></form><form></form>',
    );
    expect(links).toEqual([
      { href: 'https://a.example/map', text: 'Bản đồ' },
      { href: 'https://evil.netlify.app/login', text: '' },
    ]);
  });

  it('closes an anchor when another one opens, as a browser does', () => {
    const { links } = htmlToContent('<a href="https://one.example/">một<a href="https://two.example/">hai</a>');
    expect(links).toEqual([
      { href: 'https://one.example/', text: 'một' },
      { href: 'https://two.example/', text: 'hai' },
    ]);
  });
});

describe('htmlToContent form fields', () => {
  it('keeps the controls that ask for something, with their lower-cased type', () => {
    const { formFields } = htmlToContent(
      '<form><input name="user"><input type="PASSWORD" name="pw"><input type="hidden" name="t"><input type="submit" value="OK">' +
        '<input type="button" value="x"><select name="donvi"><option>Sở TT&amp;TT</option></select><textarea name="ghichu"></textarea></form>',
    );
    expect(formFields).toEqual([
      { type: 'text', label: 'user' },
      { type: 'password', label: 'pw' },
      { type: 'select', label: 'donvi' },
      { type: 'textarea', label: 'ghichu' },
    ]);
  });

  it('prefers the words a person reads over machine names', () => {
    const { formFields } = htmlToContent(
      '<input type="password" name="p1" id="p1" placeholder="Mật khẩu">' +
        '<input type="password" name="p2" aria-label="Xác nhận mật khẩu" placeholder="***">' +
        '<input type="text" id="only-id">' +
        '<input type="text">',
    );
    expect(formFields.map((f) => f.label)).toEqual(['Mật khẩu', 'Xác nhận mật khẩu', 'only-id', '']);
  });

  it('uses <label for> and a wrapping <label> when the control itself only has a name', () => {
    const { formFields } = htmlToContent(
      '<label for="u">Tên người dùng</label><input id="u" name="username">' +
        '<label>Mật khẩu <input type="password" name="pw"></label>' +
        '<label for="e">Email</label><input id="e" placeholder="ten@soctrang.gov.vn">',
    );
    expect(formFields).toEqual([
      { type: 'text', label: 'Tên người dùng' },
      { type: 'password', label: 'Mật khẩu' },
      { type: 'text', label: 'ten@soctrang.gov.vn' },
    ]);
  });
});

describe('htmlToContent class names', () => {
  it('keeps every class name of every element in order, head and hidden elements included', () => {
    const html = '<html class="fly-sets"><head class="subject-asleep"><style class="x">p{}</style></head><body class=" a  b\tc "><table class="fair-rocky"><tr class="tongue-farm"><td>Hi</td></tr></table></body></html>';
    expect(htmlToContent(html).classNames).toEqual(['fly-sets', 'subject-asleep', 'x', 'a', 'b', 'c', 'fair-rocky', 'tongue-farm']);
  });

  it('decodes entities in a class name', () => {
    expect(htmlToContent('<td class="jararaca-tai&aacute;">x</td>').classNames).toEqual(['jararaca-taiá']);
  });
});

describe('htmlToContent bounds', () => {
  it(`stops collecting class names at ${htmlLimits.maxClassNames}`, () => {
    const html = '<span class="a b">x</span>'.repeat(htmlLimits.maxClassNames);
    expect(htmlToContent(html).classNames).toHaveLength(htmlLimits.maxClassNames);
  });

  it(`stops collecting links at ${htmlLimits.maxLinks}`, () => {
    const html = '<a href="https://x.example/">x</a>'.repeat(htmlLimits.maxLinks + 100);
    const { links, text } = htmlToContent(html);
    expect(links).toHaveLength(htmlLimits.maxLinks);
    expect(text.length).toBe(htmlLimits.maxLinks + 100);
  });

  it('caps the text and the text of one link', () => {
    const word = 'hộpthư ';
    const html = `<a href="https://x.example/">${word.repeat(1000)}</a><p>${word.repeat(Math.ceil(htmlLimits.maxTextChars / word.length) + 10)}</p>`;
    const { text, links } = htmlToContent(html);
    expect(text.length).toBe(htmlLimits.maxTextChars);
    expect(links[0]?.text.length).toBeLessThanOrEqual(htmlLimits.maxLinkTextChars);
  });

  it('stays linear on hostile nesting, stray closing tags and unfinished markup', () => {
    // Quadratic handling of 200 000 nested elements takes minutes; linear takes well under a second.
    const hostile =
      '<div><b><a href="x">'.repeat(200_000) + '</span>'.repeat(100_000) + '<'.repeat(200_000) + '&'.repeat(200_000);
    const started = performance.now();
    const { links } = htmlToContent(hostile);
    expect(links).toHaveLength(htmlLimits.maxLinks);
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});
