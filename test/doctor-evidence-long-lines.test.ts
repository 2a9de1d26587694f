/**
 * Evidence from long Baton log lines: an Entra AADSTS7000222 line whose code comes after 300 characters of
 * URL and wrapping. JSON keeps the whole line; the console cuts it around the code that matched (… on each
 * cut side); repro's scenario header keeps the code in its shortened line too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVIDENCE_CHARS } from '../harness/doctor/evidence-clip.js';
import { parseLog } from '../harness/doctor/log/parse.js';
import { planInputFromLog } from '../harness/repro/from-log.js';
import { runCli } from './support/cli.js';
import { repoRoot } from './support/paths.js';

const file = join(repoRoot, 'test/fixtures/logs/entra-expired-secret-long-line.json.log');
const failing = parseLog(readFileSync(file, 'utf8'))[2]!;
const whole = `line 3: ERROR ${failing.text}`.replace(/\s+/g, ' ');

describe('long evidence lines', () => {
  it('the code comes late in the line (the case that used to be cut off)', () => {
    expect(whole.indexOf('AADSTS7000222')).toBeGreaterThan(EVIDENCE_CHARS);
  });

  it('doctor -o json keeps the whole line', async () => {
    const out = await runCli(['doctor', '--log', file, '-o', 'json']);
    expect(out.code).toBe(1);
    const report = JSON.parse(out.stdout) as { findings: { id: string; evidence: string[] }[] };
    expect(report.findings.map((f) => f.id)).toEqual(['expired-secret']);
    expect(report.findings[0]!.evidence).toEqual([whole]);
    expect(report.findings[0]!).not.toHaveProperty('matched');
  });

  it('the console cuts around the matched code, with … on both cut sides', async () => {
    const out = await runCli(['doctor', '--log', file]);
    const line = out.stdout.split('\n').find((l) => l.startsWith('  - line 3: '))!;
    expect(line).toMatch(/^ {2}- line 3: ….*AADSTS7000222: The provided client secret keys .*…$/);
    expect(line.length).toBeLessThanOrEqual('  - line 3: '.length + EVIDENCE_CHARS);
  });

  it("repro's scenario header keeps the matched code in its shortened line", () => {
    const plan = planInputFromLog({ file, name: 'long-line' }, readFileSync(file, 'utf8'));
    const cited = plan.evidence.find((e) => e.startsWith('line 3: '))!;
    expect(cited).toContain('AADSTS7000222');
    expect(cited.length).toBeLessThanOrEqual('line 3: '.length + EVIDENCE_CHARS);
    expect(cited).toMatch(/^line 3: ….*…$/);
  });
});
