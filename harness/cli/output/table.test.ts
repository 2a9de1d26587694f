import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Sink } from './sink.js';
import { fitWidths, writeTable } from './table.js';

function capture() {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c.toString()));
  return { sink: new Sink(stream), text: () => chunks.join('') };
}

describe('console table', () => {
  it('aligns columns under their headers', async () => {
    const { sink, text } = capture();
    await writeTable(sink, ['ID', 'Name'], [['a', 'Alice'], ['bbbb', 'Bo']]);
    expect(text()).toBe('ID    Name\n----  -----\na     Alice\nbbbb  Bo\n');
  });

  it('fits 80 columns by shrinking the widest column', async () => {
    const { sink, text } = capture();
    await writeTable(sink, ['ID', 'Display Name'], [['user:1', 'x'.repeat(200)]]);
    const lines = text().trimEnd().split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines[2]).toMatch(/x…$/);
  });

  it('keeps narrow columns whole', () => {
    expect(fitWidths([4, 100, 6], 40)).toEqual([4, 26, 6]);
  });

  it('shrinks the widest columns evenly and never a kept one', () => {
    expect(fitWidths([27, 60, 60], 80, [true])).toEqual([27, 24, 25]);
    expect(fitWidths([27, 30], 20, [true])).toEqual([27, 8]);
  });
});
