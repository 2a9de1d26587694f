/**
 * The committed *_pb.ts are what `npm run proto` makes of the committed .proto files: a .proto edited without
 * regenerating (or a generated file edited by hand, or left behind by a deleted .proto) fails here. The
 * generator is the pinned devDependency (buf + protoc-gen-es), run into a temp folder, offline.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support/paths.js';

const protoRoot = join(repoRoot, 'c1z/proto');
const bin = join(repoRoot, 'node_modules/.bin');

function filesUnder(dir: string, suffix: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(suffix))
    .sort();
}

describe('generated protobuf code', () => {
  const out = mkdtempSync(join(tmpdir(), 'proto-gen-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('is byte-identical to a fresh `buf generate` of the .proto files', { timeout: 120_000 }, () => {
    // buf.gen.yaml names the plugin `protoc-gen-es`, which buf finds on PATH, as under `npm run proto`.
    execFileSync(join(bin, 'buf'), ['generate', '--output', out], {
      cwd: repoRoot,
      env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH ?? ''}` },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const fresh = join(out, relative(repoRoot, protoRoot));
    const generated = filesUnder(fresh, '_pb.ts');
    expect(generated.length).toBe(filesUnder(protoRoot, '.proto').length);
    expect(filesUnder(protoRoot, '_pb.ts')).toEqual(generated);
    for (const file of generated) {
      expect(readFileSync(join(protoRoot, file), 'utf8'), file).toBe(readFileSync(join(fresh, file), 'utf8'));
    }
  });
});
