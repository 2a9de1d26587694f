/**
 * How a SCIM provider answers the generic faults: 429 with `Retry-After` (RFC 6585; RFC 7644 has no 429
 * of its own) and 5xx, both with SCIM error bodies and the SCIM media type, plus a real `Date` header on
 * everything (MSW adds none, and retrying clients read it).
 */
import type { FaultDialect } from '../../core/route.js';
import { SCIM_JSON } from './content-type.js';
import { scimErrorBody } from './errors.js';

const SERVER_ERRORS: Record<number, string> = {
  500: 'An internal error occurred. Please try again later.',
  502: 'Bad gateway. Please try again later.',
  503: 'Service unavailable. Please try again later.',
  504: 'Gateway timeout. Please try again later.',
};

export function scimDialect(): FaultDialect {
  return {
    throttle(_call, params) {
      const retryAfter = params['retry-after'] ?? '2';
      const headers: Record<string, string> = { 'content-type': SCIM_JSON };
      // `retry-after=none`: a 429 without the header, which clients must survive too.
      if (retryAfter !== 'none') headers['retry-after'] = retryAfter;
      const detail = retryAfter === 'none' ? 'Too many requests.' : `Too many requests. Retry after ${retryAfter} seconds.`;
      return new Response(JSON.stringify(scimErrorBody(429, detail)), { status: 429, headers });
    },
    serverError(_call, status) {
      const detail = SERVER_ERRORS[status] ?? 'The service failed to process the request.';
      return new Response(JSON.stringify(scimErrorBody(status, detail)), { status, headers: { 'content-type': SCIM_JSON } });
    },
    // RFC 7644 3.12 lists 413 "Request Entity Too Large" among SCIM's errors.
    tooLarge(_call, limit) {
      return new Response(JSON.stringify(scimErrorBody(413, `The request is too large: over ${limit} bytes.`)), {
        status: 413,
        headers: { 'content-type': SCIM_JSON },
      });
    },
    headers() {
      return { date: new Date().toUTCString() };
    },
  };
}
