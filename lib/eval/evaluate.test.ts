import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Verdict } from '../scoring/types';
import { emptyMessage } from '../mail/types';
import { countLevels, parseFolderSpec, parseLabels, rates, ruleFreqs, scoreFolder, withoutAnonymisedSender, worst, type Scored } from './evaluate';

describe('parseFolderSpec', () => {
  it('reads FOLDER=LABEL and the kind the label says', () => {
    expect(parseFolderSpec('../shared/corpus/phish=phish')).toEqual({ folder: '../shared/corpus/phish', label: 'phish', kind: 'lure' });
    expect(parseFolderSpec('a=b/ham=vi-ham')).toEqual({ folder: 'a=b/ham', label: 'vi-ham', kind: 'ham' });
    expect(parseFolderSpec('x=odd:lure')).toEqual({ folder: 'x', label: 'odd', kind: 'lure' });
  });

  it('refuses a spec without a label or with a label of no kind, and says how to write one', () => {
    expect(() => parseFolderSpec('folder')).toThrow(/FOLDER=LABEL/);
    expect(() => parseFolderSpec('folder=newsletters')).toThrow(/must say lure or ham/);
  });
});

describe('parseLabels', () => {
  it('maps file names to classes, skipping the header and blank lines', () => {
    const labels = parseLabels('file,class,note\npp-1.eml,credential,quota\r\npp-2.eml, scam \n\n');
    expect([...labels]).toEqual([['pp-1.eml', 'credential'], ['pp-2.eml', 'scam']]);
  });
});

function scored(kind: 'lure' | 'ham', level: Verdict['level'], score: number, reasons: string[]): Scored {
  return { file: `${kind}-${score}.eml`, label: kind, kind, subject: '', verdict: { level, score, reasons: reasons.map((id) => ({ id, category: 'link', weight: 10, evidence: [], message: '' })) } };
}

describe('counts, rates, freqs and the worst', () => {
  const items = [
    scored('lure', 'danger', 90, ['link.free-host', 'sender.free-mail']),
    scored('lure', 'caution', 40, ['link.free-host']),
    scored('lure', 'safe', 5, []),
    scored('lure', 'safe', 20, ['sender.free-mail']),
    scored('ham', 'safe', 0, []),
    scored('ham', 'caution', 35, ['sender.free-mail']),
  ];

  it('counts levels and rates per folder', () => {
    const lures = countLevels(items.filter((i) => i.kind === 'lure'));
    expect(lures).toEqual({ files: 4, safe: 2, caution: 1, danger: 1, errors: 0 });
    expect(rates(lures)).toEqual({ flagged: 0.5, danger: 0.25 });
  });

  it('gives each finding its rate on lures and on ham, and the S/O of the rates', () => {
    const freqs = ruleFreqs(items);
    const freeHost = freqs.find((f) => f.id === 'link.free-host');
    const freeMail = freqs.find((f) => f.id === 'sender.free-mail');
    expect(freeHost).toMatchObject({ lure: 2, ham: 0, lureRate: 0.5, hamRate: 0, so: 1 });
    expect(freeMail).toMatchObject({ lure: 2, ham: 1, lureRate: 0.5, hamRate: 0.5, so: 0.5 });
  });

  it('names the worst false alarms and misses', () => {
    const { falseAlarms, misses } = worst(items, 5);
    expect(falseAlarms.map((i) => i.verdict.score)).toEqual([35]);
    expect(misses.map((i) => i.verdict.score)).toEqual([5, 20]);
  });
});

describe('scoreFolder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'khienthu-eval-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scores every .eml under a folder with the recipient as the organisation, and its class from the labels', async () => {
    writeFileSync(join(dir, 'a.eml'), 'From: "Postmaster" <x@weebly-mail.top>\r\nTo: canbo@laocai.gov.vn\r\nSubject: Mailbox full\r\n\r\nHop thu cua ban da vuot qua gioi han luu tru. Nhap mat khau tai day de xac minh tai khoan trong 24 gio.\r\n');
    writeFileSync(join(dir, 'b.eml'), 'From: "Nguyen Van B" <b@laocai.gov.vn>\r\nTo: canbo@laocai.gov.vn\r\nSubject: Lich hop\r\n\r\nGui anh lich hop tuan sau.\r\n');
    writeFileSync(join(dir, 'notes.txt'), 'not a message');
    const items = await scoreFolder({ folder: dir, label: 'mixed', kind: 'lure' }, { labels: new Map([['a.eml', 'credential']]) });
    expect(items.map((i) => [i.file.endsWith('a.eml') ? 'a' : 'b', i.klass])).toEqual([['a', 'credential'], ['b', undefined]]);
    expect(items[0]?.verdict.level).not.toBe('safe');
    expect(items[1]?.verdict.level).toBe('safe');
  });
});

describe('withoutAnonymisedSender', () => {
  it("reads the honeypot's anonymised forwarder (phishing@pot) as a reserved domain, not as a forged From", () => {
    const forwarded = { ...emptyMessage('raw'), from: { name: 'phishing@pot', address: 'phishing@pot' }, to: [{ name: '', address: 'phishing@pot' }] };
    const read = withoutAnonymisedSender(forwarded);
    expect(read.from?.address).toBe('phishing@pot.example');
    expect(read.to).toEqual(forwarded.to);
    const forged = { ...emptyMessage('raw'), from: { name: 'Correios', address: 'rastreio@correios' } };
    expect(withoutAnonymisedSender(forged)).toBe(forged);
  });
});
