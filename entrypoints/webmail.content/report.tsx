/**
 * One click to report the open message to the help desk, through the webmail itself so it goes
 * from the user's real account and lands in Sent:
 * - Roundcube: its compose opens with the original forwarded as an attachment (`reportUrl`); this
 *   script, on that compose page, fills the body in and (policy) presses Send, hears Roundcube's
 *   answer, and on the next page moves the original and thanks the user. The background keeps
 *   the report in progress between those pages.
 * - Zimbra: one same-origin SendMsg with the original attached from the store (`sendReport`).
 * - Anything else, or a failure: the original is downloaded as `.eml` and a `mailto:` to the help
 *   desk is opened, and the notice says so.
 */
import { createRoot, type Root } from 'react-dom/client';
import { ReportDialog } from '@/components/ReportDialog';
import { ReportNotice, type ReportNoticeProps } from '@/components/ReportNotice';
import type { CheckResult } from '@/lib/check';
import type { Locale } from '@/lib/i18n';
import { reportBody } from '@/lib/report/body';
import type { PendingReport, ReportRequest, ReportState, StartedReport } from '@/lib/report/messages';
import { messageKey } from '@/lib/report/reported';
import { reportSubject } from '@/lib/report/subject';
import type { MessageRef, WebmailAdapter } from '@/lib/webmail/types';
import { mountModal } from './modal';

type Context = InstanceType<typeof ContentScriptContext>;

export const reportDialogTag = 'khienthu-report-dialog';
export const reportNoticeTag = 'khienthu-report-notice';

/** The open message, as a report needs it. */
export interface OpenReport {
  adapter: WebmailAdapter;
  ref: MessageRef;
  result: CheckResult;
  subject: string;
  /** The raw message as fetched for the check (for the `.eml` of the fallback). */
  raw?: Uint8Array;
}

function ask<T>(request: ReportRequest): Promise<T> {
  return browser.runtime.sendMessage(request) as Promise<T>;
}

/** Reports are remembered per webmail account: `host/user`, or the host alone when the page does not say. */
export function accountOf(adapter: WebmailAdapter, doc: Document): { account: string; user?: string } {
  const user = adapter.account?.(doc);
  return { account: `${doc.location.host}/${user ?? ''}`, user };
}

export function keyOf(open: Pick<OpenReport, 'ref' | 'result'>): string {
  return messageKey(open.result.messageId, open.ref.folder, open.ref.id);
}

/** Whether this message was already reported from this account. */
export async function wasReported(open: OpenReport, doc: Document): Promise<boolean> {
  const state = await ask<ReportState | undefined>({ type: 'khienthu:report-state', account: accountOf(open.adapter, doc).account, key: keyOf(open) });
  return state?.reported === true;
}

/**
 * How a click on "report" ended: reported now (`sent`) or before (`already`), on its way through
 * the webmail's compose (`composing`), given up by the user (`cancelled`), or handed to the
 * fallback (`fallback`).
 */
export type ReportOutcome = 'sent' | 'already' | 'composing' | 'cancelled' | 'fallback';

