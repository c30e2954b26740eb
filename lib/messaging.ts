/** Messages between the content script and the background, typed in one place. */
import type { CheckResult } from './check';
import type { DomMessage } from './webmail/types';

export interface CheckRequest {
  type: 'khienthu:check';
  message: DomMessage;
}

export type CheckResponse = { ok: true; result: CheckResult } | { ok: false; error: string };

export function isCheckRequest(value: unknown): value is CheckRequest {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { type?: unknown }).type === 'khienthu:check' &&
    typeof (value as { message?: unknown }).message === 'object'
  );
}
