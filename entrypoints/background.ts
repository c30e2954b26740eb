import { getHostname } from 'tldts';
import { checkMessage } from '@/lib/check';
import { isCheckRequest, type CheckResponse } from '@/lib/messaging';
import { resolvePolicy, type ResolvedPolicy } from '@/lib/policy/resolve';
import { cachePolicyLayers } from '@/lib/policy/store';
import { registerExtraWebmailHosts } from '@/lib/policy/webmail-hosts';
import { base64ToBytes } from '@/lib/webmail/raw-source';

export default defineBackground(() => {
  // Resolved once per host and per change of managed storage or the user's options.
  const resolved = new Map<string, Promise<ResolvedPolicy>>();
  const registerHosts = () =>
    policyFor('')
      .then(({ policy }) => registerExtraWebmailHosts(policy.webmailHosts))
      .catch((error: unknown) => console.warn('[Khiên Thư] could not register the webmail hosts:', error));
  const layers = cachePolicyLayers(() => {
    resolved.clear();
    void registerHosts();
  });
  function policyFor(host: string): Promise<ResolvedPolicy> {
    let policy = resolved.get(host);
    if (!policy) {
      policy = layers.layers().then(({ managed, user }) => resolvePolicy({ managed, user, host: host || undefined }));
      policy.catch(() => resolved.delete(host));
      resolved.set(host, policy);
    }
    return policy;
  }

  void registerHosts();
  browser.permissions.onAdded.addListener(() => void registerHosts());
  browser.permissions.onRemoved.addListener(() => void registerHosts());

  browser.runtime.onMessage.addListener((request: unknown, sender): Promise<CheckResponse> | undefined => {
    if (!isCheckRequest(request) || sender.id !== browser.runtime.id) return undefined;
    // The organisation is decided by the page the message was read on, never by what the page says.
    const host = getHostname(sender.url ?? sender.tab?.url ?? '') ?? '';
    const raw = request.rawBase64 ? base64ToBytes(request.rawBase64) : undefined;
    return policyFor(host)
      .then(({ policy }) => checkMessage(request.message, raw, policy))
      .then(
        (result): CheckResponse => ({ ok: true, result }),
        (error: unknown): CheckResponse => ({ ok: false, error: error instanceof Error ? error.message : String(error) }),
      );
  });
});
