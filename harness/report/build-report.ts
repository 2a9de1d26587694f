/**
 * A run folder as a report: read it, compare with the last good sync if one is given (through the diff, so
 * the report and `sync-harness diff` agree), and build the model reports/ renders. Here, not in reports/,
 * because comparing opens sync files: the renderers stay below the harness and only read their models.
 */
import { compareWithLastGood } from '../diff/last-good.js';
import { buildRunReport, type RunReport } from '../../reports/model.js';
import { readRunFolder, type RunFolder } from '../../reports/run-folder.js';

export async function buildReport(runDir: string, options: { lastGood?: string } = {}): Promise<RunReport> {
  return buildReportOf(readRunFolder(runDir), options);
}

/** The same, for a run folder already read (the bundle reads its log too). */
export async function buildReportOf(run: RunFolder, options: { lastGood?: string } = {}): Promise<RunReport> {
  const since = options.lastGood ? await compareWithLastGood(options.lastGood, run.syncFiles[0]) : undefined;
  return buildRunReport(run, since);
}
