/**
 * Decides, call by call, which fault rule fires. Deterministic: counting is per rule over the calls it
 * targets, and probabilities come from a generator seeded by the run's seed and the rule's position.
 */
import type { FaultKind, FaultSpec } from './spec.js';
import { seededRandom } from '../../lib/seeded-random.js';

/** One call to a simulated route, as the fault engine and the journal see it. */
export interface RouteCall {
  provider: string;
  route: string;
  method: string;
  url: URL;
  /** The request's headers, for dialects that echo a client's request id. */
  headers?: Headers;
}

/**
 * A throttle rule with `bucket=<units>` (and `refill=<units per second>`, default a tenth of the bucket)
 * is a token bucket like Graph's directory throttling: each call takes its cost in resource units (the
 * provider's weights, e.g. Graph's 2 for /users and 5 for transitiveMembers) and is refused when the
 * bucket is short, with the wait until it would not be. Time is the simulation clock, so tests are exact.
 */
export interface CallCost {
  units: number;
  now: Date;
}

export interface FaultHit {
  spec: FaultSpec;
  /** How many times this rule has matched so far, this call included. */
  matched: number;
  /** The rule's own seeded generator, for faults that draw values (latency, shuffles). */
  random: () => number;
  /** Seconds until a token-bucket rule would let the call through; absent for other rules. */
  retryAfterSeconds?: number;
}

interface Rule {
  spec: FaultSpec;
  matched: number;
  fired: number;
  random: () => number;
  bucket?: { tokens: number; at: number };
}

export class FaultEngine {
  private rules: Rule[] = [];

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
  check(call: RouteCall, kinds: readonly FaultKind[], cost?: CallCost): FaultHit | undefined {
    let hit: FaultHit | undefined;
    for (const rule of this.rules) {
      if (!kinds.includes(rule.spec.kind) || !targets(rule.spec, call)) continue;
      rule.matched++;
      if (hit) continue;
      if (rule.spec.params.bucket !== undefined) {
        const wait = takeFromBucket(rule, cost ?? { units: 1, now: new Date() });
        if (wait === undefined) continue;
        rule.fired++;
        hit = { spec: rule.spec, matched: rule.matched, random: rule.random, retryAfterSeconds: wait };
        continue;
      }
      if (!fires(rule)) continue;
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

/** Takes the call's units, or gives the whole seconds to wait when the bucket is short (nothing taken). */
function takeFromBucket(rule: Rule, cost: CallCost): number | undefined {
  const size = Number(rule.spec.params.bucket);
  const refill = Number(rule.spec.params.refill ?? size / 10);
  const now = cost.now.getTime();
  const state = (rule.bucket ??= { tokens: size, at: now });
  state.tokens = Math.min(size, state.tokens + (Math.max(0, now - state.at) / 1000) * refill);
  state.at = now;
  if (state.tokens >= cost.units) {
    state.tokens -= cost.units;
    return undefined;
  }
  return Math.max(1, Math.ceil((cost.units - state.tokens) / refill));
}

function fires(rule: Rule): boolean {
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
    re = new RegExp(
      `^${glob
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    );
    globs.set(glob, re);
  }
  return re;
}
