/**
 * The sanitizer on hand-made exchanges in each provider's wire format: secrets become placeholders
 * wherever they sit, identifiers map to the same fake everywhere (paths, queries, filter literals, JSON,
 * XML, next links, page tokens), and the mapping applied back restores the original.
 */
import { describe, expect, it } from 'vitest';
import type { Exchange, HeaderList } from './exchange.js';
import { PLACEHOLDERS } from './field-rules.js';
import { IdentityMap } from './identity-map.js';
import { mapConfiguration, sanitizeExchanges } from './sanitize.js';
import { reverseMapper } from './unmap-c1z.js';

const USER = '76254d3d-4629-4ff0-aa5f-45099fc71b21';
const GROUP = 'd168f773-df6f-4166-9f99-3e381b1d77f1';
const TENANT = 'b04554ad-cd4b-48bf-901e-825fd7c1fa62';
const ACCESS_TOKEN = `eyJ0eXAiOiJKV1QifQ.${Buffer.from(`{"tid":"${TENANT}"}`).toString('base64url')}.c2lnbmF0dXJlLWJ5dGVz`;

function exchange(
  method: string,
  url: string,
  response: { body: string; type?: string; headers?: HeaderList; status?: number },
  request: { body?: string; type?: string; headers?: HeaderList } = {},
): Exchange {
  return {
    startedAt: '2026-05-01T12:00:00.000Z',
    durationMs: 5,
    request: {
      method,
      url,
      headers: [...(request.type ? [['content-type', request.type] as [string, string]] : []), ...(request.headers ?? [])],
      ...(request.body === undefined ? {} : { body: request.body }),
    },
    response: {
      status: response.status ?? 200,
      headers: [['content-type', response.type ?? 'application/json'], ...(response.headers ?? [])],
      body: response.body,
    },
  };
}

const graph = [
  exchange(
    'POST',
    `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
    { body: JSON.stringify({ token_type: 'Bearer', access_token: ACCESS_TOKEN, refresh_token: 'r-1234567890', id_token: ACCESS_TOKEN }) },
    {
      type: 'application/x-www-form-urlencoded',
      body: `grant_type=client_credentials&client_id=c05d672e-5f99-4ed9-94dd-e52495d65f3d&client_secret=twi8Q%7EPdLuQnn_bhSb&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default`,
    },
  ),
  exchange(
    'GET',
    `https://graph.microsoft.com/v1.0/users?$filter=displayName%20eq%20'Tim%20Hartmann'%20or%20mail%20eq%20'tim.hartmann%40contoso.test'&$top=999`,
    {
      body: JSON.stringify({
        value: [
          {
            id: USER,
            displayName: 'Tim Hartmann',
            givenName: 'Tim',
            surname: 'Hartmann',
            userPrincipalName: 'tim.hartmann@contoso.test',
            jobTitle: 'Engineer',
          },
        ],
        '@odata.nextLink': `https://graph.microsoft.com/v1.0/users?$top=999&$skiptoken=${Buffer.from(`DSpt{"s":"groups/${GROUP}/members","a":999}`).toString('base64url')}`,
      }),
      headers: [['x-ms-throttle-scope', `Tenant_Application/Read/c05d672e-5f99-4ed9-94dd-e52495d65f3d/${TENANT}`]],
    },
    { headers: [['authorization', `Bearer ${ACCESS_TOKEN}`]] },
  ),
  exchange('GET', `https://graph.microsoft.com/v1.0/users/tim.hartmann@contoso.test/memberOf`, {
    status: 403,
    body: JSON.stringify({
      error: {
        code: 'Authorization_RequestDenied',
        message: `Token ${ACCESS_TOKEN} lacks roles for user ${USER}`,
        appRoleId: '00000000-0000-0000-0000-000000000000',
      },
    }),
  }),
];

