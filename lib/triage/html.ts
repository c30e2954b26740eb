/**
 * The help desk's report: one self-contained HTML file (no script, no external resource, inline
 * SVG plots), Vietnamese by default. Every value in it comes from attacker-written mail (subjects,
 * display names, hosts), so every value goes through `escapeHtml`, and a Content-Security-Policy
 * that allows no script at all is the second line of defence.
 */
import { t, type Locale } from '../i18n';
import '../i18n/reasons';
import type { Level } from '../scoring/types';
import type { Campaign } from './campaigns';
import type { FragmentResult, RowStatus } from './fragment';
import type { RunTally } from './ingest';
import './messages';
import type { TriageState } from './types';

export interface ReportView {
  locale: Locale;
  generatedAt: Date;
  source: string;
  state: TriageState;
  campaigns: Campaign[];
  fragment: FragmentResult;
  tally: RunTally;
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe in element content and in quoted attribute values; control characters shown as spaces. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
    .replace(/[&<>"']/g, (c) => entities[c]!);
}

const maxListed = 5;
const maxRows = 500;

function list(values: readonly string[], more = true): string {
  const shown = values.slice(0, maxListed).map(escapeHtml).join('<br>');
  return more && values.length > maxListed ? `${shown}<br>… (+${values.length - maxListed})` : shown;
}

function day(iso: string): string {
  return iso.slice(0, 10);
}

function time(iso: string): string {
  return iso === '' ? '' : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

function levelCell(locale: Locale, level: Level): string {
  return `<span class="level level--${level}">${escapeHtml(t(locale, `scan.level.${level}`))}</span>`;
}

function statusCell(locale: Locale, status: RowStatus): string {
  if ('blocked' in status) return `<span class="blocked">${escapeHtml(t(locale, 'triage.status.blocked', { value: status.blocked }))}</span>`;
  return `<span class="kept">${escapeHtml(t(locale, `triage.why.${status.notBlocked}`))}</span>`;
}

function table(headers: string[], rows: string[][], emptyText: string): string {
  if (rows.length === 0) return `<p class="none">${escapeHtml(emptyText)}</p>`;
  const head = headers.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('');
  const body = rows
    .slice(0, maxRows)
    .map((cells) => `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('\n');
  const cut = rows.length > maxRows ? `<p>… (+${rows.length - maxRows})</p>` : '';
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>${cut}`;
}

/** Reports per day, every day from the first to the last (at most the last 120), as SVG bars. */
export function perDayChart(locale: Locale, state: TriageState): string {
  const counts = new Map<string, number>();
  for (const original of state.originals) for (const report of original.reports) counts.set(day(report.at), (counts.get(day(report.at)) ?? 0) + 1);
  if (counts.size === 0) return `<p class="none">${escapeHtml(t(locale, 'triage.none'))}</p>`;
  const sorted = [...counts.keys()].sort();
  const days: string[] = [];
  const last = new Date(`${sorted[sorted.length - 1]}T00:00:00Z`);
  const first = new Date(Math.max(Date.parse(`${sorted[0]}T00:00:00Z`), last.getTime() - 119 * 86_400_000));
  for (let d = first; d.getTime() <= last.getTime(); d = new Date(d.getTime() + 86_400_000)) days.push(d.toISOString().slice(0, 10));
  const max = Math.max(...days.map((d) => counts.get(d) ?? 0), 1);
  const barWidth = 14;
  const height = 140;
  const width = Math.max(320, days.length * barWidth + 40);
  const bars = days
    .map((d, i) => {
      const count = counts.get(d) ?? 0;
      const h = Math.round((count / max) * (height - 30));
      const x = 30 + i * barWidth;
      const label = escapeHtml(t(locale, 'triage.perDay.bar', { day: d, count }));
      return `<rect x="${x}" y="${height - 20 - h}" width="${barWidth - 3}" height="${h}" class="bar"><title>${label}</title></rect>`;
    })
    .join('');
  const step = Math.max(1, Math.ceil(days.length / 8));
  const labels = days
    .map((d, i) => (i % step === 0 ? `<text x="${30 + i * barWidth}" y="${height - 5}" class="axis">${escapeHtml(d.slice(5))}</text>` : ''))
    .join('');
  const title = escapeHtml(t(locale, 'triage.perDay.heading'));
  return `<svg role="img" aria-label="${title}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg"><text x="0" y="12" class="axis">${max}</text><line x1="28" y1="${height - 20}" x2="${width}" y2="${height - 20}" class="rule"/>${bars}${labels}</svg>`;
}

/** The ten link hosts with the most reports, as horizontal SVG bars. */
export function topHostsChart(locale: Locale, fragment: FragmentResult): string {
  const rows = fragment.linkHosts.slice(0, 10);
  if (rows.length === 0) return `<p class="none">${escapeHtml(t(locale, 'triage.none'))}</p>`;
  const max = Math.max(...rows.map((r) => r.reports), 1);
  const rowHeight = 22;
  const labelWidth = 280;
  const width = labelWidth + 320;
  const height = rows.length * rowHeight + 4;
  const bars = rows
    .map((row, i) => {
      const y = i * rowHeight;
      const w = Math.max(2, Math.round((row.reports / max) * 260));
      const host = row.host.length > 40 ? `${row.host.slice(0, 39)}…` : row.host;
      const label = escapeHtml(t(locale, 'triage.topHosts.bar', { host: row.host, count: row.reports }));
      const cls = 'blocked' in row.status ? 'bar bar--blocked' : 'bar';
      return `<g><title>${label}</title><text x="${labelWidth - 6}" y="${y + 15}" text-anchor="end" class="axis">${escapeHtml(host)}</text><rect x="${labelWidth}" y="${y + 3}" width="${w}" height="${rowHeight - 6}" class="${cls}"/><text x="${labelWidth + w + 4}" y="${y + 15}" class="axis">${row.reports}</text></g>`;
    })
    .join('');
  const title = escapeHtml(t(locale, 'triage.topHosts.heading'));
  return `<svg role="img" aria-label="${title}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${bars}</svg>`;
}

function reasonRows(locale: Locale, state: TriageState): string[][] {
  const byId = new Map<string, { count: number; evidence: string[] }>();
  for (const original of state.originals) {
    for (const reason of original.reasons) {
      const entry = byId.get(reason.id) ?? { count: 0, evidence: [] };
      entry.count += 1;
      for (const item of reason.evidence) if (entry.evidence.length < 3 && !entry.evidence.includes(item)) entry.evidence.push(item);
      byId.set(reason.id, entry);
    }
  }
  return [...byId]
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
    .map(([id, { count, evidence }]) => [
      `${escapeHtml(t(locale, `reason.${id}`, { evidence: evidence.join(', ') }))} <code>${escapeHtml(id)}</code>`,
      String(count),
    ]);
}

const style = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem auto;max-width:78rem;padding:0 1rem;color:#1b1b1b}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #ddd;padding:.3rem .45rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f3f3f3}.level{white-space:nowrap}.level--danger{color:#fff;background:#b3261e;padding:0 .3rem;border-radius:3px}.level--caution{background:#f2c744;padding:0 .3rem;border-radius:3px}
.blocked{color:#b3261e;font-weight:600}.kept{color:#555}.none{color:#555}.bar{fill:#3b6ea5}.bar--blocked{fill:#b3261e}.axis{font-size:11px;fill:#333}.rule{stroke:#999}
dl{display:grid;grid-template-columns:max-content auto;gap:.2rem 1rem}dd{margin:0;font-weight:600}pre{background:#f6f6f6;padding:.6rem;overflow:auto}code{font-size:.8rem;color:#555}
`;

export function renderHtmlReport(view: ReportView): string {
  const { locale, state, campaigns, fragment, tally } = view;
  const s = (key: string, params?: Record<string, string | number>) => escapeHtml(t(locale, key, params));
  const reports = state.reports.length;
  const inline = state.originals.filter((o) => o.how === 'inline-forward').length;

  const summary = [
    ['triage.summary.reports', reports],
    ['triage.summary.newReports', tally.newReports],
    ['triage.summary.alreadySeen', tally.alreadySeen],
    ['triage.summary.originals', state.originals.length],
    ['triage.summary.campaigns', campaigns.length],
    ['triage.summary.inline', inline],
    ['triage.summary.broken', state.broken.length],
  ]
    .map(([key, value]) => `<dt>${s(String(key))}</dt><dd>${escapeHtml(value)}</dd>`)
    .join('');

  const campaignRows = campaigns.map((c) => [
    `<strong>${escapeHtml(c.id)}</strong>`,
    levelCell(locale, c.level),
    String(c.originals.length),
    String(c.reports),
    String(c.reporters.filter((r) => r !== '').length),
    escapeHtml(time(c.firstReported)),
    escapeHtml(time(c.lastReported)),
    list(c.senders),
    list(c.linkHosts),
    list(c.subjects) + (c.originals.some((o) => o.how === 'inline-forward') ? `<br><em>(${s('triage.inline')})</em>` : ''),
    c.joinedBy.map((j) => s(`triage.joined.${j}`)).join(', '),
  ]);
  const senderRows = fragment.senders.map((r) => [
    escapeHtml(r.domain),
    list(r.addresses),
    levelCell(locale, r.level),
    String(r.originals),
    String(r.reports),
    statusCell(locale, r.status),
  ]);
  const linkRows = fragment.linkHosts.map((r) => [
    escapeHtml(r.host),
    r.findings.map((f) => `<code>${escapeHtml(f)}</code>`).join(' '),
    levelCell(locale, r.level),
    String(r.originals),
    String(r.reports),
    statusCell(locale, r.status),
  ]);
  const brokenRows = state.broken.map((b) => [escapeHtml(b.location), escapeHtml(b.error), escapeHtml(time(b.at ?? '')), escapeHtml(b.reporter ?? '')]);
  const fragmentJson = JSON.stringify(fragment.fragment, null, 2);

  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${s('triage.title')}</title>
<style>${style}</style>
</head>
<body>
<h1>${s('triage.title')}</h1>
<p>${s('triage.generated', { time: view.generatedAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC', source: view.source })}</p>
<h2 id="summary">${s('triage.summary.heading')}</h2>
<dl>${summary}</dl>
<p>${s('triage.summary.blocked', { senders: fragment.fragment.blockedSenderDomains.length, links: fragment.fragment.blockedLinkHosts.length })}</p>
<h2 id="per-day">${s('triage.perDay.heading')}</h2>
${perDayChart(locale, state)}
<h2 id="campaigns">${s('triage.campaigns.heading')}</h2>
<p>${s('triage.campaigns.help')}</p>
${table(
  ['triage.col.campaign', 'triage.col.level', 'triage.col.originals', 'triage.col.reports', 'triage.col.reporters', 'triage.col.firstReported', 'triage.col.lastReported', 'triage.col.senders', 'triage.col.linkHosts', 'triage.col.subjects', 'triage.col.joinedBy'].map((k) => t(locale, k)),
  campaignRows,
  t(locale, 'triage.none'),
)}
<h2 id="link-hosts">${s('triage.topHosts.heading')}</h2>
${topHostsChart(locale, fragment)}
<h2 id="senders">${s('triage.senders.heading')}</h2>
<p>${s('triage.senders.help')}</p>
${table(['triage.col.domain', 'triage.col.addresses', 'triage.col.level', 'triage.col.originals', 'triage.col.reports', 'triage.col.status'].map((k) => t(locale, k)), senderRows, t(locale, 'triage.none'))}
<h2 id="links">${s('triage.links.heading')}</h2>
${table(['triage.col.host', 'triage.col.findings', 'triage.col.level', 'triage.col.originals', 'triage.col.reports', 'triage.col.status'].map((k) => t(locale, k)), linkRows, t(locale, 'triage.none'))}
<h2 id="reasons">${s('triage.reasons.heading')}</h2>
${table([t(locale, 'triage.col.reason'), t(locale, 'triage.col.count')], reasonRows(locale, state), t(locale, 'triage.none'))}
<h2 id="broken">${s('triage.broken.heading')}</h2>
${table(['triage.col.location', 'triage.col.error', 'triage.col.time', 'triage.col.reporter'].map((k) => t(locale, k)), brokenRows, t(locale, 'triage.none'))}
<h2 id="fragment">${s('triage.fragment.heading')}</h2>
<p>${s('triage.fragment.help')}</p>
<pre>${escapeHtml(fragmentJson)}</pre>
</body>
</html>
`;
}
