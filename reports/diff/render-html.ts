/**
 * `diff -o html`: one self-contained page to attach to a ticket or a CI run: the two sides, totals, a
 * per-type chart of base against compare, what changed, the findings and the gate. It loads nothing: inline
 * CSS, an inline SVG chart, no script, and a Content-Security-Policy that forbids any fetch, so it opens
 * the same offline, from a mail attachment or a CI artifact.
 *
 * Every number sits in an element that says what it is (`data-metric="grants.added"`, with `data-type` for
 * a resource type's row, `data-side` for a chart bar), so tests read the page back and compare it with the
 * JSON. Every text taken from the files (paths, ids, type names, messages) goes through `escapeXml()`.
 */
import { escapeXml } from '../../lib/markup-escape.js';
import { barChart } from './render-html-chart.js';
import { TABLES, type Counts, type DiffReport, type Finding, type SideInfo, type Table } from './report.js';

const MEASURES = ['base', 'compare', 'added', 'removed', 'changed', 'unchanged'] as const;
const CHANGED_SHOWN = 10;

export function renderHtml(report: DiffReport): string {
  const gateFailed = report.gate.failures.length > 0;
  const verdict = gateFailed ? 'gate failed' : report.differ ? 'the syncs differ' : 'no differences';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Without an icon of its own a browser asks the page's origin for /favicon.ico.
    '<link rel="icon" href="data:,">',
    `<title>Sync diff: ${verdict}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1 data-verdict="${gateFailed ? 'gate-failed' : report.differ ? 'differ' : 'same'}" class="${gateFailed ? 'bad' : report.differ ? 'warn' : 'good'}">Sync diff: ${verdict}</h1>`,
    sides(report),
    report.note ? `<p class="note" data-section="note">${escapeXml(report.note)}</p>` : '',
    '<h2>Totals</h2>',
    countsTable(
      'totals',
      ['Objects'],
      TABLES.map((t) => ({ head: [`<th>${t}</th>`], counts: report.totals[t], table: t, attrs: '' })),
    ),
    '<h2>Base against compare, per resource type</h2>',
    `<p class="legend"><span class="swatch base"></span>base sync <code>${escapeXml(report.base.syncId)}</code> <span class="swatch compare"></span>compare sync <code>${escapeXml(report.compare.syncId)}</code></p>`,
    `<div data-section="chart">${TABLES.map((t) => `<figure><figcaption>${capital(t)}</figcaption>${barChart(t, report.byResourceType)}</figure>`).join('')}</div>`,
    '<h2>By resource type</h2>',
    byType(report),
    changes(report),
    findingList(
      'Change findings',
      'change-findings',
      report.findings.filter((f) => f.kind === 'change'),
      'No change findings.',
    ),
    findingList(
      'State findings',
      'state-findings',
      report.findings.filter((f) => f.kind === 'state'),
      'No state findings.',
      'About one sync on its own, not a change between the two.',
    ),
    gate(report),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function sides(report: DiffReport): string {
  const row = (name: 'base' | 'compare', side: SideInfo) =>
    `<tr data-side="${name}"><th>${name}</th><td data-field="file"><code>${escapeXml(side.file)}</code></td><td data-field="syncId"><code>${escapeXml(side.syncId)}</code></td>` +
    `<td data-field="syncType">${escapeXml(side.syncType)}</td><td data-field="finished">${side.finished ? 'finished' : 'unfinished'}</td></tr>`;
  return (
    `<table data-section="sides"><thead><tr><th></th><th>File</th><th>Sync id</th><th>Type</th><th>State</th></tr></thead>` +
    `<tbody>${row('base', report.base)}${row('compare', report.compare)}</tbody></table>`
  );
}

interface CountsRow {
  head: string[];
  counts: Counts;
  /** Extra attributes for the number cells (a row's `data-type`). */
  attrs: string;
  table: Table;
  className?: string;
}

function countsTable(section: string, heads: string[], rows: CountsRow[]): string {
  const header = [...heads, ...MEASURES.map(capital)].map((h, i) => `<th${i >= heads.length ? ' class="num"' : ''}>${h}</th>`).join('');
  const body = rows.map((row) => {
    const table = row.table;
    const cells = MEASURES.map((m) => {
      const value = row.counts[m];
      const shown = value.toLocaleString('en-US');
      const moved = value > 0 && (m === 'added' || m === 'removed' || m === 'changed') ? ` ${m}` : '';
      return `<td class="num${moved}" data-metric="${table}.${m}"${row.attrs}>${shown}</td>`;
    });
    return `<tr${row.className ? ` class="${row.className}"` : ''}>${row.head.join('')}${cells.join('')}</tr>`;
  });
  return `<table data-section="${section}"><thead><tr>${header}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

function byType(report: DiffReport): string {
  if (report.byResourceType.length === 0) return '<p class="empty">No resource types on either side.</p>';
  const rows = report.byResourceType.flatMap((row) =>
    TABLES.map((t, i): CountsRow => {
      const type = escapeXml(row.resourceType);
      const head = i === 0 ? [`<th rowspan="${TABLES.length}" class="type"><code>${type}</code></th>`, `<td>${t}</td>`] : [`<td>${t}</td>`];
      const empty = row[t].base + row[t].compare === 0;
      return {
        head,
        counts: row[t],
        table: t,
        attrs: ` data-type="${type}"`,
        className: [i === 0 ? 'first' : '', empty ? 'empty' : ''].filter(Boolean).join(' '),
      };
    }),
  );
  return countsTable('by-type', ['Resource type', 'Objects'], rows);
}

function changes(report: DiffReport): string {
  const parts = TABLES.flatMap((table) => {
    const detail = report.changes?.[table];
    if (!detail || detail.objects.length === 0) return [];
    const fields = Object.entries(detail.fields)
      .map(
        ([field, count]) =>
          `<li><code>${escapeXml(field)}</code> <span class="num" data-changed-field="${table}.${escapeXml(field)}">${count.toLocaleString('en-US')}</span></li>`,
      )
      .join('');
    const objects = detail.objects
      .slice(0, CHANGED_SHOWN)
      .map((o) => `<li><code>${escapeXml(o.id)}</code>: ${o.fields.map((f) => `<code>${escapeXml(f)}</code>`).join(', ')}</li>`)
      .join('');
    const more = detail.objects.length - CHANGED_SHOWN + detail.more;
    return [
      `<h3>Changed ${table}</h3>`,
      `<p>Objects changed in each field:</p><ul class="fields">${fields}</ul>`,
      `<ul class="examples">${objects}${more > 0 ? `<li class="more">… and ${more.toLocaleString('en-US')} more (<code>-o json</code> lists the first ${detail.objects.length})</li>` : ''}</ul>`,
    ];
  });
  return parts.length ? `<section data-section="changes"><h2>What changed</h2>${parts.join('')}</section>` : '';
}

function findingList(title: string, section: string, findings: Finding[], none: string, intro?: string): string {
  const items = findings.map((f) => {
    const attrs = [`data-finding="${escapeXml(f.id)}"`, `data-kind="${f.kind}"`, `data-count="${f.count}"`];
    if (f.side) attrs.push(`data-side="${f.side}"`);
    if (f.resourceType !== undefined) attrs.push(`data-type="${escapeXml(f.resourceType)}"`);
    const examples = f.examples.length ? `<ul class="examples">${f.examples.map((e) => `<li><code>${escapeXml(e)}</code></li>`).join('')}</ul>` : '';
    const side = f.side ? ` <span class="side">(${f.side} sync)</span>` : '';
    return `<li class="finding ${f.kind}" ${attrs.join(' ')}><code class="id">${escapeXml(f.id)}</code>${side}: <span class="message">${escapeXml(f.message)}</span>${examples}</li>`;
  });
  return (
    `<section data-section="${section}"><h2>${title}</h2>${intro ? `<p>${intro}</p>` : ''}` +
    (items.length ? `<ul class="findings">${items.join('')}</ul>` : `<p class="empty">${none}</p>`) +
    '</section>'
  );
}

function gate(report: DiffReport): string {
  const { passed, failures } = report.gate;
  const list = failures
    .map((f) => `<li data-rule="${escapeXml(f.rule)}"><code>${escapeXml(f.rule)}</code>: <span class="message">${escapeXml(f.message)}</span></li>`)
    .join('');
  return (
    `<section data-section="gate" data-gate="${passed ? 'passed' : 'failed'}"><h2>Gate</h2>` +
    (passed
      ? '<p class="good">Passed: no <code>--fail-on</code> rule holds.</p>'
      : `<p class="bad">Failed: ${failures.length === 1 ? 'a rule holds' : `${failures.length} rules hold`}.</p><ul>${list}</ul>`) +
    '</section>'
  );
}

function capital(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em; color: #1f2328; }
h1 { font-size: 1.5em; } h1.good { color: #1a7f37; } h1.warn { color: #9a6700; } h1.bad { color: #cf222e; }
h2 { font-size: 1.15em; margin-top: 1.8em; border-bottom: 1px solid #d0d7de; } h3 { font-size: 1em; }
table { border-collapse: collapse; margin: .5em 0; } th, td { padding: .2em .7em; border-bottom: 1px solid #eaeef2; text-align: left; vertical-align: top; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.added { color: #1a7f37; } td.removed { color: #cf222e; } td.changed { color: #9a6700; }
tr.first td, tr.first th { border-top: 1px solid #d0d7de; } tr.empty td { color: #8c959f; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; background: #f6f8fa; padding: 0 .25em; border-radius: 3px; word-break: break-all; }
.note { background: #fff8c5; padding: .5em .8em; border-radius: 4px; }
[data-section="chart"] { display: flex; flex-wrap: wrap; gap: 1em 3em; } figure { margin: 0; } figcaption { font-weight: 600; margin-bottom: .3em; }
svg.chart text { font: 11px system-ui, sans-serif; fill: #1f2328; } svg.chart .base rect { fill: #8c959f; } svg.chart .compare rect { fill: #0969da; }
.swatch { display: inline-block; width: .9em; height: .9em; vertical-align: -.1em; margin: 0 .3em 0 1em; } .swatch.base { background: #8c959f; } .swatch.compare { background: #0969da; }
.findings > li { margin: .6em 0; } .finding.change .id { color: #9a6700; } .examples { margin: .2em 0; color: #57606a; }
.good { color: #1a7f37; } .bad { color: #cf222e; } .empty { color: #8c959f; }
`.trim();
