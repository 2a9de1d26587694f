/**
 * The run's clock for builtin connectors: time moves only when someone sleeps, so a Retry-After of 30 s
 * costs nothing real, and the same scenario stamps the same times on every run. Sleepers wake earliest
 * first, one step per turn of the event loop, so two connectors sharing a quota interleave as they would
 * in real time (both waiting 2 s from the same moment wake together, not one after the other).
 */
export class VirtualTime {
  private nowMs: number;
  private readonly sleepers: { until: number; wake: () => void }[] = [];
  private scheduled = false;

  constructor(start: Date) {
    this.nowMs = start.getTime();
  }

  readonly now = (): Date => new Date(this.nowMs);

  readonly sleep = (ms: number): Promise<void> =>
    new Promise((wake) => {
      this.sleepers.push({ until: this.nowMs + Math.max(0, ms), wake });
      this.schedule();
    });

  /** Moves the clock without anyone sleeping (time passing between a sync and the actions after it). */
  advance(ms: number): void {
    this.nowMs += Math.max(0, ms);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    // After the current turn, so every sleeper that starts at this instant is registered first.
    setImmediate(() => {
      this.scheduled = false;
      if (this.sleepers.length === 0) return;
      const next = Math.min(...this.sleepers.map((s) => s.until));
      this.nowMs = Math.max(this.nowMs, next);
      const due = this.sleepers.filter((s) => s.until <= this.nowMs);
      for (const sleeper of due) this.sleepers.splice(this.sleepers.indexOf(sleeper), 1);
      for (const sleeper of due) sleeper.wake();
      if (this.sleepers.length > 0) this.schedule();
    });
  }
}
