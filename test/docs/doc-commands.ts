/**
 * The commands the user docs show, for the docs suite: every fenced `sh`, `bash`, `shell` or `console` block
 * of README.md, docs/**.md and the READMEs under scenarios/, split into commands (continuations joined,
 * `&&` split, comments dropped) with the output a `# ...` line after a command claims for it. A block is
 * annotated by an HTML comment on the line before it: `<!-- docs-test: skip (why) -->` (parsed, never run)
 * or `<!-- docs-test: exit=N -->` (the exit code its commands end with; 0 by default).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface DocCommand {
  /** `README.md:33`: where the command starts. */
  where: string;
  /** Environment assignments before the program (`HTTPS_PROXY=... prog`). */
  env: Record<string, string>;
  /** The program and its arguments, as the shell would split them. */
  argv: string[];
  /** What the lines after it claim it prints (`# {"provider":...}`), joined. */
  shown: string;
}

export interface DocBlock {
  file: string;
  line: number;
  skip?: string;
  exit: number;
  commands: DocCommand[];
}

const COMMAND_LANGS = new Set(['sh', 'bash', 'shell', 'console']);

/** The user docs, found by name so a new one is checked without a change here. */
export function docFiles(root: string): string[] {
  const found = ['README.md'];
  const walk = (dir: string, keep: (name: string) => boolean) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path, keep);
      else if (keep(entry.name)) found.push(path);
    }
  };
  walk('docs', (name) => name.endsWith('.md'));
  walk('scenarios', (name) => name === 'README.md');
  return found.sort((a, b) => (a === 'README.md' ? -1 : b === 'README.md' ? 1 : a.localeCompare(b)));
}

export function docBlocks(root: string, file: string): DocBlock[] {
  return parseBlocks(readFileSync(join(root, file), 'utf8'), relative(root, join(root, file)));
}

export function parseBlocks(text: string, file: string): DocBlock[] {
  const lines = text.split('\n');
  const blocks: DocBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    let end = i + 1;
    while (end < lines.length && !/^\s*```\s*$/.test(lines[end]!)) end++;
    if (COMMAND_LANGS.has(open[2]!)) {
      const body = lines.slice(i + 1, end).map((line) => line.slice(indent));
      const note = annotation(lines[i - 1] ?? '', `${file}:${i}`);
      blocks.push({ file, line: i + 1, ...note, commands: commandsOf(body, open[2] === 'console', file, i + 2) });
    }
    i = end;
  }
  return blocks;
}

/** Blocks without a language whose first line runs sync-harness: they would escape the suite unlabelled. */
export function unlabelledCommandBlocks(text: string, file: string): string[] {
  const lines = text.split('\n');
  const found: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^\s*```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    if (!open[1] && /^\s*(\$\s+)?(npx\s+)?sync-harness\s/.test(lines[i + 1] ?? '')) found.push(`${file}:${i + 1}`);
    let end = i + 1;
    while (end < lines.length && !/^\s*```/.test(lines[end]!)) end++;
    i = end;
  }
  return found;
}

function annotation(line: string, where: string): { skip?: string; exit: number } {
  const match = /^\s*<!--\s*docs-test:\s*(.*?)\s*-->\s*$/.exec(line);
  if (!match) return { exit: 0 };
  const skip = /^skip\s*\((.+)\)$/.exec(match[1]!);
  if (skip) return { skip: skip[1]!, exit: 0 };
  const exit = /^exit=(\d+)$/.exec(match[1]!);
  if (exit) return { exit: Number(exit[1]) };
  throw new Error(`${where}: unknown docs-test annotation "${match[1]}" (write skip (reason) or exit=N)`);
}

function commandsOf(body: string[], console: boolean, file: string, firstLine: number): DocCommand[] {
  const commands: DocCommand[] = [];
  for (let i = 0; i < body.length; i++) {
    let line = body[i]!;
    const start = i;
    if (console) {
      if (!line.startsWith('$ ')) {
        if (commands.length) commands.at(-1)!.shown += `${line}\n`;
        continue;
      }
      line = line.slice(2);
    } else if (/^\s*#/.test(line)) {
      if (commands.length && i > 0) commands.at(-1)!.shown += `${line.replace(/^\s*#\s?/, '')}\n`;
      continue;
    }
    if (!line.trim()) continue;
    while (/\\\s*$/.test(line) && i + 1 < body.length) line = line.replace(/\\\s*$/, ' ') + body[++i]!;
    for (const words of splitCommands(shellWords(line, `${file}:${firstLine + start}`))) {
      const env: Record<string, string> = {};
      while (words.length && /^[A-Z_][A-Z0-9_]*=/.test(words[0]!)) {
        const [key, ...value] = words.shift()!.split('=');
        env[key!] = value.join('=');
      }
      commands.push({ where: `${file}:${firstLine + start}`, env, argv: words, shown: '' });
    }
  }
  return commands;
}

/** Words as a POSIX shell splits them (quotes, backslashes), up to an unquoted `#`; `&&` is its own word. */
export function shellWords(line: string, where: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'" || c === '"') {
      const close = line.indexOf(c, i + 1);
      if (close < 0) throw new Error(`${where}: unclosed ${c} in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, close);
      i = close;
    } else if (c === '\\') {
      word = (word ?? '') + (line[++i] ?? '');
    } else if (/\s/.test(c)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (c === '#' && word === undefined) {
      break;
    } else if (c === '&' && line[i + 1] === '&' && word === undefined) {
      words.push('&&');
      i++;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** Commands split at `&&`; redirections (`> file`, `2>&1`) and a trailing `&` are the shell's, not the command's. */
function splitCommands(words: string[]): string[][] {
  const commands: string[][] = [[]];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word === '&&') commands.push([]);
    else if (/^\d?>>?$/.test(word)) i++;
    else if (/^\d?>>?\S/.test(word) || (word === '&' && i === words.length - 1)) continue;
    else commands.at(-1)!.push(word);
  }
  return commands.filter((c) => c.length > 0);
}

/** `sync-harness ...` or `npx sync-harness ...`: the arguments after the program, else undefined. */
export function harnessArgs(command: DocCommand): string[] | undefined {
  const [first, second, ...rest] = command.argv;
  if (first === 'sync-harness') return command.argv.slice(1);
  if (first === 'npx' && second === 'sync-harness') return rest;
  return undefined;
}
