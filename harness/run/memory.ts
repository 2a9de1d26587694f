/**
 * Heap measurements of a connector running in this process. The peak is sampled as requests arrive; what
 * a connector keeps after its sync is measured after full collections, so garbage waiting for the next
 * GC does not pass for a leak.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/** A full GC; `--expose-gc` is switched on for a fresh context when the process did not start with it. */
function fullGc(): void {
  if (!collect) {
    const existing = (globalThis as { gc?: () => void }).gc;
    if (existing) collect = existing;
    else {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    }
  }
  // Twice: the first pass can leave objects whose finalisers free more.
  collect();
  collect();
}

export class HeapSampler {
  readonly baseline: number;
  private peak: number;

  constructor() {
    fullGc();
    this.baseline = process.memoryUsage().heapUsed;
    this.peak = this.baseline;
  }

  sample(): void {
    const used = process.memoryUsage().heapUsed;
    if (used > this.peak) this.peak = used;
  }

  /** Highest heap above the baseline seen so far, in bytes. */
  peakBytes(): number {
    return Math.max(0, this.peak - this.baseline);
  }

  /** Heap above the baseline that survives a full collection now. */
  retainedBytes(): number {
    fullGc();
    return Math.max(0, process.memoryUsage().heapUsed - this.baseline);
  }
}
