/**
 * A lingering close, as web servers do after answering a request whose body they did not read: the answer
 * is sent with `Connection: close`, the write side is shut (FIN), and whatever the client is still sending
 * is read and dropped for a while before the socket closes.
 *
 * Closing at once instead (Node's own behaviour for `Connection: close`) leaves the client's unsent body
 * arriving at a closed socket, and the kernel answers it with a reset that can overtake the answer: the
 * client, still uploading, reports "connection reset" and never sees the 413 or 401 it was sent.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** How long, and how much, a client may go on sending after its answer before the socket is closed anyway. */
const LINGER_MS = 2_000;
const LINGER_BYTES = 64 * 1024 * 1024;

/** Call before `res.end()` on a response whose request body was left unread. */
export function lingerAfter(res: ServerResponse, limits = { ms: LINGER_MS, bytes: LINGER_BYTES }): void {
  const req: IncomingMessage = res.req;
  const socket: Socket = req.socket;
  res.once('finish', () => {
    // Node has just ended the socket (it calls destroySoon for Connection: close) and will destroy it once
    // the FIN is out; keep it open for reading instead, until the client is done or the limits are reached.
    socket.removeListener('finish', socket.destroy);
    let drained = 0;
    const close = () => {
      clearTimeout(timer);
      socket.destroy();
    };
    const timer = setTimeout(close, limits.ms);
    timer.unref();
    // The body reaches the request (the HTTP parser still owns the socket): read it there and drop it.
    req.removeAllListeners('data');
    req.on('data', (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > limits.bytes) close();
    });
    req.once('end', close);
    socket.once('end', close);
    socket.once('close', () => clearTimeout(timer));
    req.resume();
  });
}
