/**
 * A progress bar for long jobs, on stderr and only when stderr is a terminal: piped or captured output
 * (CI logs, tests) must not fill up with redraw sequences. Redraws happen inside `update`, because the
 * jobs that need a bar (SQLite generation) block the event loop and a timer would never fire.
 */
import cliProgress from 'cli-progress';
import type { Sink } from '../../../lib/output/sink.js';

export interface ProgressReporter {
  update(done: number, total: number, phase: string): void;
  stop(): void;
}

export function progressBar(stderr: Sink): ProgressReporter {
  if (!(stderr.stream as { isTTY?: boolean }).isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: stderr.stream as NodeJS.WriteStream,
      format: ' {bar} {percentage}% | {value}/{total} | {phase} | eta {eta_formatted}',
      hideCursor: true,
      clearOnComplete: true,
      synchronousUpdate: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, phase) {
      if (!started) {
        bar.start(total, done, { phase });
        started = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { phase });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
