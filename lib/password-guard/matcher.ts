/**
 * The rolling match: the last `length` typed characters, compared with the fingerprint when typing
 * pauses. The hash is slow on purpose (PBKDF2, see fingerprint.ts), so it runs once per pause
 * (`checkAfterMs` after the last key), not once per key: a password is typed and then the user
 * stops, presses Enter or moves to the next field, and each of those is a pause.
 * - the window always holds exactly `length` code units; before enough keys have been typed, the
 *   missing ones are U+0000, which no keyboard types, and a window that still holds one is not
 *   worth a check (it cannot match);
 * - every check costs exactly one derivation over `2 × length` bytes and one comparison of every
 *   byte (`constantTimeEqual`), never an early exit on a first character or a partial match;
 * - Backspace takes the last character back.
 * After `idleMs` without a key the window is wiped.
 */
import { base64ToBytes, constantTimeEqual, hexToBytes, pbkdf2, truncatedHash, type Derive, type PasswordFingerprint } from './fingerprint';

export const idleClearMs = 5_000;
export const checkAfterMs = 250;

export interface MatcherDeps {
  derive?: Derive;
  equal?: (a: Uint8Array, b: Uint8Array) => boolean;
  idleMs?: number;
  /** The pause after the last key that triggers a check. */
  pauseMs?: number;
  /** Told of every derivation (the background's counters). */
  onCheck?: () => void;
}

export class RollingMatcher {
  readonly length: number;
  private readonly salt: Uint8Array;
  private readonly expected: Uint8Array;
  private readonly iterations: number;
  /** The window, oldest first. */
  private readonly window: Uint16Array;
  private readonly derive: Derive;
  private readonly equal: (a: Uint8Array, b: Uint8Array) => boolean;
  private readonly idleMs: number;
  private readonly pauseMs: number;
  private readonly onCheck: (() => void) | undefined;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  /** The check of the current burst of keys, due `pauseMs` after its last key. */
  private burst: { timer: ReturnType<typeof setTimeout>; last: number; done: Promise<boolean>; resolve: (matched: boolean) => void } | undefined;
  /** Calls so far; a burst's last one alone hears of a match. */
  private calls = 0;
  /** Checks run so far (what the tests and the status count). */
  checks = 0;

  constructor(fingerprint: Pick<PasswordFingerprint, 'salt' | 'hash' | 'length' | 'iterations'>, deps: MatcherDeps = {}) {
    this.length = fingerprint.length;
    this.salt = base64ToBytes(fingerprint.salt);
    this.expected = hexToBytes(fingerprint.hash);
    this.iterations = fingerprint.iterations;
    this.window = new Uint16Array(this.length);
    this.derive = deps.derive ?? pbkdf2;
    this.equal = deps.equal ?? constantTimeEqual;
    this.idleMs = deps.idleMs ?? idleClearMs;
    this.pauseMs = deps.pauseMs ?? checkAfterMs;
    this.onCheck = deps.onCheck;
  }

  /**
   * Typed (or pasted) text, one code unit at a time. Resolves once the burst it belongs to was
   * checked: true for the burst's last call if the window then matched, false for every other.
   * The window is updated at once, so keys keep their order however the checks interleave.
   */
  type(text: string): Promise<boolean> {
    for (let i = 0; i < text.length; i += 1) {
      this.window.copyWithin(0, 1);
      this.window[this.length - 1] = text.charCodeAt(i);
    }
    return this.schedule();
  }

  /** Backspace: the last character goes, the window shifts back (a U+0000 enters at the front). */
  backspace(): Promise<boolean> {
    this.window.copyWithin(1, 0, this.length - 1);
    this.window[0] = 0;
    return this.schedule();
  }

  clear(): void {
    this.window.fill(0);
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    if (this.burst) {
      clearTimeout(this.burst.timer);
      this.burst.resolve(false);
      this.burst = undefined;
    }
  }

  private schedule(): Promise<boolean> {
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.clear(), this.idleMs);
    const call = (this.calls += 1);
    if (this.burst) clearTimeout(this.burst.timer);
    else {
      let resolve!: (matched: boolean) => void;
      const done = new Promise<boolean>((r) => (resolve = r));
      this.burst = { timer: undefined as unknown as ReturnType<typeof setTimeout>, last: 0, done, resolve };
    }
    const burst = this.burst;
    burst.last = call;
    burst.timer = setTimeout(() => {
      if (this.burst === burst) this.burst = undefined;
      this.check().then(burst.resolve, () => burst.resolve(false));
    }, this.pauseMs);
    return burst.done.then((matched) => matched && call === burst.last);
  }

  private async check(): Promise<boolean> {
    // a window that is not full yet cannot match: no derivation for it
    if (this.window[0] === 0) return false;
    this.checks += 1;
    this.onCheck?.();
    // truncatedHash copies the window into its input and wipes that after the derivation
    const hash = await truncatedHash(this.salt, this.window, this.iterations, this.derive);
    return this.equal(hash, this.expected);
  }
}
