import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { Sink } from './sink.js';
import { TableWriter, fitWidths, writeTable } from './table.js';

/** Output captured from a pipe, or from a terminal `columns` wide. */
function capture(columns?: number) {
  const stream = new PassThrough();
  if (columns !== undefined) Object.assign(stream, { isTTY: true, columns });
  const chunks: string[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c.toString()));
  return { sink: new Sink(stream), text: () => chunks.join('') };
}

const LONG_ID = `user:${'0'.repeat(70)}42`;

describe('console table', () => {
  it('aligns columns under their headers', async () => {
    const { sink, text } = capture();
    await writeTable(
      sink,
      ['ID', 'Name'],
      [
        ['a', 'Alice'],
        ['bbbb', 'Bo'],
      ],
    );
    expect(text()).toBe('ID    Name\n----  -----\na     Alice\nbbbb  Bo\n');
  });

  it('in a terminal, fits its width by cutting the widest free-text column', async () => {
    const { sink, text } = capture(80);
    await writeTable(sink, ['ID', { title: 'Display Name', shrink: true }], [['user:1', 'x'.repeat(200)]]);
    const lines = text().trimEnd().split('\n');
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
    expect(lines[2]).toMatch(/^user:1 {2}x+…$/);
  });

  it('in a terminal, never cuts a column not declared free text, even past its width', async () => {
    const { sink, text } = capture(40);
    await writeTable(sink, ['ID', { title: 'Name', shrink: true }], [[LONG_ID, 'a long display name that is cut']]);
    const row = text().trimEnd().split('\n')[2]!;
    expect(row.startsWith(`${LONG_ID}  `)).toBe(true);
    expect(row).toMatch(/a long …$/);
  });

  it('piped, prints every cell whole, free text too', async () => {
    const { sink, text } = capture();
    const name = 'y'.repeat(200);
    await writeTable(sink, [{ title: 'Name', shrink: true }, 'ID'], [[name, LONG_ID]]);
    expect(text().split('\n')[2]).toBe(`${name}  ${LONG_ID}`);
  });

  it('keeps an id whole that outgrows the widths measured from the first rows', async () => {
    const { sink, text } = capture(80);
    const table = new TableWriter(sink, ['ID', { title: 'Name', shrink: true }]);
    for (let i = 0; i < 500; i++) await table.row([`u${i}`, 'n']);
    await table.row([LONG_ID, 'a name longer than its column']);
    await table.end();
    expect(text().trimEnd().split('\n').at(-1)).toBe(`${LONG_ID}  a n…`);
  });

  it('keeps narrow columns whole', () => {
    expect(fitWidths([4, 100, 6], 40, [true, true, true])).toEqual([4, 26, 6]);
  });

  it('shrinks the widest free-text columns evenly and never another', () => {
    expect(fitWidths([27, 60, 60], 80, [false, true, true])).toEqual([27, 24, 25]);
    expect(fitWidths([27, 30], 20, [false, true])).toEqual([27, 8]);
    expect(fitWidths([27, 30], 20, [false, false])).toEqual([27, 30]);
  });
});
