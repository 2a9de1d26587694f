/**
 * Read-only queries over the two compared databases (`main` and `cmp` attached), on worker threads when a
 * diff is large enough to gain from more cores, else on the caller's connection; {@link runTask} answers
 * the same either way. The caller stays synchronous (compareSyncs is): it asks for each task's rows when it
 * needs them, working on its own connection in between; for rows not there yet it sleeps on a counter the
 * workers bump, and reads their answers with receiveMessageOnPort. Each worker has its own connection and
 * claims the next task from a shared counter, in list order, so the costliest go first.
 */
import type Database from 'better-sqlite3';
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { threadSource } from '../../lib/thread-source.js';

export interface SqlTask {
  sql: string;
  params?: unknown[];
  /** Rough relative cost: {@link startTaskGroups} starts the costliest first. */
  cost?: number;
  /** A cheaper statement giving the same rows, run instead when `test` (a one-value query) is true. */
  shortcut?: { test: string; testParams?: unknown[]; sql: string; params?: unknown[] };
}

/** A statement's rows as arrays of column values. */
export type Rows = unknown[][];

export interface PendingTasks {
  /** Task `i`'s rows, waiting for them if need be; throws the task's error. */
  get(i: number): Rows;
}

export interface DatabasePaths {
  main: string;
  cmp: string;
  /** Statements each new connection runs once `cmp` is attached (pragmas). */
  setup?: string[];
}

/**
 * Starts several callers' task lists as one batch, the costliest tasks first, and gives each caller its rows
 * by its own numbering.
 */
export function startTaskGroups(db: Database.Database, paths: DatabasePaths, groups: SqlTask[][], threads: number): Array<(i: number) => Rows> {
  const all = groups.flatMap((tasks, group) => tasks.map((task, i) => ({ task, group, i })));
  all.sort((a, b) => (b.task.cost ?? 0) - (a.task.cost ?? 0));
  const pending = startTasks(
    db,
    paths,
    all.map((entry) => entry.task),
    threads,
  );
  const at = groups.map((tasks) => new Array<number>(tasks.length));
  for (const [position, entry] of all.entries()) at[entry.group]![entry.i] = position;
  return at.map((positions) => (i: number) => pending.get(positions[i]!));
}

/** Starts `tasks` on `threads` workers (none when 1 or fewer: each runs on `db` when first asked for). */
export function startTasks(db: Database.Database, paths: DatabasePaths, tasks: SqlTask[], threads: number): PendingTasks {
  if (threads <= 1 || tasks.length <= 1) {
    const done = new Map<number, Rows>();
    return {
      get(i) {
        let rows = done.get(i);
        if (!rows) done.set(i, (rows = runTask(db, tasks[i]!)));
        return rows;
      },
    };
  }
  return new TaskThreads(paths, tasks, Math.min(threads, tasks.length));
}

/** One task on one connection (self-contained: workers run it from its source text). */
function runTask(db: Database.Database, task: SqlTask): Rows {
  const shortcut = task.shortcut;
  if (
    shortcut &&
    db
      .prepare(shortcut.test)
      .pluck()
      .get(...(shortcut.testParams ?? []))
  ) {
    return db
      .prepare(shortcut.sql)
      .raw()
      .all(...(shortcut.params ?? [])) as Rows;
  }
  return db
    .prepare(task.sql)
    .raw()
    .all(...(task.params ?? [])) as Rows;
}

type Answer = { task: number; rows: Rows } | { task: number; error: { name: string; message: string; code?: string } };

interface ThreadInput {
  driver: string;
  paths: DatabasePaths;
  tasks: SqlTask[];
  port: MessagePort;
  /** Int32 [next task to claim, answers posted]. */
  counters: SharedArrayBuffer;
}

class TaskThreads implements PendingTasks {
  private readonly ports: MessagePort[] = [];
  private readonly counters = new SharedArrayBuffer(8);
  private readonly answers: Answer[] = [];
  private received = 0;

  constructor(
    paths: DatabasePaths,
    private readonly tasks: SqlTask[],
    threads: number,
  ) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const source = threadSource(queryThread, runTask);
    for (let i = 0; i < threads; i++) {
      const { port1, port2 } = new MessageChannel();
      const input: ThreadInput = { driver, paths, tasks, port: port2, counters: this.counters };
      const worker = new Worker(source, { eval: true, workerData: input, transferList: [port2] });
      // Each thread ends by itself once the tasks are claimed; the process need not wait for that.
      worker.unref();
      this.ports.push(port1);
    }
  }

  get(i: number): Rows {
    const posted = new Int32Array(this.counters, 4, 1);
    while (!this.answers[i]) {
      const seen = Atomics.load(posted, 0);
      for (const port of this.ports) {
        for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
          const answer = message.message as Answer;
          this.answers[answer.task] = answer;
          if (++this.received === this.tasks.length) for (const done of this.ports) done.close();
        }
      }
      if (!this.answers[i] && this.received >= seen) Atomics.wait(posted, 0, seen);
    }
    const answer = this.answers[i]!;
    if ('rows' in answer) return answer.rows;
    throw Object.assign(new Error(answer.error.message), answer.error);
  }
}

/** A worker's program: claim tasks until none is left, answering each (an error is an answer too). */
function queryThread(): void {
  const { workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  const input = workerData as ThreadInput;
  const next = new Int32Array(input.counters, 0, 1);
  const posted = new Int32Array(input.counters, 4, 1);
  let db: Database.Database | undefined;
  let broken: unknown;
  try {
    const Driver = require(input.driver) as typeof Database;
    db = new Driver(input.paths.main, { readonly: true, fileMustExist: true });
    db.prepare('ATTACH DATABASE ? AS cmp').run(input.paths.cmp);
    for (const statement of input.paths.setup ?? []) db.exec(statement);
  } catch (error) {
    broken = error;
  }
  for (let task = Atomics.add(next, 0, 1); task < input.tasks.length; task = Atomics.add(next, 0, 1)) {
    let answer: Answer;
    try {
      if (broken) throw broken;
      answer = { task, rows: runTask(db!, input.tasks[task]!) };
    } catch (error) {
      const { name, message, code } = error as Error & { code?: string };
      answer = { task, error: { name, message, code } };
    }
    input.port.postMessage(answer);
    Atomics.add(posted, 0, 1);
    Atomics.notify(posted, 0);
  }
  db?.close();
  input.port.close();
}
