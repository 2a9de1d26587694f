/**
 * Progress of `run` over a list of scenarios, on stderr. In a terminal it is the redrawn bar; anywhere else
 * (a CI log, a pipe, a file) a bar draws nothing, so each scenario gets one line as it finishes instead, and a
 * long library run is never silent. With `--log-format json` the line is a log record, so a JSON log stays
 * one record per line.
 */
import type { LogFormat } from './logger.js';
import { progressBar } from './progress.js';
import type { Sink } from '../../../lib/output/sink.js';

interface FinishedScenario {
  name: string;
  outcome: 'succeeded' | 'failed' | 'error';
  met: boolean;
  durationMs: number;
}

export interface ScenarioProgress {
  starting(index: number, name: string): void;
  finished(index: number, scenario: FinishedScenario): Promise<void>;
  stop(): void;
}

export function scenarioProgress(stderr: Sink, total: number, format: LogFormat, now: () => Date = () => new Date()): ScenarioProgress {
  if (stderr.isTerminal) {
    const bar = progressBar(stderr);
    return { starting: (index, name) => bar.update(index, total, name), finished: async () => {}, stop: () => bar.stop() };
  }
  const width = String(total).length;
  return {
    starting() {},
    async finished(index, s) {
      const done = index + 1;
      if (format === 'json') {
        const record = {
          level: 'info',
          ts: now().toISOString(),
          msg: 'scenario finished',
          scenario: s.name,
          outcome: s.outcome,
          met: s.met,
          durationMs: s.durationMs,
          done,
          total,
        };
        await stderr.line(JSON.stringify(record));
      } else {
        await stderr.line(
          `[${String(done).padStart(width)}/${total}] ${s.name}  ${s.outcome}  ${s.met ? 'met' : 'NOT MET'}  ${seconds(s.durationMs)}`,
        );
      }
    },
    stop() {},
  };
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}
