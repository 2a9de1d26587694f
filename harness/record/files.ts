/**
 * A sanitized recording on disk: `<name>.har` and `<name>.nock.json` to share, and
 * `<name>.identity-map.json` (mode 0600), the only way back to real values, to keep. Before anything is
 * written the shareable texts are scanned for the run's secrets, so a sanitizer gap fails the recording
 * instead of leaking. Fixtures are read back from a HAR, a nock file, or a folder of nock.back fixtures.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../lib/fs/atomic-write.js';
import type { Exchange } from './exchange.js';
import { toHar } from './har.js';
import type { IdentityMap } from './identity-map.js';
import { toNock } from './nock.js';
import { parseFixtures } from './replay.js';
import { scanText, SecretMatcher, type Secret, type SecretFinding } from '../../lib/secrets/index.js';

export interface RecordingFiles {
  har: string;
  nock: string;
  /** Sensitive: never bundle or commit it. */
  map: string;
}

export class SecretLeakError extends Error {
  constructor(readonly findings: SecretFinding[]) {
    super(
      `refusing to write the recording: ${findings.length} secret occurrence(s) survived sanitizing (${findings
        .slice(0, 3)
        .map((f) => `${f.secret} as ${f.form} in ${f.file} at ${f.offset}`)
        .join('; ')})`,
    );
    this.name = 'SecretLeakError';
  }
}

export function writeRecording(
  dir: string,
  name: string,
  exchanges: readonly Exchange[],
  map: IdentityMap,
  secrets: readonly Secret[] = [],
): RecordingFiles {
  const files: RecordingFiles = { har: join(dir, `${name}.har`), nock: join(dir, `${name}.nock.json`), map: join(dir, `${name}.identity-map.json`) };
  const har = `${JSON.stringify(toHar(exchanges), null, 2)}\n`;
  const nock = `${JSON.stringify(toNock(exchanges), null, 2)}\n`;
  const matcher = new SecretMatcher(secrets);
  const findings = [...scanText(matcher, har, files.har), ...scanText(matcher, nock, files.nock)];
  if (findings.length > 0) throw new SecretLeakError(findings);
  writeFileAtomic(files.har, har);
  writeFileAtomic(files.nock, nock);
  writeFileAtomic(files.map, `${JSON.stringify(map.toJSON(), null, 2)}\n`, 0o600);
  return files;
}

/** Exchanges from a fixture file (HAR, nock, recorded exchanges) or every `.json`/`.har` in a folder, in name order. */
export function readFixtures(path: string): Exchange[] {
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .filter((name) => /\.(json|har)$/i.test(name) && !name.endsWith('.identity-map.json'))
      .sort()
      .flatMap((name) => readFixtures(join(path, name)));
  }
  return parseFixtures(readFileSync(path, 'utf8'), path);
}
