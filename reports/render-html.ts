/**
 * A run's report as ONE self-contained HTML file to attach to a ticket: inline CSS, the timeline as inline
 * SVG, no script, and a Content-Security-Policy that forbids loading anything, so it opens offline and
 * leaks nothing. Every text from the run is escaped; numbers carry `data-metric`/`data-value` hooks.
 */
import { TABLES } from './diff/report.js';
import { esc, metric } from './html-text.js';
import { formatWidth, NO_LAST_GOOD, type RunReport } from './model.js';
import { svgTimeline } from './svg-timeline.js';

const CSS = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1f2328}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}h3{font-size:1rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left;vertical-align:top}
td.n,th.n{text-align:right}pre,code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em}
pre{background:#f6f8fa;padding:.75rem;white-space:pre-wrap;word-break:break-word;border-radius:6px}
.ok{color:#1a7f37}.bad{color:#cf222e}.finding{border-left:4px solid #bf8700;padding-left:.75rem;margin:1rem 0}
.timeline .requests{fill:#8fb8e8}.timeline .errors{fill:#cf222e}.timeline .throttled{fill:#bf8700}
.timeline polyline.retries{fill:none;stroke:#6639ba;stroke-width:1.5}.timeline circle.retries{fill:#6639ba}
.timeline .axis{stroke:#57606a}.timeline .label{font-size:11px;fill:#57606a}
.legend span{display:inline-block;margin-right:1rem}.legend i{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
`;

export function renderHtml(report: RunReport): string {
  const ok = report.outcome === 'succeeded';
  const body = [
    `<h1>Sync report: ${esc(report.scenario)} <span class="${ok ? 'ok' : 'bad'}" data-outcome="${esc(report.outcome)}">${ok ? 'test sync succeeded' : 'test sync failed'}</span></h1>`,
    report.diagnosis ? `<p><strong>Diagnosis:</strong> ${esc(report.diagnosis)}</p>` : '',
    facts(report),
    `<h2>Error</h2>`,
    report.error ? `<pre data-error>${esc(report.error)}</pre>` : '<p>No error: the sync finished.</p>',
    changes(report),
    testSync(report),
    findings(report),
    timeline(report),
    permissions(report),
  ];
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Sync report: ${esc(report.scenario)}</title>`,
    `<style>${CSS}</style></head>`,
    `<body>${body.filter(Boolean).join('\n')}</body></html>`,
    '',
  ].join('\n');
}

function facts(r: RunReport): string {
  const rows: [string, string][] = [
    [
      'Connector type',
      `<code data-provider>${esc(r.provider)}</code> (${r.connectors.map((c) => `<code data-connector>${esc(c.name)}</code>`).join(', ') || 'no connector ran'})`,
    ],
    ['Test sync', `${esc(r.outcome)}; expectations ${r.met ? 'met' : `not met (${metric('unmet', r.unmet.length)})`}`],
    ['Started at', r.startedAt ? `<time data-started-at>${esc(r.startedAt)}</time>` : 'no request was made'],
    ['First failed request at', r.firstErrorAt ? `<time data-first-error-at>${esc(r.firstErrorAt)}</time>` : 'none'],
    ['Requests', metric('requests', r.requests)],
    ['Peak memory', r.peakMemoryMb === undefined ? 'not measured' : `${metric('peak-memory-mb', r.peakMemoryMb)} MB`],
    ['Scenario', `<code>${esc(r.scenarioFile)}</code>, run folder <code>${esc(r.runDir)}</code>`],
  ];
  return `<table class="facts">${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${v}</td></tr>`).join('')}</table>`;
}

function changes(r: RunReport): string {
  const head = '<h2>What changed since the last good sync</h2>';
  const since = r.sinceLastGood;
  if (!since) return `${head}<p data-last-good="none">${esc(NO_LAST_GOOD)}.</p>`;
  const { diff } = since;
  const n = (name: string, v: number | null) => (v === null ? '–' : metric(name, v));
  const totals = TABLES.map((t) => {
    const c = diff.totals[t];
    return `<tr data-table="${t}"><th>${t}</th>${(['base', 'compare', 'added', 'removed', 'changed', 'unchanged'] as const).map((k) => `<td class="n">${n(`diff-${t}-${k}`, c[k])}</td>`).join('')}</tr>`;
  }).join('');
  const change = diff.findings.filter((f) => f.kind === 'change');
  return [
    head,
    `<p data-last-good="${esc(since.path)}">Last good <code>${esc(diff.base.file)}</code> sync <code>${esc(diff.base.syncId)}</code> → this run <code>${esc(diff.compare.file)}</code> sync <code>${esc(diff.compare.syncId)}</code>: <strong data-differ="${diff.differ}">${diff.differ ? 'the syncs differ' : 'no differences'}</strong>.</p>`,
    ...[...since.notes, ...(diff.note ? [diff.note] : [])].map((note) => `<p><em>${esc(note)}</em></p>`),
    `<table><tr><th>Objects</th>${['Last good', 'This run', 'Added', 'Removed', 'Changed', 'Unchanged'].map((h) => `<th class="n">${h}</th>`).join('')}</tr>${totals}</table>`,
    change.length
      ? `<ul>${change
          .map(
            (f) =>
              `<li data-change-finding="${esc(f.id)}"><strong>${esc(f.id)}</strong>: ${esc(f.message)}${
                f.examples.length
                  ? ` (e.g. ${f.examples
                      .slice(0, 3)
                      .map((e) => `<code>${esc(e)}</code>`)
                      .join(', ')})`
                  : ''
              }</li>`,
          )
          .join('')}</ul>`
      : '',
  ].join('\n');
}

function testSync(r: RunReport): string {
  const s = r.stats;
  const unmet = r.unmet.length ? `<ul>${r.unmet.map((u) => `<li data-unmet>${esc(u)}</li>`).join('')}</ul>` : '';
  const stats = s
    ? `<table>${(
        [
          ['Resource types', 'resource-types', s.resourceTypes],
          ['Resources', 'resources', s.resources],
          ['Entitlements', 'entitlements', s.entitlements],
          ['Grants', 'grants', s.grants],
        ] as const
      )
        .map(([label, key, v]) => `<tr><th>${label}</th><td class="n">${metric(key, v)}</td></tr>`)
        .join('')}</table>`
    : '';
  return `<h2>Does a test sync succeed?</h2><p>The test sync <strong>${esc(r.outcome)}</strong>; its expectations were <strong data-met="${r.met}">${r.met ? 'met' : 'not met'}</strong>.</p>${unmet}${stats}`;
}

function findings(r: RunReport): string {
  const head = `<h2>Findings (${metric('findings', r.findings.length)})</h2>`;
  if (r.findings.length === 0) return `${head}<p>The doctor found nothing wrong.</p>`;
  return (
    head +
    r.findings
      .map((f) =>
        [
          `<section class="finding" data-finding="${esc(f.id)}"><h3><code>${esc(f.id)}</code>: ${esc(f.title)}</h3>`,
          f.evidence.length ? `<p>Evidence:</p><ul>${f.evidence.map((e) => `<li><code>${esc(e)}</code></li>`).join('')}</ul>` : '',
          f.fix.length ? `<p>Fix:</p><ol>${f.fix.map((step) => `<li>${esc(step)}</li>`).join('')}</ol>` : '',
          '</section>',
        ].join(''),
      )
      .join('\n')
  );
}

function timeline(r: RunReport): string {
  const t = r.timeline;
  const head = '<h2>Requests and retries over time</h2>';
  if (t.buckets.length === 0) return `${head}<p>No request was made; retries in the log: ${metric('retries', t.totals.retries)}.</p>`;
  const legend = `<p class="legend"><span><i style="background:#8fb8e8"></i>requests</span><span><i style="background:#cf222e"></i>errors (≥ 400 or no answer)</span><span><i style="background:#bf8700"></i>throttled (429 or throttle fault)</span><span><i style="background:#6639ba"></i>retries</span></p>`;
  const rows = t.buckets
    .map(
      (b, i) =>
        `<tr data-bucket="${i}" data-requests="${b.requests}" data-throttled="${b.throttled}" data-errors="${b.errors}" data-retries="${b.retries}"><td><time>${esc(b.start)}</time></td><td class="n">${b.requests}</td><td class="n">${b.throttled}</td><td class="n">${b.errors}</td><td class="n">${b.retries}</td></tr>`,
    )
    .join('');
  const total = `<tr class="total"><th>Total</th>${(['requests', 'throttled', 'errors', 'retries'] as const).map((k) => `<td class="n">${metric(`timeline-${k}`, t.totals[k])}</td>`).join('')}</tr>`;
  return [
    head,
    t.first === t.last
      ? `<p>Every request arrived at <time>${esc(t.first ?? '')}</time> (the run's clock did not move): ${metric('buckets', t.buckets.length)} slice.</p>`
      : `<p>${metric('buckets', t.buckets.length)} slice(s) of ${esc(formatWidth(t.bucketMs))} from <time>${esc(t.first ?? '')}</time>.</p>`,
    legend,
    svgTimeline(t),
    `<table class="buckets"><tr><th>From</th><th class="n">Requests</th><th class="n">Throttled</th><th class="n">Errors</th><th class="n">Retries</th></tr>${rows}${total}</table>`,
    t.unplacedRetries
      ? `<p>${metric('unplaced-retries', t.unplacedRetries)} retry line(s) matched no failed request and are counted only in the total.</p>`
      : '',
  ].join('\n');
}

function permissions(r: RunReport): string {
  const head = '<h2>Minimal permissions</h2>';
  if (r.minimalPermissions.length === 0) return `${head}<p>None derived: no endpoint was called successfully.</p>`;
  return `${head}<p>What the endpoints it called successfully need, and no more:</p><ul>${r.minimalPermissions.map((p) => `<li><code data-permission>${esc(p)}</code></li>`).join('')}</ul>`;
}
