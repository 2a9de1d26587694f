/** A run folder's report rendered as Markdown or HTML; harness/report/build-report.ts builds the model. */
import type { RunReport } from './model.js';
import { renderHtml } from './render-html.js';
import { renderMarkdown } from './render-markdown.js';

export type ReportFormat = 'markdown' | 'html';
export type { RunReport } from './model.js';

export function renderReport(report: RunReport, format: ReportFormat): string {
  return format === 'html' ? renderHtml(report) : renderMarkdown(report);
}
