import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFetchResponse } from './fetch-bridge.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A server that answers 413 at once, leaving the body unread, as the body cap and the auth checks do. */
async function refusingServer(): Promise<number> {
  server = createServer((_req, res) => void writeFetchResponse(res, new Response('too large', { status: 413 })));
  await new Promise<void>((ready) => server!.listen(0, '127.0.0.1', ready));
  return (server!.address() as AddressInfo).port;
}

/** Starts a chunked upload and resolves once the whole answer has been read, the upload still open. */
function uploadUntilAnswered(port: number): Promise<{ socket: Socket; answer: string; errors: Error[] }> {
  const socket = connect(port, '127.0.0.1');
  const errors: Error[] = [];
  socket.on('error', (error) => errors.push(error));
  socket.write('POST /token HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n');
  socket.write(chunk(64 * 1024));
  let answer = '';
  return new Promise((resolve) => {
    socket.on('data', (data) => {
      answer += data.toString('latin1');
      if (answer.endsWith('too large')) resolve({ socket, answer, errors });
    });
  });
}

const chunk = (size: number) => `${size.toString(16)}\r\n${'x'.repeat(size)}\r\n`;

describe('lingering close after an answer to an unread body', () => {
  it('lets a client still sending finish its upload, then closes cleanly instead of resetting it', async () => {
    const { socket, answer, errors } = await uploadUntilAnswered(await refusingServer());
    expect(answer).toMatch(/^HTTP\/1\.1 413 .*\r\n[\s\S]*connection: close\r\n/i);
    // 8 MiB more after the answer: a socket closed at once would reset these writes (EPIPE / ECONNRESET).
    for (let i = 0; i < 128; i++) socket.write(chunk(64 * 1024));
    socket.end('0\r\n\r\n');
    await new Promise((closed) => socket.once('close', closed));
    expect(errors).toEqual([]);
  });

  it('still closes a client that never stops sending, once its linger budget (time or bytes) is spent', async () => {
    const { socket } = await uploadUntilAnswered(await refusingServer());
    let writing = true;
    socket.once('close', () => (writing = false));
    const pump = () => {
      while (writing && socket.write(chunk(64 * 1024)));
      if (writing) socket.once('drain', pump);
    };
    pump();
    // The server stops at 2 s or 64 MiB; the socket must close on its own (vitest's timeout fails the test otherwise).
    await new Promise((closed) => socket.once('close', closed));
    expect(socket.destroyed).toBe(true);
  });
});
