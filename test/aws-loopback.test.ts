/**
 * The AWS simulator served on a real loopback socket (as `sync-harness serve --provider aws` does): IAM,
 * STS and Identity Store on one base URL, reached by the official SDK clients given that endpoint.
 */
import { IAMClient, paginateListUsers } from '@aws-sdk/client-iam';
import { IdentitystoreClient, ListGroupsCommand } from '@aws-sdk/client-identitystore';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterEach, describe, expect, it } from 'vitest';
import { serveProviders, type Serving } from '../harness/serve/serve-providers.js';
import { providerNames } from '../mocks/serve/provider-registry.js';
import { createTenant } from '../mocks/tenant/store.js';

describe('AWS simulator on loopback', () => {
  let serving: Serving | undefined;
  afterEach(async () => serving?.stop());

  it('is registered and answers IAM, STS and Identity Store on one base URL', async () => {
    expect(providerNames()).toContain('aws');
    serving = await serveProviders({ providers: ['aws'], tenant: () => createTenant({ users: 17, groups: 4 }), seed: 9, faults: [] });
    const { baseUrl, credentials } = serving.ready as { baseUrl: string; credentials: Record<string, string> };
    expect(credentials.endpoint).toBe(baseUrl);
    const config = {
      region: credentials.region!,
      endpoint: baseUrl,
      credentials: { accessKeyId: credentials.accessKeyId!, secretAccessKey: credentials.secretAccessKey! },
    };

    const sts = new STSClient(config);
    expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe(credentials.accountId);
    const iam = new IAMClient(config);
    const ids: string[] = [];
    for await (const page of paginateListUsers({ client: iam, pageSize: 5 }, {})) ids.push(...page.Users!.map((u) => u.UserId!));
    expect(new Set(ids).size).toBe(17);
    const store = new IdentitystoreClient(config);
    expect((await store.send(new ListGroupsCommand({ IdentityStoreId: credentials.identityStoreId! }))).Groups).toHaveLength(4);

    // Session credentials from the served STS work against the served IAM.
    const { Credentials } = await sts.send(new AssumeRoleCommand({ RoleArn: credentials.roleArn!, RoleSessionName: 'loopback' }));
    const asRole = new STSClient({
      ...config,
      credentials: {
        accessKeyId: Credentials!.AccessKeyId!,
        secretAccessKey: Credentials!.SecretAccessKey!,
        sessionToken: Credentials!.SessionToken!,
      },
    });
    expect((await asRole.send(new GetCallerIdentityCommand({}))).Arn).toMatch(/:assumed-role\/SyncHarnessConnectorRole\/loopback$/);
  });
});
