import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger.js';
import { Sink } from '../../../lib/output/sink.js';

const NOW = () => new Date('2026-05-01T12:00:00Z');

function capture() {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c.toString()));
  return { sink: new Sink(stream), text: () => chunks.join('') };
}

describe('the harness log', () => {
  it('drops records below the level and writes zap-style JSON lines', async () => {
    const out = capture();
    const log = createLogger(out.sink, 'warn', 'json', NOW);
    log({ level: 'info', msg: 'hidden' });
    log({ level: 'warn', msg: 'retrying operation', wait: '2s' });
    await new Promise((r) => setImmediate(r));
    expect(
      out
        .text()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([{ level: 'warn', ts: '2026-05-01T12:00:00.000Z', msg: 'retrying operation', wait: '2s' }]);
  });

  it('writes one readable line per record in console format', async () => {
    const out = capture();
    createLogger(out.sink, 'debug', 'console', NOW)({ level: 'error', msg: 'sync failed', error: 'boom' });
    await new Promise((r) => setImmediate(r));
    expect(out.text()).toBe('2026-05-01T12:00:00.000Z  ERROR  sync failed  error=boom\n');
  });
});
