import type { Root } from 'react-dom/client';
import { LinkGuard } from '@/components/LinkGuard';
import type { Locale } from '@/lib/i18n';
import type { Reason } from '@/lib/scoring/types';
import { FlaggedLinks, shownSite } from '@/lib/webmail/link-guard';
import { mountModal } from './modal';

type Context = InstanceType<typeof ContentScriptContext>;

export interface GuardedMessage {
  links: FlaggedLinks;
  reasons: Reason[];
  locale: Locale;
}

export const guardTag = 'khienthu-link-guard';

/** http(s) only. */
export function isWebUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * Stops clicks on flagged links in `doc` (capture phase, before the webmail or the browser acts)
 * and asks first, in a dialog in the content script's own document. `current()` says which message
 * is open and what was flagged in it. Returns the function that stops listening.
 */
export function installLinkGuard(ctx: Context, doc: Document, current: () => GuardedMessage | undefined): () => void {
  let open: ShadowRootContentScriptUi<Root> | undefined;
  const close = () => {
    open?.remove();
    open = undefined;
  };

  const onClick = (event: MouseEvent) => {
    const message = current();
    const hit = message?.links.forClick(event);
    if (!message || !hit) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    if (open) return;
    void ask(message, hit.link.href, hit.anchor.href, hit.link.text, hit.link.hostname, hit.link.findingIds);
  };

  const ask = async (message: GuardedMessage, href: string, resolvedHref: string, text: string, host: string, ids: string[]) => {
    const shown = shownSite(text);
    const go = (url: string) => {
      close();
      // only a web address is opened: "go on" must never run a javascript: or data: link
      if (isWebUrl(url)) window.open(url, '_blank', 'noopener,noreferrer');
    };
    const reasons = message.reasons.filter((r) => ids.includes(r.id)).map((r) => r.message);
    open = await mountModal(
      ctx,
      guardTag,
      <LinkGuard
        destination={href}
        destinationHost={host || href}
        shownText={text}
        shownSite={shown}
        reasons={reasons}
        locale={message.locale}
        onCancel={close}
        onProceed={isWebUrl(resolvedHref) ? () => go(resolvedHref) : undefined}
        onShownSite={shown && isWebUrl(shown) ? () => go(shown) : undefined}
      />,
    );
  };

  const listening = new AbortController();
  // auxclick: a middle click opens a tab just as surely as a click does
  for (const type of ['click', 'auxclick'] as const) {
    doc.addEventListener(type, onClick, { capture: true, signal: listening.signal });
  }
  const stop = () => {
    listening.abort();
    close();
  };
  ctx.onInvalidated(stop);
  return stop;
}
