/**
 * The `NODE_OPTIONS` that load the proxy preload into a Node program, by absolute URL so it works whatever
 * the program's working directory and whether or not sync-harness is installed beside it. Run from the
 * sources (tsx), the preload is TypeScript and tsx's loader comes first.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function proxyPreloadOptions(): string {
  const built = new URL('./proxy-preload.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return `--import=${built.href}`;
  const source = new URL('./proxy-preload.ts', import.meta.url);
  const tsx = join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'loader.mjs');
  return `--import=${pathToFileURL(tsx).href} --import=${source.href}`;
}

/** `NODE_OPTIONS` with the preload added to what the environment already had. */
export function withPreload(existing: string | undefined): string {
  return [existing, proxyPreloadOptions()].filter(Boolean).join(' ');
}
