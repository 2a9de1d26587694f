/**
 * Service (daemon) mode: the connector polls ConductorOne for tasks with its client id and secret
 * (baton-sdk pkg/connectorrunner "runner: error getting next task", pkg/tasks/c1api "no tasks available").
 * A poll refused for the credentials, and polls that go on for a long time with nothing to do.
 */
import type { Finding } from '../../../reports/evidence.js';
import { cite, matching, type LogDetector } from './context.js';
import type { ParsedLine } from './parse.js';

/** A line about the connection to ConductorOne rather than to the provider. */
export const DAEMON_LINE = /failed to poll for tasks|error getting next task|c1_api_task_manager|\binvalid client (id|secret)\b(?! provided)/;
const AUTH_ERROR = /Unauthenticated|unauthorized|\b401\b|authenticat|invalid client (id|secret)|client id|client secret|invalid_client/i;
const IDLE_POLL = /no tasks available|runner: no tasks to process/;
const GOT_TASK = /got task|processing task|starting processing task/;
/** How long a daemon may poll with nothing to do before it is worth a look: ConductorOne schedules syncs hourly or so. */
const IDLE_LIMIT_MS = 2 * 60 * 60 * 1000;

const daemonAuthFailed: LogDetector = (c) => {
  const lines = matching(c, AUTH_ERROR).filter((l) => DAEMON_LINE.test(l.text) && !/AADSTS/.test(l.text));
  if (lines.length === 0) return undefined;
  return {
    id: 'daemon-auth-failed',
    title: `Daemon authentication failed: ConductorOne refused the connector's client id and secret (${lines.length} poll(s))`,
    ...cite(lines),
    fix: [
      "In ConductorOne, open the connector's settings and generate new client credentials; the client id has the form <name>@<tenant>.conductor.one/<suffix> and the secret is one long colon-separated string: copy both whole.",
      'Pass them as --client-id / --client-secret (or BATON_CLIENT_ID / BATON_CLIENT_SECRET) to the same connector process, with no quotes or trailing whitespace.',
      'The SDK signs a token assertion valid for only 15 seconds either side of now: make sure the host clock is synchronised (NTP).',
    ],
  };
};

interface Idle {
  from: ParsedLine;
  to: ParsedLine;
  /** Idle lines by message: the runner and the task manager each log every poll, so a poll is the larger count. */
  counts: Map<string, number>;
}

const polls = (idle: Idle) => Math.max(...idle.counts.values());

/** The longest stretch of idle polls with no task in between. */
function longestIdle(lines: readonly ParsedLine[]): Idle | undefined {
  let best: Idle | undefined;
  let current: Idle | undefined;
  for (const line of lines) {
    if (GOT_TASK.test(line.msg)) current = undefined;
    else if (IDLE_POLL.test(line.msg) && line.at !== undefined) {
      current ??= { from: line, to: line, counts: new Map() };
      current.to = line;
      current.counts.set(line.msg, (current.counts.get(line.msg) ?? 0) + 1);
      if (!best || current.to.at! - current.from.at! > best.to.at! - best.from.at!) best = current;
    }
  }
  return best;
}

const daemonNoTasks: LogDetector = (c): Finding | undefined => {
  const idle = longestIdle(c.lines);
  if (!idle || idle.to.at! - idle.from.at! < IDLE_LIMIT_MS) return undefined;
  const hours = ((idle.to.at! - idle.from.at!) / 3_600_000).toFixed(1);
  return {
    id: 'daemon-no-tasks',
    title: `Daemon idle: ${polls(idle)} polls over ${hours} h returned no task`,
    evidence: [...cite([idle.from, idle.to], 2).evidence, `${polls(idle)} 'no tasks' poll(s) from first to last, no task received`],
    fix: [
      'The connector reaches ConductorOne and its credentials are accepted, but no sync was given to it: in ConductorOne, check the connector these client credentials belong to is the one attached to the application, and that it is not paused or disabled.',
      "Start a sync from the connector's page in ConductorOne and watch for 'got task' in this log; if none comes, regenerate the credentials from that connector and restart the process.",
    ],
  };
};

export const daemonDetectors: LogDetector[] = [daemonAuthFailed, daemonNoTasks];
