import '@/components/banner.css';
import { createRoot, type Root } from 'react-dom/client';
import type { ReactNode } from 'react';
import { Banner, UncheckedNotice } from '@/components/Banner';
import type { CheckResult, Contact } from '@/lib/check';
import { defaultLocale, type Locale } from '@/lib/i18n';
import { isTabRequest, type CheckRequest, type CheckResponse, type OpenMessageStatus } from '@/lib/messaging';
import { detectWebmail, type WebmailAdapter } from '@/lib/webmail';
import { bannerTag, clearScanned, markScanned, removeBanners } from '@/lib/webmail/page-marks';
import { FlaggedLinks } from '@/lib/webmail/link-guard';
import { bytesToBase64, fetchRawMessage } from '@/lib/webmail/raw-source';
import { capDomMessage } from '@/lib/webmail/cap';
import { installLinkGuard, type GuardedMessage } from './link-guard';
import { reportOpenMessage, resumeReport, wasReported, type OpenReport } from './report';
import type { TrustOffer } from '@/components/TrustSender';
import { requestTrustSender } from '@/lib/trust/request';
import { onTrustedSendersChanged } from '@/lib/trust/store';

export default defineContentScript({
  matches: ['*://*.gov.vn/*'],
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',

  main(ctx) {
    // One cheap check on every page of a matched host; everything else only on a webmail.
    const adapter = detectWebmail(document);
    if (!adapter) return;
    const banner: BannerSlot = {};
    const guardedMessage = () => banner.guarded;
    let generation = 0;
    const guard = async () => {
      // A newer message may open while this one is being checked: only the latest check may draw.
      const mine = ++generation;
      const isCurrent = () => mine === generation && !ctx.isInvalid;
      try {
        await guardOpenMessage(ctx, adapter, banner, isCurrent);
        guardBodyDocument(ctx, adapter, banner, guardedMessage);
      } catch (error) {
        // Whatever fails here, the webmail page goes on working; say it once, quietly.
        if (isCurrent()) markScanned(document, 'error');
        console.warn('[Khiên Thư] could not check this message:', error);
      }
    };
    void guard();
    // a report on its way through the webmail's compose goes on on this page, if it is the next step
    resumeReport(ctx, adapter).catch((error: unknown) => console.warn('[Khiên Thư] could not go on with the report:', error));
    installLinkGuard(ctx, document, guardedMessage);
    if (adapter.watch) ctx.onInvalidated(adapter.watch(document, () => void guard()));
    // a sender trusted from a banner (any tab) or removed on the options page: check again
    ctx.onInvalidated(onTrustedSendersChanged(() => void guard()));

    const answer = (request: unknown): Promise<OpenMessageStatus | boolean> | undefined => {
      const shown = banner.shown;
      if (!isTabRequest(request) || !shown) return undefined;
      if (request.type === 'khienthu:status') return Promise.resolve(shown.status);
      return shown.report ? shown.report() : Promise.resolve(false);
    };
    browser.runtime.onMessage.addListener(answer);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(answer));
  },
});

type Context = InstanceType<typeof ContentScriptContext>;

/**
 * Where the body lives in a document of its own (Zimbra's iframe), its links are guarded there
 * as well. Zimbra rewrites that document for each message, which drops listeners: install anew
 * after every check.
 */
function guardBodyDocument(ctx: Context, adapter: WebmailAdapter, slot: BannerSlot, current: () => GuardedMessage | undefined) {
  slot.stopBodyGuard?.();
  slot.stopBodyGuard = undefined;
  const body = adapter.bodyDocument?.(document);
  if (body && body !== document) slot.stopBodyGuard = installLinkGuard(ctx, body, current);
}

/**
 * The banner on screen, if any (one per document, replaced and its React root unmounted by the
 * next verdict), and what the popup may ask about the message it speaks of.
 */
interface BannerSlot {
  ui?: ShadowRootContentScriptUi<Root>;
  /** `report` resolves true when the message is reported, or on its way through the compose. */
  shown?: { status: OpenMessageStatus; report?: () => Promise<boolean> };
  /** The flagged links of the open message, which the link guard stops. */
  guarded?: GuardedMessage;
  stopBodyGuard?: () => void;
}

function clearBanner(slot: BannerSlot): void {
  slot.ui?.remove();
  slot.ui = undefined;
  slot.shown = undefined;
  slot.guarded = undefined;
  // a banner left by an earlier copy of this script (the extension was updated) goes too
  removeBanners(document);
}

/** The user hid the warning: the banner goes, what the popup and the link guard know stays. */
function clearBannerOnly(slot: BannerSlot): void {
  slot.ui?.remove();
  slot.ui = undefined;
}

/** The contacts and language the last answer of the background gave on this page, for when it gives none. */
let known: { contact: Contact; locale: Locale } | undefined;

