/**
 * node:http <-> Fetch API, so the same MSW handlers that run in-process answer real sockets: a request
 * becomes a `Request` for `getResponse`, and the `Response` it gives is written back.
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { PEER_HEADER } from '../core/journal.js';

export async function toFetchRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  // Ours alone: a client cannot claim another peer.
  headers.set(PEER_HEADER, `${req.socket.remoteAddress}:${req.socket.remotePort}`);
  const method = req.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(await readBody(req));
  return new Request(new URL(req.url ?? '/', origin), { method, headers, body });
}

export async function writeFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    // set-cookie may repeat; every other header arrives joined already.
    if (name === 'set-cookie') headers[name] = response.headers.getSetCookie();
    else headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  res.writeHead(response.status, response.statusText || STATUS_CODES[response.status] || '', { ...headers, 'content-length': String(body.length) });
  res.end(body);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
