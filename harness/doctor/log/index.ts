/**
 * `doctor --log`: findings from a connector's log alone, sorted by id so the same log always reads the
 * same. Uses the run doctor's Finding shape and provider fix texts; ids match the run doctor's where the
 * log can show the same fault.
 */
import type { Finding } from '../../../reports/evidence.js';
import { authDetectors } from './auth.js';
import { guessProvider, type LogContext, type LogDetector, type Provider } from './context.js';
import { daemonDetectors } from './daemon.js';
import { networkDetectors } from './network.js';
import { parseLog, type ParsedLine } from './parse.js';
import { syncExitDetectors } from './sync-exits.js';
import { syncDetectors } from './sync.js';

const DETECTORS: readonly LogDetector[] = [...authDetectors, ...syncDetectors, ...syncExitDetectors, ...networkDetectors, ...daemonDetectors];

export interface LogDiagnosis {
  findings: Finding[];
  lines: number;
  format: 'json' | 'console' | 'mixed' | 'text';
  provider?: Provider;
}

export function diagnoseLog(content: string): LogDiagnosis {
  const lines = parseLog(content);
  const context: LogContext = { lines, provider: guessProvider(lines) };
  const findings = DETECTORS.map((detect) => detect(context))
    .filter((f): f is Finding => f !== undefined)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { findings, lines: lines.length, format: formatOf(lines), ...(context.provider ? { provider: context.provider } : {}) };
}

function formatOf(lines: readonly ParsedLine[]): LogDiagnosis['format'] {
  const formats = new Set(lines.map((l) => l.format).filter((f) => f !== 'text'));
  if (formats.size === 0) return 'text';
  return formats.size > 1 ? 'mixed' : ([...formats][0] as 'json' | 'console');
}

export type { ParsedLine } from './parse.js';
