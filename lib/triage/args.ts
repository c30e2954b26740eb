/** The triage command's arguments, parsed without side effects so that tests can check every case. */
import { isLocale, t, type Locale } from '../i18n';
import type { Level } from '../scoring/types';
import './messages';

export interface TriageArgs {
  source: string;
  out: string;
  state?: string;
  since?: Date;
  domains: string[];
  minLevel: Level;
  prefixes: string[];
  merge?: string;
  allowPlaintext: boolean;
  json: boolean;
  progress: boolean;
  locale: Locale;
}

export type ParsedTriageArgs =
  | { kind: 'triage'; args: TriageArgs }
  | { kind: 'help'; locale: Locale }
  | { kind: 'usage-error'; locale: Locale; message: string };

/** `YYYY-MM-DD`, the start of that day in UTC. */
export function parseDay(value: string): Date | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const date = new Date(`${value}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? undefined : date;
}

export function parseTriageArgs(argv: readonly string[]): ParsedTriageArgs {
  const args: Omit<TriageArgs, 'source'> = {
    out: 'triage-output',
    domains: [],
    minLevel: 'caution',
    prefixes: [],
    allowPlaintext: false,
    json: false,
    progress: true,
    locale: 'vi',
  };
  const sources: string[] = [];
  let help = false;
  let problem: { key: string; params: Record<string, string> } | undefined;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') {
      sources.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      sources.push(arg);
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
    const flag = (set: () => void) => (inline === undefined ? set() : (problem ??= { key: 'scan.args.unknownOption', params: { option: arg } }));
    const withValue = (use: (v: string) => void) => {
      const v = value();
      if (v === undefined || v.trim() === '') problem ??= { key: 'scan.args.missingValue', params: { option: name } };
      else use(v.trim());
    };
    switch (name) {
      case '--help':
        flag(() => (help = true));
        break;
      case '--json':
        flag(() => (args.json = true));
        break;
      case '--no-progress':
        flag(() => (args.progress = false));
        break;
      case '--allow-plaintext':
        flag(() => (args.allowPlaintext = true));
        break;
      case '--out':
        withValue((v) => (args.out = v));
        break;
      case '--state':
        withValue((v) => (args.state = v));
        break;
      case '--merge':
        withValue((v) => (args.merge = v));
        break;
      case '--domain':
        withValue((v) => args.domains.push(v.toLowerCase()));
        break;
      case '--prefix':
        withValue((v) => args.prefixes.push(v));
        break;
      case '--since':
        withValue((v) => {
          const day = parseDay(v);
          if (day) args.since = day;
          else problem ??= { key: 'triage.args.badDate', params: { value: v } };
        });
        break;
      case '--min-level':
        withValue((v) => {
          if (v === 'caution' || v === 'danger') args.minLevel = v;
          else problem ??= { key: 'triage.args.badLevel', params: { value: v } };
        });
        break;
      case '--lang':
        withValue((v) => {
          if (isLocale(v)) args.locale = v;
          else problem ??= { key: 'scan.args.badLang', params: { value: v } };
        });
        break;
      default:
        problem ??= { key: 'scan.args.unknownOption', params: { option: arg } };
    }
  }
  const { locale } = args;
  if (help) return { kind: 'help', locale };
  if (problem) return { kind: 'usage-error', locale, message: t(locale, problem.key, problem.params) };
  if (sources.length === 0) return { kind: 'usage-error', locale, message: t(locale, 'triage.args.noSource') };
  if (sources.length > 1) return { kind: 'usage-error', locale, message: t(locale, 'triage.args.oneSource', { sources: sources.join(' ') }) };
  return { kind: 'triage', args: { ...args, source: sources[0]! } };
}
