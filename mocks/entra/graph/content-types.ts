/** Graph's exact success content type; clients that compare it whole, not just the mime part, exist. */
export const GRAPH_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export function graphJson(body: unknown, status = 200): Response {
  return graphJsonText(JSON.stringify(body), status);
}

/** A body already serialized. */
export function graphJsonText(json: string, status = 200): Response {
  return new Response(json, { status, headers: { 'content-type': GRAPH_JSON } });
}

/** `/users/$count` and friends answer a bare integer. */
export function graphCount(n: number): Response {
  return new Response(String(n), { headers: { 'content-type': 'text/plain;charset=utf-8' } });
}
