import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

/** Runs the real command, as `npm run scan` does, but without npm's own output around it. */
function scan(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/scan.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface VerdictLine {
  file: string;
  level: 'safe' | 'caution' | 'danger';
  score: number;
  reasons: { id: string; message: string; evidence: string[] }[];
}
type Line = VerdictLine | { file: string; error: string };

function jsonLines(stdout: string): Line[] {
  return stdout
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Line);
}

const corpusFiles = (dir: string) =>
  readdirSync(join(root, 'tests/corpus', dir))
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => `tests/corpus/${dir}/${name}`);

describe('scan --json on the corpus', { timeout: 60_000 }, () => {
  let run: ReturnType<typeof scan>;
  let lines: Line[];
  let byFile: Map<string, Line>;
  beforeAll(() => {
    run = scan('--json', 'tests/corpus');
    lines = jsonLines(run.stdout);
    byFile = new Map(lines.map((line) => [line.file, line]));
  }, 60_000);
  const verdict = (file: string): VerdictLine => {
    const line = byFile.get(file);
    if (!line || 'error' in line) throw new Error(`no verdict for ${file}: ${JSON.stringify(line)}`);
    return line;
  };

  it('prints one line per file, in sorted order, broken ones included', () => {
    // sub-folders too (vi-real/ham, vi-real/lure), in the same sorted order
    const expected = [...corpusFiles('benign'), ...corpusFiles('broken'), ...corpusFiles('lures'), ...corpusFiles('vi-real/ham'), ...corpusFiles('vi-real/lure')];
    expect(lines.map((line) => line.file)).toEqual(expected);
  });

  it('reports each unparsable file with a clear error and goes on scanning', () => {
    const broken = corpusFiles('broken');
    expect(broken.length).toBeGreaterThan(0);
    for (const file of broken) {
      expect(byFile.get(file)).toEqual({ file, error: expect.stringMatching(/^not an e-mail message: .{10,}/) });
    }
    const lastBroken = lines.findIndex((line) => line.file === broken.at(-1));
    expect(lines.slice(lastBroken + 1).every((line) => 'level' in line)).toBe(true);
    expect(lines.length - lastBroken - 1).toBe(corpusFiles('lures').length + corpusFiles('vi-real/ham').length + corpusFiles('vi-real/lure').length);
  });

  it('exits with 1 because some files could not be read', () => {
    expect(run.status).toBe(1);
  });

  it('follows the DESIGN.md contract on every verdict line', () => {
    for (const line of lines) {
      if ('error' in line) continue;
      expect(Object.keys(line)).toEqual(['file', 'level', 'score', 'reasons']);
      expect(['safe', 'caution', 'danger']).toContain(line.level);
      expect(line.score).toBeGreaterThanOrEqual(0);
      expect(line.score).toBeLessThanOrEqual(100);
      for (const reason of line.reasons) {
        expect(Object.keys(reason)).toEqual(['id', 'message', 'evidence']);
        expect(reason.message).not.toBe('');
        expect(reason.message).not.toBe(reason.id);
        expect(Array.isArray(reason.evidence)).toBe(true);
      }
    }
  });

  it.each(corpusFiles('lures'))('%s is danger', (file) => {
    const { level, reasons } = verdict(file);
    expect(level, JSON.stringify(reasons.map((r) => r.id))).toBe('danger');
  });

  it.each(corpusFiles('benign'))('%s is not danger', (file) => {
    const { level, reasons } = verdict(file);
    expect(level, JSON.stringify(reasons.map((r) => r.id))).not.toBe('danger');
  });
});

describe('scan on files and options', { timeout: 60_000 }, () => {
  it('exits with 0 when every file was scanned', () => {
    const run = scan('--json', 'tests/corpus/lures', 'tests/corpus/benign');
    expect(run.status).toBe(0);
    expect(jsonLines(run.stdout).every((line) => 'level' in line)).toBe(true);
  });

  it('prints each reason with its evidence for a person, in Vietnamese by default', () => {
    const file = 'tests/corpus/lures/soctrang-postmaster-quota.eml';
    const [json] = jsonLines(scan('--json', file).stdout);
    if (!json || 'error' in json) throw new Error('no verdict');
    const run = scan(file);
    expect(run.status).toBe(0);
    const out = run.stdout.split('\n');
    expect(out[0]).toBe(`${file}: nguy hiểm (điểm ${json.score}/100)`);
    expect(json.reasons.length).toBeGreaterThan(0);
    for (const reason of json.reasons) {
      expect(out).toContain(`  • ${reason.message} [${reason.id}]`);
      for (const evidence of reason.evidence) expect(out).toContain(`      “${evidence}”`);
    }
    expect(run.stdout).toContain('Đã quét 1 tệp: 1 nguy hiểm, 0 thận trọng, 0 an toàn, 0 lỗi.');
  });

  it('speaks English with --lang en, errors included', () => {
    const run = scan('--lang', 'en', 'tests/corpus/lures/laocai-xacminh-taikhoan.eml', 'tests/corpus/broken/empty.eml', 'no/such.eml');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('tests/corpus/lures/laocai-xacminh-taikhoan.eml: danger (score');
    expect(run.stdout).toContain('tests/corpus/broken/empty.eml: ERROR — could not read the message: not an e-mail message: the input is empty');
    expect(run.stdout).toContain('no/such.eml: ERROR — could not read the message: no such file or directory');
    expect(run.stdout).toContain('Scanned 3 files: 1 danger, 0 caution, 0 safe, 2 errors.');
  });

  it('scores for the organisation given with --domain instead of the recipient', () => {
    const file = 'tests/corpus/benign/laichau-canhbao-gia-mao.eml';
    const [own] = jsonLines(scan('--json', file).stdout);
    const [other] = jsonLines(scan('--json', '--domain', 'soctrang.gov.vn', file).stdout);
    if (!own || 'error' in own || !other || 'error' in other) throw new Error('no verdict');
    expect(other.reasons.map((r) => r.id)).not.toEqual(own.reasons.map((r) => r.id));
  });

  it('prints the usage with --help and exits with 0', () => {
    const run = scan('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('npm run --silent scan -- [--json] [--lang vi|en] [--domain TÊN.MIỀN] ĐƯỜNG_DẪN...');
    expect(run.stdout).toContain('Mã thoát: 0');
  });

  it('refuses a wrong command line with exit code 2 and nothing on stdout', () => {
    const run = scan('--json', '--frobnicate', 'tests/corpus');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Tùy chọn không hợp lệ: --frobnicate');
    expect(scan().status).toBe(2);
  });
});
