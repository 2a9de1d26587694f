/**
 * Where our own `sync-harness` executable is, so a scenario's command can start a reference connector as
 * a process (`sync-harness connector entra ...`) however the harness was started: from the sources (tsx),
 * from `dist/`, or installed as a dependency of someone's project (its `.bin` is beside the package).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(): string | undefined {
  for (let dir = dirname(fileURLToPath(import.meta.url)); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'sync-harness') return dir;
  }
  return undefined;
}

/** The `.bin` folders that hold `sync-harness`, to put first on a connector's PATH. */
export function ownBinDirs(): string[] {
  const root = packageRoot();
  if (!root) return [];
  return [join(root, 'node_modules', '.bin'), join(dirname(root), '.bin')].filter((dir) => existsSync(join(dir, 'sync-harness')));
}
