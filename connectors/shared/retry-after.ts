/** `Retry-After` as delta seconds, or as an HTTP date (then an absolute reset time), for a ConnectorHttpError. */
export function parseRetryAfter(value: string | null): { retryAfterSeconds?: number; resetAt?: Date } {
  if (value === null) return {};
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return { retryAfterSeconds: Number(trimmed) };
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? {} : { resetAt: new Date(at) };
}
