/**
 * The product's acceptance test on the problem statement itself: every lure quoted in the
 * provinces' warning letters is danger, for the reasons the letters give; the letters (which
 * quote those lures word for word) and ordinary office mail are not. Then, when the .eml corpus
 * and the raw-message parser exist, the same holds for every file of tests/corpus/.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { MailMessage } from '../../lib/mail/types';
import { policyForOrganisation } from '../../lib/policy/defaults';
import { score } from '../../lib/scoring';
import { benignCases, letterCases, lureCases } from './scoring-corpus';

describe('seed-letter lures', () => {
  it.each(lureCases.map((c) => [c.name, c] as const))('%s → danger', (_, c) => {
    const verdict = score(c.message, c.policy);
    expect(verdict.level).toBe('danger');
    const found = verdict.reasons.map((r) => r.id);
    for (const id of c.expectedReasons) expect(found).toContain(id);
  });
});

describe('seed letters (official warnings quoting the lures)', () => {
  it.each(letterCases.map((c) => [c.name, c] as const))('%s → safe', (_, c) => {
    const verdict = score(c.message, c.policy);
    expect(verdict.level).toBe('safe');
    const found = verdict.reasons.map((r) => r.id);
    for (const id of c.expectedReasons) expect(found).toContain(id);
  });

  it('are flagged if the same text comes from outside the organisation', () => {
    const [thaiNguyenLetter] = letterCases;
    if (!thaiNguyenLetter) throw new Error('no letter');
    const forged = { ...thaiNguyenLetter.message, from: { name: 'Trung tâm CNTT&TT', address: 'ttcntt@thainguyen-gov.vn' } };
    expect(score(forged, thaiNguyenLetter.policy).level).toBe('danger');
  });
});

describe('ordinary office mail', () => {
  it.each(benignCases.map((c) => [c.name, c] as const))('%s → safe', (_, c) => {
    expect(score(c.message, c.policy).level).toBe('safe');
  });
});

const corpusRoot = join(import.meta.dirname, '..', 'corpus');
const parserPath = join(import.meta.dirname, '..', '..', 'lib', 'mail', 'parse.ts');
const corpusReady = existsSync(join(corpusRoot, 'lures')) && existsSync(parserPath);

function emlFiles(directory: string): string[] {
  if (!existsSync(directory)) return [];
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return emlFiles(path);
    return entry.toLowerCase().endsWith('.eml') ? [path] : [];
  });
}

/** The organisation is the recipient's, as the `scan` command decides it. */
function policyFor(message: MailMessage) {
  const recipient = [...message.to, ...message.cc].find((a) => a.address.includes('@'));
  return policyForOrganisation(recipient?.address ?? '');
}

describe.skipIf(!corpusReady)('.eml corpus (tests/corpus)', async () => {
  const { parseRawMessage } = (await import(pathToFileURL(parserPath).href)) as {
    parseRawMessage: (raw: Uint8Array) => Promise<MailMessage>;
  };
  const lures = emlFiles(join(corpusRoot, 'lures'));
  const benign = emlFiles(join(corpusRoot, 'benign'));

  it('has files to check', () => {
    expect(lures.length).toBeGreaterThan(0);
  });

  it.each(lures)('lure %s → danger', async (file) => {
    const message = await parseRawMessage(readFileSync(file));
    const verdict = score(message, policyFor(message));
    expect(verdict.level, verdict.reasons.map((r) => `${r.weight} ${r.id}`).join('\n')).toBe('danger');
  });

  it.each(benign)('benign %s → not danger', async (file) => {
    const message = await parseRawMessage(readFileSync(file));
    const verdict = score(message, policyFor(message));
    expect(verdict.level, verdict.reasons.map((r) => `${r.weight} ${r.id}`).join('\n')).not.toBe('danger');
  });
});
