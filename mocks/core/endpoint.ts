/**
 * What every provider's endpoint wrapper (Graph, Directory API, SCIM, IAM Query, Identity Store) shares
 * once `route` (./route.ts) has let the transport faults answer: the faults an endpoint applies itself (credential,
 * consent, bad-pagination...) are consulted through a probe that notes each hit, and the result handed back
 * to `route` names what fired, for the journal. Authentication, authorization and how a failure is written
 * stay each provider's own.
 */
import type { FaultEngine, FaultHit, RouteCall } from '../faults/engine.js';
import type { FaultKind } from '../faults/spec.js';
import type { PageFacts, Refusal } from './journal.js';
import type { RouteResult } from './route.js';

/** Consults the fault engine for the current call; a hit is noted for the journal. */
export type FaultProbe = (kinds: readonly FaultKind[]) => FaultHit | undefined;

/** What an endpoint handler gets from its provider's wrapper, before the provider's own fields. */
export interface EndpointRequest<Env> {
  env: Env;
  request: Request;
  call: RouteCall;
  url: URL;
  params: Record<string, string>;
  /** Consults the fault engine for this call; a hit is noted for the journal. */
  fault: FaultProbe;
}

/** An endpoint's answer: the response, or the response and the items of a list page (for the journal). */
export type EndpointResult = Response | { response: Response; items?: number; page?: PageFacts };

/** What `done` may add to a response for the journal: a list page's size and paging, a refusal's words. */
interface JournalFacts {
  items?: number;
  page?: PageFacts;
  refusal?: Refusal;
}

export interface EndpointFaults {
  fault: FaultProbe;
  /** The result for `route`, naming every fault the probe saw fire (`; `-joined). */
  done(response: Response, facts?: JournalFacts): RouteResult;
}

/** A fault probe for one call, and the result that reports what it saw fire. */
export function endpointFaults(faults: FaultEngine, call: RouteCall): EndpointFaults {
  const fired: string[] = [];
  const fault: FaultProbe = (kinds) => {
    const hit = faults.check(call, kinds);
    if (hit) fired.push(hit.spec.text);
    return hit;
  };
  const done = (response: Response, facts: JournalFacts = {}): RouteResult => ({
    response,
    items: facts.items,
    ...(facts.page ? { page: facts.page } : {}),
    // 401, 403 and 429 are credentials, permissions and quota, which other findings read; and their words may quote keys.
    ...(facts.refusal && response.status >= 400 && response.status < 500 && ![401, 403, 429].includes(response.status)
      ? { refusal: facts.refusal }
      : {}),
    ...(fired.length ? { fault: fired.join('; ') } : {}),
  });
  return { fault, done };
}

/** MSW's route parameters as strings: a repeated (wildcard) one joined with `/`. */
export function stringParams(params: Record<string, string | readonly string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out[k] = typeof v === 'string' ? v : v.join('/');
  return out;
}