describe('sanitizing Graph traffic', () => {
  const { exchanges, map } = sanitizeExchanges(graph, { seed: 'unit' });
  const all = JSON.stringify(exchanges);

  it('replaces credentials and tokens by fixed placeholders, keeping the auth scheme', () => {
    const form = new URLSearchParams(exchanges[0]!.request.body);
    expect(form.get('client_secret')).toBe(PLACEHOLDERS.secret);
    expect(JSON.parse(exchanges[0]!.response.body)).toMatchObject({
      access_token: PLACEHOLDERS.token,
      refresh_token: PLACEHOLDERS.token,
      id_token: PLACEHOLDERS.token,
      token_type: 'Bearer',
    });
    expect(exchanges[1]!.request.headers).toContainEqual(['authorization', `Bearer ${PLACEHOLDERS.token}`]);
    // A JWT anywhere else (an error message) goes too.
    expect(JSON.parse(exchanges[2]!.response.body).error.message).toBe(`Token ${PLACEHOLDERS.jwt} lacks roles for user ${map.lookup(USER)}`);
    expect(all).not.toContain('twi8Q');
    expect(all).not.toContain('eyJ0eXAi');
  });

  it('maps one value to one fake everywhere: URL path and filter, JSON, headers, next links, page tokens', () => {
    const fakeUser = map.lookup(USER)!;
    const fakeEmail = map.lookup('tim.hartmann@contoso.test')!;
    expect(fakeUser).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(fakeEmail).toBe('user0001@example.com');
    const filter = new URL(exchanges[1]!.request.url).searchParams.get('$filter');
    expect(filter).toBe(`displayName eq '${map.lookup('Tim Hartmann')}' or mail eq '${fakeEmail}'`);
    const body = JSON.parse(exchanges[1]!.response.body);
    expect(body.value[0]).toEqual({
      id: fakeUser,
      displayName: 'Name 0001',
      givenName: 'Given0001',
      surname: 'Family0001',
      userPrincipalName: fakeEmail,
      jobTitle: 'Engineer',
    });
    expect(exchanges[2]!.request.url).toBe(`https://graph.microsoft.com/v1.0/users/${fakeEmail}/memberOf`);
    expect(exchanges[0]!.request.url).toBe(`https://login.microsoftonline.com/${map.lookup(TENANT)}/oauth2/v2.0/token`);
    expect(exchanges[1]!.response.headers).toContainEqual([
      'x-ms-throttle-scope',
      `Tenant_Application/Read/${map.lookup('c05d672e-5f99-4ed9-94dd-e52495d65f3d')}/${map.lookup(TENANT)}`,
    ]);
    // The next link stays a link to Graph; the id its page token embeds is mapped inside it.
    const next = new URL(body['@odata.nextLink']);
    expect(next.origin).toBe('https://graph.microsoft.com');
    expect(Buffer.from(next.searchParams.get('$skiptoken')!, 'base64url').toString()).toBe(`DSpt{"s":"groups/${map.lookup(GROUP)}/members","a":999}`);
    for (const real of [USER, GROUP, TENANT, 'Tim Hartmann', 'contoso.test', 'Hartmann']) expect(all).not.toContain(real);
  });

  it('leaves ids every tenant shares, and is the same for the same seed', () => {
    expect(JSON.parse(exchanges[2]!.response.body).error.appRoleId).toBe('00000000-0000-0000-0000-000000000000');
    expect(JSON.stringify(sanitizeExchanges(graph, { seed: 'unit' }).exchanges)).toBe(all);
    expect(sanitizeExchanges(graph, { seed: 'other' }).map.lookup(USER)).not.toBe(map.lookup(USER));
  });

  it('is undone by the reverse mapping, in composite strings too', () => {
    const unmap = reverseMapper(map);
    expect(unmap(`group:${map.lookup(GROUP)}:member:user:${map.lookup(USER)}`)).toBe(`group:${GROUP}:member:user:${USER}`);
    expect(unmap('Name 0001 (user0001@example.com), not Name 00012')).toBe('Tim Hartmann (tim.hartmann@contoso.test), not Name 00012');
    expect(unmap('sub.example.com')).toBe('sub.contoso.test');
  });

  it("continues a saved mapping, and maps a connector's configuration without touching its secrets", () => {
    const saved = IdentityMap.fromJSON(JSON.parse(JSON.stringify(map.toJSON())));
    const more = sanitizeExchanges(
      [
        exchange('GET', 'https://graph.microsoft.com/v1.0/users/ann.lee@contoso.test', {
          body: JSON.stringify({ id: USER, displayName: 'Ann Lee' }),
        }),
      ],
      { map: saved },
    );
    expect(JSON.parse(more.exchanges[0]!.response.body)).toEqual({ id: map.lookup(USER), displayName: 'Name 0002' });
    expect(more.map.lookup('ann.lee@contoso.test')).toBe('user0002@example.com');
    const config = mapConfiguration(
      { tenantId: TENANT, clientSecret: 'twi8Q~PdLuQnn_bhSb', authority: `https://login.microsoftonline.com/${TENANT}` },
      map,
    );
    expect(config).toEqual({
      tenantId: map.lookup(TENANT),
      clientSecret: 'twi8Q~PdLuQnn_bhSb',
      authority: `https://login.microsoftonline.com/${map.lookup(TENANT)}`,
    });
  });
});

