/** What the run view shows, as harness/explore/run-explorer.ts answers it and run-pages.ts renders it. */
import type { JournalEntry } from '../../mocks/core/journal.js';

export interface RequestFilter {
  route?: string;
  status?: number;
  fault?: string;
}

export interface RequestTable {
  filter: RequestFilter;
  /** The values each filter can take, from the whole journal. */
  choices: { routes: string[]; statuses: number[]; faults: string[] };
  offset: number;
  limit: number;
  total: number;
  items: JournalEntry[];
}

export interface CitedFinding {
  id: string;
  title: string;
  evidence: Array<{ line: string; requests: number[] }>;
  fix: string[];
}