/** Runs the whole report of the open message. Never rejects: every failure ends in the fallback and a notice. */
export async function reportOpenMessage(ctx: Context, open: OpenReport): Promise<ReportOutcome> {
  const { adapter, ref, result } = open;
  const { contact, locale, presentation } = result;
  const to = contact.reportAddresses;
  const address = to[0];
  if (!address) return 'cancelled';
  const { account, user } = accountOf(adapter, document);
  const key = keyOf(open);
  const noticeBase = { locale, address, hotlines: contact.hotlines };
  try {
    const state = await ask<ReportState>({ type: 'khienthu:report-state', account, key });
    if (state.reported) {
      await showNotice(ctx, { ...noticeBase, kind: 'already' });
      return 'already';
    }
  } catch {
    // the background did not answer: go on, the worst case is a second report
  }
  const direct = !!adapter.sendReport || presentation.report.mode === 'send-after-confirm';
  let comment = '';
  if (presentation.report.confirm) {
    const answer = await confirmReport(ctx, locale, address, direct ? 'direct' : 'compose', presentation.report.original);
    if (answer === undefined) return 'cancelled';
    comment = answer;
  }
  const subject = reportSubject(presentation.report, locale, open.subject);
  const body = reportBody(
    {
      verdict: result.verdict,
      subject: open.subject,
      from: result.from,
      messageId: result.messageId,
      reporter: user,
      comment,
      time: new Date(),
      version: browser.runtime.getManifest().version,
      webmail: document.location.host,
    },
    locale,
  );
  try {
    if (adapter.sendReport) {
      await adapter.sendReport(document, ref, { addresses: to, subject, body });
      await ask({ type: 'khienthu:report-done', account, key });
      const original = await dispose(adapter, ref, presentation.report.original);
      await showNotice(ctx, { ...noticeBase, kind: 'thanks', original });
      return 'sent';
    }
    const url = adapter.reportUrl(document, ref, { addresses: to, subject });
    if (!url) throw new Error('this webmail has no way to forward a message as an attachment');
    const pending: StartedReport = {
      kind: 'message',
      account,
      key,
      ref,
      to: to.map((a) => a.toLowerCase()),
      body,
      mode: presentation.report.mode,
      original: presentation.report.original,
      locale,
      hotlines: contact.hotlines,
    };
    if (!(await ask<boolean>({ type: 'khienthu:report-begin', pending }))) throw new Error('the report could not be prepared');
    (window.top ?? window).location.assign(url);
    return 'composing';
  } catch (error) {
    await fallback(ctx, open, { to, subject, body }, error, noticeBase);
    return 'fallback';
  }
}

async function dispose(adapter: WebmailAdapter, ref: MessageRef, action: PendingReport['original']): Promise<'junk' | 'delete' | 'failed' | undefined> {
  if (action === 'keep') return undefined;
  if (!adapter.disposeOriginal) return 'failed';
  try {
    await adapter.disposeOriginal(document, ref, action);
    return action;
  } catch (error) {
    console.warn('[Khiên Thư] could not move the reported message:', error);
    return 'failed';
  }
}

/**
 * On every page of a webmail with a compose route: carries on with this tab's report, if any.
 * Only the top document does (Roundcube's preview frame is a page too).
 */
export async function resumeReport(ctx: Context, adapter: WebmailAdapter): Promise<void> {
  if (!adapter.reportCompose || window.top !== window) return;
  // no answer is no report in progress (a background that cannot answer is already warned of by the check)
  const state = await ask<ReportState | undefined>({ type: 'khienthu:report-state' }).catch(() => undefined);
  const pending = state?.pending;
  if (!pending) return;
  const compose = adapter.reportCompose(document);
  const noticeBase = { locale: pending.locale, address: pending.to[0] ?? '', hotlines: pending.hotlines };
  if (pending.state === 'sent') {
    if (compose) return; // Roundcube leaves the compose page half a second after its answer
    const original = await dispose(adapter, pending.ref, pending.original);
    await ask({ type: 'khienthu:report-finish' });
    await showNotice(ctx, { ...noticeBase, kind: 'thanks', original });
    return;
  }
  if (!compose) {
    // the session had ended and the webmail asks for a login: the report waits for it (Roundcube's
    // login form keeps the compose's address in `_url` and goes back there once logged in)
    if (document.querySelector('input[type="password"]')) return;
    // the user left the compose without sending, or Roundcube lost it (its compose lives in the
    // session, which a request from another tab can overwrite): a password alert is tried again
    await ask({ type: 'khienthu:report-lost' });
    return;
  }
  // Roundcube's own script may not have set the compose up yet (a slow PC): until it has, the body
  // would be reset and Send ignored. Past the wait it goes on anyway: better a try than nothing.
  await compose.ready();
  if (ctx.isInvalid) return;
  const recipients = compose.recipients();
  const addressed = pending.to.every((address) => recipients.includes(address)) && recipients.length === pending.to.length;
  if (!addressed || (pending.kind === 'message' && compose.attachments().length === 0)) {
    await ask({ type: 'khienthu:report-finish' });
    await showNotice(ctx, { ...noticeBase, kind: 'composeRefused' });
    return;
  }
  const stop = compose.onSendAnswer((sent) => {
    void ask({ type: 'khienthu:report-sent', ok: sent });
    if (!sent) void showNotice(ctx, { ...noticeBase, kind: 'sendFailed' });
  });
  ctx.onInvalidated(stop);
  if (pending.filled) return; // a reload of the compose: the body is in Roundcube's own saved copy
  compose.fillBody(pending.body);
  await ask({ type: 'khienthu:report-filled' });
  if (pending.mode === 'send-after-confirm') compose.send();
  else await showNotice(ctx, { ...noticeBase, kind: 'composeReady' });
}

