/**
 * The AWS Query protocol's answers (IAM, STS; reference C2/C3): `<ActionResponse xmlns=...>` with an
 * `<ActionResult>` (left out by actions that return nothing) and `ResponseMetadata/RequestId`; errors as
 * `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`. Always `text/xml`.
 */
import type { AwsFailure } from '../failure.js';
import { renderXml, x, type Xml } from './xml.js';

export type QueryService = 'iam' | 'sts';

export const QUERY_VERSION: Record<QueryService, string> = { iam: '2010-05-08', sts: '2011-06-15' };

const XMLNS: Record<QueryService, string> = {
  iam: 'https://iam.amazonaws.com/doc/2010-05-08/',
  sts: 'https://sts.amazonaws.com/doc/2011-06-15/',
};

export const TEXT_XML = 'text/xml';

export function queryResponse(service: QueryService, action: string, requestId: string, result: Array<Xml | undefined> | undefined): Response {
  const body = renderXml(
    x(`${action}Response`, [result ? x(`${action}Result`, result) : undefined, x('ResponseMetadata', [x('RequestId', requestId)])]),
    XMLNS[service],
  );
  return new Response(body, { status: 200, headers: { 'content-type': TEXT_XML } });
}

export function queryErrorBody(service: QueryService, status: number, code: string, message: string, requestId: string): string {
  const type = status >= 500 ? 'Receiver' : 'Sender';
  return renderXml(
    x('ErrorResponse', [x('Error', [x('Type', type), x('Code', code), x('Message', message)]), x('RequestId', requestId)]),
    XMLNS[service],
  );
}

export function queryErrorResponse(service: QueryService, failure: AwsFailure, requestId: string): Response {
  return new Response(queryErrorBody(service, failure.status, failure.code, failure.message, requestId), {
    status: failure.status,
    headers: { 'content-type': TEXT_XML, ...failure.headers },
  });
}

/** The request's parameters: the form body's, and the query string's (the Query API accepts both). */
export function queryParams(url: URL, body: string): URLSearchParams {
  const params = new URLSearchParams(url.search);
  for (const [k, v] of new URLSearchParams(body)) params.append(k, v);
  return params;
}
