/**
 * The SCIM connector's HTTP side: one long-lived bearer token (what an admin pastes into the IdP), GETs and
 * PATCHes under the SCIM root with plain `fetch`, so the connector runs in-process under MSW or against
 * `serve`. Every HTTP failure becomes a {@link ScimHttpError}: the status, the SCIM error's `detail`, its
 * `scimType` and any Retry-After, so the engine decides what to retry and a revoke can tell "not there".
 */
import { ConnectorHttpError, type ConnectorHttpErrorInit } from '../../c1z/contract/index.js';
import { parseRetryAfter } from '../shared/retry-after.js';

export { parseRetryAfter };

/** RFC 7644 §8.1. Sent as Accept and as the PATCH body's type; providers also accept plain JSON back. */
export const SCIM_MEDIA_TYPE = 'application/scim+json';

export interface ScimClientOptions {
  /** The SCIM root, e.g. `https://scim.example.test/scim/v2`. */
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
}

/** A failed SCIM call; `scimType` (RFC 7644 §3.12) when the error body named one. */
export class ScimHttpError extends ConnectorHttpError {
  readonly scimType?: string;

  constructor(status: number, init: ConnectorHttpErrorInit & { scimType?: string }) {
    super(status, init);
    this.scimType = init.scimType;
  }
}

export class ScimClient {
  private readonly fetch: typeof fetch;
  readonly baseUrl: string;

  constructor(private readonly options: ScimClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  /** GET a path under the root (`/Users?startIndex=1`), answering the parsed JSON object. */
  async get<T>(path: string): Promise<T> {
    const response = await this.send('GET', path);
    const text = await response.text();
    const json = parseJson(text);
    if (typeof json !== 'object' || json === null)
      throw new ConnectorHttpError(502, { message: `GET ${this.pathOf(path)}: the answer is not a JSON object` });
    return json as T;
  }

  /** PATCH a resource with RFC 7644 §3.5.2 operations; the answer (204, or 200 with the resource) is not needed. */
  async patch(path: string, operations: PatchOperation[]): Promise<void> {
    const body = JSON.stringify({ schemas: [PATCH_OP_URN], Operations: operations });
    const response = await this.send('PATCH', path, body);
    await response.body?.cancel();
  }

  private async send(method: 'GET' | 'PATCH', path: string, body?: string): Promise<Response> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.token}`, accept: `${SCIM_MEDIA_TYPE}, application/json` };
    if (body !== undefined) headers['content-type'] = SCIM_MEDIA_TYPE;
    const response = await this.fetch(`${this.baseUrl}${path}`, { method, headers, body });
    if (response.ok) return response;
    const text = await response.text();
    const error = scimError(text);
    const detail = error.detail || text.slice(0, 200);
    throw new ScimHttpError(response.status, {
      message: `${method} ${this.pathOf(path)}: ${response.status}${detail ? `: ${detail}` : ''}`,
      scimType: error.scimType,
      ...parseRetryAfter(response.headers.get('retry-after')),
    });
  }

  /** The path alone, for messages: query strings may carry filters with user data. */
  private pathOf(path: string): string {
    return new URL(`${this.baseUrl}${path}`).pathname;
  }
}

export const PATCH_OP_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

export interface PatchOperation {
  op: 'add' | 'remove' | 'replace';
  path?: string;
  value?: unknown;
}

/** RFC 7644 §3.12 error body: `{"schemas":[...Error],"status":"401","scimType"?,"detail"}`. */
function scimError(text: string): { detail?: string; scimType?: string } {
  const json = parseJson(text) as { detail?: unknown; scimType?: unknown } | undefined;
  if (!json || typeof json !== 'object') return {};
  return {
    detail: typeof json.detail === 'string' ? json.detail : undefined,
    scimType: typeof json.scimType === 'string' ? json.scimType : undefined,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
