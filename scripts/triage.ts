/**
 * `npm run --silent triage -- [options] SOURCE`: the help desk's reports, triaged. Kept thin like
 * scan.ts: the work is lib/triage (sources, unwrapping, dedupe, campaigns, the policy fragment, the
 * HTML report); this file reads the arguments and the password, and prints.
 */
import { t } from '../lib/i18n';
import { parseTriageArgs } from '../lib/triage/args';
import { runTriage } from '../lib/triage/run';

const exitCode = { triaged: 0, sourceError: 1, usage: 2 } as const;

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseTriageArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(`${t(parsed.locale, 'triage.usage')}\n`);
    return exitCode.triaged;
  }
  if (parsed.kind === 'usage-error') {
    process.stderr.write(`${parsed.message}\n${t(parsed.locale, 'triage.seeHelp')}\n`);
    return exitCode.usage;
  }
  const { args } = parsed;
  // wxt.config loads all of WXT: only a merge into a Chromium policy file needs the ID from it
  const extensionId = args.merge ? (await import('../wxt.config')).EXTENSION_ID : '';
  let summary;
  try {
    summary = await runTriage({
      ...args,
      ...(process.env.KHIENTHU_IMAP_PASSWORD && { password: process.env.KHIENTHU_IMAP_PASSWORD }),
      progressStream: process.stderr,
      extensionId,
    });
  } catch (error) {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    return exitCode.sourceError;
  }
  if (args.json) {
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return exitCode.triaged;
  }
  const { run } = summary;
  const lines = [
    t(args.locale, 'triage.done', {
      read: run.read,
      source: summary.source,
      newReports: run.newReports,
      alreadySeen: run.alreadySeen,
      broken: run.broken,
      originals: summary.originals,
      campaigns: summary.campaigns.length,
    }),
    t(args.locale, 'triage.fragmentLine', {
      senders: summary.fragment.blockedSenderDomains.length,
      links: summary.fragment.blockedLinkHosts.length,
    }),
    t(args.locale, 'triage.wrote', { files: Object.values(summary.files).join(', ') }),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return exitCode.triaged;
}

process.exitCode = await main(process.argv.slice(2));
