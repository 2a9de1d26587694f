/**
 * Reads a Baton connector log line by line, in either of zap's encodings: production JSON (`level`, `ts`,
 * `logger`, `caller`, `msg`, then fields) or the console encoder (tab-separated time, LEVEL, logger,
 * caller, message, then the fields as one JSON object). Lines that are neither (stack traces, a crash's
 * stderr, a wrapper's own output) are kept as plain text: a dial error often shows up there.
 */

export interface ParsedLine {
  /** 1-based, as an editor shows it. */
  n: number;
  format: 'json' | 'console' | 'text';
  level?: string;
  /** Milliseconds since the epoch, when the line carries a time. */
  at?: number;
  logger?: string;
  msg: string;
  fields: Record<string, unknown>;
  /** The message and every field value, flattened: what the detectors match against. */
  text: string;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the colour codes console logs carry
const ANSI = /\x1b\[[0-9;]*m/g;
const LEVELS = new Set(['debug', 'info', 'warn', 'warning', 'error', 'dpanic', 'panic', 'fatal']);
const CALLER = /^[\w./@-]+\.go:\d+$/;

export function parseLog(content: string): ParsedLine[] {
  const lines = content.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines.map((raw, i) => parseLine(raw.replace(ANSI, ''), i + 1)).filter((l): l is ParsedLine => l !== undefined);
}

function parseLine(raw: string, n: number): ParsedLine | undefined {
  if (raw.trim() === '') return undefined;
  return (raw.trimStart().startsWith('{') ? jsonLine(raw, n) : undefined) ?? consoleLine(raw, n) ?? textLine(raw, n);
}

function jsonLine(raw: string, n: number): ParsedLine | undefined {
  let record: unknown;
  try {
    record = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!record || typeof record !== 'object' || Array.isArray(record)) return undefined;
  const { level, ts, logger, caller: _caller, msg, ...fields } = record as Record<string, unknown>;
  if (typeof msg !== 'string') return undefined;
  return build(n, 'json', msg, fields, {
    level: typeof level === 'string' ? level.toLowerCase() : undefined,
    at: time(ts),
    logger: typeof logger === 'string' ? logger : undefined,
  });
}

/** `2026-05-01T12:00:00.000Z\tINFO\t[logger\t]caller\tmsg[\t{fields}]`. */
function consoleLine(raw: string, n: number): ParsedLine | undefined {
  const columns = raw.split('\t');
  if (columns.length < 3) return undefined;
  const at = time(columns[0]);
  const level = columns[1]!.trim().toLowerCase();
  if (at === undefined || !LEVELS.has(level)) return undefined;
  let rest = columns.slice(2);
  let fields: Record<string, unknown> = {};
  const last = rest.at(-1)!;
  if (rest.length > 1 && last.startsWith('{')) {
    try {
      fields = JSON.parse(last) as Record<string, unknown>;
      rest = rest.slice(0, -1);
    } catch {
      // A message that merely starts with a brace stays part of the message.
    }
  }
  const callerAt = rest.findIndex((c) => CALLER.test(c));
  const logger = callerAt > 0 ? rest.slice(0, callerAt).join('\t') : undefined;
  const msg = (callerAt >= 0 ? rest.slice(callerAt + 1) : rest).join('\t');
  return build(n, 'console', msg, fields, { level, at, logger });
}

function textLine(raw: string, n: number): ParsedLine {
  return build(n, 'text', raw.trim(), {}, {});
}

function build(
  n: number,
  format: ParsedLine['format'],
  msg: string,
  fields: Record<string, unknown>,
  meta: Pick<ParsedLine, 'level' | 'at' | 'logger'>,
): ParsedLine {
  const values = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return { n, format, msg, fields, ...strip(meta), text: [msg, ...values].join(' ') };
}

function strip<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** zap's `ts`: epoch seconds as a float (production), or an ISO 8601 string (console, or a custom encoder). */
function time(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value > 1e12 ? value : value * 1000;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * `line 12: WARN retrying operation error=...`: how evidence quotes a log line, whole (JSON keeps it whole;
 * a console cuts it around what matched, see evidence-clip.ts).
 */
export function lineEvidence(line: ParsedLine): string {
  return `line ${line.n}: ${`${line.level ? `${line.level.toUpperCase()} ` : ''}${line.text}`.replace(/\s+/g, ' ').trim()}`;
}
