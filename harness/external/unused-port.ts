/**
 * A loopback port nothing listens on, for `connection-refused`: bound once to learn a free number, then
 * released. Another process could take it in between; on a test machine that is rare enough, and the
 * connector would then meet a stranger instead of a refusal, which the run reports as a failure anyway.
 */
import { createServer } from 'node:net';

export function unusedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
