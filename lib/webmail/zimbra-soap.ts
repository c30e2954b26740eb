/**
 * Reporting a message from Zimbra (Classic and Modern alike): Zimbra has no URL that forwards a
 * message as an attachment, so the report is sent at once through the SOAP API that both clients
 * use, in JSON, on the webmail's own origin, authenticated by the session cookie (ZM_AUTH_TOKEN)
 * and the page's CSRF token. Read from Zimbra's sources (not seen against a running server):
 *
 * - Transport: Zimbra/zm-mailbox store/docs/soap.txt ("Request and Response Formats": JSON body
 *   `{"Header":{"context":{"_jsns":"urn:zimbra",…}},"Body":{"FooRequest":{"_jsns":…}}}`, URL
 *   `/service/soap/`, faults as `Body.Fault` with `Reason.Text` and `Detail.Error.Code`);
 *   Zimbra/zm-ajax WebRoot/js/zimbra/csfe/ZmCsfeCommand.js (`_getJsonRequestStr`: the request name
 *   appended to the URL, `faultToEx` reads `Fault.Reason.Text` / `Fault.Detail.Error.Code`).
 * - CSRF: Zimbra/zm-mailbox store/src/java/com/zimbra/soap/SoapEngine.java (`dispatch`: the token
 *   is read from the `X-Zimbra-Csrf-Token` header, else from the context's `csrfToken`; a bad or
 *   missing one is the fault `service.AUTH_REQUIRED`). Both are sent, as the Modern UI's client
 *   does (Zimbra/zm-api-js-client src/request/index.ts, `jsonRequest`).
 * - The message: Zimbra/zm-web-client WebRoot/js/zimbraMail/mail/model/ZmMailMsg.js
 *   (`_createMessageNode`: `e` = [{t, a}], `su` = {_content}, `mp` = [{ct, content: {_content}}],
 *   `attach.m` = [{id}] for messages forwarded as attachments) and Zimbra/zm-mailbox
 *   store/src/java/com/zimbra/cs/service/mail/ParseMimeMessage.java (`handleAttachments` →
 *   `attachMessage`: the stored blob goes in unchanged as message/rfc822, Content-Disposition
 *   attachment; `<e t="t">` is To). No From is sent: MailSender.getSenderHeaders then uses the
 *   account's own address, and the copy is saved to Sent (SendMsg.java, `SendMsgResponse.m[0].id`).
 * - Disposal: MsgActionRequest `{action: {id, op}}` (Zimbra/zm-mailbox
 *   store/src/java/com/zimbra/cs/service/mail/ItemAction.java): `spam` moves the message to Junk
 *   (Mailbox.ID_FOLDER_SPAM, 4, when no `l` is given) and tells the spam filter, which is what the
 *   client's own Junk button does (zm-web-client ZmMailList.js `spamItems`: action "spam");
 *   `trash` moves it to Trash (ZmMailList.js `moveItems`: "trash" for ZmFolder.ID_TRASH).
 */
import type { DisposeAction, MessageRef, ReportDraft } from './types';

/** Zimbra's SOAP servlet, relative to the webmail's origin (ZmSetting.CSFE_SERVER_URI). */
const soapPath = '/service/soap/';

/** A refusal from Zimbra, or an answer that is not one: nothing was done. */
export class ZimbraSoapError extends Error {
  constructor(
    message: string,
    /** Zimbra's error code (`service.AUTH_REQUIRED`, `mail.NO_SUCH_MSG`…), when it gave one. */
    readonly code?: string,
    /** The HTTP status, when there was an answer. */
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ZimbraSoapError';
  }
}

/**
 * A CSRF token as CsrfUtil.generateCsrfToken writes it (`<key version>_<hmac>_<hex data>`); the
 * check only keeps anything header-breaking or absurd out of the request.
 */
const tokenPattern = /^[\w.:-]{1,1024}$/;

