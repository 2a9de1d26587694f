/** The diff view's pages: the `diff` report with every count a link, a change list, one object on both sides. */
import type { ChangeList } from './diff-model.js';
import type { ObjectDiff } from './diff-model.js';
import type { Counts, DiffReport, Finding } from '../diff/report.js';
import { TABLES } from '../diff/report.js';
import { esc, metric } from '../html-text.js';
import { href, link, pager } from './layout.js';
import { syncPaths } from './sync-links.js';

export interface LinkedFinding extends Finding {
  /** Per example, its parts ("old → new" has two), each linked where the object was found. */
  links: Array<Array<{ text: string; href?: string }>>;
}

const KEYS = ['base', 'compare', 'added', 'removed', 'changed', 'unchanged'] as const;

export function diffOverviewBody(r: DiffReport, findings: LinkedFinding[]): string {
  const side = (name: 'base' | 'compare') =>
    `<tr><th>${name}</th><td>${esc(r[name].file)}</td><td><code>${esc(r[name].syncId)}</code> (${esc(r[name].syncType)}${r[name].finished ? '' : ', <span class="bad">unfinished</span>'})</td><td>${link(`/${name}/`, `browse the ${name} sync`)}</td></tr>`;
  const totals = TABLES.map(
    (t) =>
      `<tr data-table="${t}"><th>${t}</th>${KEYS.map((k) => `<td class="num">${metric(`${t}.${k}`, r.totals[t][k], r.totals[t][k].toLocaleString('en-US'))}</td>`).join('')}</tr>`,
  );
  const types = r.byResourceType.map(
    (row) =>
      `<tr data-type="${esc(row.resourceType)}"><th>${esc(row.resourceType)}</th>${TABLES.map((t) => changeCells(t, row.resourceType, row[t])).join('')}</tr>`,
  );
  const fields = TABLES.filter((t) => Object.keys(r.changes?.[t]?.fields ?? {}).length > 0).map(
    (t) =>
      `<li>${t}: ${Object.entries(r.changes![t].fields)
        .map(([f, n]) => `<code>${esc(f)}</code> ${n.toLocaleString('en-US')}`)
        .join(', ')}</li>`,
  );
  const gate = r.gate.passed
    ? '<p class="good" data-gate="passed">passed</p>'
    : `<p class="bad" data-gate="failed">failed</p><ul>${r.gate.failures.map((f) => `<li><code>${esc(f.rule)}</code>: ${esc(f.message)}</li>`).join('')}</ul>`;
  return `<table><tbody>${side('base')}${side('compare')}</tbody></table>${r.note ? `<p class="note">${esc(r.note)}</p>` : ''}
<h2>Totals</h2><table><thead><tr><th></th>${KEYS.map((k) => `<th class="num">${k}</th>`).join('')}</tr></thead><tbody>${totals.join('')}</tbody></table>
<h2>By resource type</h2><p>added / removed / changed; each number lists its objects</p>
<table><thead><tr><th>type</th>${TABLES.map((t) => `<th>${t}</th>`).join('')}</tr></thead><tbody>${types.join('\n')}</tbody></table>
${fields.length ? `<h2>Changed fields</h2><ul>${fields.join('')}</ul>` : ''}
<h2>Findings</h2>${findings.length ? `<ul>${findings.map(findingItem).join('\n')}</ul>` : '<p>none</p>'}
<h2>Gates</h2>${gate}`;
}

export function changeListBody(list: ChangeList): string {
  const rows = list.items.map((item) => {
    const where = objectHref(list.table, item.id);
    return `<tr data-object="${esc(item.id)}"><td>${link(where, item.id)}</td>${list.kind === 'changed' ? `<td>${(item.fields ?? []).map((f) => `<code>${esc(f)}</code>`).join(' ')}</td>` : ''}</tr>`;
  });
  return `${pager(`/changes/${list.table}/${encodeURIComponent(list.resourceType)}`, { kind: list.kind }, list.offset, list.limit, list.total)}
<table><thead><tr><th>id</th>${list.kind === 'changed' ? '<th>fields changed</th>' : ''}</tr></thead><tbody>${rows.join('\n')}</tbody></table>`;
}

export function objectBody(o: ObjectDiff): string {
  const ref = o.table === 'resources' ? splitRef(o.id) : undefined;
  const browse = (which: 'base' | 'compare') =>
    ref && o[which] ? ` · ${link(syncPaths(`/${which}`).resource(ref), `open in the ${which} sync`)}` : '';
  const fields = o.fields.length ? `<p>fields changed: ${o.fields.map((f) => `<code data-field="${esc(f)}">${esc(f)}</code>`).join(' ')}</p>` : '';
  const column = (which: 'base' | 'compare') =>
    `<td><h3>${which}${browse(which)}</h3>${o[which] === undefined ? `<p>not in the ${which} sync</p>` : `<pre>${esc(JSON.stringify(o[which], null, 2))}</pre>`}</td>`;
  return `<p data-state="${o.state}">${esc(o.state)} ${esc(o.table.replace(/s$/, ''))} of type <code>${esc(o.resourceType)}</code></p>${fields}
<table class="sides"><tbody><tr>${column('base')}${column('compare')}</tr></tbody></table>`;
}

function changeCells(table: string, type: string, counts: Counts): string {
  const cell = (kind: 'added' | 'removed' | 'changed') =>
    counts[kind] > 0
      ? link(
          href(`/changes/${table}/${encodeURIComponent(type)}`, { kind }),
          `${kind === 'added' ? '+' : kind === 'removed' ? '-' : '~'}${counts[kind].toLocaleString('en-US')}`,
          `data-count="${counts[kind]}" data-kind="${kind}"`,
        )
      : '0';
  return `<td>${cell('added')} / ${cell('removed')} / ${cell('changed')}</td>`;
}

function findingItem(f: LinkedFinding): string {
  const examples = f.links.map((parts) => parts.map((p) => (p.href ? link(p.href, p.text) : esc(p.text))).join(' → '));
  return `<li data-finding="${esc(f.id)}"><code>${esc(f.id)}</code> (${esc(f.kind)}${f.side ? `, ${f.side}` : ''}${f.resourceType ? `, ${esc(f.resourceType)}` : ''}): ${esc(f.message)}${examples.length ? `<br>e.g. ${examples.join(', ')}` : ''}</li>`;
}

function objectHref(table: string, id: string): string {
  return `/object/${table}/${encodeURIComponent(id)}`;
}

function splitRef(id: string): { resourceTypeId: string; resourceId: string } | undefined {
  const at = id.indexOf(':');
  return at > 0 ? { resourceTypeId: id.slice(0, at), resourceId: id.slice(at + 1) } : undefined;
}
