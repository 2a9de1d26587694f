/** The run view's pages: the run with its findings and timeline, the request table, one request. */
import type { JournalEntry } from '../../mocks/core/journal.js';
import type { CitedFinding, RequestTable } from './run-model.js';
import { esc, metric } from '../html-text.js';
import { formatWidth, type RunReport } from '../model.js';
import { svgTimeline } from '../svg-timeline.js';
import { href, link, pager } from './layout.js';

export function runOverviewBody(r: RunReport, findings: CitedFinding[], hasSync: boolean, syncProblem?: string): string {
  const outcome = `<span class="${r.outcome === 'succeeded' ? 'good' : 'bad'}" data-outcome="${esc(r.outcome)}">${esc(r.outcome)}</span>`;
  const expectations = r.met
    ? '<p class="good" data-met="true">every expectation met</p>'
    : `<p class="bad" data-met="false">not met:</p><ul>${r.unmet.map((u) => `<li>${esc(u)}</li>`).join('')}</ul>`;
  const t = r.timeline;
  return `<table><tbody>
<tr><th>scenario</th><td>${esc(r.scenario)} (${esc(r.scenarioFile)})</td></tr>
<tr><th>provider</th><td>${esc(r.provider)}</td></tr>
<tr><th>connectors</th><td>${r.connectors.map((c) => `${esc(c.name)}: ${esc(c.outcome)}${c.error ? ` (${esc(c.error)})` : ''}`).join('<br>')}</td></tr>
<tr><th>outcome</th><td>${outcome}${r.error ? `: <code>${esc(r.error)}</code>` : ''}</td></tr>
${r.diagnosis ? `<tr><th>diagnosis</th><td>${esc(r.diagnosis)}</td></tr>` : ''}
<tr><th>requests</th><td>${link('/requests', String(r.requests))}${r.firstErrorAt ? `; first failed answer at ${esc(r.firstErrorAt)}` : ''}</td></tr>
${r.stats ? `<tr><th>sync</th><td>${r.stats.resources.toLocaleString('en-US')} resources, ${r.stats.entitlements.toLocaleString('en-US')} entitlements, ${r.stats.grants.toLocaleString('en-US')} grants${hasSync ? ` · ${link('/sync/', 'browse the sync file')}` : ''}</td></tr>` : hasSync ? `<tr><th>sync</th><td>${link('/sync/', 'browse the sync file')}</td></tr>` : ''}
${syncProblem ? `<tr><th>sync file</th><td class="bad">${esc(syncProblem)}</td></tr>` : ''}
</tbody></table>
<h2>Expectations</h2>${expectations}
<h2>Findings</h2>${metric('findings', findings.length)} finding(s)${findings.length ? `<ul>${findings.map(findingItem).join('\n')}</ul>` : ''}
<h2>Requests over time</h2>
<p>${metric('timeline-requests', t.totals.requests)} requests, ${metric('timeline-throttled', t.totals.throttled)} throttled, ${metric('timeline-errors', t.totals.errors)} errors, ${metric('timeline-retries', t.totals.retries)} retries${t.bucketMs ? `, in slices of ${esc(formatWidth(t.bucketMs))}` : ''}</p>
${svgTimeline(t)}`;
}

export function requestsBody(table: RequestTable): string {
  const f = table.filter;
  const select = (name: string, values: Array<string | number>, current: string | number | undefined, extra: string[] = []) =>
    `<label>${name} <select name="${name}" data-autosubmit><option value="">any</option>${[...extra, ...values.map(String)].map((v) => `<option value="${esc(v)}"${String(current) === v ? ' selected' : ''}>${esc(v)}</option>`).join('')}</select></label>`;
  const rows = table.items.map(
    (e) =>
      `<tr id="request-${e.seq}" data-seq="${e.seq}"><td>${link(`/requests/${e.seq}`, `#${e.seq}`)}</td><td>${esc(e.at)}</td><td>${esc(e.provider)}</td><td>${esc(e.route ?? '(unmatched)')}</td><td>${esc(e.method)}</td><td class="url">${esc(e.url)}</td><td class="num${e.status >= 400 || e.status === 0 ? ' bad' : ''}">${e.status}</td><td>${esc(e.fault ?? '')}</td></tr>`,
  );
  const query = { route: f.route, status: f.status, fault: f.fault };
  return `<form class="filter" method="get" action="/requests">
${select('route', table.choices.routes, f.route)}${select('status', table.choices.statuses, f.status)}${select('fault', table.choices.faults, f.fault, ['(none)'])}
<button type="submit">filter</button> ${link('/requests', 'clear')}</form>
${pager('/requests', query, table.offset, table.limit, table.total)}
<table><thead><tr><th>#</th><th>at</th><th>provider</th><th>route</th><th>method</th><th>url</th><th class="num">status</th><th>fault</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

export function requestBody(e: JournalEntry, citedBy: string[]): string {
  const cited = citedBy.length ? `<p>cited by ${citedBy.map((id) => link(`/#finding-${id}`, id)).join(', ')}</p>` : '';
  const around = link(`${href('/requests', { offset: Math.floor((e.seq - 1) / 50) * 50 || undefined })}#request-${e.seq}`, 'see it among the others');
  return `${cited}<p>${around} · ${link(href('/requests', { route: e.route ?? '(unmatched)' }), `every ${e.route ?? 'unmatched'} request`)}</p>
<pre>${esc(JSON.stringify(e, null, 2))}</pre>`;
}

function findingItem(f: CitedFinding): string {
  const evidence = f.evidence.map((e) => {
    const cites = e.requests.map((seq) => link(`/requests/${seq}`, `#${seq}`, `data-cites="${seq}"`)).join(' ');
    return `<li><code>${esc(e.line)}</code>${cites ? ` → ${cites}` : ''}</li>`;
  });
  return `<li id="finding-${esc(f.id)}" data-finding="${esc(f.id)}"><strong>${esc(f.title)}</strong> <code>${esc(f.id)}</code>
<ul>${evidence.join('')}</ul>${f.fix.length ? `<p>fix:</p><ol>${f.fix.map((s) => `<li>${esc(s)}</li>`).join('')}</ol>` : ''}</li>`;
}
