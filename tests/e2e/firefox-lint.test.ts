/**
 * Mozilla's own linter (addons-linter, through web-ext) on the Firefox build: what addons.mozilla.org
 * would reject must fail here first. Errors fail the test and are printed; warnings are printed only.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { outputDir } from '../lab/browser';

const firefoxBuild = join(outputDir, 'firefox-mv2');
const webExt = resolve(import.meta.dirname, '../../node_modules/.bin/web-ext');

interface LintMessage {
  code: string;
  message: string;
  description?: string;
  file?: string;
  line?: number;
  column?: number;
}

interface LintReport {
  summary: { errors: number; notices: number; warnings: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

const describeLint = (m: LintMessage) => `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}:${m.column ?? 0}` : ''} — ${m.message}`;

describe('web-ext lint on the Firefox build', () => {
  it('reports no error', async () => {
    expect(existsSync(join(firefoxBuild, 'manifest.json')), `no Firefox build in ${firefoxBuild}`).toBe(true);
    // web-ext exits non-zero when there are errors; the JSON report is on stdout either way.
    const { stdout } = await promisify(execFile)(webExt, ['lint', '--source-dir', firefoxBuild, '--output', 'json', '--no-config-discovery'], {
      maxBuffer: 16 * 1024 * 1024,
      env: { ...process.env, NO_UPDATE_NOTIFIER: '1' },
    }).catch((error: { stdout?: string; stderr?: string }) => {
      if (!error.stdout) throw new Error(`web-ext lint did not run: ${error.stderr ?? String(error)}`);
      return { stdout: error.stdout };
    });
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as LintReport;
    console.log(
      `web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.notices} notices` +
        report.warnings.map((w) => `\n  warning ${describeLint(w)}`).join(''),
    );
    expect(report.errors.map(describeLint)).toEqual([]);
    expect(report.summary.errors).toBe(0);
  }, 120_000);
});
