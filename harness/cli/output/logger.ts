/**
 * The harness's own log, with Baton's flags: `--log-level debug|info|warn|error` and
 * `--log-format json|console`. JSON lines carry zap's field names (`level`, `ts`, `msg`) so one parser reads
 * a connector's log and ours; console lines are for people. Written to stderr, never mixed with reports.
 */
import type { Sink } from '../../../lib/output/sink.js';

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];
const LOG_FORMATS = ['json', 'console'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

interface LogRecord {
  level: LogLevel;
  msg: string;
  [field: string]: unknown;
}

export type Logger = (record: LogRecord) => void;

export function createLogger(out: Sink, level: LogLevel, format: LogFormat, now: () => Date = () => new Date()): Logger {
  const threshold = LOG_LEVELS.indexOf(level);
  return (record) => {
    if (LOG_LEVELS.indexOf(record.level) < threshold) return;
    const { level: recordLevel, msg, ...fields } = record;
    if (format === 'json') {
      void out.line(JSON.stringify({ level: recordLevel, ts: now().toISOString(), msg, ...fields }));
      return;
    }
    const rest = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
    void out.line([now().toISOString(), recordLevel.toUpperCase().padEnd(5), msg, ...rest].join('  '));
  };
}
