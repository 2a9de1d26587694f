/**
 * Captured output keeps whole lines (a secret split across writes is scrubbed as one), the head and tail
 * within the limits with one marker for the middle, cuts endless lines after scrubbing them, and keeps a
 * short scrubbed stderr tail.
 */
import { describe, expect, it } from 'vitest';
import { CapturedOutput } from './captured-output.js';
import { HEAD_BYTES, MAX_LINE_BYTES, STDERR_TAIL_LINES, TAIL_BYTES } from './output-limits.js';

const scrub = (text: string) => text.split('SECRET-VALUE-123').join('[redacted]');

describe('CapturedOutput', () => {
  it('scrubs a secret written in two pieces', () => {
    const out = new CapturedOutput();
    out.write('stdout', Buffer.from('token SECRET-VA'));
    out.write('stdout', Buffer.from('LUE-123 done\nnext'));
    out.end();
    expect(out.lines(scrub)).toEqual(['token [redacted] done', 'next']);
  });

  it('keeps the head and the tail and counts the middle', () => {
    const out = new CapturedOutput();
    const line = `${'x'.repeat(99)}\n`;
    const count = Math.ceil((HEAD_BYTES + TAIL_BYTES) / 100) * 3;
    for (let i = 0; i < count; i++) out.write('stderr', Buffer.from(line));
    out.end();
    const lines = out.lines(scrub);
    const marker = lines.findIndex((l) => /^\[\.\.\. \d+ bytes omitted \.\.\.\]$/.test(l));
    expect(marker).toBeGreaterThan(0);
    expect(marker * 100).toBeLessThanOrEqual(HEAD_BYTES);
    expect((lines.length - marker - 1) * 100).toBeLessThanOrEqual(TAIL_BYTES);
    const omitted = Number(/\d+/.exec(lines[marker]!)![0]);
    expect(omitted + (lines.length - 1) * 100).toBe(count * 100);
  });

  it('cuts an endless line after scrubbing, so a secret across the cut is not half kept', () => {
    const out = new CapturedOutput();
    const before = 'a'.repeat(MAX_LINE_BYTES - 5);
    out.write('stdout', Buffer.from(`${before}SECRET-VALUE-123`));
    for (let i = 0; i < 100; i++) out.write('stdout', Buffer.alloc(64 * 1024, 'b'));
    out.write('stdout', Buffer.from('\nafter\n'));
    out.end();
    const [first, second] = out.lines(scrub);
    expect(first).not.toContain('SECRET');
    expect(first!.startsWith(`${before}[reda`)).toBe(true);
    expect(first).toMatch(/ \[\.\.\. \d+ bytes omitted \.\.\.\]$/);
    expect(second).toBe('after');
  });

  it('keeps the last lines of stderr, scrubbed', () => {
    const out = new CapturedOutput();
    for (let i = 0; i < 40; i++) out.write('stderr', Buffer.from(`line ${i} SECRET-VALUE-123\n`));
    out.write('stdout', Buffer.from('stdout is not stderr\n'));
    out.end();
    const tail = out.stderrTail(scrub).split('\n');
    expect(tail).toHaveLength(STDERR_TAIL_LINES);
    expect(tail.at(-1)).toBe('line 39 [redacted]');
  });
});

describe('CapturedOutput across lines', () => {
  it('scrubs what spans lines, as a private key printed line by line', () => {
    const out = new CapturedOutput();
    out.write('stdout', Buffer.from('before\n-----BEGIN X-----\nAAAA\n'));
    out.write('stdout', Buffer.from('BBBB\n-----END X-----\nafter\n'));
    out.end();
    const block = (text: string) => text.replace(/-----BEGIN X-----[\s\S]*-----END X-----/, '[key]');
    expect(out.lines(block)).toEqual(['before', '[key]', 'after']);
  });
});
