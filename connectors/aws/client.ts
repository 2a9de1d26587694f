/**
 * The AWS connector's HTTP side: IAM's Query API (form POST, XML answers) and Identity Store's awsJson 1.1
 * API, each request SigV4-signed at the injected clock's time and sent with plain `fetch`, so the connector
 * runs in-process under MSW or against `serve` unchanged. Failures become ConnectorHttpErrors (errors.ts);
 * the engine does the retrying.
 */
import { ConnectorHttpError } from '../../c1z/contract/index.js';
import { awsHttpError, isThrottling, jsonErrorDetail, queryErrorDetail, type AwsErrorDetail } from './errors.js';
import { signedHeaders, type AwsKey } from './signer.js';
import { parseXml, XmlSyntaxError, type XmlElement } from './xml.js';

const IAM_VERSION = '2010-05-08';
/** IAM is global: signed for us-east-1 whatever the client's region (reference C1). */
const IAM_SIGNING_REGION = 'us-east-1';
const IDENTITY_STORE_TARGET = 'AWSIdentityStore';

export interface AwsClientOptions {
  credentials: AwsKey;
  /** Identity Center's region (Identity Store's host and signing region). */
  region: string;
  /** IAM's base URL; default `https://iam.amazonaws.com`. */
  iamEndpoint?: string;
  /** Identity Store's base URL; default `https://identitystore.<region>.amazonaws.com`. */
  identityStoreEndpoint?: string;
  fetch?: typeof fetch;
  /** Signing time; the real time when absent. */
  now?: () => Date;
  /**
   * The `ignores-retry-after` bug: on a throttle, send the very same request again at once, this many
   * times, before handing the failure to the engine. 0 (the clean connector) leaves retrying to the engine.
   */
  immediateThrottleResends?: number;
}

interface Prepared {
  url: string;
  init: RequestInit;
}

export class AwsClient {
  private readonly fetch: typeof fetch;
  private readonly now: () => Date;
  readonly iamEndpoint: string;
  readonly identityStoreEndpoint: string;

  constructor(private readonly options: AwsClientOptions) {
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.now = options.now ?? (() => new Date());
    this.iamEndpoint = trimSlash(options.iamEndpoint ?? 'https://iam.amazonaws.com');
    this.identityStoreEndpoint = trimSlash(options.identityStoreEndpoint ?? `https://identitystore.${options.region}.amazonaws.com`);
  }

  /** An IAM action; answers its `<ActionResult>` element (an empty one for actions that return none). */
  async iam(action: string, params: Record<string, string | undefined> = {}): Promise<XmlElement> {
    const form = new URLSearchParams({ Action: action, Version: IAM_VERSION });
    for (const [name, value] of Object.entries(params)) if (value !== undefined) form.set(name, value);
    const body = form.toString();
    const url = `${this.iamEndpoint}/`;
    const headers = await this.sign(url, body, { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, IAM_SIGNING_REGION, 'iam');
    const { response, text } = await this.send(`iam:${action}`, { url, init: { method: 'POST', headers, body } }, queryErrorDetail);
    try {
      const root = parseXml(text);
      return root.children.find((c) => c.name === `${action}Result`) ?? { name: `${action}Result`, children: [], text: '' };
    } catch (error) {
      if (error instanceof XmlSyntaxError)
        throw new ConnectorHttpError(502, { message: `iam:${action}: ${response.status}: the answer is not XML (${error.message})` });
      throw error;
    }
  }

  /** An Identity Store operation; answers the parsed JSON body. */
  async identityStore<T>(operation: string, payload: Record<string, unknown>): Promise<T> {
    const body = JSON.stringify(payload);
    const url = `${this.identityStoreEndpoint}/`;
    const headers = await this.sign(
      url,
      body,
      { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${IDENTITY_STORE_TARGET}.${operation}` },
      this.options.region,
      'identitystore',
    );
    const { response, text } = await this.send(`identitystore:${operation}`, { url, init: { method: 'POST', headers, body } }, (t, h) =>
      jsonErrorDetail(t, h),
    );
    try {
      const json: unknown = JSON.parse(text);
      if (json && typeof json === 'object') return json as T;
    } catch {
      // Falls through to the error below.
    }
    throw new ConnectorHttpError(502, { message: `identitystore:${operation}: ${response.status}: the answer is not a JSON object` });
  }

  private async sign(url: string, body: string, headers: Record<string, string>, region: string, service: string): Promise<Record<string, string>> {
    return signedHeaders(this.options.credentials, { url: new URL(url), headers, body, region, service, at: this.now() });
  }

  private async send(
    operation: string,
    request: Prepared,
    readError: (text: string, headers: Headers) => AwsErrorDetail,
  ): Promise<{ response: Response; text: string }> {
    let resends = this.options.immediateThrottleResends ?? 0;
    for (;;) {
      const response = await this.fetch(request.url, request.init);
      const text = await response.text();
      if (response.ok) return { response, text };
      const detail = readError(text, response.headers);
      if (resends > 0 && isThrottling(detail.code)) {
        resends--;
        continue;
      }
      throw awsHttpError(operation, response, detail, text);
    }
  }
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}
