/**
 * A small closed-loop HTTP load generator: `connections` keep-alive sockets each send the next request as
 * soon as the previous answer is read, for `seconds`. Good enough to compare two servers side by side in
 * one run; not a replacement for wrk when absolute numbers matter.
 */
import { Agent, request } from 'node:http';

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  errors: number;
}

export async function load(
  url: string,
  options: { connections?: number; seconds?: number; headers?: Record<string, string> } = {},
): Promise<LoadResult> {
  const connections = options.connections ?? 32;
  const seconds = options.seconds ?? 5;
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const target = new URL(url);
  let requests = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const one = () =>
    new Promise<void>((resolve) => {
      const req = request(target, { agent, headers: options.headers }, (res) => {
        if (res.statusCode !== 200) errors++;
        res.resume();
        res.on('end', () => resolve());
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end();
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < deadline) {
        await one();
        requests++;
      }
    }),
  );
  agent.destroy();
  const elapsed = (performance.now() - started) / 1000;
  return { requests, seconds: elapsed, perSecond: requests / elapsed, errors };
}
