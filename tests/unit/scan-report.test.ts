import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../lib/scoring/types';
import { errorJsonLine, parseScanArgs, summaryLine, verdictHumanReport, verdictJsonLine } from '../../scripts/scan-report';

const verdict: Verdict = {
  level: 'danger',
  score: 87,
  reasons: [
    {
      id: 'quota-lure',
      category: 'quota',
      weight: 40,
      evidence: ['Đã vượt quá hạn ngạch', 'line one\nline two'],
      message: 'Thư báo hộp thư đầy để lừa bạn bấm vào liên kết.',
    },
    { id: 'reply-to-freemail', category: 'reply-to', weight: 20, evidence: [], message: 'Reply-To khác người gửi.' },
  ],
};

describe('parseScanArgs', () => {
  it('reads flags, values and paths in any order', () => {
    expect(parseScanArgs(['a.eml', '--json', '--lang', 'en', '--domain=LaiChau.gov.vn', 'dir'])).toEqual({
      kind: 'scan',
      options: { json: true, locale: 'en', domain: 'laichau.gov.vn', paths: ['a.eml', 'dir'] },
    });
  });

  it('defaults to Vietnamese human output and takes paths after --', () => {
    expect(parseScanArgs(['--', '--json'])).toEqual({ kind: 'scan', options: { json: false, locale: 'vi', paths: ['--json'] } });
  });

  it('answers --help before anything else', () => {
    expect(parseScanArgs(['--bogus', '--help', '--lang=en'])).toEqual({ kind: 'help', locale: 'en' });
  });

  it.each([
    [['--bogus', 'a.eml'], 'Tùy chọn không hợp lệ: --bogus'],
    [['--lang', 'fr', 'a.eml'], 'Ngôn ngữ không hỗ trợ: fr (chọn vi hoặc en)'],
    [['a.eml', '--domain'], 'Thiếu giá trị cho --domain'],
    [['--json'], 'Chưa chỉ định tệp .eml hoặc thư mục nào để quét'],
  ])('refuses %j', (argv, message) => {
    expect(parseScanArgs(argv)).toEqual({ kind: 'usage-error', locale: 'vi', message });
  });

  it('explains a usage error in the language asked for', () => {
    expect(parseScanArgs(['--lang', 'en'])).toEqual({
      kind: 'usage-error',
      locale: 'en',
      message: 'No .eml file or directory to scan was given',
    });
  });
});

describe('scan output', () => {
  it('prints the JSON contract of DESIGN.md with the evidence added', () => {
    expect(JSON.parse(verdictJsonLine('x.eml', verdict))).toEqual({
      file: 'x.eml',
      level: 'danger',
      score: 87,
      reasons: [
        { id: 'quota-lure', message: verdict.reasons[0]?.message, evidence: ['Đã vượt quá hạn ngạch', 'line one\nline two'] },
        { id: 'reply-to-freemail', message: 'Reply-To khác người gửi.', evidence: [] },
      ],
    });
    expect(verdictJsonLine('x.eml', verdict)).not.toContain('\n');
    expect(JSON.parse(errorJsonLine('y.eml', 'not an e-mail message'))).toEqual({ file: 'y.eml', error: 'not an e-mail message' });
  });

  it('writes a header with the Vietnamese level, then reasons with their evidence indented', () => {
    expect(verdictHumanReport('x.eml', verdict, 'vi').split('\n')).toEqual([
      'x.eml: nguy hiểm (điểm 87/100)',
      '  • Thư báo hộp thư đầy để lừa bạn bấm vào liên kết. [quota-lure]',
      '      “Đã vượt quá hạn ngạch”',
      '      “line one line two”',
      '  • Reply-To khác người gửi. [reply-to-freemail]',
    ]);
  });

  it('says so when a message shows no sign, in English when asked', () => {
    const safe: Verdict = { level: 'safe', score: 0, reasons: [] };
    expect(verdictHumanReport('ok.eml', safe, 'en')).toBe('ok.eml: safe (score 0/100)\n  No sign of phishing found.');
    expect(verdictHumanReport('ok.eml', { ...safe, level: 'caution' }, 'vi')).toContain('thận trọng');
  });

  it('sums up the scan', () => {
    expect(summaryLine({ safe: 3, caution: 1, danger: 2, errors: 1 }, 'vi')).toBe(
      'Đã quét 7 tệp: 2 nguy hiểm, 1 thận trọng, 3 an toàn, 1 lỗi.',
    );
  });
});
