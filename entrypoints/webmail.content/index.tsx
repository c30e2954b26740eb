import '@/components/banner.css';
import { createRoot, type Root } from 'react-dom/client';
import { Banner } from '@/components/Banner';
import { t } from '@/lib/i18n';
import type { CheckRequest, CheckResponse } from '@/lib/messaging';
import { detectWebmail, type MessageRef, type WebmailAdapter } from '@/lib/webmail';
import { bannerTag, markScanned, removeBanners } from '@/lib/webmail/page-marks';
import { bytesToBase64, fetchRawMessage } from '@/lib/webmail/raw-source';

export default defineContentScript({
  matches: ['*://*.gov.vn/*'],
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',

  async main(ctx) {
    // One cheap check on every page of a matched host; everything else only on a webmail message.
    const adapter = detectWebmail(document);
    const ref = adapter?.openMessage(document);
    if (!adapter || !ref) return;
    try {
      await guardMessage(ctx, adapter, ref);
    } catch (error) {
      // Whatever fails here, the webmail page goes on working; say it once, quietly.
      markScanned(document, 'error');
      console.warn('[Khiên Thư] could not check this message:', error);
    }
  },
});

async function guardMessage(ctx: InstanceType<typeof ContentScriptContext>, adapter: WebmailAdapter, ref: MessageRef) {
  const rawUrl = adapter.rawMessageUrl(document, ref);
  const raw = rawUrl ? await fetchRawMessage(rawUrl) : undefined;
  const request: CheckRequest = {
    type: 'khienthu:check',
    message: adapter.readMessage(document),
    ...(raw && { rawBase64: bytesToBase64(raw) }),
  };
  const response = (await browser.runtime.sendMessage(request)) as CheckResponse | undefined;
  if (!response?.ok) throw new Error(response?.error ?? 'no answer from the background');
  if (ctx.isInvalid) return;
  const { verdict, contact, locale } = response.result;
  removeBanners(document);
  markScanned(document, verdict.level);
  if (verdict.level === 'safe') return;

  const anchor = adapter.bannerAnchor(document);
  if (!anchor) throw new Error('no place for the banner on this page');
  const reportUrl = adapter.reportUrl(document, ref, {
    addresses: contact.reportAddresses,
    subject: t(locale, 'report.subject', { subject: request.message.subject }),
  });
  const level = verdict.level;
  const ui = await createShadowRootUi<Root>(ctx, {
    name: bannerTag,
    position: 'inline',
    anchor,
    append: 'before',
    onMount(container, _shadow, host) {
      host.setAttribute('data-khienthu-level', level);
      const root = createRoot(container);
      root.render(
        <Banner
          level={level}
          score={verdict.score}
          reasons={verdict.reasons}
          contact={contact}
          locale={locale}
          onReport={reportUrl ? () => window.top?.location.assign(reportUrl) : undefined}
        />,
      );
      return root;
    },
    onRemove(root) {
      root?.unmount();
    },
  });
  ui.mount();
}
