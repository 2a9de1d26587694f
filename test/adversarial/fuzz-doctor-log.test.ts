/**
 * `doctor --log` line parsing and diagnosis: any text (JSON lines that are almost zap, console lines with
 * odd columns, binary) gives a diagnosis; nothing escapes but a one-line UserError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnoseLog } from '../../harness/doctor/log/index.js';
import { lineEvidence, parseLog } from '../../harness/doctor/log/parse.js';
import { answersOrRefuses, isUserError, mangledText, SEED } from '../support/fuzz.js';

const PIECES = [
  '{',
  '}',
  '"level":',
  '"info"',
  '"error"',
  '"msg":',
  '"ts":',
  '1.7e9',
  '"2026-01-01T00:00:00Z"',
  '"caller":',
  '"x.go:12"',
  '"error":',
  '"err":',
  'null',
  '[',
  ']',
  ',',
  ':',
  '\t',
  'INFO',
  'ERROR',
  'DEBUG',
  '2026-01-05T09:00:00.000Z',
  'baton-sdk/pkg/sync/syncer.go:123',
  'sync failed',
  'rate limit',
  '429',
  'AADSTS7000222',
  'Authorization_RequestDenied',
  'page token',
  'context deadline exceeded',
  '\u001b[31m',
  '\u001b[0m',
  '\n',
  '\r\n',
];
const JSON_VALUE = fc.jsonValue({ maxDepth: 3 });

describe('doctor --log fuzzing', () => {
  it('any text: lines parsed and a diagnosis, or a one-line UserError', () => {
    fc.assert(
      fc.property(fc.array(mangledText(PIECES, 40), { maxLength: 8 }), (rows) => {
        answersOrRefuses(() => {
          const content = rows.join('\n');
          for (const line of parseLog(content)) expect(lineEvidence(line)).not.toMatch(/\n/);
          diagnoseLog(content);
        }, isUserError);
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it("JSON lines of any shape, with zap's keys holding any JSON value", () => {
    const record = fc.record(
      { level: JSON_VALUE, msg: JSON_VALUE, ts: JSON_VALUE, caller: JSON_VALUE, error: JSON_VALUE, extra: JSON_VALUE },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            record.map((r) => JSON.stringify(r)),
            JSON_VALUE.map((v) => JSON.stringify(v)),
          ),
          { maxLength: 6 },
        ),
        (rows) => {
          answersOrRefuses(() => diagnoseLog(rows.join('\n')), isUserError);
        },
      ),
      { seed: SEED, numRuns: 1500 },
    );
  });
});
