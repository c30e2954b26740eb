/** Messages between the content script and the background, typed in one place. */
import type { CheckResult } from './check';
import type { DomMessage } from './webmail/types';

export interface CheckRequest {
  type: 'khienthu:check';
  message: DomMessage;
  /** The raw message (capped), base64, when the webmail gave it. */
  rawBase64?: string;
}

export type CheckResponse = { ok: true; result: CheckResult } | { ok: false; error: string };

export function isCheckRequest(value: unknown): value is CheckRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { type, message, rawBase64 } = value as Partial<Record<keyof CheckRequest, unknown>>;
  return (
    type === 'khienthu:check' &&
    typeof message === 'object' &&
    message !== null &&
    (rawBase64 === undefined || typeof rawBase64 === 'string')
  );
}
