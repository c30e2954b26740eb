/**
 * One triage run, from a source to the files the help desk uses: the HTML report, the policy
 * fragment and the state for the next run. The command (scripts/triage.ts) only parses arguments
 * and prints; everything else is here, so tests run it in-process too.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { t } from '../i18n';
import type { TriageArgs } from './args';
import { groupCampaigns, type Campaign } from './campaigns';
import { buildFragment, mergeFragment, type FragmentResult, type PolicyFragment } from './fragment';
import { renderHtmlReport } from './html';
import { openImapSource, parseImapUrl } from './imap';
import { TriageRun, type RunTally } from './ingest';
import './messages';
import { progressBar, type ProgressStream } from './progress';
import { isImapUrl, openPathSource, SourceError, type ReportSource } from './sources';
import { loadState, saveState } from './state';

export interface RunOptions extends TriageArgs {
  /** KHIENTHU_IMAP_PASSWORD, for an IMAP source. */
  password?: string;
  /** Where the progress bar is drawn (stderr). */
  progressStream?: ProgressStream;
  /** The extension's ID, for merging into a Chromium policy file. */
  extensionId: string;
  now?: Date;
}

export interface TriageSummary {
  source: string;
  kind: ReportSource['kind'];
  run: RunTally;
  reports: number;
  originals: number;
  campaigns: {
    id: string;
    level: Campaign['level'];
    originals: number;
    reports: number;
    reporters: number;
    senders: string[];
    linkHosts: string[];
    subjects: string[];
    joinedBy: Campaign['joinedBy'];
  }[];
  broken: { location: string; error: string }[];
  fragment: PolicyFragment;
  notBlocked: {
    senders: { domain: string; addresses: string[]; why: string }[];
    linkHosts: { host: string; why: string }[];
  };
  files: { html: string; fragment: string; state: string; merged?: string };
}

async function openSource(options: RunOptions, run: TriageRun): Promise<ReportSource> {
  if (!isImapUrl(options.source)) return openPathSource(options.source);
  const target = parseImapUrl(options.source);
  if (!options.password) throw new SourceError(t(options.locale, 'triage.noPassword'));
  return openImapSource(target, {
    password: options.password,
    allowPlaintext: options.allowPlaintext,
    ...(options.since && { since: options.since }),
    isSeenMessageId: run.isSeenMessageId,
  });
}

function summarise(options: RunOptions, source: ReportSource, run: TriageRun, campaigns: Campaign[], result: FragmentResult, files: TriageSummary['files']): TriageSummary {
  const { state } = run;
  return {
    source: source.label,
    kind: source.kind,
    run: run.tally,
    reports: state.reports.length,
    originals: state.originals.length,
    campaigns: campaigns.map((c) => ({
      id: c.id,
      level: c.level,
      originals: c.originals.length,
      reports: c.reports,
      reporters: c.reporters.filter((r) => r !== '').length,
      senders: c.senders,
      linkHosts: c.linkHosts,
      subjects: c.subjects,
      joinedBy: c.joinedBy,
    })),
    broken: state.broken.map((b) => ({ location: b.location, error: b.error })),
    fragment: result.fragment,
    notBlocked: {
      senders: result.senders.flatMap((r) => ('notBlocked' in r.status ? [{ domain: r.domain, addresses: r.addresses, why: r.status.notBlocked }] : [])),
      linkHosts: result.linkHosts.flatMap((r) => ('notBlocked' in r.status ? [{ host: r.host, why: r.status.notBlocked }] : [])),
    },
    files,
  };
}

/** Throws SourceError (or StateError) when the source or the state cannot be read at all. */
export async function runTriage(options: RunOptions): Promise<TriageSummary> {
  const now = options.now ?? new Date();
  const statePath = options.state ?? join(options.out, 'triage-state.json');
  const state = await loadState(statePath);
  // read before the run, so a bad file stops it before anything is written
  let policyToMerge: unknown;
  if (options.merge) {
    try {
      policyToMerge = JSON.parse(await readFile(options.merge, 'utf8'));
    } catch (error) {
      throw new SourceError(`cannot read the policy to merge into, ${options.merge}: ${(error as Error).message}`);
    }
  }
  const run = new TriageRun(state, {
    locale: options.locale,
    organisationDomains: options.domains,
    reportPrefixes: options.prefixes,
    ...(options.since && { since: options.since }),
    now,
  });
  const source = await openSource(options, run);
  run.tally.alreadySeen += source.alreadySeen;
  try {
    const bar = progressBar(options.progressStream ?? { write: () => true }, source.total, { enabled: options.progress });
    let done = 0;
    for await (const item of source.items()) {
      await run.add(item);
      bar.update((done += 1));
    }
    bar.finish();
  } finally {
    await source.close();
  }

  const campaigns = groupCampaigns(state.originals, options.domains);
  const result = buildFragment(state.originals, { minLevel: options.minLevel, organisationDomains: options.domains });
  await mkdir(options.out, { recursive: true });
  const files: TriageSummary['files'] = {
    html: join(options.out, 'report.html'),
    fragment: join(options.out, 'policy-fragment.json'),
    state: statePath,
  };
  await writeFile(
    files.html,
    renderHtmlReport({ locale: options.locale, generatedAt: now, source: source.label, state, campaigns, fragment: result, tally: run.tally }),
  );
  await writeFile(files.fragment, `${JSON.stringify(result.fragment, null, 2)}\n`);
  if (options.merge) {
    files.merged = join(options.out, 'managed-policy.merged.json');
    await writeFile(files.merged, `${JSON.stringify(mergeFragment(policyToMerge, result.fragment, options.extensionId), null, 2)}\n`);
  }
  await saveState(statePath, state);
  return summarise(options, source, run, campaigns, result, files);
}
