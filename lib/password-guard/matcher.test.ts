import { afterEach, describe, expect, it, vi } from 'vitest';
import { constantTimeEqual, createFingerprint, sha256, type Digest, type PasswordFingerprint } from './fingerprint';
import { idleClearMs, RollingMatcher } from './matcher';

const source = { host: 'mail.laichau.gov.vn', webmailUrl: 'https://mail.laichau.gov.vn/', client: 'roundcube' as const };
const password = 'LaiChau#2024';

afterEach(() => vi.useRealTimers());

async function typeEach(matcher: RollingMatcher, text: string): Promise<boolean[]> {
  const results: boolean[] = [];
  for (const char of text) results.push(await matcher.type(char));
  return results;
}

/** A digest and a comparison that write down every call: what the matcher does, key by key. */
function instrumented() {
  const trace: string[] = [];
  const digest: Digest = async (data) => {
    trace.push(`hash:${data.length}`);
    return sha256(data);
  };
  const equal = (a: Uint8Array, b: Uint8Array) => {
    trace.push(`compare:${a.length}:${b.length}`);
    return constantTimeEqual(a, b);
  };
  return { trace, digest, equal };
}

describe('the rolling match', () => {
  let fp: PasswordFingerprint;

  it('matches when the last characters typed are the password, wherever it starts', async () => {
    fp = await createFingerprint(password, source);
    const matcher = new RollingMatcher(fp);
    const results = await typeEach(matcher, `xin chao ${password}`);
    expect(results.indexOf(true)).toBe(results.length - 1);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('does not match another password, a prefix, or the password with one character wrong', async () => {
    fp = await createFingerprint(password, source);
    const matcher = new RollingMatcher(fp);
    for (const text of ['LaiChau#2025', password.slice(0, -1), `X${password.slice(1)}`, password.toLowerCase()]) {
      matcher.clear();
      expect(await typeEach(matcher, text)).not.toContain(true);
    }
  });

  it('cannot match before as many keys as the password has were typed', async () => {
    fp = await createFingerprint('abc', source);
    const matcher = new RollingMatcher(fp);
    // the window starts as U+0000s: "bc" alone is "\0bc", never "abc"
    expect(await typeEach(matcher, 'bc')).toEqual([false, false]);
    expect(await typeEach(matcher, 'abc')).toEqual([false, false, true]);
  });

  it('follows Backspace: a corrected typo still matches', async () => {
    fp = await createFingerprint(password, source);
    const matcher = new RollingMatcher(fp);
    await typeEach(matcher, 'LaiChaz');
    expect(await matcher.backspace()).toBe(false);
    expect(await typeEach(matcher, 'u#2024')).toEqual([false, false, false, false, false, true]);
  });

  it('treats pasted text as typed characters, alone or after typing', async () => {
    fp = await createFingerprint(password, source);
    expect(await new RollingMatcher(fp).type(password)).toBe(true);
    const matcher = new RollingMatcher(fp);
    await typeEach(matcher, 'LaiC');
    expect(await matcher.type('hau#2024')).toBe(true);
    // every position of a paste is a window: the password inside a longer paste is found too
    expect(await new RollingMatcher(fp).type(`copied: ${password} and more`)).toBe(true);
    expect(await new RollingMatcher(fp).type('copied: LaiChau#202 and more')).toBe(false);
  });

  it('forgets what was typed after a few idle seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    fp = await createFingerprint(password, source);
    const matcher = new RollingMatcher(fp);
    await typeEach(matcher, 'LaiChau');
    vi.advanceTimersByTime(idleClearMs - 100);
    await typeEach(matcher, '#20');
    vi.advanceTimersByTime(idleClearMs + 1);
    // the pause wiped "LaiChau#20": the rest alone does not match
    expect(await typeEach(matcher, '24')).toEqual([false, false]);
    matcher.clear();
    expect(await matcher.type(password)).toBe(true);
  });
});

describe('constant work per key', () => {
  it('does one hash of the same size and one full comparison per key, whatever is typed', async () => {
    const fp = await createFingerprint(password, source);
    const inputs = {
      password,
      'sharing the first characters': 'LaiChau#2025',
      'nothing alike': 'qwertyuiopas',
      'Vietnamese letters': 'mậtkhẩuđâyạ',
      'shorter than the password': 'abc',
      'much longer': `${password}${password}xyz`,
    };
    const traces: Record<string, string[]> = {};
    for (const [name, text] of Object.entries(inputs)) {
      const { trace, digest, equal } = instrumented();
      const matcher = new RollingMatcher(fp, { digest, equal });
      for (const char of text) await matcher.type(char);
      await matcher.backspace();
      traces[name] = trace;
      const keys = text.length + 1;
      const oneKey = [`hash:${16 + 2 * password.length}`, 'compare:5:5'];
      // the same two steps for every key, before the window is full and after, match or no match
      expect(trace).toEqual(Array.from({ length: keys }, () => oneKey).flat());
    }
    // the trace of a match is the trace of any other input of the same length
    expect(traces.password).toEqual(traces['nothing alike']);
    expect(traces.password).toEqual(traces['sharing the first characters']);
  });

  it('hashes a window of the same bytes length whether it matches or not (no early exit on a partial match)', async () => {
    const fp = await createFingerprint(password, source);
    const sizes = new Set<number>();
    const digest: Digest = (data) => {
      sizes.add(data.length);
      return sha256(data);
    };
    const matcher = new RollingMatcher(fp, { digest });
    await matcher.type(`L${password}La${password}`);
    expect([...sizes]).toEqual([16 + 2 * password.length]);
  });

  it('takes about as long for the password as for any other input of the same length', async () => {
    const fp = await createFingerprint(password, source);
    const time = async (text: string) => {
      const matcher = new RollingMatcher(fp);
      const start = performance.now();
      for (let round = 0; round < 200; round += 1) await matcher.type(text);
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
    // generous bounds: only a gross difference (an early exit, a second hash) would break them
    expect(matching / other).toBeGreaterThan(0.5);
    expect(matching / other).toBeLessThan(2);
  });
});
