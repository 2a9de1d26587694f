/**
 * Wire details of the AWS simulator the SDKs hide, with hand-signed requests: XML and JSON shapes, the
 * headers every answer carries, SigV4 edge cases (stale and future requests, scope, tampering, session
 * tokens), request-id determinism and what the journal keeps out.
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { awsFixture, xmlValue, xmlValues } from '../mocks/aws/test-support/aws-fixture.test-support.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const FIXED = new Date('2026-01-02T03:04:05Z');

describe('IAM answers', () => {
  it('writes ListUsers as namespaced XML with its request id in the body and the header, and the real Date', async () => {
    const { query, tenant } = awsFixture(server, { clock: () => FIXED });
    const response = await query('iam', 'ListUsers', { MaxItems: '2' }, { at: FIXED });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/xml');
    const xml = await response.text();
    const opening =
      // biome-ignore lint/complexity/noAdjacentSpacesInRegex: the expected indentation, written as the XML has it
      /^<ListUsersResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/">\n  <ListUsersResult>\n    <Users>\n      <member>\n/;
    expect(xml).toMatch(opening);
    expect(xmlValues(xml, 'UserId')).toEqual([tenant.user(1)!.awsId, tenant.user(2)!.awsId]);
    expect(xmlValue(xml, 'IsTruncated')).toBe('true');
    expect(xmlValue(xml, 'Marker')).toMatch(/^[A-Za-z0-9+/]+=*$/);
    const requestId = response.headers.get('x-amzn-requestid');
    expect(requestId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(xmlValue(xml, 'RequestId')).toBe(requestId);
    // The simulation clock says January; the Date header still tells the SDK the real time.
    expect(Math.abs(Date.parse(response.headers.get('date')!) - Date.now())).toBeLessThan(2000);
  });

  it('throttles with HTTP 400 and the Throttling ErrorResponse', async () => {
    const { query } = awsFixture(server, { faults: ['throttle:route=iam.*'] });
    const response = await query('iam', 'ListGroups');
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('text/xml');
    const id = response.headers.get('x-amzn-requestid');
    expect(await response.text()).toBe(
      [
        '<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">',
        '  <Error>',
        '    <Type>Sender</Type>',
        '    <Code>Throttling</Code>',
        '    <Message>Rate exceeded</Message>',
        '  </Error>',
        `  <RequestId>${id}</RequestId>`,
        '</ErrorResponse>',
        '',
      ].join('\n'),
    );
  });

  it('answers an unknown action with InvalidAction and a missing one with MissingAction', async () => {
    const { query, signedPost, sim } = awsFixture(server);
    const unknown = await query('iam', 'ListUnicorns');
    expect(unknown.status).toBe(400);
    expect(xmlValue(await unknown.text(), 'Message')).toBe('Could not find operation ListUnicorns for version 2010-05-08');
    const missing = await signedPost(`${sim.bases.iam}/`, 'iam', 'Version=2010-05-08', { 'content-type': 'application/x-www-form-urlencoded' }, {});
    expect(xmlValue(await missing.text(), 'Code')).toBe('MissingAction');
  });

  it('writes STS errors in the STS namespace', async () => {
    const { query } = awsFixture(server);
    const response = await query('sts', 'AssumeRole', { RoleArn: 'arn:aws:iam::123456789012:role/Elsewhere', RoleSessionName: 'x1' });
    expect(response.status).toBe(403);
    const xml = await response.text();
    expect(xml).toMatch(/^<ErrorResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/);
    expect(xmlValue(xml, 'Code')).toBe('AccessDenied');
  });
});

describe('SigV4 checks', () => {
  it('calls a request signed more than five minutes before the simulation clock expired, in AWS words', async () => {
    const { query } = awsFixture(server, { clock: () => FIXED });
    const response = await query('iam', 'ListUsers', {}, { at: new Date(FIXED.getTime() - 365_000) });
    expect(response.status).toBe(403);
    const xml = await response.text();
    expect(xmlValue(xml, 'Code')).toBe('SignatureDoesNotMatch');
    expect(xmlValue(xml, 'Message')).toBe('Signature expired: 20260102T025800Z is now earlier than 20260102T025905Z (20260102T030405Z - 5 min.)');
  });

  it('calls a request from the future not yet current', async () => {
    const { query } = awsFixture(server, { clock: () => FIXED });
    const response = await query('iam', 'ListUsers', {}, { at: new Date(FIXED.getTime() + 400_000) });
    expect(xmlValue(await response.text(), 'Message')).toBe(
      'Signature not yet current: 20260102T031045Z is still later than 20260102T030905Z (20260102T030405Z + 5 min.)',
    );
  });

  it('accepts a request within the five minutes', async () => {
    const { query } = awsFixture(server, { clock: () => FIXED });
    expect((await query('iam', 'ListUsers', { MaxItems: '1' }, { at: new Date(FIXED.getTime() - 290_000) })).status).toBe(200);
  });

  it('refuses a credential scoped to another region or service', async () => {
    const { query } = awsFixture(server);
    const region = await query('iam', 'ListUsers', {}, { region: 'eu-west-1' });
    expect(region.status).toBe(403);
    expect(xmlValue(await region.text(), 'Message')).toBe("Credential should be scoped to a valid region, not 'eu-west-1'. ");
    const service = await query('iam', 'ListUsers', {}, { scopeService: 'ec2' });
    expect(xmlValue(await service.text(), 'Message')).toBe("Credential should be scoped to correct service: 'iam'. ");
  });

  it('refuses a body changed after signing', async () => {
    const { sim } = awsFixture(server);
    const { signRequest } = await import('../mocks/aws/sigv4/signature.js');
    const url = new URL(`${sim.bases.iam}/`);
    const body = 'Action=ListUsers&Version=2010-05-08&MaxItems=1';
    const headers = signRequest(
      { method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body },
      sim.credentials,
      { region: 'us-east-1', service: 'iam' },
      new Date(),
    );
    const response = await fetch(url, { method: 'POST', headers, body: body.replace('MaxItems=1', 'MaxItems=9') });
    expect(response.status).toBe(403);
    expect(xmlValue(await response.text(), 'Code')).toBe('SignatureDoesNotMatch');
  });

  it('answers an unsigned request with MissingAuthenticationToken', async () => {
    const { sim } = awsFixture(server);
    const response = await fetch(`${sim.bases.iam}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=ListUsers&Version=2010-05-08',
    });
    expect(response.status).toBe(403);
    expect(xmlValue(await response.text(), 'Code')).toBe('MissingAuthenticationToken');
  });

  it('requires the issued session token with session keys, and no token with the long-term key', async () => {
    const { query, sim, ctx } = awsFixture(server);
    const assumed = await (await query('sts', 'AssumeRole', { RoleArn: sim.credentials.roleArn, RoleSessionName: 'wire' })).text();
    const session = {
      accessKeyId: xmlValue(assumed, 'AccessKeyId')!,
      secretAccessKey: xmlValue(assumed, 'SecretAccessKey')!,
      sessionToken: xmlValue(assumed, 'SessionToken')!,
    };
    // Issued secrets are known to the run, so its scrubber removes them from whatever the connector prints.
    expect(ctx.issued.all().map((s) => s.value)).toEqual([session.secretAccessKey, session.sessionToken]);
    expect((await query('iam', 'ListUsers', { MaxItems: '1' }, { credentials: session })).status).toBe(200);
    for (const credentials of [
      { ...session, sessionToken: undefined },
      { ...session, sessionToken: `${session.sessionToken}x` },
      { ...sim.credentials, sessionToken: session.sessionToken },
    ]) {
      const response = await query('iam', 'ListUsers', {}, { credentials });
      expect(response.status).toBe(403);
      expect(xmlValue(await response.text(), 'Code')).toBe('InvalidClientTokenId');
    }
  });
});

describe('Identity Store answers', () => {
  it('writes JSON as application/x-amz-json-1.1 and errors with __type and x-amzn-ErrorType', async () => {
    const { identityStore } = awsFixture(server);
    const ok = await identityStore('ListGroups', { MaxResults: 2 });
    expect(ok.headers.get('content-type')).toBe('application/x-amz-json-1.1');
    const body = (await ok.json()) as { Groups: unknown[]; NextToken?: string };
    expect(body.Groups).toHaveLength(2);
    expect(body.NextToken).toEqual(expect.any(String));
    const bad = await identityStore('ListGroups', { IdentityStoreId: 'd-0000000000' });
    expect(bad.status).toBe(404);
    expect(bad.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
    expect(await bad.json()).toMatchObject({ __type: 'ResourceNotFoundException', ResourceType: 'IDENTITY_STORE', ResourceId: 'd-0000000000' });
  });

  it('throttles with ThrottlingException, RetryAfterSeconds and Retry-After when asked', async () => {
    const { identityStore } = awsFixture(server, { faults: ['throttle:route=identitystore.*,retry-after=2'] });
    const response = await identityStore('ListUsers');
    expect(response.status).toBe(400);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toMatchObject({ __type: 'ThrottlingException', Message: 'Rate exceeded', RetryAfterSeconds: 2 });
  });

  it('answers an unknown operation with UnknownOperationException', async () => {
    const { identityStore } = awsFixture(server);
    const response = await identityStore('ListUnicorns');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' });
  });
});

describe('determinism and the journal', () => {
  it('gives the same request ids and Markers for the same seed and requests', async () => {
    const run = async () => {
      const { query } = awsFixture(server, { seed: 21 });
      const out: Array<string | null | undefined> = [];
      for (const action of ['ListUsers', 'ListGroups', 'GetUser']) {
        const response = await query('iam', action, action === 'GetUser' ? {} : { MaxItems: '3' });
        out.push(response.headers.get('x-amzn-requestid'), xmlValue(await response.text(), 'Marker'));
      }
      return out;
    };
    const first = await run();
    expect(first.filter(Boolean)).toHaveLength(5);
    expect(await run()).toEqual(first);
  });

  it('never journals secrets, signatures or session tokens', async () => {
    const { query, sim, ctx } = awsFixture(server);
    const assumed = await (await query('sts', 'AssumeRole', { RoleArn: sim.credentials.roleArn, RoleSessionName: 'journal' })).text();
    const session = {
      accessKeyId: xmlValue(assumed, 'AccessKeyId')!,
      secretAccessKey: xmlValue(assumed, 'SecretAccessKey')!,
      sessionToken: xmlValue(assumed, 'SessionToken')!,
    };
    await query('iam', 'ListUsers', {}, { credentials: session });
    const lines = ctx.journal.toJsonLines();
    expect(lines.split('\n').filter(Boolean)).toHaveLength(2);
    for (const secret of [sim.credentials.secretAccessKey, session.secretAccessKey, session.sessionToken]) expect(lines).not.toContain(secret);
    expect(lines).not.toMatch(/Signature=|[0-9a-f]{64}/);
  });
});
