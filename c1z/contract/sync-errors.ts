/**
 * Errors a sync can meet, and what the engine does with each. Connectors throw {@link ConnectorHttpError}
 * for HTTP failures; it is mapped to a gRPC code exactly as the SDK's uhttp wrapper maps statuses, because
 * the code, not the status, decides whether the SDK retries, warns or aborts.
 */

/** The gRPC codes the SDK's sync loop tells apart. */
export type GrpcCode =
  | 'InvalidArgument'
  | 'Unauthenticated'
  | 'PermissionDenied'
  | 'NotFound'
  | 'DeadlineExceeded'
  | 'AlreadyExists'
  | 'Unimplemented'
  | 'Unavailable'
  | 'Internal'
  | 'Unknown';

/** uhttp's status mapping (`pkg/uhttp/wrapper.go`): every 5xx but 501 is Unavailable, so it is retried. */
export function grpcCodeForStatus(status: number): GrpcCode {
  switch (status) {
    case 400:
      return 'InvalidArgument';
    case 401:
      return 'Unauthenticated';
    case 403:
      return 'PermissionDenied';
    case 404:
      return 'NotFound';
    case 408:
      return 'DeadlineExceeded';
    case 409:
      return 'AlreadyExists';
    case 429:
      return 'Unavailable';
    case 501:
      return 'Unimplemented';
  }
  if (status >= 500 && status <= 599) return 'Unavailable';
  if (status >= 400 && status <= 499) return 'InvalidArgument';
  return 'Unknown';
}

/** An error carrying a gRPC code, as the SDK's own failures (page guard, missing provisioner) do. */
export class SyncError extends Error {
  constructor(
    readonly code: GrpcCode,
    message: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

export interface ConnectorHttpErrorInit {
  /** Seconds from a `Retry-After` header; fractions are rounded up when waiting. */
  retryAfterSeconds?: number;
  /** An absolute reset time (from `X-RateLimit-Reset` and kin); waited for on the engine's clock. */
  resetAt?: Date;
  /** Defaults to the HTTP status line, the message uhttp gives. */
  message?: string;
}

/** Thrown by connectors for an HTTP failure; the engine reads the status, never the message. */
export class ConnectorHttpError extends SyncError {
  readonly retryAfterSeconds?: number;
  readonly resetAt?: Date;

  constructor(
    readonly status: number,
    init: ConnectorHttpErrorInit = {},
  ) {
    super(grpcCodeForStatus(status), init.message ?? `${status} ${STATUS_TEXT[status] ?? 'HTTP error'}`);
    this.name = 'ConnectorHttpError';
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.resetAt = init.resetAt;
  }
}

/** What the sync loop does with a failed call. */
export type Disposition = 'retry' | 'warn' | 'abort';

/**
 * The SDK retries only Unavailable and DeadlineExceeded, turns NotFound into a warning and skips the action,
 * and aborts on everything else (401 and 403 among them) — leaving the sync unfinished and resumable.
 */
export function dispositionOf(error: unknown): Disposition {
  const code = error instanceof SyncError ? error.code : 'Unknown';
  if (code === 'Unavailable' || code === 'DeadlineExceeded') return 'retry';
  if (code === 'NotFound') return 'warn';
  return 'abort';
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};
