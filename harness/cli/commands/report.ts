/**
 * `report`: a run folder as a report people read, Markdown for a ticket or pull request, or one
 * self-contained HTML file. `--out` replaces the file only once the report is complete. The text is scrubbed
 * like the run folder it reads: a folder written before scrubbing, or a sync file a connector wrote its
 * token into, must not carry a secret into a ticket.
 */
import { writeFile } from 'node:fs/promises';
import { renderReport } from '../../../reports/index.js';
import { buildReport } from '../../report/build-report.js';
import { runSecrets } from '../../bundle/run-credentials.js';
import { writeAtomically } from '../../../lib/fs/atomic-write.js';
import { Scrubber, type Secret } from '../../../lib/secrets/index.js';
import { checkOutputFile } from '../../../lib/fs/output-file.js';
import type { CommandIO } from '../../../lib/output/sink.js';
import type { ReportOptions } from '../command-options.js';

export async function run(options: ReportOptions, [runDir]: string[], io: CommandIO): Promise<number> {
  // Before the report is built: a missing folder or a folder in the way is known now, not at the rename.
  if (options.out !== undefined) checkOutputFile(options.out, '--out');
  const report = await buildReport(runDir!, options.lastGood ? { lastGood: options.lastGood } : {});
  const text = new Scrubber(await knownSecrets(report.scenarioFile)).scrub(renderReport(report, options.outputFormat ?? 'markdown'));
  if (options.out) {
    await writeAtomically(options.out, (temp) => writeFile(temp, text));
    await io.stderr.line(`wrote ${options.out}`);
  } else {
    await io.stdout.write(text);
  }
  return 0;
}

/** The credentials the scenario's simulator hands out; without a readable scenario, credential shapes only. */
async function knownSecrets(scenarioFile: string): Promise<Secret[]> {
  try {
    return (await runSecrets(scenarioFile)).secrets;
  } catch {
    return [];
  }
}
