/**
 * `diff -o markdown` says what the console and HTML say: an unfinished side is marked "(unfinished)", and the
 * changed objects come with the fields they changed in, counted per field.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDirectory } from '../c1z/synthetic/directory.js';
import { steppingClock } from '../c1z/synthetic/stepping-clock.js';
import { C1zWriter } from '../c1z/writer/c1z-writer.js';
import { lines, runCli } from './support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'diff-md-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const base = join(dir, 'base.c1z');
const compare = join(dir, 'compare.c1z');

interface DiffJson {
  changes: Record<string, { fields: Record<string, number>; objects: { id: string; fields: string[] }[] }>;
}

beforeAll(async () => {
  const shape = { users: 60, groups: 6, roles: 3, memberships: 120, roleAssignments: 10, seed: 4 };
  const one = new C1zWriter(base, { seed: 1, clock: steppingClock(new Date('2026-03-01T08:00:00Z'), 5) });
  const full = one.startSync();
  writeDirectory(one, full, shape);
  one.endSync(full);
  await one.finish();
  // The compared sync never ended: a sync cut short that changed some objects on the way.
  const two = new C1zWriter(compare, { seed: 2, clock: steppingClock(new Date('2026-03-02T08:00:00Z'), 5) });
  writeDirectory(two, two.startSync(), { ...shape, mutate: { rate: 0.3, seed: 9 } });
  await two.finish();
});

describe('diff -o markdown', () => {
  it('marks the unfinished side and lists changed objects by field, as the console does', async () => {
    const json = JSON.parse((await runCli(['diff', base, compare, '-o', 'json'])).stdout) as DiffJson;
    const resources = json.changes.resources!;
    expect(resources.objects.length).toBeGreaterThan(0);

    const console = lines((await runCli(['diff', base, compare])).stdout);
    const markdown = lines((await runCli(['diff', base, compare, '-o', 'markdown'])).stdout);
    expect(console[1]).toMatch(/ \(unfinished\)$/);
    expect(markdown).toContain(
      `Base \`${base}\` sync \`${markdownSync(markdown, 'Base')}\` → compare \`${compare}\` sync \`${markdownSync(markdown, 'compare')}\` (unfinished)`,
    );

    const section = markdown.slice(markdown.indexOf('### Changed resources'));
    expect(section.length).toBeGreaterThan(0);
    const fields = Object.entries(resources.fields)
      .map(([field, count]) => `\`${field}\` ${count}`)
      .join(', ');
    expect(section[2]).toBe(`By field: ${fields}`);
    expect(console).toContain(
      `Changed resources by field: ${Object.entries(resources.fields)
        .map(([f, c]) => `${f} ${c}`)
        .join(', ')}`,
    );
    const first = resources.objects[0]!;
    expect(section[4]).toBe(`- \`${first.id}\`: ${first.fields.map((f) => `\`${f}\``).join(', ')}`);
  });
});

/** The sync id the Markdown header names for a side. */
function markdownSync(markdown: string[], side: 'Base' | 'compare'): string {
  const header = markdown.find((l) => l.startsWith('Base '))!;
  const at = side === 'Base' ? 0 : 1;
  return [...header.matchAll(/ sync `([^`]+)`/g)][at]![1]!;
}
