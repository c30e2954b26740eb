import { checkMessage, policyForPage } from '@/lib/check';
import { isCheckRequest, type CheckResponse } from '@/lib/messaging';
import { base64ToBytes } from '@/lib/webmail/raw-source';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((request: unknown, sender): Promise<CheckResponse> | undefined => {
    if (!isCheckRequest(request) || sender.id !== browser.runtime.id) return undefined;
    // The organisation is decided by the page the message was read on, never by what the page says.
    const policy = policyForPage(sender.url ?? sender.tab?.url ?? '');
    const raw = request.rawBase64 ? base64ToBytes(request.rawBase64) : undefined;
    return checkMessage(request.message, raw, policy).then(
      (result): CheckResponse => ({ ok: true, result }),
      (error: unknown): CheckResponse => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  });
});
