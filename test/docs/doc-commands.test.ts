/** Reading commands out of Markdown the way the docs suite does. */
import { describe, expect, it } from 'vitest';
import { harnessArgs, parseBlocks, shellWords, unlabelledCommandBlocks } from './doc-commands.js';

const fence = '```';

describe('doc commands', () => {
  it('splits sh blocks into commands: continuations joined, && split, comments dropped, shown output kept', () => {
    const text = [
      'text',
      `${fence}sh`,
      'npm install && npm start     # builds',
      "sync-harness diff A.c1z B.c1z -o json --fail-on 'removed:type:user>5%' \\",
      '  --fail-on finding:x',
      '# {"totals":{"grants":1},"gate":{}}',
      'HTTPS_PROXY=http://127.0.0.1:1 ./conn --file "a b.c1z"',
      fence,
    ].join('\n');
    const [block] = parseBlocks(text, 'x.md');
    expect(block!.exit).toBe(0);
    expect(block!.commands.map((c) => [c.where, c.argv, c.env, c.shown])).toEqual([
      ['x.md:3', ['npm', 'install'], {}, ''],
      ['x.md:3', ['npm', 'start'], {}, ''],
      [
        'x.md:4',
        ['sync-harness', 'diff', 'A.c1z', 'B.c1z', '-o', 'json', '--fail-on', 'removed:type:user>5%', '--fail-on', 'finding:x'],
        {},
        '{"totals":{"grants":1},"gate":{}}\n',
      ],
      ['x.md:7', ['./conn', '--file', 'a b.c1z'], { HTTPS_PROXY: 'http://127.0.0.1:1' }, ''],
    ]);
  });

  it('reads console blocks ($ lines are commands, the rest their output) and the annotations before a block', () => {
    const text = [
      '<!-- docs-test: exit=1 -->',
      `${fence}console`,
      '$ npx sync-harness stats -f s.c1z',
      'Resources 3',
      fence,
      '<!-- docs-test: skip (runs forever) -->',
      `${fence}bash`,
      'sync-harness serve',
      fence,
    ].join('\n');
    const [first, second] = parseBlocks(text, 'y.md');
    expect(first).toMatchObject({ exit: 1, commands: [{ argv: ['npx', 'sync-harness', 'stats', '-f', 's.c1z'], shown: 'Resources 3\n' }] });
    expect(harnessArgs(first!.commands[0]!)).toEqual(['stats', '-f', 's.c1z']);
    expect(second).toMatchObject({ skip: 'runs forever', exit: 0 });
  });

  it('ignores yaml and ts blocks, and finds unlabelled blocks of commands', () => {
    const text = [`${fence}yaml`, 'sync-harness: 1', fence, fence, 'sync-harness diff a b', fence, fence, '<kind>[:<key>=<value>]', fence].join('\n');
    expect(parseBlocks(text, 'z.md')).toEqual([]);
    expect(unlabelledCommandBlocks(text, 'z.md')).toEqual(['z.md:4']);
  });

  it('refuses an annotation it does not know, and an unclosed quote', () => {
    expect(() => parseBlocks(`<!-- docs-test: skipp -->\n${fence}sh\nls\n${fence}`, 'w.md')).toThrow('w.md:1: unknown docs-test annotation "skipp"');
    expect(() => shellWords('echo "open', 'w.md:3')).toThrow('w.md:3: unclosed " in: echo "open');
  });
});
