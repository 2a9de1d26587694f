/**
 * CI gates: `--fail-on RULE`, repeatable; the diff exits 1 when any rule holds. The grammar:
 *
 *   <added|removed|changed>:<resources|entitlements|grants|type:NAME><op><number>[%]
 *       op is one of > >= < <= =; a percent is of the base sync's count (type:NAME counts the resources
 *       of that type); e.g. removed:type:user>5%, removed:grants>0, changed:entitlements>=10
 *   vanished:<type|*>     a resource type (or any, with *) that had resources and has none now
 *   finding:<id>          a change finding, or a state finding about the compared sync, with that id
 *                         (e.g. finding:case-only-id-change, finding:principal-not-found)
 */
import { UserError } from '../../lib/errors.js';
import { percent } from './change-findings.js';
import type { Counts, DiffReport, GateFailure, Table } from '../../reports/diff/report.js';

type Op = '>' | '>=' | '<' | '<=' | '=';

export type GateRule =
  | {
      kind: 'count';
      text: string;
      measure: 'added' | 'removed' | 'changed';
      table: Table | null;
      type: string | null;
      op: Op;
      value: number;
      percent: boolean;
    }
  | { kind: 'vanished'; text: string; type: string }
  | { kind: 'finding'; text: string; id: string };

const COUNT_RULE = /^(added|removed|changed):(resources|entitlements|grants|type:([^<>=\s]+))(>=|<=|>|<|=)(\d+(?:\.\d+)?)(%?)$/;
const GRAMMAR = '<added|removed|changed>:<resources|entitlements|grants|type:NAME><op><number|percent>, vanished:<type|*> or finding:<id>';

export function parseRule(text: string): GateRule {
  const rule = text.trim();
  const count = COUNT_RULE.exec(rule);
  if (count) {
    const [, measure, target, type, op, value, pct] = count;
    return {
      kind: 'count',
      text: rule,
      measure: measure as 'added' | 'removed' | 'changed',
      table: type ? null : (target as Table),
      type: type ?? null,
      op: op as Op,
      value: Number(value),
      percent: pct === '%',
    };
  }
  const vanished = /^vanished:(\S+)$/.exec(rule);
  if (vanished) return { kind: 'vanished', text: rule, type: vanished[1]! };
  const finding = /^finding:([a-z0-9][a-z0-9-]*)$/.exec(rule);
  if (finding) return { kind: 'finding', text: rule, id: finding[1]! };
  throw new UserError(`diff: bad --fail-on rule ${JSON.stringify(text)}: expected ${GRAMMAR} (e.g. removed:type:user>5%)`);
}

/** The rules that hold for this report, each with the numbers that made it hold. */
export function evaluateGates(rules: GateRule[], report: Omit<DiffReport, 'gate'>): GateFailure[] {
  const failures: GateFailure[] = [];
  for (const rule of rules) {
    const message = check(rule, report);
    if (message) failures.push({ rule: rule.text, message });
  }
  return failures;
}

function check(rule: GateRule, report: Omit<DiffReport, 'gate'>): string | undefined {
  switch (rule.kind) {
    case 'vanished': {
      const vanished = report.findings.filter((f) => f.id === 'vanished-resource-type' && (rule.type === '*' || f.resourceType === rule.type));
      return vanished.length ? vanished.map((f) => f.message).join('; ') : undefined;
    }
    case 'finding': {
      const found = report.findings.filter((f) => f.id === rule.id && (f.kind === 'change' || f.side === 'compare'));
      return found.length ? `${found.length} finding${found.length > 1 ? 's' : ''}: ${found.map((f) => f.message).join('; ')}` : undefined;
    }
    case 'count':
      return checkCount(rule, report);
  }
}

function checkCount(rule: Extract<GateRule, { kind: 'count' }>, report: Omit<DiffReport, 'gate'>): string | undefined {
  const what = rule.table ?? `${rule.type} resources`;
  const counts: Counts = rule.table
    ? report.totals[rule.table]
    : (report.byResourceType.find((t) => t.resourceType === rule.type)?.resources ?? {
        base: 0,
        compare: 0,
        added: 0,
        removed: 0,
        changed: 0,
        unchanged: 0,
      });
  const n = counts[rule.measure];
  const actual = rule.percent ? (counts.base === 0 ? (n === 0 ? 0 : Infinity) : (n / counts.base) * 100) : n;
  if (!holds(actual, rule.op, rule.value)) return undefined;
  const shown = rule.percent ? `${percent(actual)} ${rule.op} ${rule.value}%` : `${n} ${rule.op} ${rule.value}`;
  return `${n} ${what} ${rule.measure} of ${counts.base} in the base sync (${shown})`;
}

function holds(actual: number, op: Op, value: number): boolean {
  switch (op) {
    case '>':
      return actual > value;
    case '>=':
      return actual >= value;
    case '<':
      return actual < value;
    case '<=':
      return actual <= value;
    case '=':
      return actual === value;
  }
}
