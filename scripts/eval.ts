/**
 * `npm --silent run eval -- [--json] [--domain ORG] [--labels FILE.csv] [--top N] FOLDER=LABEL...`
 *
 * Scores labelled folders of .eml files with the shipped scorer and prints, per folder (and per
 * class of the labels CSV): files, safe/caution/danger counts and rates; per finding id, how
 * often it fires on lures and on legitimate mail, and its S/O ratio; then the worst false alarms
 * and the worst misses with their reasons. LABEL says the kind: `phish`, `lure`, `spam` (should be
 * flagged) or `ham`, `legit` (should not), or NAME:lure / NAME:ham.
 *
 *   npm --silent run eval -- ../shared/corpus/phish=phish ../shared/corpus/ham=ham \
 *     tests/corpus/vi-real/lure=vi-lure tests/corpus/vi-real/ham=vi-ham --labels tests/corpus/phish-labels.csv
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { countLevels, parseFolderSpec, parseLabels, rates, ruleFreqs, scoreFolder, worst, type Scored } from '../lib/eval/evaluate';

function pct(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function pad(value: string | number, width: number, left = false): string {
  const text = String(value);
  return left ? text.padEnd(width) : text.padStart(width);
}

function levelRow(name: string, items: readonly Scored[]): string {
  const c = countLevels(items);
  const r = rates(c);
  return [pad(name, 28, true), pad(c.files, 6), pad(c.safe, 6), pad(c.caution, 8), pad(c.danger, 7), pad(pct(r.flagged), 9), pad(pct(r.danger), 8), c.errors ? `  (${c.errors} unreadable)` : ''].join(' ');
}

function reasonsLine(item: Scored): string {
  return item.verdict.reasons.map((r) => `${r.id}(${r.weight})`).join(' ') || '—';
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      domain: { type: 'string' },
      labels: { type: 'string', multiple: true },
      top: { type: 'string', default: '15' },
    },
  });
  if (positionals.length === 0) {
    process.stderr.write('usage: npm --silent run eval -- [--json] [--domain ORG] [--labels FILE.csv] [--top N] FOLDER=LABEL...\n');
    return 2;
  }
  const specs = positionals.map(parseFolderSpec);
  const labels = new Map<string, string>();
  for (const file of values.labels ?? []) for (const [k, v] of parseLabels(await readFile(file, 'utf8'))) labels.set(k, v);
  const started = performance.now();
  const all: Scored[] = [];
  for (const spec of specs) all.push(...(await scoreFolder(spec, { ...(values.domain && { domain: values.domain }), labels })));
  const seconds = (performance.now() - started) / 1000;
  const top = Number.parseInt(values.top ?? '15', 10) || 15;

  if (values.json) {
    const folders = specs.map((s) => ({ label: s.label, kind: s.kind, ...countLevels(all.filter((i) => i.label === s.label)) }));
    const lines = all.map((i) => ({ file: i.file, label: i.label, kind: i.kind, klass: i.klass, level: i.verdict.level, score: i.verdict.score, reasons: i.verdict.reasons.map((r) => r.id) }));
    process.stdout.write(`${JSON.stringify({ folders, freqs: ruleFreqs(all), messages: lines, seconds })}\n`);
    return 0;
  }

  const out: string[] = [];
  out.push(`${pad('folder', 28, true)} ${pad('files', 6)} ${pad('safe', 6)} ${pad('caution', 8)} ${pad('danger', 7)} ${pad('caution+', 9)} ${pad('danger', 8)}`);
  for (const spec of specs) {
    const items = all.filter((i) => i.label === spec.label);
    out.push(levelRow(`${spec.label} (${spec.kind})`, items));
    const classes = [...new Set(items.map((i) => i.klass).filter((k): k is string => k !== undefined))].sort();
    for (const klass of classes) out.push(levelRow(`  ${klass}`, items.filter((i) => i.klass === klass)));
  }
  out.push('', `${pad('finding', 40, true)} ${pad('lure', 6)} ${pad('lure%', 7)} ${pad('ham', 5)} ${pad('ham%', 6)} ${pad('S/O', 5)} ${pad('weight', 6)}`);
  for (const f of ruleFreqs(all)) {
    out.push(`${pad(f.id, 40, true)} ${pad(f.lure, 6)} ${pad(pct(f.lureRate), 7)} ${pad(f.ham, 5)} ${pad(pct(f.hamRate), 6)} ${pad(f.so.toFixed(2), 5)} ${pad(f.weight, 6)}`);
  }
  const { falseAlarms, misses } = worst(all, top);
  out.push('', `worst false alarms (${all.filter((i) => i.kind === 'ham' && i.verdict.level !== 'safe').length} in all):`);
  for (const item of falseAlarms) out.push(`  ${pad(item.verdict.score, 3)} ${item.verdict.level.padEnd(7)} ${item.label}/${basename(item.file)}  «${item.subject.slice(0, 70)}»\n        ${reasonsLine(item)}`);
  out.push('', `worst misses (${all.filter((i) => i.kind === 'lure' && i.verdict.level === 'safe').length} lures safe):`);
  for (const item of misses) out.push(`  ${pad(item.verdict.score, 3)} ${item.label}/${item.klass ?? '-'}/${basename(item.file)}  «${item.subject.slice(0, 70)}»\n        ${reasonsLine(item)}`);
  out.push('', `${all.length} messages in ${seconds.toFixed(1)} s`);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
