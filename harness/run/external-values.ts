/**
 * What an external connector is given: the placeholder values for its command, env and working directory,
 * the credentials as one JSON file (in a private temp folder, never the run folder, and removed after),
 * and how its output lines become log lines.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, removeTempDir } from '../../lib/fs/temp-files.js';
import type { LogLine } from '../../reports/evidence.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { SimEnv } from './sim-env.js';

export interface ExternalValues {
  values: Record<string, string>;
  /** Removes the credentials file. */
  dispose(): void;
}

export function externalValues(scenario: LoadedScenario, env: SimEnv, output: string, runDir: string): ExternalValues {
  // Registered, so Ctrl-C removes it too.
  const dir = makeTempDir('sync-harness-credentials-');
  const credentialsFile = join(dir, 'credentials.json');
  writeFileSync(credentialsFile, JSON.stringify(env.credentials), { mode: 0o600 });
  const values: Record<string, string> = {
    baseUrl: env.baseUrl,
    output,
    runDir,
    tenantId: scenario.tenant.tenantId ?? '',
    seed: String(scenario.tenant.seed),
    provider: scenario.provider,
    proxyUrl: env.proxyUrl,
    caFile: env.caFile,
    credentialsFile,
  };
  for (const [key, value] of Object.entries(env.credentials))
    values[`credentials.${key}`] = typeof value === 'string' ? value : JSON.stringify(value);
  return { values, dispose: () => removeTempDir(dir) };
}

/** A connector's output line: its JSON log line when it writes one, else the text as an info line. */
export function parseLogLine(line: string): LogLine {
  try {
    const parsed = JSON.parse(line) as Partial<LogLine>;
    if (parsed && typeof parsed === 'object' && typeof parsed.msg === 'string') return { level: parsed.level ?? 'info', ...parsed } as LogLine;
  } catch {
    // Not JSON.
  }
  return { level: 'info', msg: line };
}
