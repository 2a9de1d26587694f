/** `syncs`: every sync in the file, as baton's `syncs` command lists them. */
import type { CommandIO } from '../../../lib/output/sink.js';
import { writeTable } from '../../../lib/output/table.js';
import { consoleTime, duration, withSyncFile } from './common.js';
import type { SyncsOptions } from '../command-options.js';

export async function run(options: SyncsOptions, _args: string[], io: CommandIO): Promise<number> {
  return withSyncFile(options, ['syncs'], async (file) => {
    const syncs = file.syncs();
    if (options.outputFormat === 'json') {
      const json = syncs.map((s) => ({
        id: s.id,
        ...(s.startedAt ? { startedAt: s.startedAt } : {}),
        ...(s.endedAt ? { endedAt: s.endedAt } : {}),
        syncToken: s.syncToken,
        syncType: s.syncType,
        ...(s.parentSyncId ? { parentSyncId: s.parentSyncId } : {}),
      }));
      await io.stdout.line(JSON.stringify({ syncs: json }, null, 2));
      return 0;
    }
    // Ended At is shown as a duration so the table fits 80 columns; JSON carries both times in full.
    const withParent = syncs.some((s) => s.parentSyncId);
    await writeTable(
      io.stdout,
      ['ID', 'Type', 'Started At (UTC)', 'Duration', ...(withParent ? ['Parent ID'] : []), 'Token'],
      syncs.map((s) => [s.id, s.syncType, consoleTime(s.startedAt), duration(s), ...(withParent ? [s.parentSyncId] : []), s.syncToken]),
    );
    return 0;
  });
}
