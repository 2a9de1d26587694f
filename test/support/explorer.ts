/**
 * An explorer served in this process for tests (what `sync-harness explore` serves, without the waiting
 * for Ctrl-C), and a raw HTTP GET that sends exactly the headers given (fetch would fix Host itself).
 */
import { request } from 'node:http';
import { newToken, openExplorer, serveExplorer, type Serving } from '../../harness/explore/index.js';
import { tokenCookie } from '../../harness/explore/access-guard.js';
import type { DiffOptions } from '../../harness/explore/diff-explorer.js';

export interface TestExplorer extends Serving {
  token: string;
  /** GET with the token's cookie (unless `headers` say otherwise); `json` asks for JSON. */
  get(path: string, options?: { json?: boolean; headers?: Record<string, string> }): Promise<Answer>;
  /** GET the path as JSON and parse it; fails the test on a status other than 200. */
  json<T>(path: string): Promise<T>;
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export async function startTestExplorer(paths: string[], diff: DiffOptions = {}): Promise<TestExplorer> {
  const explorer = await openExplorer(paths, diff);
  const token = newToken();
  const serving = await serveExplorer({ routes: explorer.routes, subject: explorer.subject, port: 0, token });
  const host = new URL(serving.origin).host;
  const get: TestExplorer['get'] = (path, options = {}) =>
    rawGet(`${serving.origin}${path}`, {
      host,
      cookie: `${tokenCookie(serving.origin)}=${token}`,
      ...(options.json ? { accept: 'application/json' } : { accept: 'text/html' }),
      ...options.headers,
    });
  return {
    ...serving,
    token,
    get,
    async json<T>(path: string): Promise<T> {
      const answer = await get(path, { json: true });
      if (answer.status !== 200) throw new Error(`GET ${path}: ${answer.status} ${answer.body}`);
      return JSON.parse(answer.body) as T;
    },
    async close() {
      await serving.close();
      explorer.close();
    },
  };
}

/** A GET with these headers and no others (an empty value leaves the header out). */
export function rawGet(url: string, headers: Record<string, string>): Promise<Answer> {
  const sent = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== ''));
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'GET', headers: sent, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}
