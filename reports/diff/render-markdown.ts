/**
 * `diff -o markdown`: short enough for a pull request comment or `$GITHUB_STEP_SUMMARY`: the verdict first,
 * then totals, the types that moved, what changed in which fields, findings (examples folded away) and the
 * gate. It says what the console and HTML say (an unfinished side, the changed fields), only shorter.
 */
import type { Sink } from '../../lib/output/sink.js';
import { escapeText } from '../../lib/markup-escape.js';
import { mdCell } from '../markdown-text.js';
import { TABLES, type Counts, type DiffReport, type Finding, type SideInfo } from './report.js';

/** Changed objects listed per table, as the console lists them (the HTML shows more; JSON has them all). */
const CHANGED_SHOWN = 10;

export async function renderMarkdown(out: Sink, report: DiffReport): Promise<void> {
  const gate = report.gate.failures.length > 0 ? '❌ gate failed' : report.differ ? '⚠️ the syncs differ' : '✅ no differences';
  await out.line(`## Sync diff: ${gate}`);
  await out.line();
  await out.line(`Base ${side(report.base)} → compare ${side(report.compare)}`);
  if (report.note) {
    await out.line();
    await out.line(`> ${report.note}`);
  }
  await out.line();
  await table(
    out,
    ['Objects', 'Base', 'Compare', 'Added', 'Removed', 'Changed', 'Unchanged'],
    TABLES.map((t) => [t, ...numbers(report.totals[t])]),
  );
  const moved = report.byResourceType.flatMap((row) =>
    TABLES.filter((t) => row[t].added !== 0 || row[t].removed !== 0 || row[t].changed !== 0 || row[t].base !== row[t].compare).map((t) => [
      `\`${mdCell(row.resourceType)}\``,
      t,
      ...numbers(row[t]).slice(0, 5),
    ]),
  );
  if (moved.length > 0) {
    await out.line();
    await out.line('### By resource type');
    await out.line();
    await table(out, ['Resource type', 'Objects', 'Base', 'Compare', 'Added', 'Removed', 'Changed'], moved);
  }
  await changes(out, report);
  await findings(
    out,
    'Change findings',
    report.findings.filter((f) => f.kind === 'change'),
  );
  await findings(
    out,
    'State findings',
    report.findings.filter((f) => f.kind === 'state'),
  );
  if (report.gate.failures.length > 0) {
    await out.line();
    await out.line('### Gate failures');
    await out.line();
    for (const failure of report.gate.failures) await out.line(`- \`${mdCell(failure.rule)}\`: ${mdCell(failure.message)}`);
  }
}

function side(info: SideInfo): string {
  return `\`${mdCell(info.file)}\` sync \`${info.syncId}\`${info.finished ? '' : ' (unfinished)'}`;
}

async function changes(out: Sink, report: DiffReport): Promise<void> {
  for (const table of TABLES) {
    const detail = report.changes?.[table];
    if (!detail || detail.objects.length === 0) continue;
    await out.line();
    await out.line(`### Changed ${table}`);
    await out.line();
    await out.line(
      `By field: ${Object.entries(detail.fields)
        .map(([field, count]) => `\`${mdCell(field)}\` ${count}`)
        .join(', ')}`,
    );
    await out.line();
    for (const object of detail.objects.slice(0, CHANGED_SHOWN))
      await out.line(`- \`${mdCell(object.id)}\`: ${object.fields.map((f) => `\`${mdCell(f)}\``).join(', ')}`);
    const more = detail.objects.length - CHANGED_SHOWN + detail.more;
    if (more > 0) await out.line(`- … and ${more} more (\`-o json\` lists the first ${detail.objects.length})`);
  }
}

async function findings(out: Sink, title: string, list: Finding[]): Promise<void> {
  if (list.length === 0) return;
  await out.line();
  await out.line(`### ${title}`);
  await out.line();
  for (const finding of list) {
    await out.line(`- **${finding.id}**${finding.side ? ` (${finding.side})` : ''}: ${mdCell(finding.message)}`);
    if (finding.examples.length > 0) {
      await out.line(`  <details><summary>examples</summary>${finding.examples.map((e) => `<code>${escapeText(e)}</code>`).join('<br>')}</details>`);
    }
  }
}

async function table(out: Sink, headers: string[], rows: string[][]): Promise<void> {
  await out.line(`| ${headers.join(' | ')} |`);
  await out.line(`|${headers.map((_, i) => (i < 2 ? '---' : '---:')).join('|')}|`);
  for (const row of rows) await out.line(`| ${row.join(' | ')} |`);
}

function numbers(counts: Counts): string[] {
  return [counts.base, counts.compare, counts.added, counts.removed, counts.changed, counts.unchanged].map(String);
}
