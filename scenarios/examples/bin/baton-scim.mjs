#!/usr/bin/env node
// A stand-in for a customer's SCIM connector binary, so scim-external-command.yaml runs anywhere: it takes
// flags the way a Baton connector does (--scim-url, --token, --file) and syncs with the harness's reference
// SCIM connector (`sync-harness connector scim`) as its own process. Swap in your real binary's command.
// SYNC_HARNESS_CLI names another build of the harness to start (the docs suite passes its fresh build).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const usage = 'usage: baton-scim.mjs --scim-url URL --token TOKEN --file OUT.c1z';
let flags;
try {
  ({ values: flags } = parseArgs({ options: { 'scim-url': { type: 'string' }, token: { type: 'string' }, file: { type: 'string' } } }));
} catch (error) {
  console.error(`baton-scim: ${error.message} (${usage})`);
  process.exit(2);
}
const missing = ['scim-url', 'token', 'file'].filter((name) => !flags[name]);
if (missing.length) {
  console.error(`baton-scim: missing --${missing.join(', --')} (${usage})`);
  process.exit(2);
}

// The reference connector reads its configuration from a file; it holds the token, so it is private and removed.
const dir = mkdtempSync(join(tmpdir(), 'baton-scim-'));
const credentials = join(dir, 'credentials.json');
writeFileSync(credentials, JSON.stringify({ baseUrl: flags['scim-url'], token: flags.token }), { mode: 0o600 });
const cli = process.env.SYNC_HARNESS_CLI;
const [program, ...prefix] = cli ? [process.execPath, cli] : ['sync-harness'];
const level = (process.env.LOG_LEVEL ?? 'info').toLowerCase();
const args = [...prefix, 'connector', 'scim', '--credentials', credentials, '-f', flags.file, '--log-format', 'json'];
if (['debug', 'info', 'warn', 'error'].includes(level)) args.push('--log-level', level);
const child = spawn(program, args, { stdio: 'inherit' });
const cleanup = () => rmSync(dir, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('error', (error) => {
  cleanup();
  console.error(`baton-scim: cannot start ${program} (${error.message}; put sync-harness on PATH or set SYNC_HARNESS_CLI)`);
  process.exit(1);
});
child.on('close', (code, signal) => {
  cleanup();
  process.exit(code ?? (signal ? 1 : 0));
});
