/**
 * Which connector, and which version of it, wrote the log: support's first question. Baton connectors log
 * their version on start (`"version":"v0.3.1"` as a zap field, or `version v0.3.1` in text); the builtin
 * reference connectors are versioned with sync-harness itself.
 */
import type { LogLine } from '../../reports/evidence.js';
import { packageVersion } from '../cli/version.js';

export function connectorVersion(connector: string, log: readonly LogLine[], given?: string): string {
  if (given) return given;
  if (connector.startsWith('builtin:')) return `sync-harness ${packageVersion()} (reference connector ${connector})`;
  for (const line of log) {
    const field = (line as Record<string, unknown>).version ?? (line as Record<string, unknown>).connector_version;
    if (typeof field === 'string' && field) return field;
    const text = /\bversion[:= ]+(v?\d+\.\d+\.\d+[\w.+-]*)/i.exec(line.msg);
    if (text) return text[1]!;
  }
  return 'unknown (the log does not say; pass --connector-version)';
}
