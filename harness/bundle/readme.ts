/**
 * The bundle's README: the support page's questions answered in its order, so the engineer who opens the
 * ticket reads the case before any attachment: connector and version, the exact error, when it started,
 * what changed, whether a test sync succeeds, what the doctor found, and how to reproduce it locally.
 */
import type { RunReport } from '../../reports/index.js';

export interface ReadmeInput {
  report: RunReport;
  connectorVersion: string;
  files: { name: string; what: string }[];
  /** The repro scenario's file name in the bundle, when one could be inferred from the log. */
  repro?: string;
  reproNote?: string;
  notes: string[];
}

export function renderReadme(input: ReadmeInput): string {
  const { report } = input;
  const changed = report.sinceLastGood
    ? (['resources', 'entitlements', 'grants'] as const)
        .map((t) => {
          const c = report.sinceLastGood!.diff.totals[t];
          return `${t}: ${c.base} → ${c.compare} (+${c.added} −${c.removed} ~${c.changed})`;
        })
        .join('; ')
    : 'no last good sync was given (bundle again with --last-good RUN to include what changed)';
  const lines = [
    `# Support bundle: ${report.scenario}`,
    '',
    `- **Connector**: ${report.connectors.map((c) => c.name).join(', ') || 'unknown'} (${report.provider})`,
    `- **Version**: ${input.connectorVersion}`,
    `- **Exact error**: ${report.error ? `\`${oneLine(report.error)}\`` : 'none (the sync finished)'}`,
    `- **Started**: ${report.startedAt ?? 'no request reached the service'}${report.firstErrorAt ? `; first failed answer at ${report.firstErrorAt}` : ''}`,
    `- **What changed since the last good sync**: ${changed}`,
    `- **Does a test sync succeed?** ${report.outcome === 'succeeded' ? 'yes: this run synced to the end' : 'no: this run is the failing test sync'}${report.stats ? ` (${report.stats.resources} resources, ${report.stats.grants} grants written)` : ''}`,
    '',
    '## What the doctor found',
    '',
    ...(report.findings.length
      ? report.findings.flatMap((f) => [
          `### ${f.id}: ${f.title}`,
          '',
          ...f.evidence.map((e) => `    ${oneLine(e)}`),
          '',
          ...f.fix.map((step, i) => `${i + 1}. ${step}`),
          '',
        ])
      : ['No finding.', '']),
    '## Reproduce it',
    '',
    '```sh',
    '# in a sync-harness checkout (npm install first), with this bundle unpacked in BUNDLE',
    'npx sync-harness run BUNDLE/scenario.yaml',
    ...(input.repro ? [`npx sync-harness run BUNDLE/${input.repro}   # inferred from the connector's log`] : []),
    '```',
    '',
    ...(input.reproNote ? [input.reproNote, ''] : []),
    '## In this bundle',
    '',
    ...input.files.map((f) => `- \`${f.name}\`: ${f.what}`),
    '',
    'Removed before packing: credentials and tokens in any encoding, private keys (the run CA included), and the',
    "sync file itself (it holds the directory's people); its counts are above and in `report.md`.",
    ...(input.notes.length ? ['', ...input.notes.map((n) => `Note: ${n}`)] : []),
    '',
  ];
  return lines.join('\n');
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 400 ? `${flat.slice(0, 399)}…` : flat;
}
