/**
 * `npm run --silent scan -- [--json] [--lang vi|en] [--domain ORG.DOMAIN] PATH...`
 * Scores `.eml` files with the same library as the extension. Kept thin: parsing is
 * lib/mail, scoring lib/scoring, settings lib/policy; the file walk and the output formats
 * are the two modules next to this one.
 */
import { readFile } from 'node:fs/promises';
import { t } from '../lib/i18n';
import { parseRawMessage } from '../lib/mail/parse';
import { recipientAddress } from '../lib/mail/recipient';
import type { MailMessage } from '../lib/mail/types';
import { basePolicy, policyForOrganisation } from '../lib/policy/defaults';
import type { Policy } from '../lib/policy/types';
import { score } from '../lib/scoring/index';
import type { Verdict } from '../lib/scoring/types';
import { fileErrorMessage, listScanTargets } from './scan-files';
import {
  errorHumanReport,
  errorJsonLine,
  exitCode,
  parseScanArgs,
  summaryLine,
  verdictHumanReport,
  verdictJsonLine,
} from './scan-report';
import type { ScanOptions, ScanTally } from './scan-report';

function policyFor(message: MailMessage, options: ScanOptions): Policy {
  const organisation = options.domain ?? recipientAddress(message);
  const policy = organisation ? policyForOrganisation(organisation) : basePolicy();
  return { ...policy, locale: options.locale };
}

// `npm run scan … | head`: the reader left, which is no error of the scan
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

async function scan(options: ScanOptions): Promise<number> {
  const tally: ScanTally = { safe: 0, caution: 0, danger: 0, errors: 0 };
  const out = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  const report = (file: string, error: string): void => {
    tally.errors += 1;
    out(options.json ? errorJsonLine(file, error) : errorHumanReport(file, error, options.locale));
  };

  for (const target of await listScanTargets(options.paths)) {
    if ('error' in target) {
      report(target.file, target.error);
      continue;
    }
    let raw: Uint8Array;
    try {
      raw = await readFile(target.file);
    } catch (error) {
      report(target.file, fileErrorMessage(error));
      continue;
    }
    let message: MailMessage;
    try {
      message = await parseRawMessage(raw);
    } catch (error) {
      report(target.file, error instanceof Error ? error.message : String(error));
      continue;
    }
    let verdict: Verdict;
    try {
      verdict = score(message, policyFor(message, options));
    } catch (error) {
      report(target.file, `scoring failed: ${error instanceof Error ? error.message : String(error)}`);
      continue;
    }
    tally[verdict.level] += 1;
    out(options.json ? verdictJsonLine(target.file, verdict) : verdictHumanReport(target.file, verdict, options.locale));
  }

  if (!options.json) out(`\n${summaryLine(tally, options.locale)}`);
  return tally.errors > 0 ? exitCode.fileErrors : exitCode.scanned;
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseScanArgs(argv);
  switch (parsed.kind) {
    case 'help':
      process.stdout.write(`${t(parsed.locale, 'scan.usage')}\n`);
      return exitCode.scanned;
    case 'usage-error':
      process.stderr.write(`${parsed.message}\n${t(parsed.locale, 'scan.seeHelp')}\n`);
      return exitCode.usage;
    case 'scan':
      return scan(parsed.options);
  }
}

process.exitCode = await main(process.argv.slice(2));
