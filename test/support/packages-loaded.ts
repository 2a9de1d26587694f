/** Which packages a module loads at import time, read from its source: what a start-up path pays for. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The packages a module loads, following its relative value imports (type-only imports load nothing). */
export function packagesLoadedBy(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  if (seen.has(file)) return packages;
  seen.add(file);
  for (const [, spec] of readFileSync(file, 'utf8').matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)) {
    if (!spec!.startsWith('.')) packages.add(spec!);
    else for (const name of packagesLoadedBy(resolve(file, '..', spec!.replace(/\.js$/, '.ts')), seen)) packages.add(name);
  }
  return packages;
}
