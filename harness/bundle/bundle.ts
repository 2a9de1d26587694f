/**
 * `bundle RUN`: one archive for a support ticket. Everything in it is text scrubbed of credentials, then
 * scanned for the run's own secrets in every encoding; a single hit and nothing is written. The sync
 * file and the run CA's key never go in.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { create } from 'tar';
import { renderReport } from '../../reports/index.js';
import { buildReportOf } from '../report/build-report.js';
import { readRunFolder } from '../../reports/run-folder.js';
import { packageVersion } from '../cli/version.js';
import { writeAtomically } from '../../lib/fs/atomic-write.js';
import { makeTempDir, removeTempDir } from '../../lib/fs/temp-files.js';
import { planInputFromLog, readLogReport } from '../repro/from-log.js';
import { planRepro } from '../repro/plan.js';
import { renderScenario } from '../repro/render.js';
import { connectorVersion } from './connector-version.js';
import { renderReadme } from './readme.js';
import { runSecrets } from './run-credentials.js';
import { scanForSecrets, Scrubber, type Secret } from '../../lib/secrets/index.js';

export interface BundleOptions {
  runDir: string;
  out: string;
  lastGood?: string;
  /** The customer's own debug log, added (scrubbed) and used for the repro scenario. */
  log?: string;
  connectorVersion?: string;
}

export interface BundleOutcome {
  file: string;
  files: string[];
  notes: string[];
}

export class BundleLeakError extends Error {
  constructor(findings: { file: string; secret: string; form: string }[]) {
    super(
      `refusing to write the bundle: ${findings.length} secret occurrence(s) survived scrubbing (${findings
        .slice(0, 3)
        .map((f) => `${f.secret} as ${f.form} in ${f.file}`)
        .join('; ')}); nothing was written`,
    );
    this.name = 'BundleLeakError';
  }
}

export async function writeBundle(options: BundleOptions): Promise<BundleOutcome> {
  const run = readRunFolder(options.runDir);
  const report = await buildReportOf(run, options.lastGood ? { lastGood: options.lastGood } : {});
  const { secrets, note } = await runSecrets(report.scenarioFile);
  const notes = note ? [note] : [];
  const scrubber = new Scrubber(secrets);
  const scrub = (text: string) => scrubber.scrub(text);
  const staged = new Map<string, { text: string; what: string }>();
  const add = (name: string, text: string, what: string) => staged.set(name, { text: scrub(text), what });

  add('report.md', renderReport(report, 'markdown'), 'the run report: error, findings, requests and retries over time');
  add('report.html', renderReport(report, 'html'), 'the same report as one self-contained page');
  for (const [file, what] of [
    ['result.json', "the run's result: outcome, error, findings, counts"],
    ['journal.jsonl', 'every request the simulated service answered (secrets redacted by name)'],
    ['connector.log', "the connector's log, credentials removed"],
  ] as const) {
    const path = join(options.runDir, file);
    if (existsSync(path)) add(file, readFileSync(path, 'utf8'), what);
  }
  if (existsSync(report.scenarioFile))
    add('scenario.yaml', readFileSync(report.scenarioFile, 'utf8'), 'the scenario that ran: `npx sync-harness run scenario.yaml` reproduces it');
  const logFile = options.log ?? join(options.runDir, 'connector.log');
  if (options.log) add('debug.log', readFileSync(options.log, 'utf8'), 'the debug log given with --log, credentials removed');
  const repro = reproScenario(logFile, report.scenario);
  if (repro.text) add('repro.yaml', repro.text, 'a scenario inferred from the log alone (what `npx sync-harness repro --log` writes)');

  const version = connectorVersion(report.connectors[0]?.name ?? '', run.log);
  const readme = renderReadme({
    report,
    connectorVersion: options.connectorVersion ?? version,
    files: [...staged].map(([name, { what }]) => ({ name, what })),
    ...(repro.text ? { repro: 'repro.yaml' } : {}),
    ...(repro.note ? { reproNote: repro.note } : {}),
    notes,
  });
  add('README.md', readme, 'start here');
  add(
    'manifest.json',
    JSON.stringify(
      {
        createdBy: `sync-harness ${packageVersion()}`,
        createdAt: new Date().toISOString(),
        run: basename(options.runDir),
        files: [...staged.keys()].sort(),
      },
      null,
      2,
    ),
    'what is in the bundle',
  );
  return pack(staged, options.out, secrets, notes);
}

async function pack(staged: Map<string, { text: string }>, out: string, secrets: readonly Secret[], notes: string[]): Promise<BundleOutcome> {
  // Registered: Ctrl-C mid-bundle removes it (and the archive's .tmp) rather than leaving the staged copy.
  const scratch = makeTempDir('sync-harness-bundle-');
  try {
    const root = join(scratch, 'bundle');
    const names = [...staged.keys()].sort();
    mkdirSync(root);
    for (const name of names) writeFileSync(join(root, name), staged.get(name)!.text);
    const scan = await scanForSecrets(
      secrets,
      names.map((n) => join(root, n)),
    );
    if (scan.findings.length > 0) throw new BundleLeakError(scan.findings.map((f) => ({ ...f, file: basename(f.file) })));
    await writeAtomically(out, (temp) =>
      create(
        { gzip: true, cwd: scratch, file: temp, portable: true },
        names.map((n) => `bundle/${n}`),
      ),
    );
    return { file: out, files: names, notes };
  } finally {
    removeTempDir(scratch);
  }
}

function reproScenario(logFile: string, name: string): { text?: string; note?: string } {
  if (!existsSync(logFile)) return { note: 'No log to infer a repro scenario from.' };
  try {
    const plan = planRepro(planInputFromLog({ file: logFile, name: `${name}-repro` }, readLogReport(logFile)));
    if ('impossible' in plan)
      return { note: `The log's symptoms cannot be simulated: ${plan.impossible.map((s) => `${s.id} ${s.why}`).join('; ')}.` };
    return { text: renderScenario(plan) };
  } catch (error) {
    return { note: `No repro scenario from the log: ${(error as Error).message.replace(logFile, basename(logFile))}` };
  }
}
