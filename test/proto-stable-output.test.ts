/**
 * The JSON the listings and `diff` print on the real samples, and the bytes of a written sync file, held to
 * SHA-256 digests taken with the code before the schema moved from the in-code DSL to generated .proto code:
 * a change in json names, enum names, Any type URLs, map order or unknown-field handling changes a digest.
 * The samples stay outside the repo; only digests are committed. Their folder is written `<samples>/` before
 * hashing (diff prints paths). The largest listings (the v3 sample's 35 217 resources and 66 601 grants) are
 * held through a filter.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDirectory } from '../c1z/synthetic/directory.js';
import { steppingClock } from '../c1z/synthetic/stepping-clock.js';
import { C1zWriter } from '../c1z/writer/c1z-writer.js';
import { runCli } from './support/cli.js';
import { describeWithSamples, SAMPLE, samplePath, samplesDir } from './support/samples.js';

const { expanded: E, unexpanded: U, inProgress: I, pebble: P } = SAMPLE;

/** [args with sample names, digest of stdout]; each exits 0. */
const CASES: Array<[string[], string]> = [
  [['resource-types', E], '3a32480008b447fb3f4190c2589cff98909a0be6b9cc6c063e4d7f149ac6e833'],
  [['resources', E], '24f47d8165f30dc641e8ebad765a2c8044bf6c0d4931c33d4ba36b4ce0054593'],
  [['entitlements', E], '8a05ca0eb390c835534fcbb2f0258601a386d50241be3636eeda4075285fb27f'],
  [['grants', E], '3d5b035ac1584e914427a4f249697a742ac4c0eb5900d72426e9520c164a138e'],
  [['syncs', E], '4e450a53e846f4e49ccb1a51d67624dcd6d45fe657a5a9e432cbaeb2389a78cf'],
  [['stats', E], '0f04f348f7ddd3c7974644a90f10edb266b6a2d4326b382215482b708d4f0b25'],
  [['resource-types', U], '3a32480008b447fb3f4190c2589cff98909a0be6b9cc6c063e4d7f149ac6e833'],
  [['resources', U], '24f47d8165f30dc641e8ebad765a2c8044bf6c0d4931c33d4ba36b4ce0054593'],
  [['entitlements', U], '8a05ca0eb390c835534fcbb2f0258601a386d50241be3636eeda4075285fb27f'],
  [['grants', U], '6cff41f6f1f66f8d33b9754c8f13fa7e72a19c7ad1388835f4c6e2db8f5f0b85'],
  [['syncs', U], '8fd6d9a75ba77be8b0b8089d06065174ed70001e5b131ace2cd744487e99a09b'],
  [['stats', U], 'd7109f117f440bed841b5d6e63fac5882cc6e1bfcf6b48cac472668d1b709f4f'],
  [['resource-types', I], '0935d88f7bbe2be58dc95fe92892f88777c1a68696eaef21af0eef90f63dc668'],
  [['resources', I], '8909be7943048d6810a778da74522a1e13f119705b4640881ac3686e7ef67e7b'],
  [['entitlements', I], '49d153214f63ce588af4f3bba969bd20a057770fd19e784d0536ddd4646ce358'],
  [['grants', I], 'b0ce40159bea8a1015184a4ac355c6302e6e3d0a9728c744b3a123dca2e8a75f'],
  [['syncs', I], 'af400cd2077bcaeb465de50227b453ba229d83ec522f64d79fc5037f910faf5c'],
  [['stats', I], 'a9bf784e1f3a36f3a0741ddfa185dd600e3cca88e07cea3a9499eaa87e133566'],
  [['resource-types', P], 'ebb4e8563e0be7d153480af88210dba5743e5a19420445ffc21c640ee6787a47'],
  [['entitlements', P], '09461a8a84c3870babed11bc828f4c28672da02d28482953235161f8a837bfdc'],
  [['syncs', P], '08146817c900a4147b8da60f726fdd370fadabedee3c815a1b227301243c9624'],
  [['stats', P], 'e6d1729d92e66013f9a8814b45cd1a4675ffaeb268085fb1e6baaf20323d0c3c'],
  [['resources', P, '-t', 'group'], '651d83772b6c4bc9c3f1de05694d5257d61297c6bee379d90ffb410c4b4b7509'],
  [['grants', P, '-e', 'group:group-0000000:admin'], '4f8a97d681d888c12a520b16da316084c0430a46a12d72d00716e8524c602881'],
  [['diff', E, U], 'e58d81b0afff5a314dd79d2c0b63814eef94466e706ad172d1120a309abf87ef'],
  [['diff', P, E], '3e2582d16346d4384897460f13b86cef0f008fe738e0067d96585de6f995f668'],
  [['diff', I, E], 'c2ba8a82a65da2b01fa87cbbe443ac90bd9dbcc5f53e66a452dcafaff3a0a794'],
  [['diff', U, P], 'cdee3616d1c9981838c37bd7ed05f70e2a8f4780544d44834674a60b51e69a7c'],
];

function digest(bytes: string | Uint8Array): string {
  const text = typeof bytes === 'string' ? bytes.split(`${samplesDir}/`).join('<samples>/') : bytes;
  return createHash('sha256').update(text).digest('hex');
}

function argv(args: string[]): string[] {
  const [command, ...rest] = args;
  const files = Object.values(SAMPLE) as string[];
  const withPaths = rest.map((a) => (files.includes(a) ? samplePath(a) : a));
  // Listings read one file by -f; diff takes two positional files.
  return command === 'diff' ? [command!, ...withPaths, '-o', 'json'] : [command!, '-f', ...withPaths, '-o', 'json'];
}

describeWithSamples('JSON output on the samples, as before the generated schema', () => {
  for (const [args, expected] of CASES) {
    it(args.join(' '), { timeout: 180_000 }, async () => {
      const result = await runCli(argv(args));
      expect(result.code, result.stderr).toBe(0);
      expect(digest(result.stdout)).toBe(expected);
    });
  }
});

describe('a written sync file, as before the generated schema', () => {
  const dir = mkdtempSync(join(tmpdir(), 'proto-stable-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Seeded directory with traits, Struct profiles, RawIds and GrantExpandables; the expansion either in its
  // column or (as older writers did) inside the grant's data.
  it.each([
    [false, '5c7ec279e9a4453c2a9e98c4416ccb574daa57f7424920d756c488959d704d2d'],
    [true, '72aeefa9586e21fbc2df4de448a35c765e00218e22ae7572eee5a828d18e4927'],
  ])('expansion in data: %s', async (expansionInData, expected) => {
    const path = join(dir, `directory-${expansionInData}.c1z`);
    const writer = new C1zWriter(path, { clock: steppingClock(new Date('2026-01-01T00:00:00Z'), 1), seed: 3, expansionInData });
    const syncId = writer.startSync();
    writeDirectory(writer, syncId, { users: 300, groups: 41, roles: 5, memberships: 900, roleAssignments: 40, seed: 9 });
    writer.endSync(syncId);
    await writer.finish();
    expect(digest(readFileSync(path))).toBe(expected);
  });
});
