/**
 * Roundcube's own ways, used by a report: the client's settings as the page states them
 * (`rcmail.set_env({...})` in an inline script — the content script cannot read page variables,
 * but it can read the page's text), the compose page that `reportUrl` opens, the answer to its
 * Send, and the AJAX move/delete of the original. Read from Roundcube 1.6 (program/js/app.js,
 * program/include/rcmail_output_html.php, program/actions/mail/{send,move,delete}.php).
 */
import type { DisposeAction, MessageRef, ReportCompose } from './types';

export type RoundcubeEnv = Record<string, unknown>;

/**
 * The object literal passed to the first `.set_env(` of the document's inline scripts. Roundcube
 * writes it with json_encode, so it is JSON; the end is found by walking it, strings included.
 */
export function roundcubeEnv(doc: Document): RoundcubeEnv {
  for (const script of doc.querySelectorAll('script:not([src])')) {
    const text = script.textContent ?? '';
    const call = text.indexOf('.set_env(');
    if (call < 0) continue;
    const start = text.indexOf('{', call);
    const end = start < 0 ? -1 : endOfObject(text, start);
    if (end < 0) continue;
    try {
      const env: unknown = JSON.parse(text.slice(start, end + 1));
      if (typeof env === 'object' && env !== null && !Array.isArray(env)) return env as RoundcubeEnv;
    } catch {
      // not JSON after all: look further
    }
  }
  return {};
}

