/**
 * TEST SUPPORT ONLY. `SYNC_HARNESS_TEST_PAUSE_AT=tenant|write` makes a run stop at that point (after the
 * tenant and simulator are built; after the run folder's files are written, before it is swapped in), say so
 * on stderr and wait, so a test can send a signal exactly there instead of hoping its timing lands.
 * Unset, it does nothing.
 */
export type PausePoint = 'tenant' | 'write';

/** Long enough for any test to send its signal; short enough that a forgotten pause still ends. */
const PAUSE_MS = 60_000;

export async function testPause(point: PausePoint): Promise<void> {
  if (process.env.SYNC_HARNESS_TEST_PAUSE_AT !== point) return;
  process.stderr.write(`sync-harness test pause: ${point}\n`);
  await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
}
