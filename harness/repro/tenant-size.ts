/**
 * How big the reproduction's tenant is: what the report says (the log's per-type counts, or --users),
 * capped so one run takes seconds, then raised to what the symptom needs (a page token can only repeat
 * on a second page). Each choice is said in a note, so whoever reads the scenario knows what to change.
 */
import type { Cited } from './log-facts.js';

/** Small enough for a run to take about a second; what a report says above it is noted, not simulated. */
export const MAX_USERS = 2000;
const MAX_GROUPS = 300;
const DEFAULT = { users: 50, groups: 10 };
const SEED = 7;

export interface TenantNeeds {
  users?: number;
  groups?: number;
  /** Sizes the symptom needs exactly (an empty sync needs an empty tenant). */
  fixed?: Record<string, number>;
}

export interface SizeInput {
  /** From the log: per resource type. */
  counts?: Record<string, Cited<number>>;
  /** From flags. */
  users?: number;
  groups?: number;
  needs: readonly TenantNeeds[];
}

export interface Sizing {
  tenant: Record<string, number>;
  notes: string[];
}

export function sizeTenant(input: SizeInput): Sizing {
  const fixed = input.needs.find((n) => n.fixed)?.fixed;
  if (fixed)
    return {
      tenant: { seed: SEED, ...fixed },
      notes: [
        `an empty tenant (${Object.entries(fixed)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}): the symptom is an empty sync`,
      ],
    };
  const notes: string[] = [];
  const reported = reportedSizes(input, notes);
  const users = bounded(
    'users',
    reported.users ?? DEFAULT.users,
    MAX_USERS,
    input.needs.map((n) => n.users),
    notes,
  );
  const groupsGiven = reported.groups ?? (reported.users !== undefined ? Math.ceil(users * 0.15) : DEFAULT.groups);
  if (reported.groups === undefined && reported.users !== undefined)
    notes.push(`no group count: ${groupsGiven} groups (users x 0.15, the generator's default mix)`);
  const groups = bounded(
    'groups',
    groupsGiven,
    MAX_GROUPS,
    input.needs.map((n) => n.groups),
    notes,
  );
  if (reported.users === undefined && reported.groups === undefined)
    notes.unshift(`the report gives no counts: a small tenant (${DEFAULT.users} users, ${DEFAULT.groups} groups)`);
  return { tenant: { seed: SEED, users, groups }, notes };
}

function reportedSizes(input: SizeInput, notes: string[]): { users?: number; groups?: number } {
  if (input.counts) {
    const entries = Object.entries(input.counts);
    if (entries.length) notes.push(`the log reported ${entries.map(([type, c]) => `${type}: ${c.value} (line ${c.line})`).join(', ')}`);
    const largest = (pattern: RegExp) => {
      const values = entries.filter(([type]) => pattern.test(type)).map(([, c]) => c.value);
      return values.length ? Math.max(...values) : undefined;
    };
    return strip({ users: largest(/user/), groups: largest(/group/) });
  }
  if (input.users !== undefined || input.groups !== undefined)
    notes.push(
      `asked for ${[input.users !== undefined ? `${input.users} users` : '', input.groups !== undefined ? `${input.groups} groups` : ''].filter(Boolean).join(' and ')}`,
    );
  return strip({ users: input.users, groups: input.groups });
}

function bounded(field: 'users' | 'groups', wanted: number, max: number, needs: readonly (number | undefined)[], notes: string[]): number {
  let value = wanted;
  if (value > max) {
    notes.push(`${field} capped at ${max} (the report has ${wanted}) so the run takes seconds; raise tenant.${field} to reproduce at full size`);
    value = max;
  }
  const need = Math.max(0, ...needs.map((n) => n ?? 0));
  if (need > value) {
    notes.push(`${field} raised to ${need}: the symptom needs that many for its listing to have enough pages`);
    value = need;
  }
  return value;
}

function strip<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
