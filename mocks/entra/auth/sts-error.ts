/**
 * Microsoft identity platform (STS) error answers. @azure/identity builds its whole error message from
 * `error_codes`, `timestamp`, `trace_id`, `correlation_id` and `error_description`, and connectors regex
 * that message for the AADSTS code, so every field is filled the way the real service fills it.
 */
export interface StsErrorIds {
  traceId: string;
  correlationId: string;
  /** Judged by the simulation clock, like every other time the simulator writes into a body. */
  at: Date;
}

export interface StsError {
  status: number;
  /** OAuth error (`invalid_client`, `unauthorized_client`, ...). */
  error: string;
  code: number;
  /** The text after `AADSTSnnnn: `. */
  message: string;
}

/** `2024-05-01 10:20:30Z`, the STS timestamp format. */
export function stsTimestamp(at: Date): string {
  return at
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, 'Z');
}

/** `AADSTSnnnn: message\r\nTrace ID: ..\r\nCorrelation ID: ..\r\nTimestamp: ..` */
export function stsDescription(err: Pick<StsError, 'code' | 'message'>, ids: StsErrorIds): string {
  return `AADSTS${err.code}: ${err.message}\r\nTrace ID: ${ids.traceId}\r\nCorrelation ID: ${ids.correlationId}\r\nTimestamp: ${stsTimestamp(ids.at)}`;
}

export function stsErrorBody(err: StsError, ids: StsErrorIds, loginBase: string): Record<string, unknown> {
  return {
    error: err.error,
    error_description: stsDescription(err, ids),
    error_codes: [err.code],
    timestamp: stsTimestamp(ids.at),
    trace_id: ids.traceId,
    correlation_id: ids.correlationId,
    error_uri: `${loginBase}/error?code=${err.code}`,
  };
}

export function stsErrorResponse(err: StsError, ids: StsErrorIds, loginBase: string): Response {
  return new Response(JSON.stringify(stsErrorBody(err, ids, loginBase)), {
    status: err.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store, no-cache', pragma: 'no-cache' },
  });
}