describe('sanitizing Google traffic', () => {
  const customer = exchange('GET', 'https://admin.googleapis.com/admin/directory/v1/customers/my_customer', {
    body: JSON.stringify({ id: 'C06vwzrvq', customerDomain: 'contoso.test' }),
  });
  const groupsPage = exchange('GET', 'https://admin.googleapis.com/admin/directory/v1/groups?customer=C06vwzrvq&maxResults=200', {
    body: JSON.stringify(
      { groups: [{ id: '127967987111737', email: 'eng@contoso.test', name: 'Engineering' }], nextPageToken: 'opaque-token-1' },
      null,
      2,
    ),
  });
  // The members call comes first in this recording; the group's id is only learned from the later list.
  const members = exchange('GET', 'https://admin.googleapis.com/admin/directory/v1/groups/127967987111737/members?pageToken=opaque-token-1', {
    body: '{"members":[]}',
  });
  const token = exchange(
    'POST',
    'https://oauth2.googleapis.com/token',
    { body: JSON.stringify({ access_token: 'ya29.c.abcdefghijklmnop', expires_in: 3599 }) },
    { type: 'application/x-www-form-urlencoded', body: `grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=${ACCESS_TOKEN}` },
  );

  it('maps numeric ids learned from any answer in every URL, keeps the layout and opaque page tokens', () => {
    const { exchanges, map } = sanitizeExchanges([members, groupsPage, token, customer]);
    const fake = map.lookup('127967987111737')!;
    expect(fake).toMatch(/^[1-9]\d{14}$/);
    expect(exchanges[0]!.request.url).toBe(`https://admin.googleapis.com/admin/directory/v1/groups/${fake}/members?pageToken=opaque-token-1`);
    expect(exchanges[1]!.request.url).toBe(
      `https://admin.googleapis.com/admin/directory/v1/groups?customer=${map.lookup('C06vwzrvq')}&maxResults=200`,
    );
    expect(map.lookup('C06vwzrvq')).toMatch(/^C\d\d[a-z]{6}$/);
    expect(exchanges[1]!.response.body).toBe(
      JSON.stringify({ groups: [{ id: fake, email: 'user0001@example.com', name: 'Name 0001' }], nextPageToken: 'opaque-token-1' }, null, 2),
    );
    expect(new URLSearchParams(exchanges[2]!.request.body).get('assertion')).toBe(PLACEHOLDERS.jwt);
    expect(JSON.parse(exchanges[2]!.response.body).access_token).toBe(PLACEHOLDERS.token);
  });

  it('redacts secrets the caller names, plain, URL-encoded and inside base64', () => {
    const secret = 'k3y/With+Special=chars';
    const leaky = exchange(
      'POST',
      `https://scim.example.org/scim/v2/Users?apikey=${encodeURIComponent(secret)}`,
      { type: 'text/plain', body: `debug: key is ${secret}` },
      { headers: [['x-custom-auth', `Basic ${Buffer.from(`svc:${secret}`).toString('base64')}`]] },
    );
    const { exchanges } = sanitizeExchanges([leaky], { secrets: [{ label: 'api key', value: secret }] });
    const text = JSON.stringify(exchanges);
    expect(text).not.toContain('k3y');
    expect(text).not.toContain(Buffer.from(`svc:${secret}`).toString('base64').slice(4, 20));
    expect(exchanges[0]!.response.body).toBe(`debug: key is ${PLACEHOLDERS.secret}`);
  });
});

