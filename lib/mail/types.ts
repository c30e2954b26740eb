/**
 * The data model every part of Khiên Thư speaks: what a message is, whichever way it was read
 * (the raw RFC 5322 source parsed in Node or the extension, or the webmail's rendered DOM).
 */

export interface MailAddress {
  /** Display name as the sender wrote it (may be empty, may be hostile). */
  name: string;
  /** Lower-cased `local@domain`; empty when the client hides it (Zimbra short addresses). */
  address: string;
}

export interface MailLink {
  /** The real destination, exactly as in the message (`href`). */
  href: string;
  /** The visible text of the link, whitespace collapsed. */
  text: string;
}

export interface MailAttachment {
  filename: string;
  contentType?: string;
  /** Bytes, when known. */
  size?: number;
}

/** A form control found in the body: lures ask for the password right inside the mail. */
export interface MailFormField {
  /** `type` attribute, lower-cased (`text`, `password`, `email`, …); `textarea`/`select` for those. */
  type: string;
  /** Name, id, placeholder or label text, whichever says most. */
  label: string;
}

export interface MailHeader {
  /** Lower-cased header name. */
  key: string;
  value: string;
}

export interface MailMessage {
  subject: string;
  from?: MailAddress;
  /** Every address in Reply-To; empty when there is none (or the client does not show it). */
  replyTo: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  /** The envelope sender from `Return-Path`, when the raw message is known. */
  returnPath?: string;
  /** The readable body text (plain part, or the HTML part turned into text). */
  text: string;
  /** Links of the body, in order. */
  links: MailLink[];
  attachments: MailAttachment[];
  /** Inputs, selects and textareas in an HTML body. */
  formFields: MailFormField[];
  /** The class names of the HTML body's elements, in order (at most `maxClassNames`); none for plain text. */
  classNames?: string[];
  /** Every header in order, when the raw message is known; absent when read from the DOM. */
  headers?: MailHeader[];
  /** Where this view of the message came from. */
  source: 'raw' | 'dom';
}

/** How many class names a message carries at most: enough for any kit's markup, bounded for any mail. */
export const maxClassNames = 5_000;

/** An empty message, the base that readers fill in. */
export function emptyMessage(source: MailMessage['source']): MailMessage {
  return { subject: '', replyTo: [], to: [], cc: [], text: '', links: [], attachments: [], formFields: [], source };
}
