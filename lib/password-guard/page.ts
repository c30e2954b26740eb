/**
 * What the password guard's content script reads of a page: the webmail's login field, whether a
 * webmail page is past its login, and whether a foreign page imitates the login. Small DOM
 * questions, tested on their own; nothing here keeps or sends what it reads.
 */
import type { WebmailClient } from './fingerprint';

/** The first field that a login selector finds; a selector the browser rejects is skipped. */
export function findLoginField(doc: Document, selectors: readonly string[]): HTMLInputElement | undefined {
  for (const selector of selectors) {
    let found: Element | null = null;
    try {
      found = doc.querySelector(selector);
    } catch {
      continue;
    }
    if (found && found.tagName === 'INPUT') return found as HTMLInputElement;
  }
  return undefined;
}

/** Which webmail client shows this login field. */
export function clientOf(doc: Document, field: Element): WebmailClient {
  if (field.id === 'rcmloginpwd' || doc.querySelector('script[src*="program/js/app."]')) return 'roundcube';
  const form = field.closest('form');
  if (form && (form.getAttribute('name') === 'loginForm' || form.id === 'zLoginForm')) return 'zimbra';
  return 'other';
}

/**
 * Whether this password field sits in Roundcube's or Zimbra's own login form, as their templates
 * render it: Roundcube's (`rcmail_action_login`) posts the hidden `_task=login` beside
 * `#rcmloginuser`, Zimbra's `login.jsp` the hidden `loginOp`. Asked only where the policy names no
 * webmail host and a `*.gov.vn` page offers itself as the webmail.
 */
export function isWebmailLogin(field: HTMLInputElement): boolean {
  const form = field.form;
  if (!form) return false;
  if (field.id === 'rcmloginpwd') return form.querySelector('input[name="_task"][value="login"]') !== null && form.querySelector('#rcmloginuser') !== null;
  if (form.getAttribute('name') === 'loginForm' || form.id === 'zLoginForm') return form.querySelector('input[name="loginOp"]') !== null;
  return false;
}

/** The webmail's address as the fingerprint keeps it: no query, no fragment (they may hold tokens). */
export function webmailUrlOf(location: Pick<Location, 'origin' | 'pathname'>): string {
  return location.origin + location.pathname;
}

/**
 * A webmail page past its login: no password field at all. A failed login comes back to the
 * login form; a settings page with password fields (the password plugin) is neither.
 */
export function looksLoggedIn(doc: Document): boolean {
  return doc.body !== null && doc.querySelector('input[type="password"]') === null;
}

/** Lower case, no diacritics (đ → d), letters and digits only: "Lai Châu" and "LAI CHAU" are "laichau". */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const textCap = 20_000;

/** The words a login page shows about itself: title, headings, the form around each password field, images' alt text. */
function loginPageText(doc: Document, fields: readonly HTMLInputElement[]): string {
  const parts = [doc.title];
  for (const heading of doc.querySelectorAll('h1, h2, h3, [role="heading"]')) parts.push(heading.textContent ?? '');
  for (const image of doc.querySelectorAll('img[alt], img[title]')) parts.push(`${image.getAttribute('alt') ?? ''} ${image.getAttribute('title') ?? ''}`);
  for (const field of fields) {
    // the form, or else the field's nearest sizeable block
    let block: Element | null = field.closest('form');
    if (!block) {
      block = field;
      for (let i = 0; i < 4 && block.parentElement && block.parentElement !== doc.body; i += 1) block = block.parentElement;
    }
    parts.push(block.textContent ?? '');
    parts.push(field.placeholder, field.getAttribute('aria-label') ?? '');
  }
  return parts.map((part) => part.slice(0, textCap)).join(' ');
}

/**
 * On a foreign host: the word (the province's name, "Roundcube", "Zimbra") that makes a page with a
 * password field look like the webmail's login, or undefined.
 */
export function lookalikeEvidence(doc: Document, words: readonly string[]): string | undefined {
  const fields = [...doc.querySelectorAll<HTMLInputElement>('input[type="password"]')];
  if (fields.length === 0) return undefined;
  const text = foldForMatch(loginPageText(doc, fields));
  return words.find((word) => {
    const folded = foldForMatch(word);
    return folded.length >= 2 && text.includes(folded);
  });
}