describe('sanitizing AWS traffic', () => {
  const ACCOUNT = '139807813589';
  const listUsers = exchange(
    'POST',
    'https://iam.amazonaws.com/',
    {
      type: 'text/xml',
      body: `<ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListUsersResult><Users><member><Path>/eng/</Path><UserName>tim.hartmann</UserName><UserId>AIDA80ZVY1GIVRA8PQQ5</UserId><Arn>arn:aws:iam::${ACCOUNT}:user/eng/tim.hartmann</Arn></member></Users><IsTruncated>true</IsTruncated><Marker>opaque+marker/1=</Marker></ListUsersResult></ListUsersResponse>`,
    },
    {
      type: 'application/x-www-form-urlencoded; charset=utf-8',
      body: 'Action=ListUsers&Version=2010-05-08',
      headers: [['authorization', 'AWS4-HMAC-SHA256 Credential=AKIAQU43TRCUBIRBGIDC/20260501/us-east-1/iam/aws4_request, Signature=f0759e']],
    },
  );
  const groupsForUser = exchange(
    'POST',
    'https://iam.amazonaws.com/',
    { type: 'text/xml', body: '<ListGroupsForUserResponse/>' },
    { type: 'application/x-www-form-urlencoded', body: 'Action=ListGroupsForUser&UserName=tim.hartmann&Marker=opaque%2Bmarker%2F1%3D' },
  );
  const assume = exchange('POST', 'https://sts.amazonaws.com/', {
    type: 'text/xml',
    body: `<AssumeRoleResponse><AssumeRoleResult><Credentials><AccessKeyId>ASIAQU43TRCUBIRBGIDC</AccessKeyId><SecretAccessKey>wJalrXUtnFEMI/K7MDENG</SecretAccessKey><SessionToken>FwoGZXIvYXdzEB</SessionToken></Credentials><AssumedRoleUser><Arn>arn:aws:sts::${ACCOUNT}:assumed-role/SyncRole/session</Arn></AssumedRoleUser></AssumeRoleResult></AssumeRoleResponse>`,
  });
  const identityStore = exchange(
    'POST',
    'https://identitystore.us-east-1.amazonaws.com/',
    {
      type: 'application/x-amz-json-1.1',
      body: JSON.stringify({
        Users: [{ IdentityStoreId: 'd-6b42266611', UserId: USER, UserName: 'tim.hartmann@contoso.test', Name: { Formatted: 'Tim Hartmann' } }],
      }),
    },
    { type: 'application/x-amz-json-1.1', body: '{"IdentityStoreId":"d-6b42266611"}', headers: [['x-amz-target', 'AWSIdentityStore.ListUsers']] },
  );

  it('maps IAM XML (names, ids, ARNs) and the form bodies that name them alike; redacts STS credentials', () => {
    const { exchanges, map } = sanitizeExchanges([listUsers, groupsForUser, assume, identityStore]);
    const name = map.lookup('tim.hartmann')!;
    const account = map.lookup(ACCOUNT)!;
    expect(name).toBe('name0001');
    expect(exchanges[0]!.response.body).toContain(
      `<UserName>${name}</UserName><UserId>${map.lookup('AIDA80ZVY1GIVRA8PQQ5')}</UserId><Arn>arn:aws:iam::${account}:user/eng/${name}</Arn>`,
    );
    expect(map.lookup('AIDA80ZVY1GIVRA8PQQ5')).toMatch(/^AIDA[A-Z0-9]{16}$/);
    expect(exchanges[0]!.response.body).toContain('<Marker>opaque+marker/1=</Marker>');
    expect(exchanges[1]!.request.body).toBe(`Action=ListGroupsForUser&UserName=${name}&Marker=opaque%2Bmarker%2F1%3D`);
    expect(exchanges[0]!.request.headers).toContainEqual(['authorization', `AWS4-HMAC-SHA256 ${PLACEHOLDERS.token}`]);
    const sts = exchanges[2]!.response.body;
    expect(sts).toContain(
      `<AccessKeyId>${PLACEHOLDERS.awsTemporaryKeyId}</AccessKeyId><SecretAccessKey>${PLACEHOLDERS.secret}</SecretAccessKey><SessionToken>${PLACEHOLDERS.token}</SessionToken>`,
    );
    expect(sts).toContain(`arn:aws:sts::${account}:assumed-role/SyncRole/`);
    const store = JSON.parse(exchanges[3]!.response.body).Users[0];
    expect(store).toEqual({
      IdentityStoreId: map.lookup('d-6b42266611'),
      UserId: map.lookup(USER),
      UserName: 'user0001@example.com',
      Name: { Formatted: 'Name 0001' },
    });
    expect(map.lookup('d-6b42266611')).toMatch(/^d-[0-9a-f]{10}$/);
    expect(exchanges[3]!.request.body).toBe(`{"IdentityStoreId":"${map.lookup('d-6b42266611')}"}`);
    expect(JSON.stringify(exchanges)).not.toContain(ACCOUNT);
  });
});