async function guardOpenMessage(ctx: Context, adapter: WebmailAdapter, slot: BannerSlot, isCurrent: () => boolean): Promise<void> {
  const ref = adapter.openMessage(document);
  if (!ref) {
    clearBanner(slot);
    clearScanned(document);
    return;
  }
  // Another message is being checked: the mark of the one before no longer speaks of what is open.
  clearScanned(document);
  const message = capDomMessage(adapter.readMessage(document));
  const rawUrl = adapter.rawMessageUrl(document, ref);
  const raw = rawUrl ? await fetchRawMessage(rawUrl) : undefined;
  const request: CheckRequest = { type: 'khienthu:check', message, ...(raw && { rawBase64: bytesToBase64(raw) }) };
  const response = await (browser.runtime.sendMessage(request) as Promise<CheckResponse | undefined>).catch(
    (error: unknown): CheckResponse => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
  if (!response?.ok) {
    // no verdict is not "safe": say so, with whom to ask if an earlier check named them
    if (isCurrent()) {
      clearBanner(slot);
      slot.ui = await mountBanner(ctx, adapter, 'unchecked', <UncheckedNotice locale={known?.locale ?? defaultLocale} contact={known?.contact} />, isCurrent).catch(
        () => undefined,
      );
    }
    throw new Error(response?.error ?? 'no answer from the background');
  }
  const { verdict, contact, locale, flaggedLinks, presentation } = response.result;
  known = { contact, locale };
  const open: OpenReport = { adapter, ref, result: response.result, subject: message.subject, raw };
  const report =
    contact.reportAddresses.length > 0
      ? () => reportOpenMessage(ctx, open).then((outcome) => outcome !== 'cancelled' && outcome !== 'fallback')
      : undefined;
  const reported = report ? await wasReported(open, document).catch(() => false) : false;
  if (!isCurrent()) return;
  clearBanner(slot);
  if (flaggedLinks.length > 0) {
    slot.guarded = { links: new FlaggedLinks(flaggedLinks, document.baseURI), reasons: verdict.reasons, locale };
  }
  slot.shown = {
    status: { subject: message.subject, level: verdict.level, score: verdict.score, reasons: verdict.reasons, contact, locale, canReport: !!report, reported },
    report,
  };
  const { sender } = response.result;
  slot.shown.status.sender = { address: sender.address, trusted: sender.trusted };
  const dismiss = presentation.allowDismiss ? () => clearBannerOnly(slot) : undefined;
  const trust = sender.canTrust ? { address: sender.address, onTrust: () => requestTrustSender(request) } : undefined;
  if (verdict.level !== 'safe') slot.ui = await showBanner(ctx, adapter, response.result, report, dismiss, isCurrent, trust, reported);
  // Marked last, so that whoever waits for the mark finds the banner already in place.
  if (isCurrent()) markScanned(document, verdict.level);
}

async function showBanner(
  ctx: Context,
  adapter: WebmailAdapter,
  result: CheckResult,
  report: (() => Promise<boolean>) | undefined,
  dismiss: (() => void) | undefined,
  isCurrent: () => boolean,
  trust?: TrustOffer,
  reported = false,
): Promise<ShadowRootContentScriptUi<Root> | undefined> {
  const { verdict, contact, locale, presentation } = result;
  const level = verdict.level;
  if (level === 'safe') return undefined;
  return mountBanner(
    ctx,
    adapter,
    level,
    <Banner
      level={level}
      score={verdict.score}
      reasons={verdict.reasons}
      contact={contact}
      locale={locale}
      onReport={report}
      reported={reported}
      warningText={presentation.warningText}
      onDismiss={dismiss}
      trust={trust}
      trustedSender={result.sender.trusted ? result.sender.address : undefined}
    />,
    isCurrent,
  );
}

/** Puts `content` in the banner's shadow root where the adapter says, unless another message opened meanwhile. */
async function mountBanner(
  ctx: Context,
  adapter: WebmailAdapter,
  level: 'caution' | 'danger' | 'unchecked',
  content: ReactNode,
  isCurrent: () => boolean,
): Promise<ShadowRootContentScriptUi<Root> | undefined> {
  const anchor = adapter.bannerAnchor(document);
  if (!anchor) throw new Error('no place for the banner on this page');
  const ui = await createShadowRootUi<Root>(ctx, {
    name: bannerTag,
    position: 'inline',
    anchor,
    append: 'before',
    onMount(container, _shadow, host) {
      host.setAttribute('data-khienthu-level', level);
      const root = createRoot(container);
      root.render(content);
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  // preparing the UI loads its stylesheet: another message may have opened meanwhile
  if (!isCurrent()) return undefined;
  ui.mount();
  return ui;
}
