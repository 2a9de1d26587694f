/** The XML reader on AWS-shaped answers, and how AWS error codes become statuses the engine acts on. */
import { describe, expect, it } from 'vitest';
import { awsHttpError, jsonErrorDetail, queryErrorDetail } from './errors.js';
import { childText, listMembers, parseXml, XmlSyntaxError } from './xml.js';

const ERROR = (code: string, message: string) =>
  `<?xml version="1.0"?>\n<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>r-1</RequestId></ErrorResponse>`;

describe('the XML reader', () => {
  it('reads Query lists, entities, CDATA and self-closing elements', () => {
    const root = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?><ListUsersResponse xmlns="x"><ListUsersResult><Users><member><UserName>a&amp;b&#64;c&#x2e;d</UserName></member><member><UserName><![CDATA[<raw>]]></UserName></member></Users><IsTruncated>false</IsTruncated><Tags/></ListUsersResult></ListUsersResponse>',
    );
    const result = root.children[0];
    expect(listMembers(result, 'Users').map((m) => childText(m, 'UserName'))).toEqual(['a&b@c.d', '<raw>']);
    expect(childText(result, 'IsTruncated')).toBe('false');
    expect(childText(result, 'Tags')).toBe('');
    expect(childText(result, 'Marker')).toBeUndefined();
  });

  it('refuses mismatched and unclosed documents', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(XmlSyntaxError);
    expect(() => parseXml('<a><b></b>')).toThrow(XmlSyntaxError);
  });
});

describe('AWS errors as ConnectorHttpErrors', () => {
  const answer = (status: number, headers: Record<string, string> = {}) => new Response(null, { status, headers });

  it('turns IAM’s HTTP 400 Throttling into a retryable 429 keeping the AWS text', () => {
    const error = awsHttpError('iam:ListUsers', answer(400), queryErrorDetail(ERROR('Throttling', 'Rate exceeded')), '');
    expect(error.status).toBe(429);
    expect(error.code).toBe('Unavailable');
    expect(error.message).toBe('iam:ListUsers: 400 Throttling: Rate exceeded');
  });

  it('maps credential failures to 401, denials to 403, missing entities to 404, others by status', () => {
    const status = (code: string, http = 403) => awsHttpError('op', answer(http), queryErrorDetail(ERROR(code, 'm')), '').status;
    expect(status('InvalidClientTokenId')).toBe(401);
    expect(status('SignatureDoesNotMatch')).toBe(401);
    expect(status('AccessDenied')).toBe(403);
    expect(status('NoSuchEntity', 404)).toBe(404);
    expect(status('ServiceFailure', 500)).toBe(500);
    expect(status('ValidationError', 400)).toBe(400);
  });

  it('reads awsJson errors by __type (namespace dropped) or x-amzn-errortype, with RetryAfterSeconds', () => {
    const detail = jsonErrorDetail(
      '{"__type":"com.amazonaws.identitystore#ThrottlingException","Message":"Rate exceeded","RetryAfterSeconds":2}',
      new Headers(),
    );
    expect(detail).toEqual({ code: 'ThrottlingException', message: 'Rate exceeded', retryAfterSeconds: 2 });
    const error = awsHttpError('identitystore:ListUsers', answer(400), detail, '');
    expect([error.status, error.retryAfterSeconds]).toEqual([429, 2]);
    expect(jsonErrorDetail('', new Headers({ 'x-amzn-errortype': 'UnrecognizedClientException:http://internal' })).code).toBe(
      'UnrecognizedClientException',
    );
    expect(awsHttpError('op', answer(400), { code: 'UnrecognizedClientException' }, '').status).toBe(401);
  });
});