function endOfObject(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

function envString(env: RoundcubeEnv, key: string): string | undefined {
  const value = env[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The logged-in user (`canbo@laichau.gov.vn`), as Roundcube states it on every page. */
export function roundcubeUser(doc: Document): string | undefined {
  return envString(roundcubeEnv(doc), 'username')?.toLowerCase();
}

const addressPattern = /[^\s<>,;"']+@[^\s<>,;"']+/g;

/**
 * The compose page, when this document is one. Roundcube answers a Send by posting the form into a
 * hidden frame (`savetarget`) whose page calls `parent.rcmail.sent_successfully(…)` on success, and
 * removes the frame as soon as it loads — so the frame is read in the capture phase of its `load`,
 * before Roundcube's own listener runs. A draft saved meanwhile is no answer.
 */
export function roundcubeCompose(doc: Document): ReportCompose | null {
  const query = new URLSearchParams(doc.location?.search ?? '');
  const textarea = doc.getElementById('composebody') as HTMLTextAreaElement | null;
  if (query.get('_action') !== 'compose' || textarea?.tagName !== 'TEXTAREA') return null;
  return {
    ready(timeoutMs = composeReadyTimeoutMs) {
      return whenTrue(() => roundcubeComposeReady(doc), timeoutMs);
    },
    recipients() {
      const to = doc.getElementById('_to') as HTMLTextAreaElement | HTMLInputElement | null;
      return [...(to?.value ?? '').matchAll(addressPattern)].map((m) => m[0].toLowerCase());
    },
    attachments() {
      return [...doc.querySelectorAll('#attachment-list > li')]
        .map((item) => (item.querySelector('.attachment-name, a.filename') ?? item).textContent?.trim() ?? '')
        .filter(Boolean);
    },
    fillBody(text) {
      const editor = doc.querySelector<HTMLIFrameElement>('#composebody_ifr')?.contentDocument?.body;
      if (editor && textarea.offsetParent === null) {
        // TinyMCE (HTML editor): paragraphs built as DOM text, never as markup
        const lines = text.split('\n').map((line) => {
          const paragraph = editor.ownerDocument.createElement('p');
          paragraph.textContent = line || '\u00a0';
          return paragraph;
        });
        editor.prepend(...lines);
        return;
      }
      textarea.value = textarea.value.trim() ? `${text}\n\n${textarea.value}` : `${text}\n`;
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
      textarea.dispatchEvent(new Event('change', { bubbles: true }));
    },
    send() {
      const button = doc.querySelector<HTMLElement>('[onclick*="command(\'send\'"]:not(.disabled), button.send, a.button.send');
      if (!button) throw new Error('Roundcube compose has no Send button');
      button.click();
    },
    onSendAnswer(onAnswer) {
      const listener = (event: Event) => {
        const frame = event.target as HTMLIFrameElement | null;
        if (frame?.tagName !== 'IFRAME' || frame.name !== 'savetarget') return;
        const scripts = [...(frame.contentDocument?.querySelectorAll('script') ?? [])].map((script) => script.textContent ?? '');
        const sent = roundcubeSendAnswer(scripts.join('\n'));
        if (sent !== undefined) onAnswer(sent);
      };
      doc.addEventListener('load', listener, true);
      return () => doc.removeEventListener('load', listener, true);
    },
  };
}

/** How long a report waits for Roundcube to set its compose up before it tries anyway. */
export const composeReadyTimeoutMs = 15_000;

/**
 * Whether Roundcube has set the compose up. `rcmail.init()` runs from jQuery's ready, a task of
 * its own that may come after our `document_idle`; until it has run, the Send command is not
 * enabled (a click does nothing) and `init_messageform` is still to reset the body to its default
 * value (what we wrote is lost). Its last step on the compose marks the file drop area
 * (`#compose-attachments`, in Elastic and Larry alike) `droptarget`; in an HTML compose, TinyMCE
 * comes after that and is ready when its frame's body is editable. A skin without that area is
 * taken as ready once the page has loaded.
 */
export function roundcubeComposeReady(doc: Document): boolean {
  const dropArea = doc.getElementById('compose-attachments');
  const initialised = dropArea ? dropArea.classList.contains('droptarget') : doc.readyState === 'complete';
  if (!initialised) return false;
  const html = doc.querySelector<HTMLInputElement>('input[name="_is_html"]')?.value === '1';
  if (!html) return true;
  const editor = doc.querySelector<HTMLIFrameElement>('#composebody_ifr')?.contentDocument?.body;
  return editor?.isContentEditable === true || editor?.getAttribute('contenteditable') === 'true';
}

/**
 * Resolves true as soon as `test()` holds, false after `timeoutMs`. Checked every 100 ms: what it
 * waits for may change inside TinyMCE's frame, where no observer of this document sees it.
 */
function whenTrue(test: () => boolean, timeoutMs: number): Promise<boolean> {
  if (test()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const check = () => {
      if (test()) done(true);
    };
    const poll = setInterval(check, 100);
    const timer = setTimeout(() => done(test()), timeoutMs);
    function done(ready: boolean): void {
      clearInterval(poll);
      clearTimeout(timer);
      resolve(ready);
    }
  });
}

/**
 * What the page Roundcube loads into `savetarget` says of a Send: true (sent), false (refused),
 * or undefined when it answered something else (a draft saved meanwhile: `set_draft_id`).
 */
export function roundcubeSendAnswer(scripts: string): boolean | undefined {
  if (scripts.includes('.sent_successfully(')) return true;
  if (scripts.includes('.set_draft_id(') || scripts.includes('.auto_save_start(')) return undefined;
  return false;
}

/**
 * Moves the original to Junk, or deletes it (Roundcube moves it to Trash unless configured
 * otherwise), with the same AJAX request Roundcube's own buttons make: a POST carrying the
 * page's request token in `X-Roundcube-Request`.
 */
export async function disposeRoundcubeMessage(doc: Document, ref: MessageRef, action: DisposeAction): Promise<void> {
  if (ref.id.includes('.')) throw new Error('an attached message has no place of its own to move');
  const env = roundcubeEnv(doc);
  const token = envString(env, 'request_token');
  if (!token) throw new Error('no Roundcube request token on this page');
  const url = new URL(doc.location.href);
  url.search = new URLSearchParams({ _task: 'mail', _action: action === 'junk' ? 'move' : 'delete' }).toString();
  url.hash = '';
  const form = new URLSearchParams({ _uid: ref.id, _mbox: ref.folder ?? 'INBOX', _remote: '1' });
  if (action === 'junk') form.set('_target_mbox', envString(env, 'junk_mailbox') ?? 'Junk');
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'X-Roundcube-Request': token, 'Content-Type': 'application/x-www-form-urlencoded; charset=UTF-8' },
    body: form.toString(),
  });
  const answer = (await response.text().catch(() => '')) || '';
  if (!response.ok || /display_message\([^)]*\\?"error\\?"/.test(answer)) {
    throw new Error(`Roundcube refused to ${action === 'junk' ? 'move' : 'delete'} the message (HTTP ${response.status})`);
  }
}
