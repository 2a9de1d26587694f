/**
 * `explore`: a local, read-only web explorer for a sync file, the diff of two, or a run folder. Prints the
 * URL (with its token) as the one line on stdout, serves until Ctrl-C or SIGTERM, or until the process that
 * started it is gone, then removes the decompressed databases and exits 0.
 */
import { UserError } from '../../../lib/errors.js';
import { newToken, openExplorer, serveExplorer } from '../../explore/index.js';
import { parentGone } from '../parent-watch.js';
import type { CommandIO } from '../../../lib/output/sink.js';
import type { ExploreOptions } from '../command-options.js';

export async function run(flags: ExploreOptions, paths: string[], io: CommandIO): Promise<number> {
  const port = flags.port === undefined ? 0 : portNumber(flags.port);
  if (flags.failOn.length > 0 && paths.length !== 2) throw new UserError('explore: --fail-on applies to a diff: give two .c1z files');
  const explorer = await openExplorer(paths, { failOn: flags.failOn });
  try {
    const token = flags.token === false ? undefined : newToken();
    const serving = await serveExplorer({
      routes: explorer.routes,
      subject: explorer.subject,
      port,
      token,
      onError: (message) => void io.stderr.line(message),
    });
    // Listening for the stop before printing the URL: a script may stop explore as soon as it reads it.
    const parent = parentGone();
    const stopped = new Promise<string>((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
      void parent.gone.then(() => resolve('its parent process exiting'));
    });
    await io.stdout.line(serving.url);
    const access = token ? 'open the URL above (it carries the token)' : 'no token asked (--no-token): anyone on this machine can read it';
    await io.stderr.line(
      `exploring ${explorer.kind === 'sync' ? 'the sync file' : explorer.kind === 'diff' ? 'the diff of' : 'the run folder'} ${explorer.subject} on ${serving.origin}: ${access}; Ctrl-C to stop`,
    );
    const reason = await stopped;
    parent.stop();
    await serving.close();
    await io.stderr.line(`stopped on ${reason}`);
    return 0;
  } finally {
    explorer.close();
  }
}

function portNumber(text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(n) || n > 65535) {
    throw new UserError(`explore: --port ${JSON.stringify(text)}: not a TCP port (expected 0-65535; 0 or no --port picks a free one)`);
  }
  return n;
}
