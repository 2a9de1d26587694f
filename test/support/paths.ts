/** Where the repository is, for helpers that run or build the CLI. */
import { resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '../..');
