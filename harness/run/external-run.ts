/**
 * An external connector: any program, given the served simulator's URL and credentials through
 * placeholders. It runs in its own process group so a timeout kills everything it started; the head and
 * tail of its output are kept (captured-output.ts), scrubbed of the run's secrets and of every token the
 * simulators issued meanwhile, and a crash is reported with its exit code and the tail of stderr.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { expandCommand, expandText } from '../scenario/placeholders.js';
import { formatDuration } from '../scenario/duration.js';
import type { ExternalConnector } from '../scenario/schema.js';
import type { Scrubber } from '../secrets/index.js';
import { CapturedOutput } from './captured-output.js';
import { ownBinDirs } from './own-bin.js';

export interface ExternalRun {
  outcome: 'succeeded' | 'failed';
  error?: string;
  exitCode: number | null;
  /** stdout and stderr lines, head and tail (output-limits.ts), scrubbed. */
  output: string[];
  peakRssBytes: number;
}

const DEFAULT_TIMEOUT_MS = 10 * 60_000;
const SAMPLE_MS = 100;


export async function runExternal(
  spec: ExternalConnector,
  values: Record<string, string>,
  // The scrubber is asked for once the process has ended, so it knows every token issued while it ran.
  options: { scenarioDir: string; timeoutMs: number; scrubber: () => Scrubber; env?: Record<string, string> },
): Promise<ExternalRun> {
  const command = expandCommand(spec.command, values);
  const env = Object.fromEntries(Object.entries(spec.env).map(([key, value]) => [key, expandText(value, values, `env.${key}`)]));
  const cwd = resolve(options.scenarioDir, spec.cwd === undefined ? '.' : expandText(spec.cwd, values, 'cwd'));
  const timeoutMs = spec.timeoutMs ?? Math.min(options.timeoutMs, DEFAULT_TIMEOUT_MS);
  const [program, ...args] = typeof command === 'string' ? [command] : command;
  const child = spawn(program!, args, {
    cwd,
    shell: typeof command === 'string',
    detached: true,
    // The scenario's own env wins over the serving's (proxy, CA, preload), so a test can break one on purpose.
    env: { ...process.env, PATH: [...ownBinDirs(), process.env.PATH ?? ''].join(delimiter), ...options.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const captured = new CapturedOutput();
  child.stdout.on('data', (chunk: Buffer) => captured.write('stdout', chunk));
  child.stderr.on('data', (chunk: Buffer) => captured.write('stderr', chunk));
  let peakRssBytes = 0;
  const sampler = setInterval(() => (peakRssBytes = Math.max(peakRssBytes, groupRss(child.pid))), SAMPLE_MS);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup(child.pid);
  }, timeoutMs);
  const exit = await new Promise<{ code: number | null; error?: Error }>((done) => {
    child.once('error', (error) => done({ code: null, error }));
    child.once('close', (code) => done({ code }));
  });
  clearTimeout(timer);
  clearInterval(sampler);
  // Whatever it left running in its group goes too.
  killGroup(child.pid);
  captured.end();
  const scrubber = options.scrubber();
  const scrub = (text: string) => scrubber.scrub(text);
  const output = captured.lines(scrub);
  const tail = captured.stderrTail(scrub);
  // The command line holds whatever placeholders it was given, credentials included.
  const name = scrub(typeof command === 'string' ? command : program!);
  if (exit.error) return { outcome: 'failed', error: `${name}: could not start (${scrub(exit.error.message)}; check the command and cwd ${scrub(cwd)})`, exitCode: null, output, peakRssBytes };
  if (timedOut) return { outcome: 'failed', error: `${name}: killed after its timeout of ${formatDuration(timeoutMs)}${tail ? `; stderr ends:\n${tail}` : ''}`, exitCode: null, output, peakRssBytes };
  if (exit.code !== 0) return { outcome: 'failed', error: `${name}: exited with code ${exit.code}${tail ? `; stderr ends:\n${tail}` : ''}`, exitCode: exit.code, output, peakRssBytes };
  return { outcome: 'succeeded', exitCode: 0, output, peakRssBytes };
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Resident memory of every process in the group (Linux /proc); 0 where /proc is not there. */
function groupRss(pgid: number | undefined): number {
  if (pgid === undefined) return 0;
  let total = 0;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      // Field 5 of stat is the process group; the command name (field 2) may hold spaces, so split after it.
      const stat = readFileSync(join('/proc', pid, 'stat'), 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(join('/proc', pid, 'status'), 'utf8'));
      if (rss) total += Number(rss[1]) * 1024;
    } catch {
      // The process ended between listing and reading.
    }
  }
  return total;
}
