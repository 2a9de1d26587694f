/**
 * A run's report as Markdown for a support ticket or a pull request: the verdict and the facts a support
 * page asks for first, then the detail. Everything taken from the run is escaped (markdown-text.ts).
 */
import { TABLES } from './diff/report.js';
import { mdBlock, mdCode, mdTable, mdText } from './markdown-text.js';
import { formatWidth, NO_LAST_GOOD, type RunReport } from './model.js';

export function renderMarkdown(report: RunReport): string {
  const verdict = report.outcome === 'succeeded' ? '✅ test sync succeeded' : '❌ test sync failed';
  const lines: string[] = [`# Sync report: ${mdText(report.scenario)}: ${verdict}`, ''];
  if (report.diagnosis) lines.push(`**Diagnosis:** ${mdText(report.diagnosis)}`, '');
  lines.push(
    ...mdTable(
      ['Field', 'Value'],
      [
        ['Connector type', `${mdCode(report.provider)} (${report.connectors.map((c) => mdCode(c.name)).join(', ') || 'no connector ran'})`],
        ['Test sync', `${report.outcome}; expectations ${report.met ? 'met' : `not met (${report.unmet.length})`}`],
        ['Started at', report.startedAt ? mdCode(report.startedAt) : 'no request was made'],
        ['First failed request at', report.firstErrorAt ? mdCode(report.firstErrorAt) : 'none'],
        ['Requests', String(report.requests)],
        ['Peak memory', report.peakMemoryMb === undefined ? 'not measured' : `${report.peakMemoryMb} MB`],
        ['Scenario', `${mdCode(report.scenarioFile)}, run folder ${mdCode(report.runDir)}`],
      ],
      2,
    ),
    '',
  );
  lines.push('## Error', '', ...(report.error ? mdBlock(report.error) : ['No error: the sync finished.']), '');
  lines.push(...changes(report), ...testSync(report), ...findings(report), ...timeline(report), ...permissions(report));
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

function changes(report: RunReport): string[] {
  const out = ['## What changed since the last good sync', ''];
  const since = report.sinceLastGood;
  if (!since) return [...out, `${mdText(NO_LAST_GOOD)}.`, ''];
  const { diff } = since;
  out.push(
    `Last good ${mdCode(diff.base.file)} sync ${mdCode(diff.base.syncId)} → this run ${mdCode(diff.compare.file)} sync ${mdCode(diff.compare.syncId)}: ${diff.differ ? '**the syncs differ**' : 'no differences'}.`,
    '',
  );
  for (const note of since.notes) out.push(`> ${mdText(note)}`, '');
  if (diff.note) out.push(`> ${mdText(diff.note)}`, '');
  const n = (v: number | null) => (v === null ? '–' : String(v));
  out.push(
    ...mdTable(
      ['Objects', 'Last good', 'This run', 'Added', 'Removed', 'Changed', 'Unchanged'],
      TABLES.map((t) => {
        const c = diff.totals[t];
        return [t, n(c.base), n(c.compare), n(c.added), n(c.removed), n(c.changed), n(c.unchanged)];
      }),
    ),
    '',
  );
  const moved = diff.byResourceType.filter((row) =>
    TABLES.some((t) => row[t].base !== row[t].compare || row[t].added || row[t].removed || row[t].changed),
  );
  if (moved.length > 0) {
    out.push(
      ...mdTable(
        ['Resource type', 'Resources', 'Entitlements', 'Grants'],
        moved.map((row) => [mdCode(row.resourceType), ...TABLES.map((t) => `${row[t].base} → ${row[t].compare}`)]),
      ),
      '',
    );
  }
  const change = diff.findings.filter((f) => f.kind === 'change');
  if (change.length > 0) {
    out.push('Change findings:', '');
    for (const f of change)
      out.push(`- **${mdText(f.id)}**: ${mdText(f.message)}${f.examples.length ? ` (e.g. ${f.examples.slice(0, 3).map(mdCode).join(', ')})` : ''}`);
    out.push('');
  }
  return out;
}

function testSync(report: RunReport): string[] {
  const out = [
    '## Does a test sync succeed?',
    '',
    `The test sync **${report.outcome}**; its expectations were ${report.met ? '**met**' : '**not met**'}.`,
    '',
  ];
  for (const line of report.unmet) out.push(`- ${mdText(line)}`);
  if (report.unmet.length > 0) out.push('');
  for (const c of report.connectors) if (c.error && c.error !== report.error) out.push(`- ${mdCode(c.name)} ${c.outcome}: ${mdText(c.error)}`);
  const s = report.stats;
  if (s) {
    out.push(
      ...mdTable(
        ['Synced', 'Count'],
        [
          ['Resource types', String(s.resourceTypes)],
          ['Resources', String(s.resources)],
          ['Entitlements', String(s.entitlements)],
          ['Grants', String(s.grants)],
        ],
      ),
      '',
    );
  }
  return out;
}

function findings(report: RunReport): string[] {
  const out = [`## Findings (${report.findings.length})`, ''];
  if (report.findings.length === 0) return [...out, 'The doctor found nothing wrong.', ''];
  for (const f of report.findings) {
    out.push(`### ${mdText(f.id)}: ${mdText(f.title)}`, '');
    if (f.evidence.length > 0) out.push('Evidence:', '', ...f.evidence.map((e) => `- ${mdCode(e)}`), '');
    if (f.fix.length > 0) out.push('Fix:', '', ...f.fix.map((step, i) => `${i + 1}. ${mdText(step)}`), '');
  }
  return out;
}

function timeline(report: RunReport): string[] {
  const t = report.timeline;
  const out = ['## Requests and retries over time', ''];
  if (t.buckets.length === 0) return [...out, `No request was made${t.totals.retries ? `; the log has ${t.totals.retries} retries` : ''}.`, ''];
  const span =
    t.first === t.last
      ? `Every request arrived at ${mdCode(t.first!)} (the run's clock did not move)`
      : `${t.buckets.length} slice(s) of ${formatWidth(t.bucketMs)} from ${mdCode(t.first!)}`;
  out.push(`${span}. Throttled: 429 or a throttle fault; errors: status 400 or above, or no answer (a 429 is both).`, '');
  out.push(
    ...mdTable(
      ['From', 'Requests', 'Throttled', 'Errors', 'Retries'],
      [
        ...t.buckets.map((b) => [mdCode(b.start), String(b.requests), String(b.throttled), String(b.errors), String(b.retries)]),
        ['**Total**', `**${t.totals.requests}**`, `**${t.totals.throttled}**`, `**${t.totals.errors}**`, `**${t.totals.retries}**`],
      ],
    ),
    '',
  );
  if (t.unplacedRetries > 0) out.push(`${t.unplacedRetries} retry line(s) matched no failed request and are counted only in the total.`, '');
  return out;
}

function permissions(report: RunReport): string[] {
  const out = ['## Minimal permissions', ''];
  if (report.minimalPermissions.length === 0) return [...out, 'None derived: no endpoint was called successfully.', ''];
  return [...out, 'What the endpoints it called successfully need, and no more:', '', ...report.minimalPermissions.map((p) => `- ${mdCode(p)}`), ''];
}
