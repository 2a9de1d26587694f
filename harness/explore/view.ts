/** What a route answers: the same data as JSON for scripts, or rendered into a page for people. */
export interface View {
  title: string;
  data: unknown;
  /** The page body (rendered only when HTML is asked for). */
  body: () => string;
  crumbs?: Array<[string, string]>;
}

export interface Route {
  /** Matched against the decoded-later path; groups are the path's parameters, still URL-encoded. */
  pattern: RegExp;
  answer(params: string[], query: URLSearchParams): View;
}

/** One explored thing (a sync, a diff, a run folder): its pages, and what to release when the server stops. */
export interface Explorer {
  kind: 'sync' | 'diff' | 'run';
  /** What is explored, in a few words, for every page's header. */
  subject: string;
  routes: Route[];
  close(): void;
}

/** A whole number from the query (`offset`), or the default when absent or not one. */
export function queryNumber(query: URLSearchParams, name: string, fallback = 0): number {
  const n = Number(query.get(name) ?? fallback);
  return Number.isSafeInteger(n) && n >= 0 ? n : fallback;
}
