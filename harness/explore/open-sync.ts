/** One sync file opened for exploring: inflated (or unpacked) once into its SQLite database, then indexed. */
import { openSyncFile } from '../../c1z/index.js';
import { SyncExplorer } from './sync-explorer.js';

export interface OpenedSync {
  explorer: SyncExplorer;
  close(): void;
}

export async function openSync(path: string): Promise<OpenedSync> {
  const file = await openSyncFile(path, { need: 'database' });
  try {
    // A damaged store fails here, in one line, rather than as a broken page later.
    file.verify();
    const explorer = new SyncExplorer(file);
    return {
      explorer,
      close() {
        try {
          explorer.close();
        } finally {
          file.close();
        }
      },
    };
  } catch (error) {
    file.close();
    throw error;
  }
}
