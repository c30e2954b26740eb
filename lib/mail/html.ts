import { Tokenizer } from 'htmlparser2';
import { maxClassNames, type MailFormField, type MailLink } from './types';

/**
 * What a reader sees in an HTML body, extracted without a DOM: this runs in the extension's
 * service worker and in Node, where there is no `document`.
 */
export interface HtmlContent {
  text: string;
  links: MailLink[];
  formFields: MailFormField[];
  /** The class names of its elements, in order (a kit's random-word markup shows in them). */
  classNames: string[];
}

/**
 * A hostile mail can be made of millions of anchors or megabytes of text; past these limits
 * nothing more is collected (the parse still goes to the end, in one linear pass). A real
 * lure fits in a fraction of them, and a score does not change with the ten-thousandth link.
 */
export const htmlLimits = {
  /** Characters of body text (about 4 MB of ASCII). */
  maxTextChars: 4_000_000,
  maxLinks: 5_000,
  maxFormFields: 1_000,
  /** Characters of one link's visible text. */
  maxLinkTextChars: 2_000,
  maxClassNames,
} as const;

/** Their content is never shown to the reader, so it must not reach the scorer either. */
const invisibleTags = new Set(['script', 'style', 'head', 'title', 'template']);

/** Tags a browser lays out on their own line: text on either side must not run together. */
const blockTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div',
  'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5',
  'h6', 'header', 'hr', 'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary',
  'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul', 'option', 'select', 'textarea',
]);

/** Table cells sit side by side: "Mật khẩu:</td><td>" must read as two words, not one. */
const cellTags = new Set(['td', 'th']);

/** Controls that do not ask the reader for anything; `password`, `email`, `text`… are kept. */
const ignoredInputTypes = new Set(['hidden', 'submit', 'button', 'reset', 'image']);

const whitespace = /\s+/g;

/** Attributes of SVG and embedding elements that hold a URL (`values`, `to`, `from`: an animated href). */
const embeddedUrlAttributes = ['href', 'xlink:href', 'src', 'data', 'values', 'to', 'from'] as const;
/** A browser drops tabs and newlines inside a URL, so `dA\tta:image/s\tvg+xml` is a data: URL. */
const urlNoise = /[\t\n\r]/g;
const scriptSchemes = /^(?:javascript:|vbscript:|data:[^,;]{0,100}(?:html|svg|xml|script))/i;

/** The URL in `value` when it runs script or carries a document (javascript:, data:…html/svg), else undefined. */
function scriptCarrier(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const url = value.slice(0, 8192).replace(urlNoise, '').trim();
  return scriptSchemes.test(url) ? url : undefined;
}

function collapse(value: string): string {
  return value.replace(whitespace, ' ').trim();
}

/**
 * Builds the body text so that whitespace is collapsed as a browser would, while it is written:
 * a space is only emitted before the next word, and line breaks never pile up beyond one blank
 * line. No regular expression runs over the whole text afterwards.
 */
class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private pendingSpace = false;
  /** Line breaks just written (0 while inside a line). Starts high so the text has no leading break. */
  private breaks = 2;

  get full(): boolean {
    return this.length >= htmlLimits.maxTextChars;
  }

  word(value: string): void {
    if (value === '' || this.full) return;
    if (this.pendingSpace && this.breaks === 0) this.push(' ');
    this.pendingSpace = false;
    this.breaks = 0;
    this.push(value);
  }

  space(): void {
    this.pendingSpace = true;
  }

  /** `hard` is a `<br>`: it adds a break even right after another one (up to a blank line). */
  lineBreak(hard: boolean): void {
    this.pendingSpace = false;
    if (this.breaks >= 2 || (!hard && this.breaks >= 1)) return;
    this.breaks += 1;
    this.push('\n');
  }

  text(): string {
    return this.parts.join('').trimEnd();
  }

  private push(value: string): void {
    const room = htmlLimits.maxTextChars - this.length;
    const piece = value.length > room ? value.slice(0, room) : value;
    this.parts.push(piece);
    this.length += piece.length;
  }
}

/** Splits text on whitespace, writing words and collapsed spaces in order. */
function writeCollapsed(builder: TextBuilder, data: string, keepNewlines: boolean): void {
  let start = 0;
  for (let i = 0; i <= data.length; i++) {
    const ch = i < data.length ? data.charCodeAt(i) : 32;
    const isSpace = ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 12 || ch === 0xa0;
    if (!isSpace) continue;
    if (i > start) builder.word(data.slice(start, i));
    if (i < data.length) {
      if (keepNewlines && ch === 10) builder.lineBreak(true);
      else builder.space();
    }
    start = i + 1;
  }
}