function safeFilename(subject: string): string {
  const name = subject.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim().slice(0, 80);
  return `${name || 'thu-nghi-gia-mao'}.eml`;
}

/** A mailto: URL stays short enough for every mail program: the body is clipped, the `.eml` carries the rest. */
function mailtoUrl(to: string[], subject: string, body: string): string {
  const clipped = body.length > 1500 ? `${body.slice(0, 1499)}…` : body;
  return `mailto:${to.map(encodeURIComponent).join(',')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(clipped)}`;
}

async function fallback(
  ctx: Context,
  open: OpenReport,
  draft: { to: string[]; subject: string; body: string },
  error: unknown,
  noticeBase: Pick<ReportNoticeProps, 'locale' | 'address' | 'hotlines'>,
): Promise<void> {
  console.warn('[Khiên Thư] report through the webmail failed, falling back to a download and mailto:', error);
  const mailto = mailtoUrl(draft.to, draft.subject, draft.body);
  let download: ReportNoticeProps['download'];
  if (open.raw?.length) {
    const url = URL.createObjectURL(new Blob([open.raw as BlobPart], { type: 'message/rfc822' }));
    download = { url, filename: safeFilename(open.subject) };
    ctx.onInvalidated(() => URL.revokeObjectURL(url));
    clickLink(url, download.filename);
  }
  clickLink(mailto);
  await showNotice(ctx, {
    ...noticeBase,
    kind: 'fallback',
    error: error instanceof Error ? error.message : String(error),
    download,
    mailto,
  });
}

function clickLink(href: string, download?: string): void {
  const link = document.createElement('a');
  link.href = href;
  if (download) link.download = download;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

function confirmReport(
  ctx: Context,
  locale: Locale,
  address: string,
  route: 'compose' | 'direct',
  original: PendingReport['original'],
): Promise<string | undefined> {
  return new Promise((resolve) => {
    let ui: ShadowRootContentScriptUi<Root> | undefined;
    const finish = (comment: string | undefined) => {
      ui?.remove();
      resolve(comment);
    };
    mountModal(
      ctx,
      reportDialogTag,
      <ReportDialog
        locale={locale}
        address={address}
        route={route}
        original={original}
        onConfirm={(comment) => finish(comment)}
        onCancel={() => finish(undefined)}
      />,
    ).then(
      (mounted) => (ui = mounted),
      () => resolve(undefined),
    );
  });
}

let notice: ShadowRootContentScriptUi<Root> | undefined;

/** One notice at a time, in the top of this document, until the user closes it. */
export async function showNotice(ctx: Context, props: Omit<ReportNoticeProps, 'onClose'>): Promise<void> {
  notice?.remove();
  const ui = await createShadowRootUi<Root>(ctx, {
    name: reportNoticeTag,
    position: 'inline',
    anchor: document.body,
    append: 'last',
    onMount(container) {
      const root = createRoot(container);
      root.render(
        <ReportNotice
          {...props}
          onClose={() => {
            ui.remove();
            if (notice === ui) notice = undefined;
          }}
        />,
      );
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  notice = ui;
  ui.mount();
}
