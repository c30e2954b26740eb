// @vitest-environment happy-dom
/**
 * Roundcube's compose, opened by the report button, on pages saved from the real Roundcube of
 * the end-to-end lab (tests/lab/capture-roundcube-fixtures.ts), and its page settings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { disposeRoundcubeMessage, roundcubeCompose, roundcubeComposeReady, roundcubeEnv, roundcubeSendAnswer, roundcubeUser } from '../../lib/webmail/roundcube-compose';
import { roundcubeAdapter } from '../../lib/webmail/roundcube';

const fixtures = join(import.meta.dirname, '../fixtures/roundcube');
const base = 'http://mail.soctrang.gov.vn';

function loadPage(file: string, url: string): Document {
  const html = readFileSync(join(fixtures, file), 'utf8').replace(/<link\b[^>]*>/gi, '');
  const doc = new DOMParser().parseFromString(html, 'text/html');
  Object.defineProperty(doc, 'location', { value: new URL(url) });
  return doc;
}

describe.each(['elastic', 'larry'])('Roundcube %s', (skin) => {
  const composeUrl = `${base}/?_task=mail&_action=compose&_id=1621458626b04422bec1a9`;

  it('states the user and the request token on every page', () => {
    const preview = loadPage(`${skin}-preview-lure.html`, `${base}/?_task=mail&_uid=1&_mbox=INBOX&_framed=1&_action=preview`);
    expect(roundcubeUser(preview)).toBe('canbo@soctrang.gov.vn');
    expect(roundcubeAdapter.account?.(preview)).toBe('canbo@soctrang.gov.vn');
    expect(roundcubeEnv(preview).request_token).toMatch(/^\w{20,}$/);
  });

  it('finds the compose a report opens: To, the forwarded original, a body to fill', () => {
    const doc = loadPage(`${skin}-compose-report.html`, composeUrl);
    const compose = roundcubeCompose(doc)!;
    expect(compose).not.toBeNull();
    expect(compose.recipients()).toEqual(['tvthe@soctrang.gov.vn']);
    expect(compose.attachments()).toEqual([expect.stringMatching(/^Đã vượt quá hạn ngạch\.eml/)]);
    const body = doc.getElementById('composebody') as HTMLTextAreaElement;
    body.value = '-- \nChữ ký';
    compose.fillBody('Báo cáo <b>không phải HTML</b>');
    expect(body.value).toBe('Báo cáo <b>không phải HTML</b>\n\n-- \nChữ ký');
  });

  it('presses the Send button Roundcube itself offers', () => {
    const doc = loadPage(`${skin}-compose-report.html`, composeUrl);
    const clicked: string[] = [];
    doc.addEventListener('click', (event) => clicked.push((event.target as Element).outerHTML), true);
    roundcubeCompose(doc)!.send();
    expect(clicked).toHaveLength(1);
    expect(clicked[0]).toContain("command('send',");
  });

  it("waits for Roundcube's own script to set the compose up before it counts as ready", async () => {
    vi.useFakeTimers();
    try {
      const doc = loadPage(`${skin}-compose-report.html`, composeUrl);
      // the page as it stands before rcmail.init(): the drop area not wired yet
      const dropArea = doc.getElementById('compose-attachments')!;
      dropArea.classList.remove('droptarget');
      let ready: boolean | undefined;
      void roundcubeCompose(doc)!.ready(5_000).then((value) => (ready = value));
      await vi.advanceTimersByTimeAsync(1_000);
      expect(ready).toBeUndefined();
      dropArea.classList.add('droptarget');
      await vi.advanceTimersByTimeAsync(100);
      expect(ready).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('gives up waiting after its time, and says it was not seen ready', async () => {
    vi.useFakeTimers();
    try {
      const doc = loadPage(`${skin}-compose-report.html`, composeUrl);
      doc.getElementById('compose-attachments')!.classList.remove('droptarget');
      let ready: boolean | undefined;
      void roundcubeCompose(doc)!.ready(5_000).then((value) => (ready = value));
      await vi.advanceTimersByTimeAsync(4_900);
      expect(ready).toBeUndefined();
      await vi.advanceTimersByTimeAsync(200);
      expect(ready).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('waits for TinyMCE too in an HTML compose', () => {
    const doc = loadPage(`${skin}-compose-report.html`, composeUrl);
    doc.querySelector<HTMLInputElement>('input[name="_is_html"]')!.value = '1';
    expect(roundcubeComposeReady(doc)).toBe(false);
    // TinyMCE's frame, first loading, then with its editable body
    const frame = doc.createElement('iframe');
    frame.id = 'composebody_ifr';
    const editor = new DOMParser().parseFromString('<body></body>', 'text/html');
    Object.defineProperty(frame, 'contentDocument', { value: editor });
    doc.body.append(frame);
    expect(roundcubeComposeReady(doc)).toBe(false);
    editor.body.setAttribute('contenteditable', 'true');
    expect(roundcubeComposeReady(doc)).toBe(true);
  });

  it('is no compose on a message page', () => {
    expect(roundcubeCompose(loadPage(`${skin}-show-lure.html`, `${base}/?_task=mail&_uid=1&_mbox=INBOX&_action=show`))).toBeNull();
  });
});

describe('Roundcube answers to a Send', () => {
  // what program/include/rcmail_output_html.php writes into the hidden frame (the frame plumbing
  // itself is exercised in tests/e2e/report.test.ts against the real Roundcube)
  const prefix = 'if (window.parent && parent.rcmail) parent.rcmail.';
  it('hears "sent" and "refused", and takes a saved draft for no answer', () => {
    expect(roundcubeSendAnswer(`${prefix}sent_successfully("confirmation","Đã gửi thư.",["Sent"],false);`)).toBe(true);
    expect(roundcubeSendAnswer(`${prefix}display_message("SMTP Error (550)","error",0);`)).toBe(false);
    expect(roundcubeSendAnswer('')).toBe(false);
    expect(roundcubeSendAnswer(`${prefix}set_draft_id("12");\n${prefix}compose_field_hash(true);`)).toBeUndefined();
  });
});

describe('disposing of the reported original', () => {
  afterEach(() => vi.unstubAllGlobals());
  const doc = loadPage('elastic-preview-lure.html', `${base}/?_task=mail&_uid=1&_mbox=INBOX&_framed=1&_action=preview`);
  const token = roundcubeEnv(doc).request_token as string;

  it('moves it to Junk with the request Roundcube makes itself', async () => {
    const fetch = vi.fn(async () => new Response('{"action":"move","exec":"this.display_message(\\"Moved\\",\\"confirmation\\");"}'));
    vi.stubGlobal('fetch', fetch);
    await disposeRoundcubeMessage(doc, { id: '1', folder: 'INBOX' }, 'junk');
    const [url, init] = fetch.mock.calls[0] as unknown as [URL, RequestInit];
    expect(url.toString()).toBe(`${base}/?_task=mail&_action=move`);
    expect(init.method).toBe('POST');
    expect((init.headers as Record<string, string>)['X-Roundcube-Request']).toBe(token);
    expect(Object.fromEntries(new URLSearchParams(init.body as string))).toEqual({ _uid: '1', _mbox: 'INBOX', _remote: '1', _target_mbox: 'Junk' });
  });

  it('deletes it, and says so when Roundcube refuses', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{"exec":"this.display_message(\\"Lỗi\\",\\"error\\");"}')));
    await expect(disposeRoundcubeMessage(doc, { id: '1', folder: 'INBOX' }, 'delete')).rejects.toThrow(/refused to delete/);
    await expect(disposeRoundcubeMessage(doc, { id: '1.2', folder: 'INBOX' }, 'delete')).rejects.toThrow(/attached message/);
  });
});
