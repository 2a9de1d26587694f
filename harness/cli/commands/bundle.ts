/**
 * `bundle RUN`: a run folder as one sanitized archive for a support ticket. Exit 0 when written, 1 when a
 * secret survived scrubbing (nothing is written), 2 for bad input.
 */
import { BundleLeakError, writeBundle } from '../../bundle/bundle.js';
import { checkInputFile } from '../../../lib/fs/input-file.js';
import { checkOutputFile } from '../../../lib/fs/output-file.js';
import type { CommandIO } from '../../../lib/output/sink.js';
import type { BundleOptions } from '../command-options.js';

export async function run(flags: BundleOptions, [runDir]: string[], io: CommandIO): Promise<number> {
  const dir = runDir!.replace(/\/+$/, '');
  const out = flags.out ?? `${dir}.bundle.tar.gz`;
  checkOutputFile(out, '--out');
  if (flags.log !== undefined) checkInputFile(flags.log, { flag: '--log', what: 'log file' });
  try {
    const outcome = await writeBundle({ runDir: dir, out, lastGood: flags.lastGood, log: flags.log, connectorVersion: flags.connectorVersion });
    await io.stdout.line(`wrote ${outcome.file}: ${outcome.files.join(', ')}`);
    for (const note of outcome.notes) await io.stderr.line(`note: ${note}`);
    return 0;
  } catch (error) {
    if (!(error instanceof BundleLeakError)) throw error;
    await io.stderr.line(`sync-harness: ${error.message}`);
    return 1;
  }
}
