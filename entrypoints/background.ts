import { checkMessage, policyForPage } from '@/lib/check';
import { isCheckRequest, type CheckResponse } from '@/lib/messaging';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((request: unknown, sender): Promise<CheckResponse> | undefined => {
    if (!isCheckRequest(request) || sender.id !== browser.runtime.id) return undefined;
    // The organisation is decided by the page the message was read on, never by what the page says.
    const pageUrl = sender.url ?? sender.tab?.url ?? '';
    try {
      return Promise.resolve({ ok: true, result: checkMessage(request.message, policyForPage(pageUrl)) });
    } catch (error) {
      return Promise.resolve({ ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  });
});
