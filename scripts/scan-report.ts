import { isLocale, t } from '../lib/i18n';
import type { Locale } from '../lib/i18n';
import type { Level, Verdict } from '../lib/scoring/types';

export interface ScanOptions {
  json: boolean;
  locale: Locale;
  /** The organisation's domain for every file, instead of each file's recipient. */
  domain?: string;
  paths: string[];
}

export type ParsedArgs =
  | { kind: 'scan'; options: ScanOptions }
  | { kind: 'help'; locale: Locale }
  | { kind: 'usage-error'; locale: Locale; message: string };

/** Exit codes, as `--help` documents them. */
export const exitCode = { scanned: 0, fileErrors: 1, usage: 2 } as const;

/**
 * `[--json] [--lang vi|en] [--domain ORG.DOMAIN] PATH...`; `--opt=value` works too, and `--`
 * ends the options so a file may start with a dash.
 */
export function parseScanArgs(argv: readonly string[]): ParsedArgs {
  let json = false;
  let help = false;
  let locale: Locale = 'vi';
  let domain: string | undefined;
  const paths: string[] = [];
  let problem: { key: string; params: Record<string, string> } | undefined;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      paths.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      paths.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg : arg.slice(0, eq);
    const inline = eq === -1 ? undefined : arg.slice(eq + 1);
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) return undefined;
      i += 1;
      return next;
    };
    if (name === '--json' && inline === undefined) json = true;
    else if ((name === '--help' || name === '-h') && inline === undefined) help = true;
    else if (name === '--lang') {
      const lang = value();
      if (lang === undefined) problem ??= { key: 'scan.args.missingValue', params: { option: name } };
      else if (isLocale(lang)) locale = lang;
      else problem ??= { key: 'scan.args.badLang', params: { value: lang } };
    } else if (name === '--domain') {
      const given = value()?.trim().toLowerCase();
      if (given) domain = given;
      else problem ??= { key: 'scan.args.missingValue', params: { option: name } };
    } else problem ??= { key: 'scan.args.unknownOption', params: { option: arg } };
  }

  if (help) return { kind: 'help', locale };
  if (problem) return { kind: 'usage-error', locale, message: t(locale, problem.key, problem.params) };
  if (paths.length === 0) return { kind: 'usage-error', locale, message: t(locale, 'scan.args.noPaths') };
  return { kind: 'scan', options: { json, locale, paths, ...(domain && { domain }) } };
}

/** The `--json` line of a scanned file: DESIGN.md's contract, with the evidence added. */
export function verdictJsonLine(file: string, verdict: Verdict): string {
  return JSON.stringify({
    file,
    level: verdict.level,
    score: verdict.score,
    reasons: verdict.reasons.map((r) => ({ id: r.id, message: r.message, evidence: r.evidence })),
  });
}

export function errorJsonLine(file: string, error: string): string {
  return JSON.stringify({ file, error });
}

export function levelLabel(locale: Locale, level: Level): string {
  return t(locale, `scan.level.${level}`);
}

/** Evidence is text taken from a hostile mail: one line each, control characters shown as spaces. */
function oneLine(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

/** A file's verdict for a person: a header line, then each reason with its evidence indented. */
export function verdictHumanReport(file: string, verdict: Verdict, locale: Locale): string {
  const lines = [t(locale, 'scan.header', { file, level: levelLabel(locale, verdict.level), score: verdict.score })];
  if (verdict.reasons.length === 0) lines.push(`  ${t(locale, 'scan.noReasons')}`);
  for (const reason of verdict.reasons) {
    lines.push(`  • ${oneLine(reason.message)} [${reason.id}]`);
    for (const evidence of reason.evidence) lines.push(`      “${oneLine(evidence)}”`);
  }
  return lines.join('\n');
}

export function errorHumanReport(file: string, error: string, locale: Locale): string {
  return t(locale, 'scan.fileError', { file, message: error });
}

export interface ScanTally {
  safe: number;
  caution: number;
  danger: number;
  errors: number;
}

export function summaryLine(tally: ScanTally, locale: Locale): string {
  const count = tally.safe + tally.caution + tally.danger + tally.errors;
  return t(locale, 'scan.summary', { count, ...tally });
}
