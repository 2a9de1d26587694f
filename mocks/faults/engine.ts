/**
 * Decides, call by call, which fault rule fires. Deterministic: counting is per rule over the calls it
 * targets, and probabilities come from a generator seeded by the run's seed and the rule's position.
 */
import type { FaultKind, FaultSpec } from './spec.js';
import { seededRandom } from '../../harness/seeded-random.js';

/** One call to a simulated route, as the fault engine and the journal see it. */
export interface RouteCall {
  provider: string;
  route: string;
  method: string;
  url: URL;
  /** The request's headers, for dialects that echo a client's request id. */
  headers?: Headers;
}

export interface FaultHit {
  spec: FaultSpec;
  /** How many times this rule has matched so far, this call included. */
  matched: number;
  /** The rule's own seeded generator, for faults that draw values (latency, shuffles). */
  random: () => number;
}

export class FaultEngine {
  private rules: Array<{ spec: FaultSpec; matched: number; fired: number; random: () => number }> = [];

  constructor(
    specs: FaultSpec[] = [],
    private readonly seed = 1,
  ) {
    this.set(specs);
  }

  /** Replace every rule (counters restart), as the admin API's "change faults" does. */
  set(specs: FaultSpec[]): void {
    this.rules = specs.map((spec, i) => ({ spec, matched: 0, fired: 0, random: seededRandom(this.seed * 1_000_003 + i) }));
  }

  specs(): FaultSpec[] {
    return this.rules.map((r) => r.spec);
  }

  /**
   * The first rule of one of `kinds` that fires for this call. Every rule of those kinds that targets the
   * call counts it, fired or not, so `every=3` means the 3rd, 6th... call of the targeted routes.
   */
  check(call: RouteCall, kinds: readonly FaultKind[]): FaultHit | undefined {
    let hit: FaultHit | undefined;
    for (const rule of this.rules) {
      if (!kinds.includes(rule.spec.kind) || !targets(rule.spec, call)) continue;
      rule.matched++;
      if (hit || !fires(rule)) continue;
      rule.fired++;
      hit = { spec: rule.spec, matched: rule.matched, random: rule.random };
    }
    return hit;
  }
}

function targets(spec: FaultSpec, call: RouteCall): boolean {
  const { route, provider } = spec.params;
  if (provider && provider !== call.provider) return false;
  if (route && !globToRegExp(route).test(call.route)) return false;
  return true;
}

function fires(rule: { spec: FaultSpec; matched: number; fired: number; random: () => number }): boolean {
  const p = rule.spec.params;
  const n = rule.matched;
  if (p.count !== undefined && rule.fired >= Number(p.count)) return false;
  if (p.after !== undefined && n <= Number(p.after)) return false;
  if (p.from !== undefined && n < Number(p.from)) return false;
  if (p.every !== undefined && n % Number(p.every) !== 0) return false;
  if (p.probability !== undefined && rule.random() >= Number(p.probability)) return false;
  return true;
}

const globs = new Map<string, RegExp>();
function globToRegExp(glob: string): RegExp {
  let re = globs.get(glob);
  if (!re) {
    re = new RegExp(`^${glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
    globs.set(glob, re);
  }
  return re;
}

