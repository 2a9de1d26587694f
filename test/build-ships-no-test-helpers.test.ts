/**
 * `npm run build` emits what tsconfig.build.json lists, and dist/ is what the package ships: a helper only
 * tests import (a fake connector, a fixture simulator) must be named `*.test-support.ts` or live under
 * test/, so the build leaves it out. tsc itself gives the list, so the test follows the real config.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROVIDER_NAMES } from '../mocks/providers.js';
import { repoRoot } from './support/paths.js';

const TSC = join(repoRoot, 'node_modules/typescript/bin/tsc');

function projectFiles(config: string): string[] {
  const out = execFileSync(process.execPath, [TSC, '-p', config, '--listFilesOnly'], { cwd: repoRoot, encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => line.trim())
    .filter((file) => file !== '' && !file.includes(`${sep}node_modules${sep}`))
    .map((file) => relative(repoRoot, file).split(sep).join('/'));
}

const IMPORT = /(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g;

/** The project's own files each source file imports, by repository path. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(repoRoot, file), 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => join(dirname(file), m[1]!).split(sep).join('/').replace(/\.js$/, '.ts'));
}

const isTestFile = (file: string): boolean => /\.test(-support)?\.ts$/.test(file) || file.startsWith('test/');

/** The package's entry points (bin and exports) and modules' index.ts are public even if only tests import them. */
function entryPoints(): Set<string> {
  const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
    exports: Record<string, string | { default?: string }>;
  };
  const built = [...Object.values(pkg.bin), ...Object.values(pkg.exports).map((e) => (typeof e === 'string' ? e : (e.default ?? '')))];
  return new Set(
    built.filter((f) => f.startsWith('dist/') || f.startsWith('./dist/')).map((f) => f.replace(/^(\.\/)?dist\//, '').replace(/\.js$/, '.ts')),
  );
}

describe('the build', () => {
  it('emits no test, and no file only tests import except the entry points', () => {
    const shipped = projectFiles('tsconfig.build.json');
    const importers = new Map<string, string[]>();
    for (const file of projectFiles('tsconfig.json')) {
      for (const target of importsOf(file)) importers.set(target, [...(importers.get(target) ?? []), file]);
    }
    // The oracle sees what it should: the fixtures are imported, by tests only, and are not built.
    expect(importers.get('mocks/entra/test-support/entra-fixture.test-support.ts')?.every(isTestFile)).toBe(true);
    expect(shipped).not.toContain('mocks/entra/test-support/entra-fixture.test-support.ts');
    // sync-harness/testing is public: its module stays in the build.
    const entries = entryPoints();
    expect([...entries].sort()).toEqual(['harness/cli/main.ts', 'harness/external/proxy-preload.ts', 'harness/testing.ts']);
    for (const entry of entries) expect(shipped).toContain(entry);

    // The reference connectors and their ground truths are imported by name (connectors/builtin.ts,
    // harness/ground-truth/index.ts), which no import line shows.
    const byName = new Set(PROVIDER_NAMES.flatMap((name) => [`connectors/${name}/builtin.ts`, `harness/ground-truth/${name}.ts`]));
    const testOnly = shipped.filter((file) => {
      if (entries.has(file) || byName.has(file) || file.endsWith('/index.ts')) return false;
      const by = importers.get(file) ?? [];
      return by.length > 0 && by.every(isTestFile);
    });
    expect(testOnly).toEqual([]);
    expect(shipped.filter(isTestFile)).toEqual([]);
  }, 120_000);
});
