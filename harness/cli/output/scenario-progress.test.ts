import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { scenarioProgress } from './scenario-progress.js';
import { Sink } from '../../../lib/output/sink.js';

function capture(terminal = false) {
  const stream = new PassThrough();
  if (terminal) Object.assign(stream, { isTTY: true, columns: 80 });
  const chunks: string[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c.toString()));
  return { sink: new Sink(stream), text: () => chunks.join('') };
}

const at = () => new Date('2026-05-01T12:00:00.000Z');

describe('scenario progress', () => {
  it('piped: one line per finished scenario with its count, name, outcome, met and time', async () => {
    const { sink, text } = capture();
    const progress = scenarioProgress(sink, 12, 'console', at);
    progress.starting(0, 'entra-control');
    await progress.finished(0, { name: 'entra-control', outcome: 'succeeded', met: true, durationMs: 1234 });
    await progress.finished(9, { name: 'aws-throttled', outcome: 'failed', met: false, durationMs: 50 });
    progress.stop();
    expect(text()).toBe('[ 1/12] entra-control  succeeded  met  1.2s\n[10/12] aws-throttled  failed  NOT MET  0.1s\n');
  });

  it('with --log-format json, a log record per scenario', async () => {
    const { sink, text } = capture();
    await scenarioProgress(sink, 2, 'json', at).finished(1, { name: 'scim-control', outcome: 'succeeded', met: true, durationMs: 80 });
    expect(JSON.parse(text())).toEqual({
      level: 'info',
      ts: '2026-05-01T12:00:00.000Z',
      msg: 'scenario finished',
      scenario: 'scim-control',
      outcome: 'succeeded',
      met: true,
      durationMs: 80,
      done: 2,
      total: 2,
    });
  });

  it('in a terminal, the bar instead of lines (cleared when done)', async () => {
    const { sink, text } = capture(true);
    const progress = scenarioProgress(sink, 2, 'console', at);
    progress.starting(0, 'entra-control');
    await progress.finished(0, { name: 'entra-control', outcome: 'succeeded', met: true, durationMs: 5 });
    progress.stop();
    expect(text()).not.toContain('entra-control  succeeded');
    expect(text()).toContain('entra-control');
  });
});
