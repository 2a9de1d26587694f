/**
 * Faults that only a socket can show: `reset` (the connection closes in the middle of the body) and `hang`
 * (no answer until the client gives up). An endpoint marks its Response; whoever writes it to the client
 * acts on the mark: the loopback server on the real socket, the in-process fetch the way undici reports it.
 */
export type TransportAction = 'reset' | 'hang';

const marks = new WeakMap<Response, TransportAction>();

export function markTransport(response: Response, action: TransportAction): Response {
  marks.set(response, action);
  return response;
}

export function transportAction(response: Response): TransportAction | undefined {
  return marks.get(response);
}