interface OpenLink {
  link: MailLink;
  parts: string[];
  length: number;
}

interface PendingField {
  field: MailFormField;
  /** The label only came from `name`/`id`, so the text of a `<label>` says better. */
  weak: boolean;
  id: string;
}

/** The label a person would read for a control: its own words first, its machine names last. */
function fieldLabel(attribs: Record<string, string>): { label: string; weak: boolean } {
  for (const key of ['aria-label', 'placeholder', 'title']) {
    const value = collapse(attribs[key] ?? '');
    if (value) return { label: value, weak: false };
  }
  for (const key of ['name', 'id']) {
    const value = collapse(attribs[key] ?? '');
    if (value) return { label: value, weak: true };
  }
  return { label: '', weak: true };
}

interface TagEvents {
  open(name: string, attribs: Record<string, string>): void;
  text(data: string): void;
  close(name: string): void;
}

/**
 * Runs htmlparser2's tokenizer and reports tags and text, nothing more. htmlparser2's `Parser`
 * is not used on purpose: it keeps the open elements in an array it `unshift`s and searches on
 * every tag, which makes a mail of 100 000 nested `<b>` take seconds (quadratic). The tokenizer
 * is a linear state machine, entities and script/style raw text included; nothing here needs
 * the element tree.
 */
function tokenize(html: string, events: TagEvents): void {
  let tagName = '';
  // No prototype: an attribute named `constructor` or `__proto__` stays a plain string.
  const noAttribs = (): Record<string, string> => Object.create(null) as Record<string, string>;
  let attribs = noAttribs();
  let attribName = '';
  let attribValue = '';
  const slice = (start: number, end: number): string => html.slice(start, end);
  const openTag = (): void => {
    if (tagName) events.open(tagName, attribs);
    tagName = '';
    attribs = noAttribs();
  };
  const tokenizer = new Tokenizer(
    { xmlMode: false, decodeEntities: true },
    {
      onopentagname(start, end) {
        tagName = slice(start, end).toLowerCase();
        attribs = noAttribs();
      },
      onattribname(start, end) {
        attribName = slice(start, end).toLowerCase();
        attribValue = '';
      },
      onattribdata(start, end) {
        attribValue += slice(start, end);
      },
      onattribentity(codepoint) {
        attribValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        if (!Object.hasOwn(attribs, attribName)) attribs[attribName] = attribValue;
        attribValue = '';
      },
      onopentagend: openTag,
      // HTML ignores the slash of `<a/>`: it is an open tag like any other.
      onselfclosingtag: openTag,
      onclosetag(start, end) {
        events.close(slice(start, end).toLowerCase());
      },
      ontext(start, end) {
        events.text(slice(start, end));
      },
      ontextentity(codepoint) {
        events.text(String.fromCodePoint(codepoint));
      },
      oncdata() {},
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(html);
  tokenizer.end();
}

/**
 * Turns an HTML body into its readable text, its links and its form controls, in one pass.
 * Entities are decoded; inline tags join the text they split (`m<b>ật</b>` reads `mật`), block
 * tags break lines; script, style, head and title contents are dropped.
 */
export function htmlToContent(html: string): HtmlContent {
  const builder = new TextBuilder();
  const links: MailLink[] = [];
  const fields: PendingField[] = [];
  const labelTexts = new Map<string, string>();
  const classNames: string[] = [];

  let invisibleDepth = 0;
  let preDepth = 0;
  let openLink: OpenLink | undefined;
  let openLabel: { forId: string; parts: string[]; wrapped: PendingField[] } | undefined;

  const addLink = (href: string, text: string): MailLink | undefined => {
    if (links.length >= htmlLimits.maxLinks) return undefined;
    const link = { href: href.trim(), text };
    links.push(link);
    return link;
  };

  const appendLinkText = (data: string): void => {
    if (!openLink || openLink.length >= htmlLimits.maxLinkTextChars) return;
    openLink.parts.push(data);
    openLink.length += data.length;
  };

  const closeLink = (): void => {
    if (!openLink) return;
    openLink.link.text = collapse(openLink.parts.join('').slice(0, htmlLimits.maxLinkTextChars));
    openLink = undefined;
  };

  const addField = (type: string, attribs: Record<string, string>): void => {
    if (fields.length >= htmlLimits.maxFormFields) return;
    const { label, weak } = fieldLabel(attribs);
    const pending = { field: { type, label }, weak, id: (attribs.id ?? '').trim() };
    fields.push(pending);
    openLabel?.wrapped.push(pending);
  };

  tokenize(html, {
    open(name, attribs) {
      if (attribs.class && classNames.length < htmlLimits.maxClassNames) {
        for (const token of attribs.class.split(/[\t\n\f\r ]+/)) {
          if (classNames.length >= htmlLimits.maxClassNames) break;
          if (token) classNames.push(token);
        }
      }
      if (name === 'body') {
        // A <head> that is never closed must not swallow the whole body.
        invisibleDepth = 0;
        return;
      }
      if (invisibleTags.has(name)) {
        invisibleDepth += 1;
        return;
      }
      if (invisibleDepth > 0) return;

      if (blockTags.has(name)) builder.lineBreak(false);
      else if (cellTags.has(name)) builder.space();
      if (name === 'br') builder.lineBreak(true);
      if (name === 'pre') preDepth += 1;

      switch (name) {
        case 'a':
          // Anchors cannot nest; a second one closes the first, as in a browser.
          closeLink();
          // SVG links may still be written the SVG 1.1 way, `xlink:href`
          if ((attribs.href ?? attribs['xlink:href']) !== undefined) {
            const link = addLink(attribs.href ?? attribs['xlink:href'] ?? '', '');
            if (link) openLink = { link, parts: [], length: 0 };
          }
          break;
        case 'area':
          if (attribs.href !== undefined) addLink(attribs.href, collapse(attribs.alt ?? ''));
          break;
        case 'form':
          if (attribs.action) addLink(attribs.action, '');
          break;
        case 'use':
        case 'image':
        case 'feimage':
        case 'animate':
        case 'set':
        case 'iframe':
        case 'frame':
        case 'embed':
        case 'object':
          // Not links to a reader, but a URL the browser loads or writes into a link: only one that
          // carries script counts (Roundcube CVE-2023-5631: `<svg><use href="data:image/svg+xml;…">`).
          for (const name of embeddedUrlAttributes) {
            const url = scriptCarrier(attribs[name]);
            if (url) addLink(url, '');
          }
          break;
        case 'img':
          // An image button ("Bấm vào đây" drawn as a picture) speaks through its alt text.
          if (attribs.alt) appendLinkText(` ${attribs.alt} `);
          break;
        case 'input': {
          const type = (attribs.type ?? '').trim().toLowerCase() || 'text';
          if (!ignoredInputTypes.has(type)) addField(type, attribs);
          break;
        }
        case 'select':
        case 'textarea':
          addField(name, attribs);
          break;
        case 'label':
          openLabel = { forId: (attribs.for ?? '').trim(), parts: [], wrapped: [] };
          break;
      }
    },
    text(data) {
      if (invisibleDepth > 0) return;
      writeCollapsed(builder, data, preDepth > 0);
      appendLinkText(data);
      if (openLabel && openLabel.parts.length < 64) openLabel.parts.push(data);
    },
    close(name) {
      if (invisibleTags.has(name)) {
        if (invisibleDepth > 0) invisibleDepth -= 1;
        return;
      }
      if (invisibleDepth > 0) return;
      if (name === 'a') closeLink();
      if (name === 'pre' && preDepth > 0) preDepth -= 1;
      if (name === 'label' && openLabel) {
        const text = collapse(openLabel.parts.join(''));
        if (text && openLabel.forId && !labelTexts.has(openLabel.forId)) labelTexts.set(openLabel.forId, text);
        if (text) {
          for (const pending of openLabel.wrapped) {
            if (!pending.weak) continue;
            pending.field.label = text;
            pending.weak = false;
          }
        }
        openLabel = undefined;
      }
      if (name === 'br') builder.lineBreak(true);
      else if (blockTags.has(name)) builder.lineBreak(false);
      else if (cellTags.has(name)) builder.space();
    },
  });
  closeLink();

  const formFields = fields.map(({ field, weak, id }) => {
    const better = weak && id ? labelTexts.get(id) : undefined;
    return better ? { ...field, label: better } : field;
  });
  return { text: builder.text(), links, formFields, classNames };
}
