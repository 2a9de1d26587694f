/**
 * The run's clock and turn-taking for builtin connectors, so a scenario gives the same requests in the
 * same order every time, even with several connectors sharing one tenant:
 *
 * - Time is virtual: it moves only when every connector is waiting (in a sleep or done), jumping to the
 *   earliest wake-up, so a Retry-After of 30 s costs nothing real and stamps the same times each run.
 * - Requests take turns: one is let through only when no connector is running and none is in flight,
 *   round robin among those waiting. Real asynchrony inside a request (token signing on the thread pool)
 *   can then never let another connector slip in front, which is what made the order vary.
 *
 * A connector is "running" from when its request returns (or its sleep ends) until it asks for the next
 * request, sleeps, or finishes; the harness sees all three, so it always knows when to decide.
 */
import { CLIENT_HEADER } from '../../mocks/core/journal.js';

type State = 'running' | 'queued' | 'in-flight' | 'sleeping' | 'done';

export class Lockstep {
  private nowMs: number;
  private readonly states: State[];
  private readonly queue: { who: number; go: () => void }[] = [];
  private readonly sleepers: { who: number; until: number; wake: () => void }[] = [];
  private lastServed = -1;
  private poked = false;

  constructor(start: Date, connectors: number) {
    this.nowMs = start.getTime();
    this.states = Array.from({ length: connectors }, () => 'running');
  }

  readonly now = (): Date => new Date(this.nowMs);

  /**
   * `inner` wrapped so connector `who` waits for its turn before each request; with several connectors each
   * request is marked with whose it is, for the journal.
   */
  fetchFor(who: number, inner: typeof fetch): typeof fetch {
    return async (input, init) => {
      const request = new Request(input, init);
      if (this.states.length > 1) request.headers.set(CLIENT_HEADER, String(who + 1));
      await new Promise<void>((go) => {
        this.states[who] = 'queued';
        this.queue.push({ who, go });
        this.poke();
      });
      try {
        return await inner(request);
      } finally {
        this.states[who] = 'running';
      }
    };
  }

  sleepFor(who: number): (ms: number) => Promise<void> {
    return (ms) =>
      new Promise((wake) => {
        this.states[who] = 'sleeping';
        this.sleepers.push({ who, until: this.nowMs + Math.max(0, ms), wake });
        this.poke();
      });
  }

  /** Connector `who` finished (or failed); a later request from it (an action) takes a turn again. */
  done(who: number): void {
    this.states[who] = 'done';
    this.poke();
  }

  /** A new round with this many connectors, all running (a rerun after the first sync), on the same clock. */
  restart(connectors: number): void {
    this.states.splice(0, this.states.length, ...Array.from({ length: connectors }, (): State => 'running'));
    this.lastServed = -1;
  }

  /** Moves the clock while nobody sleeps (time passing between a sync and the actions after it). */
  advance(ms: number): void {
    this.nowMs += Math.max(0, ms);
  }

  private poke(): void {
    if (this.poked) return;
    this.poked = true;
    // After the current turn of the event loop, so everything that blocks at this instant has.
    setImmediate(() => {
      this.poked = false;
      this.decide();
    });
  }

  private decide(): void {
    if (this.states.some((s) => s === 'running' || s === 'in-flight')) return;
    if (this.queue.length > 0) {
      const n = this.states.length;
      const pick = this.queue.reduce((best, entry) =>
        (entry.who - this.lastServed + n - 1) % n < (best.who - this.lastServed + n - 1) % n ? entry : best,
      );
      this.queue.splice(this.queue.indexOf(pick), 1);
      this.states[pick.who] = 'in-flight';
      this.lastServed = pick.who;
      pick.go();
      return;
    }
    if (this.sleepers.length === 0) return;
    this.nowMs = Math.max(this.nowMs, Math.min(...this.sleepers.map((s) => s.until)));
    const due = this.sleepers.filter((s) => s.until <= this.nowMs);
    for (const sleeper of due) {
      this.sleepers.splice(this.sleepers.indexOf(sleeper), 1);
      this.states[sleeper.who] = 'running';
      sleeper.wake();
    }
  }
}
