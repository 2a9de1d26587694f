/** `diff -o console`: the sides, totals, per-type counts, what changed in which fields, findings, gates. */
import type { Sink } from '../../lib/output/sink.js';
import { writeTable } from '../../lib/output/table.js';
import { TABLES, type Counts, type DiffReport, type Finding } from './report.js';

const n = (value: number | null): string => (value === null ? '-' : String(value));

export async function renderConsole(out: Sink, report: DiffReport): Promise<void> {
  await out.line(`base:    ${report.base.file}  sync ${report.base.syncId}${report.base.finished ? '' : ' (unfinished)'}`);
  await out.line(`compare: ${report.compare.file}  sync ${report.compare.syncId}${report.compare.finished ? '' : ' (unfinished)'}`);
  if (report.note) await out.line(`note: ${report.note}`);
  await out.line();
  await writeTable(
    out,
    ['Objects', 'Base', 'Compare', 'Added', 'Removed', 'Changed', 'Unchanged'],
    TABLES.map((t) => [capital(t), ...cells(report.totals[t])]),
  );
  await out.line();
  await writeTable(
    out,
    ['Resource Type', 'Objects', 'Base', 'Compare', 'Added', 'Removed', 'Changed'],
    report.byResourceType.flatMap((row) =>
      TABLES.filter((t) => row[t].base + row[t].compare > 0).map((t) => [row.resourceType, t, ...cells(row[t]).slice(0, 5)]),
    ),
  );
  for (const table of TABLES) {
    const detail = report.changes?.[table];
    if (!detail || detail.objects.length === 0) continue;
    await out.line();
    const fields = Object.entries(detail.fields)
      .map(([field, count]) => `${field} ${count}`)
      .join(', ');
    await out.line(`Changed ${table} by field: ${fields}`);
    for (const object of detail.objects.slice(0, 10)) await out.line(`  ${object.id}: ${object.fields.join(', ')}`);
    const more = detail.objects.length - 10 + detail.more;
    if (more > 0) await out.line(`  ... and ${more} more (-o json lists the first ${detail.objects.length})`);
  }
  await findingBlock(
    out,
    'Change findings',
    report.findings.filter((f) => f.kind === 'change'),
  );
  await findingBlock(
    out,
    'State findings (about one sync, not a change)',
    report.findings.filter((f) => f.kind === 'state'),
  );
  await out.line();
  await out.line(report.differ ? 'The syncs differ.' : 'No differences.');
  if (report.gate.failures.length > 0) {
    for (const failure of report.gate.failures) await out.line(`gate failed: ${failure.rule}: ${failure.message}`);
  }
}

async function findingBlock(out: Sink, title: string, findings: Finding[]): Promise<void> {
  if (findings.length === 0) return;
  await out.line();
  await out.line(`${title}:`);
  for (const finding of findings) {
    await out.line(`  [${finding.id}] ${finding.message}`);
    for (const example of finding.examples) await out.line(`      e.g. ${example}`);
  }
}

function cells(counts: Counts): string[] {
  return [counts.base, counts.compare, counts.added, counts.removed, counts.changed, counts.unchanged].map(n);
}

function capital(text: string): string {
  return text[0]!.toUpperCase() + text.slice(1);
}
