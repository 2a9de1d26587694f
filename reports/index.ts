/** A run folder as a report: read it, compare with the last good sync if one is given, render. */
import { compareWithLastGood } from './last-good.js';
import { buildRunReport, type RunReport } from './model.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';
import { readRunFolder, type RunFolder } from './run-folder.js';

export type ReportFormat = 'markdown' | 'html';
export type { RunReport } from './model.js';

export async function buildReport(runDir: string, options: { lastGood?: string } = {}): Promise<RunReport> {
  return buildReportOf(readRunFolder(runDir), options);
}

/** The same, for a run folder already read (the bundle reads its log too). */
export async function buildReportOf(run: RunFolder, options: { lastGood?: string } = {}): Promise<RunReport> {
  const since = options.lastGood ? await compareWithLastGood(options.lastGood, run.syncFiles[0]) : undefined;
  return buildRunReport(run, since);
}

export function renderReport(report: RunReport, format: ReportFormat): string {
  return format === 'html' ? renderHtml(report) : renderMarkdown(report);
}
