/**
 * "I know this sender", from the banner's button to the list. The content script sends the same
 * message it had checked; the background checks it again and trusts the address only when that
 * check offers trust (policy allows it, a caution, nothing puts the address in doubt). So neither
 * a page nor a stale banner can get an address trusted that the banner would not have offered.
 * Once stored, every webmail frame hears of the change and checks its open message again.
 */
import { browser } from 'wxt/browser';
import { isCheckRequest, type CheckRequest } from '../messaging';

export interface TrustSenderRequest {
  type: 'khienthu:trust-sender';
  /** The check the banner was drawn from. */
  check: CheckRequest;
}

export type TrustSenderResponse = { ok: true; address: string } | { ok: false; error: string };

export function isTrustSenderRequest(value: unknown): value is TrustSenderRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { type, check } = value as Partial<Record<keyof TrustSenderRequest, unknown>>;
  return type === 'khienthu:trust-sender' && isCheckRequest(check);
}

/** In the content script: asks the background to trust the sender of the checked message. */
export async function requestTrustSender(check: CheckRequest): Promise<boolean> {
  const request: TrustSenderRequest = { type: 'khienthu:trust-sender', check };
  const response = (await browser.runtime.sendMessage(request)) as TrustSenderResponse | undefined;
  return response?.ok === true;
}
