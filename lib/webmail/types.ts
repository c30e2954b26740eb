import type { MailMessage } from '../mail/types';

/** What the content script can read of an open message from the page itself. */
export type DomMessage = Omit<MailMessage, 'text' | 'links' | 'formFields' | 'source'> & {
  /** The rendered body as the webmail sanitised it; turned into text and links off the page. */
  bodyHtml: string;
};

/** Which message is open, in the client's own terms. */
export interface MessageRef {
  /** Client message id: Roundcube UID (`123`, or `123.2` for an attached message), Zimbra id. */
  id: string;
  /** Folder / mailbox, when the client has one in its URLs. */
  folder?: string;
}

export interface ReportTarget {
  addresses: string[];
  subject: string;
}

/** A report ready to go: to the help desk, with the open message attached unmodified (message/rfc822). */
export interface ReportDraft extends ReportTarget {
  /** Plain text: the verdict, each reason with its evidence, the reporter, the time, the version. */
  body: string;
}

/** What policy says happens to the original once the report is sent (`keep` does nothing). */
export type DisposeAction = 'junk' | 'delete';

/**
 * One webmail client. The content script asks each adapter in turn whether the page is its
 * client (`detect`, cheap), and only the one that answers yes does anything else.
 */
export interface WebmailAdapter {
  id: string;
  detect(doc: Document): boolean;
  /** The message open in this document, or null (a list, a compose form, a settings page…). */
  openMessage(doc: Document): MessageRef | null;
  readMessage(doc: Document): DomMessage;
  /**
   * A same-origin URL that returns the raw RFC 5322 message (the session cookie authenticates it),
   * or null when the client has none for this message.
   */
  rawMessageUrl(doc: Document, ref: MessageRef): string | null;
  /**
   * The document that holds the message body and its links when it is not `doc` itself (Zimbra
   * Classic writes the body into an iframe): the link guard listens there too.
   */
  bodyDocument?(doc: Document): Document | null;
  /** Where the banner goes: it is inserted before this element. */
  bannerAnchor(doc: Document): Element | null;
  /** A same-origin URL that opens the client's compose with the message forwarded as an attachment. */
  reportUrl(doc: Document, ref: MessageRef, target: ReportTarget): string | null;
  /**
   * For clients with no such URL (Zimbra): sends the report at once through the client's own
   * same-origin API, from the user's account (a copy lands in Sent), the message attached as
   * message/rfc822. Rejects with an Error that says what failed; nothing is sent then.
   */
  sendReport?(doc: Document, ref: MessageRef, draft: ReportDraft): Promise<void>;
  /** Moves the reported original to Junk, or deletes it (to Trash), through the client's own API. */
  disposeOriginal?(doc: Document, ref: MessageRef, action: DisposeAction): Promise<void>;
  /** The logged-in user's address, when the page states it: reports are remembered per account. */
  account?(doc: Document): string | undefined;
  /** The compose page `reportUrl` opens, when `doc` is one (Roundcube). */
  reportCompose?(doc: Document): ReportCompose | null;
  /**
   * For single-page clients, where another message opens in the same document: calls `onChange`
   * (debounced) when the open message changes, until the returned function is called. Clients
   * that load each message as a new document (Roundcube) have none.
   */
  watch?(doc: Document, onChange: () => void): () => void;
}

/** The client's compose page, opened by `reportUrl` with the original attached. */
export interface ReportCompose {
  /**
   * Resolves once the client has set its compose up (its own script may run after ours), or after
   * `timeoutMs` whatever it is doing: true if it was seen ready. Filling or sending before that
   * loses the body and the click.
   */
  ready(timeoutMs?: number): Promise<boolean>;
  /** Every address in To, lower-cased. */
  recipients(): string[];
  /** File names in the attachment list (the forwarded original is `<subject>.eml`). */
  attachments(): string[];
  /** Puts `text` above what the body holds (the signature). */
  fillBody(text: string): void;
  /** Presses Send, as the user would. */
  send(): void;
  /** Calls `onAnswer` with the client's answer to a Send (true: sent), until the returned function is called. */
  onSendAnswer(onAnswer: (sent: boolean) => void): () => void;
}
