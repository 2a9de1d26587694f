/**
 * TEST SUPPORT ONLY. `SYNC_HARNESS_TEST_PAUSE_AT=tenant|write|output` makes the process stop at that point,
 * say so on stderr and wait, so a test can send a signal exactly there instead of hoping its timing lands:
 * `tenant` once a run's tenant and simulator are built, `write` once its run folder's files are written and
 * before it is swapped in, `output` once an atomic write's temporary is complete and before it is renamed
 * (demo --out, report --out, bundle). Unset, it does nothing.
 */
export type PausePoint = 'tenant' | 'write' | 'output';

/** Long enough for any test to send its signal; short enough that a forgotten pause still ends. */
const PAUSE_MS = 60_000;

export async function testPause(point: PausePoint): Promise<void> {
  if (process.env.SYNC_HARNESS_TEST_PAUSE_AT !== point) return;
  process.stderr.write(`sync-harness test pause: ${point}\n`);
  await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
}
