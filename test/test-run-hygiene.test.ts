/**
 * `npm install` and `npm test` stay quiet about what the project already decided: every installed package
 * with an install script is allowed or denied in package.json's `allowScripts` (npm 11), and the AWS SDK's
 * Node 20 warning is switched off for test runs by the variable the SDK itself reads.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { repoRoot } from './support/paths.js';

const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall'];

function installedWithScripts(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
    if (entry.name.startsWith('@')) {
      found.push(...installedWithScripts(join(dir, entry.name)).map((name) => `${entry.name}/${name}`));
      continue;
    }
    try {
      const manifest = JSON.parse(readFileSync(join(dir, entry.name, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
      if (INSTALL_SCRIPTS.some((s) => manifest.scripts?.[s])) found.push(entry.name);
    } catch {
      // not a package folder
    }
  }
  return found;
}

it('allowScripts decides on every installed package with an install script', () => {
  const { allowScripts = {} } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
  const decided = new Set(Object.keys(allowScripts).map((key) => key.replace(/(.)@.*$/, '$1')));
  const withScripts = installedWithScripts(join(repoRoot, 'node_modules')).filter((name) => name !== 'sync-harness');
  expect(withScripts.length).toBeGreaterThan(0);
  expect(withScripts.filter((name) => !decided.has(name))).toEqual([]);
});

it("test runs switch off the AWS SDK's Node version warning the way the SDK reads it", () => {
  const require = createRequire(import.meta.url);
  const source = readFileSync(join(require.resolve('@aws-sdk/core').replace(/index\.js$/, ''), 'submodules/client/index.js'), 'utf8');
  const variable = /process\.env\.(AWS_SDK_JS_\w+WARNING\w*) === "true"/.exec(source)?.[1];
  expect(variable).toBeDefined();
  expect(process.env[variable!]).toBe('true');
});
