/**
 * The rolling match: the last `length` typed characters, hashed after every key and compared with
 * the fingerprint. The work per key is the same whatever is typed and whatever matches:
 * - the window always holds exactly `length` code units; before enough keys have been typed, the
 *   missing ones are U+0000, which no keyboard types, so a short buffer is hashed at full length
 *   and cannot match;
 * - every key costs exactly one hash of `16 + 2 × length` bytes and one comparison of every byte
 *   (`constantTimeEqual`), never an early exit on a first character or a partial match;
 * - Backspace takes the last character back, and costs the same hash.
 * After `idleMs` without a key the window is wiped.
 */
import { base64ToBytes, constantTimeEqual, hexToBytes, sha256, truncatedHash, type Digest, type PasswordFingerprint } from './fingerprint';

export const idleClearMs = 5_000;

export interface MatcherDeps {
  digest?: Digest;
  equal?: (a: Uint8Array, b: Uint8Array) => boolean;
  idleMs?: number;
}

export class RollingMatcher {
  readonly length: number;
  private readonly salt: Uint8Array;
  private readonly expected: Uint8Array;
  /** The window, oldest first. */
  private readonly window: Uint16Array;
  private readonly digest: Digest;
  private readonly equal: (a: Uint8Array, b: Uint8Array) => boolean;
  private readonly idleMs: number;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(fingerprint: Pick<PasswordFingerprint, 'salt' | 'hash' | 'length'>, deps: MatcherDeps = {}) {
    this.length = fingerprint.length;
    this.salt = base64ToBytes(fingerprint.salt);
    this.expected = hexToBytes(fingerprint.hash);
    this.window = new Uint16Array(this.length);
    this.digest = deps.digest ?? sha256;
    this.equal = deps.equal ?? constantTimeEqual;
    this.idleMs = deps.idleMs ?? idleClearMs;
  }

  /**
   * Typed (or pasted) text, one code unit at a time: resolves true when the window matched after
   * any of them. The window is updated before the first await, so keys keep their order however
   * the checks interleave.
   */
  async type(text: string): Promise<boolean> {
    const checks: Promise<boolean>[] = [];
    for (let i = 0; i < text.length; i += 1) {
      this.window.copyWithin(0, 1);
      this.window[this.length - 1] = text.charCodeAt(i);
      checks.push(this.check());
    }
    this.touch();
    return (await Promise.all(checks)).reduce((any, matched) => any || matched, false);
  }

  /** Backspace: the last character goes, the window shifts back (a U+0000 enters at the front). */
  async backspace(): Promise<boolean> {
    this.window.copyWithin(1, 0, this.length - 1);
    this.window[0] = 0;
    const check = this.check();
    this.touch();
    return check;
  }

  clear(): void {
    this.window.fill(0);
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
  }

  private check(): Promise<boolean> {
    // a copy of the window as it is now: the hash input is wiped after the digest
    return truncatedHash(this.salt, this.window, this.digest).then((hash) => this.equal(hash, this.expected));
  }

  private touch(): void {
    if (this.idleTimer !== undefined) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.clear(), this.idleMs);
  }
}
