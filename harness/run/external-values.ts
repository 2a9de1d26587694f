/**
 * What an external connector is given: the placeholder values for its command, env and working directory,
 * the credentials as one JSON file (in a private temp folder, never the run folder, and removed after),
 * the secrets to mask in its output, and how its output lines become log lines.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir, removeTempDir } from '../fs/temp-files.js';
import type { LogLine } from '../doctor/evidence.js';
import type { LoadedScenario } from '../scenario/load.js';
import type { SimEnv } from './sim-env.js';

export interface ExternalValues {
  values: Record<string, string>;
  secrets: string[];
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
  for (const [key, value] of Object.entries(env.credentials)) values[`credentials.${key}`] = typeof value === 'string' ? value : JSON.stringify(value);
  return { values, secrets: secretsOf(env.credentials), dispose: () => removeTempDir(dir) };
}

/** Every secret-looking credential value (a key file's private key included), to mask in a connector's output. */
export function secretsOf(credentials: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [key, value] of Object.entries(credentials)) {
    if (!/secret|token|key|password/i.test(key)) continue;
    if (typeof value === 'string') out.push(value);
    else if (value && typeof value === 'object') for (const inner of Object.values(value)) if (typeof inner === 'string' && inner.length > 20) out.push(inner);
  }
  return out;
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
