/**
 * The SDK's retry rule (`pkg/retry/retry.go`): only Unavailable and DeadlineExceeded are retried, without
 * limit by default; the wait is the server's (Retry-After, or a reset time) when it gave one, else
 * attempts × 1 s; both capped at 60 s, no jitter; the attempt count resets after a success. Time is
 * injected (`sleep`, `clock`) so tests never wait.
 */
import { ConnectorHttpError, dispositionOf } from '../../c1z/contract/index.js';

export type Sleep = (ms: number) => Promise<void>;

export interface RetryLogEvent {
  level: 'warn';
  msg: 'retrying operation';
  error: string;
  /** Go duration text, as zap prints the SDK's `wait` field. */
  wait: string;
  waitMs: number;
  attempt: number;
}

export interface RetryOptions {
  sleep: Sleep;
  clock?: () => Date;
  log?: (event: RetryLogEvent) => void;
  /** Attempts before giving up; unlimited (the SDK's sync default) when absent. */
  maxAttempts?: number;
  /** Cap on one wait. */
  maxWaitMs?: number;
}

const STEP_MS = 1_000;
const MAX_WAIT_MS = 60_000;

export class Retryer {
  private attempts = 0;

  constructor(private readonly options: RetryOptions) {}

  /** Runs `operation` until it succeeds or fails in a way that is not retried; then rethrows. */
  async run<T>(operation: () => Promise<T>): Promise<T> {
    for (;;) {
      try {
        const result = await operation();
        this.attempts = 0;
        return result;
      } catch (error) {
        if (!(await this.shouldWaitAndRetry(error))) throw error;
      }
    }
  }

  /** Sleeps and answers true when `error` is worth another attempt. */
  async shouldWaitAndRetry(error: unknown): Promise<boolean> {
    if (dispositionOf(error) !== 'retry') return false;
    this.attempts++;
    const max = this.options.maxAttempts;
    if (max !== undefined && this.attempts >= max) return false;
    const waitMs = this.waitFor(error);
    this.options.log?.({
      level: 'warn',
      msg: 'retrying operation',
      error: error instanceof Error ? error.message : String(error),
      wait: goDuration(waitMs),
      waitMs,
      attempt: this.attempts,
    });
    await this.options.sleep(waitMs);
    return true;
  }

  private waitFor(error: unknown): number {
    const cap = this.options.maxWaitMs ?? MAX_WAIT_MS;
    if (error instanceof ConnectorHttpError) {
      if (error.retryAfterSeconds !== undefined && error.retryAfterSeconds > 0) return Math.min(Math.ceil(error.retryAfterSeconds) * 1000, cap);
      if (error.resetAt && this.options.clock) {
        const untilMs = error.resetAt.getTime() - this.options.clock().getTime();
        // A reset already past says nothing about how long to wait: fall back to the linear step.
        if (untilMs > 0) return Math.min(Math.ceil(untilMs / 1000) * 1000, cap);
      }
    }
    return Math.min(this.attempts * STEP_MS, cap);
  }
}

/** `3s`, `1m0s`: the form zap's console encoder gives a Go time.Duration. */
export function goDuration(ms: number): string {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${seconds - minutes * 60}s`;
}
