/**
 * What the tool tells people to run works from a clone: `npx sync-harness ...` (bare `sync-harness` is not
 * on PATH there), and the Node proxy preload by absolute file URL (the package is private, so
 * `--import=sync-harness/proxy` resolves only for programs inside the clone).
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { runCli } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hints-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("demo's next steps say npx sync-harness", async () => {
  const out = join(dir, 'demo.c1z');
  const result = await runCli(['demo', '--users', '20', '--groups', '2', '--out', out]);
  expect(result.code).toBe(0);
  expect(result.stderr).toContain(`next: npx sync-harness diff -f ${out}`);
  expect(result.stderr).toContain(`npx sync-harness syncs -f ${out}   |   npx sync-harness resources -f ${out} -t user`);
});

it('serve --help names the preload by an absolute file URL that exists', async () => {
  const help = (await runCli(['serve', '--help'])).stdout.replace(/\s+/g, ' ');
  expect(help).not.toContain('--import=sync-harness/proxy');
  const urls = [...help.matchAll(/--import=(file:\/\/\S+?)['\s]/g)].map((m) => m[1]!);
  expect(urls.length).toBeGreaterThan(0);
  for (const url of urls) expect(existsSync(fileURLToPath(url)), url).toBe(true);
  expect(urls.at(-1)).toMatch(/proxy-preload\.(js|ts)$/);
});
