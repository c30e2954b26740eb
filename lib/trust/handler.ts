/**
 * The background's half of "I know this sender" (see ./request.ts): check the message again with
 * the current list and trust its From address only when that check offers trust.
 */
import { checkMessage } from '../check';
import type { Policy } from '../policy/types';
import { base64ToBytes } from '../webmail/raw-source';
import type { TrustSenderRequest, TrustSenderResponse } from './request';
import { trustSender, trustedSendersFor } from './store';

/** In the background: `host` is the webmail host of the frame that asked, read from its URL. */
export async function handleTrustSender(request: TrustSenderRequest, host: string, policy: Policy): Promise<TrustSenderResponse> {
  if (host === '') return { ok: false, error: 'no webmail host' };
  const raw = request.check.rawBase64 ? base64ToBytes(request.check.rawBase64) : undefined;
  const result = await checkMessage(request.check.message, raw, policy, await trustedSendersFor(host));
  if (!result.sender.canTrust) return { ok: false, error: 'trust is not offered for this message' };
  await trustSender(host, result.sender.address);
  return { ok: true, address: result.sender.address };
}
