/**
 * `explore runs/<name>/`: a run folder as `report` reads it (reports/run-folder.ts, reports/model.ts): the
 * scenario, outcome and expectations, the doctor's findings with each evidence line linked to the journal
 * requests it cites (`#12`), the request timeline, the journal as a table filtered by route, status and
 * fault, and the run's sync file under /sync.
 */
import type { JournalEntry } from '../../mocks/core/journal.js';
import type { RunReport } from '../../reports/model.js';
import { PAGE_SIZE } from './sync-explorer.js';
import type { CitedFinding, RequestFilter, RequestTable } from '../../reports/explore/run-model.js';

/** `#12`, `journal #12`: how the doctor's evidence lines name a request (harness/doctor/journal-facts.ts). */
const CITATION = /#(\d+)\b/g;

export class RunExplorer {
  readonly report: RunReport;
  readonly findings: CitedFinding[];
  private readonly bySeq = new Map<number, JournalEntry>();
  private readonly choices: RequestTable['choices'];

  constructor(
    readonly journal: readonly JournalEntry[],
    report: RunReport,
  ) {
    this.report = report;
    for (const entry of journal) this.bySeq.set(entry.seq, entry);
    this.findings = report.findings.map((f) => ({
      id: f.id,
      title: f.title,
      fix: f.fix,
      evidence: f.evidence.map((line) => ({
        line,
        requests: [...line.matchAll(CITATION)].map((m) => Number(m[1])).filter((seq) => this.bySeq.has(seq)),
      })),
    }));
    const sorted = <T>(values: Iterable<T>) => [...new Set(values)].sort() as T[];
    this.choices = {
      routes: sorted(journal.map((e) => e.route ?? '(unmatched)')),
      statuses: [...new Set(journal.map((e) => e.status))].sort((a, b) => a - b),
      faults: sorted(journal.flatMap((e) => (e.fault ? [e.fault] : []))),
    };
  }

  requests(filter: RequestFilter, offset = 0): RequestTable {
    const matching = this.journal.filter(
      (e) =>
        (filter.route === undefined || (e.route ?? '(unmatched)') === filter.route) &&
        (filter.status === undefined || e.status === filter.status) &&
        (filter.fault === undefined || (filter.fault === '(none)' ? !e.fault : e.fault === filter.fault)),
    );
    return { filter, choices: this.choices, offset, limit: PAGE_SIZE, total: matching.length, items: matching.slice(offset, offset + PAGE_SIZE) };
  }

  /** One request, and the findings whose evidence cites it. */
  request(seq: number): { entry: JournalEntry; citedBy: string[] } | undefined {
    const entry = this.bySeq.get(seq);
    return entry && { entry, citedBy: this.findings.filter((f) => f.evidence.some((e) => e.requests.includes(seq))).map((f) => f.id) };
  }
}
