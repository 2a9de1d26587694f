/**
 * `diff`: compare two syncs (two files, or the latest two full syncs of one file) object by object, with
 * findings and CI gates. Exit 0, or 1 when a `--fail-on` rule holds; bad input is exit 2.
 */
import { compareSyncs } from '../../diff/compare.js';
import { parseRule } from '../../diff/gates.js';
import { renderConsole } from '../../../reports/diff/render-console.js';
import { renderHtml } from '../../../reports/diff/render-html.js';
import { renderJunit } from '../../../reports/diff/render-junit.js';
import { renderMarkdown } from '../../../reports/diff/render-markdown.js';
import { blameDamage, openSides } from '../../diff/sides.js';
import { UserError } from '../../../lib/errors.js';
import type { CommandIO } from '../../../lib/output/sink.js';
import type { DiffOptions } from '../command-options.js';

export async function run(options: DiffOptions, files: string[], io: CommandIO): Promise<number> {
  const rules = (options.failOn ?? []).map(parseRule);
  const dropThreshold = parsePercent(String(options.dropThreshold));
  const sides = await openSides({ file: options.file, files, baseSyncId: options.baseSyncId, syncId: options.syncId });
  try {
    for (const note of [sides.base.note, sides.compare.note]) if (note) await io.stderr.line(note);
    let report;
    try {
      report = compareSyncs(sides, { dropThreshold, rules });
    } catch (error) {
      throw blameDamage(sides, error);
    }
    if (options.outputFormat === 'json') await io.stdout.line(JSON.stringify(report, null, 2));
    else if (options.outputFormat === 'markdown') await renderMarkdown(io.stdout, report);
    else if (options.outputFormat === 'html') await io.stdout.write(renderHtml(report));
    else if (options.outputFormat === 'junit')
      await io.stdout.write(
        renderJunit(
          report,
          rules.map((r) => r.text),
        ),
      );
    else await renderConsole(io.stdout, report);
    if (report.gate.passed) return 0;
    // The console output already ends with them; other formats keep stdout machine-readable.
    if (options.outputFormat !== 'console') {
      for (const failure of report.gate.failures) await io.stderr.line(`sync-harness: gate failed: ${failure.rule}: ${failure.message}`);
    }
    return 1;
  } finally {
    sides.close();
  }
}

function parsePercent(text: string): number {
  const match = /^(\d+(?:\.\d+)?)%?$/.exec(text.trim());
  if (!match) throw new UserError(`diff: bad --drop-threshold ${JSON.stringify(text)}: expected a percent such as 10 or 12.5`);
  return Number(match[1]);
}