/** launchZCS.jsp's inline `window.csrfToken = "…";` (Zimbra/zm-web-client WebRoot/public/launchZCS.jsp). */
const inlineTokenPattern = /\bwindow\.csrfToken\s*=\s*["']([^"'\\\s]*)["']/;

/**
 * The CSRF token of this Zimbra session. The content script's isolated world cannot read the
 * page's `window.csrfToken`, so it is taken from where the page itself got it:
 * - Classic: the inline script launchZCS.jsp writes into <head> (`window.csrfToken = "…"`);
 * - Modern: localStorage `csrfToken`, which modern.jsp stores before it redirects to /modern/
 *   (Zimbra/zm-web-client WebRoot/public/modern.jsp). Storage is shared with the page's origin.
 * The inline script comes first: it is written for this very page load, while localStorage keeps
 * whatever the last Modern login left there. Undefined when neither has one (CSRF off).
 */
export function zimbraCsrfToken(doc: Document): string | undefined {
  for (const script of doc.querySelectorAll('script:not([src])')) {
    const token = inlineTokenPattern.exec(script.textContent ?? '')?.[1];
    if (token && tokenPattern.test(token)) return token;
  }
  try {
    const stored = doc.defaultView?.localStorage.getItem('csrfToken') ?? undefined;
    if (stored && tokenPattern.test(stored)) return stored;
  } catch {
    // storage can be disabled for the site; the request then goes without a token
  }
  return undefined;
}

/**
 * A Zimbra message id as SendMsg's `attach.m.id` and MsgAction's `action.id` take it (ItemId:
 * `123`, or `<account id>:123` for a shared folder). A conversation id (negative for a virtual
 * one) or an empty id is refused before anything is sent.
 */
export function zimbraMessageId(ref: MessageRef): string {
  const id = ref.id.trim();
  if (!/^(?:[0-9a-fA-F-]{36}:)?[1-9]\d{0,9}$/.test(id)) {
    throw new ZimbraSoapError(`Zimbra: "${ref.id}" is not the id of a message; nothing was sent`);
  }
  return id;
}

