/**
 * node:http <-> Fetch API, so the same MSW handlers that run in-process answer real sockets: a request
 * becomes a `Request` for `getResponse`, and the `Response` it gives is written back.
 */
import { STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import { BodyTooLargeError, MAX_BODY_BYTES } from '../core/body-limit.js';
import { PEER_HEADER } from '../core/journal.js';
import { lingerAfter } from './lingering-close.js';

export async function toFetchRequest(req: IncomingMessage, origin: string): Promise<Request> {
  const headers = new Headers();
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
  // Ours alone: a client cannot claim another peer.
  headers.set(PEER_HEADER, `${req.socket.remoteAddress}:${req.socket.remotePort}`);
  const method = req.method ?? 'GET';
  // Streamed, not read up front: whoever answers reads it if and when it needs to (after its auth check),
  // and never past MAX_BODY_BYTES.
  const body = method === 'GET' || method === 'HEAD' ? undefined : bodyStream(req, MAX_BODY_BYTES);
  return new Request(new URL(req.url ?? '/', origin), { method, headers, body, duplex: 'half' } as RequestInit);
}

export async function writeFetchResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    // set-cookie may repeat; every other header arrives joined already.
    if (name === 'set-cookie') headers[name] = response.headers.getSetCookie();
    else headers[name] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  // A body left unread (refused for its size, or by an auth check first) is not read into the handler: the
  // connection closes after the answer, lingering so the client still sending can read it (lingering-close.ts).
  const unread = !res.req.complete;
  if (unread) {
    headers.connection = 'close';
    lingerAfter(res);
  }
  res.writeHead(response.status, response.statusText || STATUS_CODES[response.status] || '', { ...headers, 'content-length': String(body.length) });
  res.end(body);
}

/**
 * The request's body as a web stream that reads the socket only as fast as it is consumed, and fails with
 * BodyTooLargeError past `limit` bytes, leaving the rest unread. It pauses rather than destroys the request:
 * the socket must stay open for the answer (a 413, or a 401 for a body nobody read).
 */
function bodyStream(req: IncomingMessage, limit: number): ReadableStream<Uint8Array> {
  let seen = 0;
  let done = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        req.on('data', (chunk: Buffer) => {
          if (done) return;
          seen += chunk.length;
          if (seen > limit) {
            done = true;
            req.pause();
            controller.error(new BodyTooLargeError(limit));
            return;
          }
          controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
          if ((controller.desiredSize ?? 0) <= 0) req.pause();
        });
        req.once('end', () => {
          if (done) return;
          done = true;
          controller.close();
        });
        req.once('error', (error) => {
          if (done) return;
          done = true;
          controller.error(error);
        });
        req.pause();
      },
      pull() {
        if (!done) req.resume();
      },
      cancel() {
        done = true;
        req.pause();
      },
    },
    { highWaterMark: 64 * 1024, size: (chunk) => chunk.byteLength },
  );
}
