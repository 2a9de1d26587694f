import { readFileSync } from 'node:fs';

/**
 * The version in package.json, found by walking up from this module: it runs from the TypeScript source,
 * from `dist/`, and from the tests' private builds, each at a different depth.
 */
export function packageVersion(): string {
  for (let dir = new URL('.', import.meta.url); ; dir = new URL('..', dir)) {
    try {
      const pkg = JSON.parse(readFileSync(new URL('package.json', dir), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'sync-harness' && pkg.version) return pkg.version;
    } catch {
      // no package.json here
    }
    if (dir.pathname === '/') return '0.0.0';
  }
}