const addressPattern = /^[^\s@<>",;:()[\]\\]+@[^\s@<>",;:()[\]\\]+\.[^\s@<>",;:()[\]\\]+$/;

type SoapRequestName = 'SendMsg' | 'MsgAction';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `x` or `[x]` (Zimbra's JSON writes repeatable elements as arrays, unique ones as objects). */
function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/** Text of `{_content}` or of a plain value. */
function text(value: unknown): string | undefined {
  const one = first(value);
  if (typeof one === 'string') return one;
  if (isObject(one) && typeof one._content === 'string') return one._content;
  return undefined;
}

/** The JSON envelope ZmCsfeCommand._getJsonRequestStr builds, with the CSRF token in the context. */
export function zimbraSoapEnvelope(name: SoapRequestName, body: Json, csrfToken: string | undefined): Json {
  return {
    Header: { context: { _jsns: 'urn:zimbra', ...(csrfToken && { csrfToken }) } },
    Body: { [`${name}Request`]: { _jsns: 'urn:zimbraMail', ...body } },
  };
}

/**
 * One SOAP request on the page's origin. Resolves with `Body.<name>Response`; rejects with a
 * ZimbraSoapError on a fault, on a non-2xx answer, on an answer that is not Zimbra's JSON, or when
 * the request could not be made (offline, a redirect to the login page).
 */
export async function zimbraSoap(doc: Document, name: SoapRequestName, body: Json): Promise<Json> {
  const url = new URL(`${soapPath}${name}Request`, doc.location.href);
  const token = zimbraCsrfToken(doc);
  let response: Response;
  try {
    response = await fetch(url.toString(), {
      method: 'POST',
      credentials: 'same-origin',
      // A redirect is the login page: the session is over.
      redirect: 'error',
      cache: 'no-store',
      headers: {
        // What ZmCsfeCommand sends; the server tells JSON from XML by the leading '{'.
        'Content-Type': 'application/soap+xml; charset=utf-8',
        ...(token && { 'X-Zimbra-Csrf-Token': token }),
      },
      body: JSON.stringify(zimbraSoapEnvelope(name, body, token)),
    });
  } catch (error) {
    throw new ZimbraSoapError(`Zimbra ${name}Request could not be sent (${error instanceof Error ? error.message : String(error)})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(await response.text());
  } catch {
    parsed = undefined;
  }
  const envelopeBody = isObject(parsed) && isObject(parsed.Body) ? parsed.Body : undefined;
  // A fault comes with HTTP 500 (SoapServlet): read it before the status.
  const fault = first(envelopeBody?.Fault);
  if (isObject(fault)) {
    const reason = text(isObject(fault.Reason) ? fault.Reason.Text : undefined) ?? 'no reason given';
    const detail = first(isObject(fault.Detail) ? fault.Detail.Error : undefined);
    const code = text(isObject(detail) ? detail.Code : undefined);
    throw new ZimbraSoapError(`Zimbra refused ${name}Request: ${reason}${code ? ` (${code})` : ''}`, code, response.status);
  }
  if (!response.ok) {
    throw new ZimbraSoapError(`Zimbra ${name}Request failed with HTTP ${response.status}`, undefined, response.status);
  }
  const answer = first(envelopeBody?.[`${name}Response`]);
  if (!isObject(answer)) {
    throw new ZimbraSoapError(`Zimbra ${name}Request got an answer that is not a ${name}Response`, undefined, response.status);
  }
  return answer;
}

/** The `m` of SendMsgRequest for a report: to the help desk, the text, the original attached. */
export function reportMessage(id: string, draft: ReportDraft): Json {
  return {
    e: draft.addresses.map((a) => ({ t: 't', a })),
    su: { _content: draft.subject },
    mp: [{ ct: 'text/plain', content: { _content: draft.body } }],
    attach: { m: [{ id }] },
  };
}

/** Sends the report from the user's account; see the top of this file for every field. */
export async function sendZimbraReport(doc: Document, ref: MessageRef, draft: ReportDraft): Promise<void> {
  const id = zimbraMessageId(ref);
  const addresses = draft.addresses.map((address) => address.trim());
  if (addresses.length === 0) throw new ZimbraSoapError('Zimbra: no report address; nothing was sent');
  const bad = addresses.find((address) => !addressPattern.test(address));
  if (bad !== undefined) throw new ZimbraSoapError(`Zimbra: "${bad}" is not an address; nothing was sent`);
  const answer = await zimbraSoap(doc, 'SendMsg', { m: reportMessage(id, { ...draft, addresses }) });
  // SendMsg.java answers `<m id="…"/>` when a copy went to Sent, a bare `<m/>` otherwise: both are sent.
  if (!('m' in answer)) throw new ZimbraSoapError('Zimbra SendMsgRequest: the answer names no sent message');
}

/** Moves the original to Junk or Trash, the way the client's own buttons do. */
export async function disposeZimbraMessage(doc: Document, ref: MessageRef, action: DisposeAction): Promise<void> {
  const id = zimbraMessageId(ref);
  const op = action === 'junk' ? 'spam' : 'trash';
  const answer = await zimbraSoap(doc, 'MsgAction', { action: { id, op } });
  // ItemAction answers with the ids it acted on; an empty list means nothing moved.
  const done = first(answer.action);
  const ids = (isObject(done) && typeof done.id === 'string' ? done.id : '').split(',');
  const local = id.slice(id.lastIndexOf(':') + 1);
  if (!ids.some((one) => one === id || one.slice(one.lastIndexOf(':') + 1) === local)) {
    throw new ZimbraSoapError(`Zimbra MsgActionRequest (${op}) did not act on message ${id}`);
  }
}
