/**
 * Streams rows into SQLite in transactions of a bounded size: one transaction per row is a hundred times
 * slower, one for the whole tenant keeps every dirty page of a million users in memory. Also the single
 * place progress is reported from, so the bar moves exactly as fast as the commits.
 */
import type Database from 'better-sqlite3';

interface GenerateProgress {
  /** What is being written or indexed right now, e.g. `users`, `indexes: users`. */
  phase: string;
  /** Entities written so far (users, groups, roles, assignments, ...; memberships ride along with users). */
  done: number;
  total: number;
}

export type ProgressListener = (progress: GenerateProgress) => void;

export const BATCH_SIZE = 10_000;

export class Batches {
  private done = 0;
  private sinceCommit = 0;
  private currentPhase = 'start';

  constructor(
    private readonly db: Database.Database,
    readonly total: number,
    private readonly listener?: ProgressListener,
    private readonly batchSize = BATCH_SIZE,
  ) {
    this.db.exec('BEGIN');
  }

  /** A new phase; reported at once so a long index build does not look like a hang. */
  phase(name: string): void {
    this.currentPhase = name;
    this.report();
  }

  /** One entity written (with whatever rows hang off it). */
  step(): void {
    this.done++;
    if (++this.sinceCommit >= this.batchSize) this.commit();
  }

  /** Commit now; the next write opens a new transaction. */
  commit(): void {
    this.db.exec('COMMIT');
    this.db.exec('BEGIN');
    this.sinceCommit = 0;
    this.report();
  }

  finish(): void {
    this.db.exec('COMMIT');
    this.currentPhase = 'done';
    // Attempts that found nothing left to assign still count: the bar should end full.
    this.done = this.total;
    this.report();
  }

  abort(): void {
    if (this.db.inTransaction) this.db.exec('ROLLBACK');
  }

  private report(): void {
    this.listener?.({ phase: this.currentPhase, done: this.done, total: this.total });
  }
}
