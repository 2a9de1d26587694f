/**
 * An external connector: any program, given the served simulator's URL and credentials through
 * placeholders. Its whole process tree (its group, its descendants, anything that escaped with `setsid`) dies
 * at its timeout, when it exits, and on Ctrl-C of the harness; the head and tail of its output are kept
 * (captured-output.ts), scrubbed of the run's secrets and of every token the simulators issued meanwhile, and
 * a crash is reported with its exit code and the tail of stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { delimiter, resolve } from 'node:path';
import { onInterrupt } from '../../lib/fs/temp-files.js';
import { ProcessTree, residentBytes } from './process-tree.js';
import { expandCommand, expandText } from '../scenario/placeholders.js';
import { formatDuration } from '../scenario/duration.js';
import type { ExternalConnector } from '../scenario/schema.js';
import type { Scrubber } from '../../lib/secrets/index.js';
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
/**
 * How long output may still arrive after the connector's own process exited. A process it left behind
 * holding stdout open would otherwise keep the run waiting forever; one second is plenty to flush a pipe.
 */
const STDIO_GRACE_MS = 1000;
/** How long Ctrl-C waits for the killed tree to be gone before removing the folders it wrote into. */
const INTERRUPT_WAIT_MS = 1000;

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
  const tree = new ProcessTree();
  const child = spawn(program!, args, {
    cwd,
    shell: typeof command === 'string',
    detached: true,
    // The scenario's own env wins over the serving's (proxy, CA, preload), so a test can break one on purpose.
    env: { ...process.env, PATH: [...ownBinDirs(), process.env.PATH ?? ''].join(delimiter), ...options.env, ...env, ...tree.env() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  tree.started(child.pid);
  const forgetInterrupt = onInterrupt(() => tree.killAndWait(INTERRUPT_WAIT_MS));
  const captured = new CapturedOutput();
  child.stdout.on('data', (chunk: Buffer) => captured.write('stdout', chunk));
  child.stderr.on('data', (chunk: Buffer) => captured.write('stderr', chunk));
  let peakRssBytes = 0;
  // Sampling also keeps the tree's member list current, so a child re-parented away later is still known.
  const sampler = setInterval(() => (peakRssBytes = Math.max(peakRssBytes, residentBytes(tree.members({ byToken: false })))), SAMPLE_MS);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    tree.kill();
  }, timeoutMs);
  const closed = new Promise<void>((done) => child.once('close', () => done()));
  const exit = await new Promise<{ code: number | null; error?: Error }>((done) => {
    child.once('error', (error) => done({ code: null, error }));
    child.once('exit', (code) => done({ code }));
  });
  clearTimeout(timer);
  clearInterval(sampler);
  await settle(child, closed);
  // Whatever it left running goes too.
  tree.kill();
  forgetInterrupt();
  captured.end();
  const scrubber = options.scrubber();
  const scrub = (text: string) => scrubber.scrub(text);
  const output = captured.lines(scrub);
  const tail = captured.stderrTail(scrub);
  // The command line holds whatever placeholders it was given, credentials included.
  const name = scrub(typeof command === 'string' ? command : program!);
  if (exit.error)
    return {
      outcome: 'failed',
      error: `${name}: could not start (${scrub(exit.error.message)}; check the command and cwd ${scrub(cwd)})`,
      exitCode: null,
      output,
      peakRssBytes,
    };
  if (timedOut)
    return {
      outcome: 'failed',
      error: `${name}: killed after its timeout of ${formatDuration(timeoutMs)}${tail ? `; stderr ends:\n${tail}` : ''}`,
      exitCode: null,
      output,
      peakRssBytes,
    };
  if (exit.code !== 0)
    return {
      outcome: 'failed',
      error: `${name}: exited with code ${exit.code}${tail ? `; stderr ends:\n${tail}` : ''}`,
      exitCode: exit.code,
      output,
      peakRssBytes,
    };
  return { outcome: 'succeeded', exitCode: 0, output, peakRssBytes };
}

/**
 * Waits for the connector's stdout and stderr to end, at most {@link STDIO_GRACE_MS} after it exited: a
 * process it left behind may hold them open for ever, so then our ends are closed and its later output lost.
 */
async function settle(child: ChildProcess, closed: Promise<void>): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((done) => (timer = setTimeout(() => done(true), STDIO_GRACE_MS)));
  const gaveUp = await Promise.race([closed.then(() => false), late]);
  clearTimeout(timer);
  if (!gaveUp) return;
  child.stdout?.destroy();
  child.stderr?.destroy();
}
