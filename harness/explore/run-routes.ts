/** The run view's routes: the run, its requests (filtered), one request. */
import { requestBody, requestsBody, runOverviewBody } from '../../reports/explore/run-pages.js';
import { NotFound } from './not-found.js';
import type { RunExplorer } from './run-explorer.js';
import { queryNumber, type Route } from './view.js';

export function runRoutes(explorer: RunExplorer, hasSync: boolean, syncProblem?: string): Route[] {
  const home: [string, string] = ['/', 'run'];
  return [
    {
      pattern: /^\/$/,
      answer: () => {
        const data = { ...explorer.report, findings: explorer.findings, hasSync, ...(syncProblem ? { syncProblem } : {}) };
        return {
          title: `run ${explorer.report.scenario}`,
          data,
          body: () => runOverviewBody(explorer.report, explorer.findings, hasSync, syncProblem),
        };
      },
    },
    {
      pattern: /^\/requests$/,
      answer: (_, q) => {
        const status = q.get('status');
        const table = explorer.requests(
          {
            ...(q.get('route') ? { route: q.get('route')! } : {}),
            ...(status && /^\d+$/.test(status) ? { status: Number(status) } : {}),
            ...(q.get('fault') ? { fault: q.get('fault')! } : {}),
          },
          queryNumber(q, 'offset'),
        );
        return { title: 'requests', data: table, crumbs: [home], body: () => requestsBody(table) };
      },
    },
    {
      pattern: /^\/requests\/(\d+)$/,
      answer: ([seq]) => {
        const found = explorer.request(Number(seq));
        if (!found) throw new NotFound(`no request #${seq} in the journal`);
        return {
          title: `request #${seq}`,
          data: found,
          crumbs: [home, ['/requests', 'requests']],
          body: () => requestBody(found.entry, found.citedBy),
        };
      },
    },
  ];
}
