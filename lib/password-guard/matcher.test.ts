import { afterEach, describe, expect, it, vi } from 'vitest';
import { constantTimeEqual, createFingerprint, pbkdf2, type Derive, type PasswordFingerprint } from './fingerprint';
import { checkAfterMs, idleClearMs, RollingMatcher } from './matcher';

const source = { host: 'mail.laichau.gov.vn', webmailUrl: 'https://mail.laichau.gov.vn/', client: 'roundcube' as const };
const password = 'LaiChau#2024';
/** Few rounds: these tests make many checks (the rounds are the fingerprint's, see fingerprint.test.ts). */
const fingerprint = (secret: string) => createFingerprint(secret, source, { iterations: 1_000 });
/** No pause: every awaited key is its own burst, so each key is checked. */
const now = { pauseMs: 0 };

afterEach(() => vi.useRealTimers());

async function typeEach(matcher: RollingMatcher, text: string): Promise<boolean[]> {
  const results: boolean[] = [];
  for (const char of text) results.push(await matcher.type(char));
  return results;
}

/** A derivation and a comparison that write down every call: what the matcher does, check by check. */
function instrumented() {
  const trace: string[] = [];
  const derive: Derive = async (secret, salt, iterations) => {
    trace.push(`derive:${secret.length}:${salt.length}:${iterations}`);
    return pbkdf2(secret, salt, iterations);
  };
  const equal = (a: Uint8Array, b: Uint8Array) => {
    trace.push(`compare:${a.length}:${b.length}`);
    return constantTimeEqual(a, b);
  };
  return { trace, derive, equal };
}

describe('the rolling match', () => {
  let fp: PasswordFingerprint;

  it('matches when the last characters typed are the password, wherever it starts', async () => {
    fp = await fingerprint(password);
    const matcher = new RollingMatcher(fp, now);
    const results = await typeEach(matcher, `xin chao ${password}`);
    expect(results.indexOf(true)).toBe(results.length - 1);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('does not match another password, a prefix, or the password with one character wrong', async () => {
    fp = await fingerprint(password);
    const matcher = new RollingMatcher(fp, now);
    for (const text of ['LaiChau#2025', password.slice(0, -1), `X${password.slice(1)}`, password.toLowerCase()]) {
      matcher.clear();
      expect(await typeEach(matcher, text)).not.toContain(true);
    }
  });

  it('cannot match before as many keys as the password has were typed, and does not derive until then', async () => {
    fp = await fingerprint('abc');
    const { trace, derive } = instrumented();
    const matcher = new RollingMatcher(fp, { ...now, derive });
    // the window starts as U+0000s: "bc" alone is "\0bc", never "abc"
    expect(await typeEach(matcher, 'bc')).toEqual([false, false]);
    expect(trace).toEqual([]);
    expect(await typeEach(matcher, 'abc')).toEqual([false, false, true]);
    expect(matcher.checks).toBe(3);
  });

  it('follows Backspace: a corrected typo still matches', async () => {
    fp = await fingerprint(password);
    const matcher = new RollingMatcher(fp, now);
    await typeEach(matcher, 'LaiChaz');
    expect(await matcher.backspace()).toBe(false);
    expect(await typeEach(matcher, 'u#2024')).toEqual([false, false, false, false, false, true]);
  });

  it('treats pasted text as typed characters, alone or after typing', async () => {
    fp = await fingerprint(password);
    expect(await new RollingMatcher(fp, now).type(password)).toBe(true);
    const matcher = new RollingMatcher(fp, now);
    await typeEach(matcher, 'LaiC');
    expect(await matcher.type('hau#2024')).toBe(true);
    expect(await new RollingMatcher(fp, now).type(`copied: ${password}`)).toBe(true);
    expect(await new RollingMatcher(fp, now).type('copied: LaiChau#202')).toBe(false);
  });

  it('checks once per pause: a burst of keys costs one derivation, and its last key hears of the match', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fp = await fingerprint(password);
    const { trace, derive } = instrumented();
    const matcher = new RollingMatcher(fp, { derive });
    const keys = [...`abc ${password}`].map((char) => matcher.type(char));
    expect(trace).toEqual([]);
    await vi.advanceTimersByTimeAsync(checkAfterMs);
    const results = await Promise.all(keys);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(results.at(-1)).toBe(true);
    expect(trace).toEqual([`derive:${2 * password.length}:16:1000`]);
  });

  it('keeps a match found while the next keys are typed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fp = await fingerprint(password);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const matcher = new RollingMatcher(fp, { derive: async (...args) => (await gate, pbkdf2(...args)) });
    const typed = matcher.type(password);
    await vi.advanceTimersByTimeAsync(checkAfterMs);
    // the derivation is running; the user goes on typing
    void matcher.type('x');
    release();
    expect(await typed).toBe(true);
  });

  it('forgets what was typed after a few idle seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fp = await fingerprint(password);
    const matcher = new RollingMatcher(fp, now);
    const settle = async (text: string) => {
      const typed = typeEach(matcher, text);
      for (let i = 0; i < text.length; i += 1) await vi.advanceTimersByTimeAsync(1);
      return typed;
    };
    await settle('LaiChau');
    vi.advanceTimersByTime(idleClearMs - 100);
    await settle('#20');
    vi.advanceTimersByTime(idleClearMs + 1);
    // the pause wiped "LaiChau#20": the rest alone does not match
    expect(await settle('24')).toEqual([false, false]);
    matcher.clear();
    const typed = matcher.type(password);
    await vi.advanceTimersByTimeAsync(1);
    expect(await typed).toBe(true);
  });
});

describe('constant work per check', () => {
  it('does one derivation of the same size and one full comparison per check, whatever is typed', async () => {
    const fp = await fingerprint(password);
    const inputs = {
      password,
      'sharing the first characters': 'LaiChau#2025',
      'nothing alike': 'qwertyuiopas',
      'Vietnamese letters': 'mậtkhẩuđâyạ!',
      'much longer': `${password}${password}xyz`,
    };
    const traces: Record<string, string[]> = {};
    for (const [name, text] of Object.entries(inputs)) {
      const { trace, derive, equal } = instrumented();
      const matcher = new RollingMatcher(fp, { ...now, derive, equal });
      await matcher.type(text);
      traces[name] = trace;
      expect(trace).toEqual([`derive:${2 * password.length}:16:1000`, 'compare:4:4']);
    }
    // the trace of a match is the trace of any other input of the same length
    expect(traces.password).toEqual(traces['nothing alike']);
    expect(traces.password).toEqual(traces['sharing the first characters']);
  });

  it('takes about as long for the password as for any other input of the same length', async () => {
    const fp = await fingerprint(password);
    const time = async (text: string) => {
      const matcher = new RollingMatcher(fp, now);
      const start = performance.now();
      for (let round = 0; round < 40; round += 1) await matcher.type(text);
      return performance.now() - start;
    };
    // warm up, then interleave the measurements so that drift hits both alike
    await time('warm-up-text');
    let matching = 0;
    let other = 0;
    for (let i = 0; i < 5; i += 1) {
      matching += await time(password);
      other += await time('zzzzzzzzzzzz');
    }
    // generous bounds: only a gross difference (an early exit, a second derivation) would break them
    expect(matching / other).toBeGreaterThan(0.5);
    expect(matching / other).toBeLessThan(2);
  });
});
